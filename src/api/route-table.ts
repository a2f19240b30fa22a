/** The route table: every API route with its access rule; the app and the access tests both read it. */
import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { ZodType } from "zod";
import type { AccessRule } from "../services/index.ts";
import { ErrorBody } from "../shared/schemas.ts";
import type { AppEnv } from "./env.ts";

export interface RouteDef {
  route: RouteConfig;
  access: AccessRule;
  // biome-ignore lint/suspicious/noExplicitAny: the table holds routes of many shapes; each is typed where defined.
  handler: RouteHandler<any, AppEnv>;
}

/** Pairs a route with its access rule and its typed handler. */
export function defineRoute<R extends RouteConfig>(
  route: R,
  access: AccessRule,
  handler: RouteHandler<R, AppEnv>,
): RouteDef {
  return { route, access, handler: handler as RouteDef["handler"] };
}

export const PUBLIC: AccessRule = { kind: "public" };
export const SIGNED_IN: AccessRule = { kind: "signed-in" };
export const can = (permission: Extract<AccessRule, { kind: "permission" }>["permission"]) =>
  ({ kind: "permission", permission }) as const satisfies AccessRule;

export const json = <T extends ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const body = <T extends ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const error = (description: string) => json(ErrorBody, description);

/** The error answers every protected route can give. */
export const PROTECTED_ERRORS = {
  400: error("请求数据不合法 / invalid request"),
  401: error("未登录或登录已过期 / not signed in"),
  403: error("无权访问 / forbidden"),
  404: error("不存在 / not found"),
} as const;

/** The refusals of a change: a conflict with the current state (409) or data that cannot be taken (422). */
export const REFUSED = { 409: PROTECTED_ERRORS[400], 422: PROTECTED_ERRORS[400] };
export const noContent = { 204: { description: "完成 / done" } } as const;
