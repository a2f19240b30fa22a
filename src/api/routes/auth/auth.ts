/** Sign-in, the current session, sign-out and changing one's own password. */
import { createRoute } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import {
  changeOwnPassword,
  currentSession,
  login,
  logout,
  SESSION_MAX_HOURS,
} from "../../../services/index.ts";
import { ChangePasswordRequest, LoginRequest, Session } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import { SESSION_COOKIE } from "../../middleware/session.ts";
import {
  body,
  defineRoute,
  json,
  noContent,
  PROTECTED_ERRORS,
  PUBLIC,
  type RouteDef,
  SIGNED_IN,
} from "../../route-table.ts";

const tags = ["auth"];

export function authRoutes({ database, secureCookies }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(
      createRoute({
        method: "post",
        path: "/api/auth/login",
        tags,
        summary: "登录 / sign in",
        request: body(LoginRequest),
        responses: {
          200: json(Session, "已登录 / signed in"),
          ...PROTECTED_ERRORS,
          423: json(PROTECTED_ERRORS[401].content["application/json"].schema, "已锁定 / locked"),
        },
      }),
      PUBLIC,
      async (c) => {
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
      },
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/auth/session",
        tags,
        summary: "当前会话 / the current session",
        responses: { 200: json(Session, "会话 / session"), ...PROTECTED_ERRORS },
      }),
      SIGNED_IN,
      async (c) => {
        const resolved = c.get("session");
        if (!resolved) throw new Error("signed-in route without a session");
        return c.json(await currentSession(db, c.get("ctx"), resolved), 200);
      },
    ),
    defineRoute(
      createRoute({
        method: "post",
        path: "/api/auth/logout",
        tags,
        summary: "退出登录 / sign out",
        responses: { ...noContent, ...PROTECTED_ERRORS },
      }),
      SIGNED_IN,
      async (c) => {
        await logout(db, c.get("ctx"), c.get("sessionToken") ?? "");
        deleteCookie(c, SESSION_COOKIE, { path: "/" });
        return c.body(null, 204);
      },
    ),
    defineRoute(
      createRoute({
        method: "post",
        path: "/api/auth/password",
        tags,
        summary: "修改本人密码 / change my password",
        request: body(ChangePasswordRequest),
        responses: { ...noContent, ...PROTECTED_ERRORS },
      }),
      SIGNED_IN,
      async (c) => {
        const input = c.req.valid("json");
        await changeOwnPassword(db, c.get("ctx"), {
          ...input,
          keepSessionToken: c.get("sessionToken") ?? "",
        });
        return c.body(null, 204);
      },
    ),
  ];
}
