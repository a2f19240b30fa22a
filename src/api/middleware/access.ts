/** Enforces a route's access rule through the policy module before validation and the handler run. */
import type { MiddlewareHandler } from "hono";
import { DomainError } from "../../domain/errors.ts";
import { type AccessRule, authorize } from "../../services/index.ts";
import type { AppEnv } from "../env.ts";

export function access(rule: AccessRule): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ctx = c.get("ctx");
    if (rule.kind !== "public" && ctx.actor === null) {
      throw new DomainError(c.get("sessionProblem") ?? "auth.required");
    }
    authorize(ctx, rule);
    await next();
  };
}
