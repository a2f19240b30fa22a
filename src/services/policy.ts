/** The access policy: the one place that decides what an actor may see and change. */
import { DomainError } from "../domain/errors.ts";
import { isWithin } from "../domain/regions.ts";
import { type Permission, roleCan } from "../shared/roles.ts";
import type { Actor, ServiceContext } from "./context.ts";

/** A route's access rule; every route in the route table declares one. */
export type AccessRule =
  | { kind: "public" }
  /** Any signed-in user, acting on their own account (session, password). */
  | { kind: "signed-in" }
  | { kind: "permission"; permission: Permission };

/** Throws unless the context may pass the rule; returns the actor when there is one. */
export function authorize(ctx: ServiceContext, rule: AccessRule): Actor | null {
  if (rule.kind === "public") return ctx.actor;
  if (ctx.actor === null) {
    if (ctx.systemName !== undefined) return null;
    throw new DomainError("auth.required");
  }
  if (rule.kind === "permission" && !roleCan(ctx.actor.role, rule.permission)) {
    throw new DomainError("access.forbidden", {}, { permission: rule.permission });
  }
  return ctx.actor;
}

/** Throws `access.region` unless the region (by its path) is the actor's own or below it. */
export function assertRegionInScope(ctx: ServiceContext, region: { code: string; path: string }) {
  if (ctx.actor === null) {
    if (ctx.systemName !== undefined) return;
    throw new DomainError("auth.required");
  }
  if (!isWithin(region.path, ctx.actor.regionPath)) {
    throw new DomainError("access.region", { region: region.code }, { region: region.code });
  }
}

/** The path prefix that bounds every query of this context ("/" for the console operator). */
export function scopePath(ctx: ServiceContext): string {
  if (ctx.actor === null) {
    if (ctx.systemName !== undefined) return "/";
    throw new DomainError("auth.required");
  }
  return ctx.actor.regionPath;
}

export function isInScope(ctx: ServiceContext, path: string): boolean {
  return isWithin(path, scopePath(ctx));
}
