/** Sign-in, the current session, sign-out and changing one's own password. */
import { deleteCookie, setCookie } from "hono/cookie";
import {
  changeOwnPassword,
  currentSession,
  login,
  logout,
  SESSION_MAX_HOURS,
} from "../../../services/index.ts";
import {
  changePasswordRoute,
  loginRoute,
  logoutRoute,
  sessionRoute,
} from "../../../shared/routes/auth.ts";
import type { AppDeps } from "../../env.ts";
import { SESSION_COOKIE } from "../../middleware/session.ts";
import { defineRoute, PUBLIC, type RouteDef, SIGNED_IN } from "../../route-table.ts";

export function authRoutes({ database, secureCookies }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(loginRoute, PUBLIC, async (c) => {
      const input = c.req.valid("json");
      const result = await login(db, c.get("ctx"), {
        ...input,
        ip: c.get("ctx").ip,
        userAgent: c.req.header("user-agent") ?? null,
      });
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: secureCookies ?? false,
        path: "/",
        maxAge: SESSION_MAX_HOURS * 3600,
      });
      return c.json(result.session, 200);
    }),
    defineRoute(sessionRoute, SIGNED_IN, async (c) => {
      const resolved = c.get("session");
      if (!resolved) throw new Error("signed-in route without a session");
      return c.json(await currentSession(db, c.get("ctx"), resolved), 200);
    }),
    defineRoute(logoutRoute, SIGNED_IN, async (c) => {
      await logout(db, c.get("ctx"), c.get("sessionToken") ?? "");
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    }),
    defineRoute(changePasswordRoute, SIGNED_IN, async (c) => {
      const input = c.req.valid("json");
      await changeOwnPassword(db, c.get("ctx"), {
        ...input,
        keepSessionToken: c.get("sessionToken") ?? "",
      });
      return c.body(null, 204);
    }),
  ];
}
