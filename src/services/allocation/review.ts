/**
 * A plan's review steps: submit (the plan must compute), return (with a comment), approve (finance
 * of the region or above, not the submitter, one approved plan per group), reopen (the approver, with
 * a reason).
 */

import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/index.ts";
import { isUniqueViolation } from "../../db/pg-errors.ts";
import { allocationPlans, ONE_APPROVED_PER_GROUP } from "../../db/schema.ts";
import { DomainError, type Locale } from "../../domain/errors.ts";
import { assertFrom, PLAN_FLOW, transition } from "../../domain/workflow/index.ts";
import type { AllocationActionT, AllocationPlanDetailT } from "../../shared/allocation-schemas.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { authorize } from "../policy.ts";
import { computePlan } from "./inputs.ts";
import { conflict, editorOf, groupOf, loadPlan, planActor, planState } from "./plan-access.ts";
import { getAllocationPlan } from "./plans.ts";

/** One review step on a plan; the plan as it then is, with its next actions. */
export async function actOnAllocationPlan(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  input: { action: AllocationActionT; version: number; comment?: string | undefined },
  locale: Locale = "zh-CN",
): Promise<AllocationPlanDetailT> {
  authorize(ctx, {
    kind: "permission",
    permission: input.action === "submit" ? "allocation:edit" : "allocation:approve",
  });
  try {
    await db.transaction((tx) => transitionPlan(tx, ctx, id, input));
  } catch (err) {
    // Another approval in the group committed first: the partial unique index refused this one.
    if (input.action === "approve" && isUniqueViolation(err, ONE_APPROVED_PER_GROUP)) {
      throw await otherApprovedError(db, id);
    }
    throw err;
  }
  return getAllocationPlan(db, ctx, id, locale);
}

/** The refusal naming the group's approved plan (after an approval lost the race to it). */
async function otherApprovedError(db: DbOrTx, id: number): Promise<Error> {
  const [plan] = await db.select().from(allocationPlans).where(eq(allocationPlans.id, id));
  const other = plan
    ? (await groupOf(db, plan)).find((p) => p.id !== id && p.status === "approved")
    : undefined;
  return new DomainError("allocation.other_approved", { name: other?.name ?? "" });
}

/** One review step inside the caller's transaction, the plan locked while it is checked and changed. */
async function transitionPlan(
  tx: DbOrTx,
  ctx: ServiceContext,
  id: number,
  input: { action: AllocationActionT; version: number; comment?: string | undefined },
) {
  const { plan, region } = await loadPlan(tx, ctx, id, true);
  // The state first: a second approval of the same plan is told it is approved, not stale.
  assertFrom(PLAN_FLOW, plan.status, input.action);
  if (plan.version !== input.version) throw conflict(plan);
  const userId = ctx.actor?.userId ?? null;
  const comment = input.comment?.trim() ?? "";
  if (input.action === "submit") editorOf(ctx, region);
  // Only an approval asks whether another plan of the group is approved.
  const group = input.action === "approve" ? await groupOf(tx, plan) : [];
  const next = transition(
    PLAN_FLOW,
    planState(plan, region.name, group),
    input.action,
    planActor(ctx, region.path),
    { reason: comment },
  );
  if (input.action === "submit") {
    const computed = await computePlan(tx, plan, region.path);
    if (!computed.result) {
      throw new DomainError("allocation.cannot_compute", {
        problems: computed.problems.slice(0, 5).join("；"),
      });
    }
  }
  const now = new Date();
  // Conditional on the state and version read, so a write can never land on a plan that moved.
  const [changed] = await tx
    .update(allocationPlans)
    .set({
      status: next,
      version: plan.version + 1,
      comment: input.action === "return" || input.action === "reopen" ? comment : plan.comment,
      ...(input.action === "submit" ? { submittedBy: userId } : {}),
      ...(input.action === "approve" ? { approvedBy: userId, approvedAt: now } : {}),
      ...(input.action === "reopen" ? { approvedBy: null, approvedAt: null } : {}),
      updatedByName: ctx.actor?.username ?? ctx.systemName ?? null,
      updatedAt: now,
    })
    .where(
      and(
        eq(allocationPlans.id, id),
        eq(allocationPlans.status, plan.status),
        eq(allocationPlans.version, plan.version),
      ),
    )
    .returning({ id: allocationPlans.id });
  if (!changed) throw conflict(plan);
  await recordAudit(tx, ctx, {
    action: `allocation.${input.action}`,
    entity: "allocation_plan",
    entityId: id,
    region,
    before: { status: plan.status },
    after: { status: next, ...(comment ? { comment } : {}) },
  });
}
