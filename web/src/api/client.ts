/** fetch wrapper for the Jixiao API: JSON, same-origin cookie, CSRF header, localized errors. */

/** An error answer of the API; `message` is already in the user's language. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);
const SESSION_LOST = new Set(["auth.required", "auth.session_expired"]);

let csrfToken: string | null = null;
let acceptLanguage = "zh-CN";
let onSessionLost: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

/** What a request made outside `request()` (an upload with progress) must send along. */
export function requestHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": acceptLanguage,
  };
  if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  return headers;
}

/** The ApiError of a failed answer whose body is already read as text. */
export function apiErrorOf(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (body.error?.code && body.error.message) {
      return new ApiError(status, body.error.code, body.error.message, body.error.details);
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(status, "http", `HTTP ${status}`);
}

/** Called when the server says the session is gone, so the app can go back to the login page. */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (body.error?.code && body.error.message) {
      return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
    }
  } catch {
    // not JSON (a proxy or network page): fall through to the status line
  }
  return new ApiError(response.status, "http", `HTTP ${response.status} ${response.statusText}`);
}

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": acceptLanguage,
  };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (!SAFE_METHODS.has(method) && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  const response = await fetch(urlOf(path, options.query), {
    method,
    headers,
    credentials: "same-origin",
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) {
    const error = await errorOf(response);
    if (SESSION_LOST.has(error.code)) onSessionLost?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * A multipart POST (a file upload): fetch sets the content type with its boundary; the headers add
 * CSRF and language. Any answer but `expected` is an ApiError.
 */
export async function postForm<T>(path: string, body: FormData, expected: number): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: requestHeaders(),
    credentials: "same-origin",
    body,
  });
  if (response.status !== expected) throw apiErrorOf(response.status, await response.text());
  return (await response.json()) as T;
}
