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

/** How much of a download has arrived; `total` is null when the server did not say its size. */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/** The file name of a Content-Disposition header: the UTF-8 `filename*` first, else `filename`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // malformed escapes: fall back to the plain name
    }
  }
  return /filename\s*=\s*"([^"]*)"/.exec(disposition)?.[1] ?? null;
}

/** Hands bytes to the browser as a download under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click is handled; keep the URL a while for slow ones.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The one download of the web app: fetches a file of the API with the session, reports the bytes as
 * they arrive, saves it under the server's file name and returns that name. A refusal or a failed
 * rendering is an ApiError with the server's message in the user's language (never a saved error
 * page), so the caller can show it.
 */
export async function downloadFile(
  path: string,
  options: { onProgress?: (p: DownloadProgress) => void; fallbackName?: string } = {},
): Promise<string> {
  const response = await fetch(path, {
    method: "GET",
    headers: { Accept: "*/*", "Accept-Language": acceptLanguage },
    credentials: "same-origin",
  });
  if (!response.ok) {
    const error = await errorOf(response);
    if (SESSION_LOST.has(error.code)) onSessionLost?.();
    throw error;
  }
  const length = Number(response.headers.get("Content-Length"));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      received += value.byteLength;
      options.onProgress?.({ received, total });
    }
  } else {
    const bytes = new Uint8Array(await response.arrayBuffer());
    chunks.push(bytes);
    options.onProgress?.({ received: bytes.byteLength, total });
  }
  const type = response.headers.get("Content-Type") ?? "application/octet-stream";
  const name =
    fileNameOf(response.headers.get("Content-Disposition")) ??
    options.fallbackName ??
    path.split("?")[0]?.split("/").pop() ??
    "download";
  saveBlob(new Blob(chunks, { type }), name);
  return name;
}
