/**
 * Route definitions, no handlers (those are in src/api/routes/auth/auth.ts). Sign-in, the current
 * session, sign-out and changing one's own password.
 */
import { createRoute } from "@hono/zod-openapi";
import { ChangePasswordRequest, LoginRequest, Session } from "../schemas.ts";
import { body, json, noContent, PROTECTED_ERRORS } from "./helpers.ts";

const tags = ["auth"];

export const loginRoute = createRoute({
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
});

export const sessionRoute = createRoute({
  method: "get",
  path: "/api/auth/session",
  tags,
  summary: "当前会话 / the current session",
  responses: { 200: json(Session, "会话 / session"), ...PROTECTED_ERRORS },
});

export const logoutRoute = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags,
  summary: "退出登录 / sign out",
  responses: { ...noContent, ...PROTECTED_ERRORS },
});

export const changePasswordRoute = createRoute({
  method: "post",
  path: "/api/auth/password",
  tags,
  summary: "修改本人密码 / change my password",
  request: body(ChangePasswordRequest),
  responses: { ...noContent, ...PROTECTED_ERRORS },
});
