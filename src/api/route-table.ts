/** The route table: every API route with its access rule; the app and the access tests both read it. */
import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { AccessRule } from "../services/index.ts";
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
