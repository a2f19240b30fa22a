/** Tells a lost or unreachable database apart from a failed query: the first answers 503, not 500. */
import { DomainError } from "../domain/errors.ts";

/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * SQLSTATEs of a server that ended or refused the session: admin_shutdown, crash_shutdown,
 * cannot_connect_now (starting up, shutting down, recovering), too_many_connections.
 */
const SERVER_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);

/**
 * SQLSTATEs a server answers only when a session is being opened: the database does not exist (dropped,
 * renamed) or the role may not sign in (a changed password). The service cannot reach its data either way.
 */
const CONNECT_CODES = new Set(["3D000", "28000", "28P01"]);

/** object_not_in_prerequisite_state is a connection refusal only with this message (`allow_connections false`). */
const NOT_ACCEPTING = /is not currently accepting connections/;

/** node-postgres and PGlite say these in the message only, without a code. */
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^timeout expired$/,
  /is not queryable/,
  /^Cannot use a pool after calling end on the pool$/,
  /^PGlite is clos(ed|ing)$/,
];

type Inspectable = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

/**
 * Why `err` means the database is out of reach (a short reason for logs and /api/health), or null
 * for any other error. Follows `cause` (drizzle wraps the driver's error) and `errors` (a refused
 * connection to `localhost` is an AggregateError of the IPv6 and IPv4 attempts).
 */
export function connectionErrorReason(err: unknown, depth = 0): string | null {
  if (depth > 5 || typeof err !== "object" || err === null) return null;
  if (isPgliteAbort(err)) return `PGlite: ${String((err as Error).message)}`;
  const { code, message, cause, errors } = err as Inspectable;
  const text = typeof message === "string" ? message : "";
  if (typeof code === "string") {
    if (SOCKET_CODES.has(code)) return code;
    // Class 08: connection exceptions.
    if (SERVER_CODES.has(code) || CONNECT_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
      return `${code} ${text}`.trim();
    }
    if (code === "55000" && NOT_ACCEPTING.test(text)) return `${code} ${text}`;
  }
  if (MESSAGES.some((pattern) => pattern.test(text))) return text;
  const inner = connectionErrorReason(cause, depth + 1);
  if (inner) return inner;
  if (Array.isArray(errors)) {
    for (const each of errors) {
      const found = connectionErrorReason(each, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

export function isConnectionError(err: unknown): boolean {
  return connectionErrorReason(err) !== null;
}

/** `WebAssembly.RuntimeError`, which Node has but the project's type libraries do not declare. */
export const WasmRuntimeError = (
  globalThis as unknown as { WebAssembly: { RuntimeError: new (message?: string) => Error } }
).WebAssembly.RuntimeError;

/**
 * PGlite's WebAssembly runtime died: emscripten's abort() throws `WebAssembly.RuntimeError
 * ("Aborted(…)")`, exit() an `ExitStatus`; the instance can never answer again.
 */
export function isPgliteAbort(err: unknown): boolean {
  if (err instanceof WasmRuntimeError) return true;
  if (typeof err !== "object" || err === null) return false;
  const { name, message } = err as { name?: unknown; message?: unknown };
  return name === "ExitStatus" || (typeof message === "string" && message.startsWith("Aborted("));
}

/** How soon a client should try again after a 503 `db.unavailable` (Retry-After). */
export const DB_RETRY_AFTER_SECONDS = 5;

/** The answer for a request that failed because the database is out of reach. */
export function databaseUnavailable(): DomainError {
  return new DomainError(
    "db.unavailable",
    { seconds: DB_RETRY_AFTER_SECONDS },
    { retryAfterSeconds: DB_RETRY_AFTER_SECONDS },
  );
}
