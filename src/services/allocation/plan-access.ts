/** Loading a plan the actor may see, who may edit or review it, and the versioned write of its edits. */

import { eq, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/index.ts";
import { allocationPlans, regions } from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import { isWithin } from "../../domain/regions.ts";
import {
  type FlowActor,
  PLAN_FLOW,
  type PlanState,
  transition,
} from "../../domain/workflow/index.ts";
import { auditTimeText } from "../../shared/audit-changes.ts";
import type { AuditAction } from "../../shared/audit-codes.ts";
import { roleCan } from "../../shared/roles.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { assertRegionInScope, authorize, isInScope } from "../policy.ts";
import type { JsonObject } from "./json-object.ts";

export type Plan = typeof allocationPlans.$inferSelect;

/** A plan the actor may see, with its region (404 otherwise). */
export async function loadPlan(db: DbOrTx, ctx: ServiceContext, id: number, lock = false) {
  authorize(ctx, { kind: "permission", permission: "allocation:read" });
  const query = db
    .select({ plan: allocationPlans, region: regions })
    .from(allocationPlans)
    .innerJoin(regions, eq(regions.code, allocationPlans.regionCode))
    .where(eq(allocationPlans.id, id));
  const [row] = lock ? await query.for("update", { of: allocationPlans }) : await query;
  if (!row || !isInScope(ctx, row.region.path)) {
    throw new DomainError("allocation.plan_not_found", { id });
  }
  return row;
}

export function editorOf(
  ctx: ServiceContext,
  region: { code: string; name: string; path: string },
) {
  const actor = authorize(ctx, { kind: "permission", permission: "allocation:edit" });
  assertRegionInScope(ctx, region);
  if (actor && !isWithin(region.path, actor.regionPath)) {
    throw new DomainError("allocation.not_editor", { region: region.name });
  }
  return actor;
}

/** Who acts on a plan of the region: may edit (the department or finance), may approve (finance). */
export function planActor(ctx: ServiceContext, regionPath: string): FlowActor {
  const a = ctx.actor;
  const can = (p: "allocation:edit" | "allocation:approve") =>
    a === null || (roleCan(a.role, p) && isWithin(regionPath, a.regionPath));
  return {
    userId: a?.userId ?? null,
    canEdit: can("allocation:edit"),
    canReview: can("allocation:approve"),
  };
}

/** The plan as its flow sees it; `group` is the plan's group when the step needs it (approval). */
export function planState(plan: Plan, regionName: string, group: Plan[] = []): PlanState {
  const other = group.find((p) => p.id !== plan.id && p.status === "approved");
  return {
    status: plan.status,
    submittedBy: plan.submittedBy,
    approvedBy: plan.approvedBy,
    regionName,
    isScenario: plan.scenarioOf !== null,
    otherApproved: other?.name ?? null,
  };
}

/** The plan's group: its base plan and the base's scenarios, in the order they were made. */
export async function groupOf(db: DbOrTx, plan: Plan): Promise<Plan[]> {
  const base = plan.scenarioOf ?? plan.id;
  return db
    .select()
    .from(allocationPlans)
    .where(or(eq(allocationPlans.id, base), eq(allocationPlans.scenarioOf, base)))
    .orderBy(allocationPlans.id);
}

export function conflict(plan: Plan): DomainError {
  return new DomainError(
    "allocation.version_conflict",
    {
      by: plan.updatedByName ?? "他人",
      at: auditTimeText(plan.updatedAt.toISOString()).slice(0, 16),
      version: plan.version,
    },
    { version: plan.version },
  );
}

/** Locks a plan the actor may edit, at the version they saw, while it is a draft or returned. */
export async function editablePlan(tx: DbOrTx, ctx: ServiceContext, id: number, version: number) {
  const loaded = await loadPlan(tx, ctx, id, true);
  editorOf(ctx, loaded.region);
  if (loaded.plan.version !== version) throw conflict(loaded.plan);
  transition(
    PLAN_FLOW,
    planState(loaded.plan, loaded.region.name),
    "save",
    planActor(ctx, loaded.region.path),
  );
  return loaded;
}

/** Writes a plan's new name, model or data as its next version, with the audit entry. */
export async function writePlan(
  tx: DbOrTx,
  ctx: ServiceContext,
  plan: Plan,
  region: { code: string; path: string },
  set: { name?: string; model?: JsonObject; data: JsonObject },
  audit: { action: AuditAction; before: JsonObject; after: JsonObject },
) {
  await tx
    .update(allocationPlans)
    .set({
      ...set,
      version: plan.version + 1,
      updatedByName: ctx.actor?.username ?? ctx.systemName ?? null,
      updatedAt: new Date(),
    })
    .where(eq(allocationPlans.id, plan.id));
  await recordAudit(tx, ctx, { ...audit, entity: "allocation_plan", entityId: plan.id, region });
}
