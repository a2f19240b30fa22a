/** The session cookie, CSRF on state-changing requests, the service context, and refusals audited. */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import type { Db } from "../../db/index.ts";
import { DomainError } from "../../domain/errors.ts";
import {
  auditText,
  recordRefusal,
  refusalKey,
  resolveSession,
  type ServiceContext,
  sameSecret,
} from "../../services/index.ts";
import { clientAddress } from "../client-address.ts";
import type { AppEnv } from "../env.ts";
import { statusOf } from "../errors.ts";

export const SESSION_COOKIE = "jixiao_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Routes that must work before there is a session to take a token from. */
const CSRF_EXEMPT = new Set(["/api/auth/login"]);

export function session(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ip = clientAddress(c);
    c.set("session", null);
    c.set("sessionToken", null);
    c.set("sessionProblem", null);
    const locale = c.get("locale");
    c.set("ctx", { actor: null, ip, requestId: c.get("requestId"), locale });
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      try {
        const resolved = await resolveSession(db, token);
        c.set("session", resolved);
        c.set("sessionToken", token);
        c.set("ctx", { actor: resolved.actor, ip, requestId: c.get("requestId"), locale });
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
      if (!sameSecret(sent, resolved.csrfToken)) {
        const refused = new DomainError("auth.csrf");
        await auditRefusal(db, c, refused, c.req.path);
        throw refused;
      }
    }
    await next();
    // A 403 from the access rule, the policy or a service, already answered: put it in the trail.
    if (c.error instanceof DomainError && statusOf(c.error.code) === 403) {
      await auditRefusal(db, c, c.error, c.req.routePath);
    }
  };
}

/** One `access.refused` entry (who, which route, which region); failing to write it changes no answer. */
async function auditRefusal(db: Db, c: Context<AppEnv>, err: DomainError, route: string) {
  const ctx: ServiceContext = c.get("ctx");
  const details = (err.details ?? {}) as Record<string, unknown>;
  const asked = typeof details.region === "string" ? details.region : null;
  try {
    await recordRefusal(
      db,
      ctx,
      {
        action: "access.refused",
        entity: "route",
        entityId: auditText(`${c.req.method} ${route}`, 200),
        region: ctx.actor ? { code: ctx.actor.regionCode, path: ctx.actor.regionPath } : null,
        after: {
          code: err.code,
          path: auditText(c.req.path, 200),
          ...(typeof details.permission === "string" && { permission: details.permission }),
          ...(asked !== null && { region: asked }),
        },
      },
      refusalKey(ctx),
    );
  } catch (error) {
    c.get("log")?.warn({ err: error }, "could not audit a refused request");
  }
}
