/** Reads the session cookie, checks CSRF on state-changing requests, and builds the service context. */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import type { Db } from "../../db/index.ts";
import { DomainError } from "../../domain/errors.ts";
import { resolveSession, sameSecret } from "../../services/index.ts";
import type { AppEnv } from "../env.ts";

export const SESSION_COOKIE = "jixiao_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Routes that must work before there is a session to take a token from. */
const CSRF_EXEMPT = new Set(["/api/auth/login"]);

export function clientIp(c: Context<AppEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-memory requests (tests) have no socket
  }
}

export function session(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ip = clientIp(c);
    c.set("session", null);
    c.set("sessionToken", null);
    c.set("sessionProblem", null);
    c.set("ctx", { actor: null, ip, requestId: c.get("requestId") });
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      try {
        const resolved = await resolveSession(db, token);
        c.set("session", resolved);
        c.set("sessionToken", token);
        c.set("ctx", { actor: resolved.actor, ip, requestId: c.get("requestId") });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        c.set("sessionProblem", "auth.session_expired");
        deleteCookie(c, SESSION_COOKIE, { path: "/" });
      }
    }
    const resolved = c.get("session");
    // The public survey routes act on no one's authority: a resident's answer needs no CSRF token.
    const exempt = CSRF_EXEMPT.has(c.req.path) || c.req.path.startsWith("/api/public/");
    if (resolved && !SAFE_METHODS.has(c.req.method) && !exempt) {
      const sent = c.req.header(CSRF_HEADER) ?? "";
      if (!sameSecret(sent, resolved.csrfToken)) throw new DomainError("auth.csrf");
    }
    await next();
  };
}
