/**
 * Allocation plans (因素法): import a model file as a plan, list, read with its computed allocation,
 * edit, copy into scenarios, delete, and compare side by side.
 */

import { and, desc, eq, inArray, like } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db/index.ts";
import { allocationPlans, regions } from "../../db/schema.ts";
import { comparePlans, DecimalText } from "../../domain/allocation/index.ts";
import { Decimal } from "../../domain/decimal.ts";
import { DomainError, type Locale } from "../../domain/errors.ts";
import { textIn } from "../../domain/frameworks/index.ts";
import { wanToYuan } from "../../domain/money.ts";
import { isWithin } from "../../domain/regions.ts";
import { allowedActions, PLAN_FLOW, transition } from "../../domain/workflow/index.ts";
import type {
  AllocationComparisonT,
  AllocationOutcomeT,
  AllocationPlanDetailT,
  AllocationPlanSummaryT,
} from "../../shared/allocation-schemas.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { getRegion } from "../data/region-service.ts";
import { assertRegionInScope, authorize, isInScope } from "../policy.ts";
import { assertStorableText } from "../storable-text.ts";
import { assertComputable, type Computed, computePlan, newInputCache } from "./inputs.ts";
import { type JsonObject, jsonObject } from "./json-object.ts";
import {
  editablePlan,
  editorOf,
  groupOf,
  loadPlan,
  type Plan,
  planActor,
  planState,
  writePlan,
} from "./plan-access.ts";

/** What a summary reads of a stored model; the rest is the model's business. */
const StoredTotal = z.object({ total: DecimalText, unit: z.unknown() });

function summaryOf(plan: Plan, regionName: string): AllocationPlanSummaryT {
  // Every stored model passed prepareAllocation, so its total is a number: one that does not parse
  // is a broken row, let through as an error rather than listed as a plan without a total.
  const model = StoredTotal.parse(plan.model);
  const amount = new Decimal(String(model.total));
  const total = (model.unit === "万元" ? wanToYuan(amount) : amount).toString();
  return {
    id: plan.id,
    name: plan.name,
    year: plan.year,
    regionCode: plan.regionCode,
    regionName,
    scenarioOf: plan.scenarioOf,
    status: plan.status,
    version: plan.version,
    total,
    updatedAt: plan.updatedAt.toISOString(),
    updatedBy: plan.updatedByName,
  };
}

/** The plans of the actor's region and below, bases before their scenarios. */
export async function listAllocationPlans(
  db: DbOrTx,
  ctx: ServiceContext,
  query: { year?: number | undefined; regionCode?: string | undefined },
): Promise<AllocationPlanSummaryT[]> {
  authorize(ctx, { kind: "permission", permission: "allocation:read" });
  const scope = query.regionCode ? await getRegion(db, query.regionCode, "regionCode") : null;
  if (scope) assertRegionInScope(ctx, scope);
  // The chosen region, else the actor's own: the subtree is selected in SQL, not in Node.
  const path = scope?.path ?? ctx.actor?.regionPath ?? "/";
  const rows = await db
    .select({ plan: allocationPlans, regionName: regions.name })
    .from(allocationPlans)
    .innerJoin(regions, eq(regions.code, allocationPlans.regionCode))
    .where(
      and(
        like(regions.path, `${path}%`),
        query.year === undefined ? undefined : eq(allocationPlans.year, query.year),
      ),
    )
    .orderBy(desc(allocationPlans.year), allocationPlans.id);
  return rows.map((r) => summaryOf(r.plan, r.regionName));
}

/** A model file (the model's fields, the data under `data`) as JSON, or a clear error. */
function parseModelFile(fileName: string, text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new DomainError(
      "allocation.file_not_json",
      { file: fileName, reason: (err as Error).message },
      { file: fileName },
    );
  }
  assertStorableText(fileName, json);
  const { data, ...model } = jsonObject(json);
  return { model, data: jsonObject(data ?? { regions: {} }) };
}

/**
 * A model's administrative regions must lie below the allocating one; other codes (a county sharing
 * among its community projects) are its own business.
 */
async function assertRegionsBelow(
  db: DbOrTx,
  model: { regions: readonly { code: string }[] },
  region: { code: string; path: string },
) {
  const codes = model.regions.map((r) => r.code);
  if (codes.length === 0) return;
  const found = await db
    .select({ code: regions.code, path: regions.path })
    .from(regions)
    .where(inArray(regions.code, codes));
  const outside = found
    .filter((r) => !isWithin(r.path, region.path) || r.code === region.code)
    .map((r) => r.code);
  if (outside.length > 0) {
    throw new DomainError("allocation.region_mismatch", {
      codes: outside.join("、"),
      region: region.code,
    });
  }
}

/** Imports a model file as a new base plan of the region (one transaction, audited). */
export async function createAllocationPlan(
  db: DbOrTx,
  ctx: ServiceContext,
  input: { regionCode: string; fileName: string; text: string },
): Promise<{ id: number }> {
  const region = await getRegion(db, input.regionCode, "regionCode");
  editorOf(ctx, region);
  const file = parseModelFile(input.fileName, input.text);
  const model = await assertComputable(
    db,
    { model: file.model, data: file.data, year: Number(file.model.year) },
    region.path,
    input.fileName,
  );
  await assertRegionsBelow(db, model, region);
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(allocationPlans)
      .values({
        regionCode: region.code,
        year: model.year,
        // A name in both languages is stored in Chinese, as plans are listed (the model keeps both).
        name: textIn(model.name, "zh-CN"),
        model: file.model,
        data: file.data,
        createdBy: ctx.actor?.userId ?? null,
        updatedByName: ctx.actor?.username ?? ctx.systemName ?? null,
      })
      .returning();
    if (!plan) throw new Error("plan not created");
    await recordAudit(tx, ctx, {
      action: "allocation.create",
      entity: "allocation_plan",
      entityId: plan.id,
      region,
      after: { name: plan.name, year: plan.year, file: input.fileName },
    });
    return { id: plan.id };
  });
}

function outcomeOf(c: Computed, locale: Locale): AllocationOutcomeT | null {
  const r = c.result;
  if (!r) return null;
  return {
    totals: r.totals,
    heldBack: r.heldBack,
    regions: r.regions.map((x) => ({
      code: x.code,
      name: x.name,
      amount: x.amount,
      raw: x.raw,
      shares: x.shares,
      coefficients: x.coefficients,
      composite: x.composite,
      roundingAdjustment: x.roundingAdjustment,
      floorOrCap: x.floorOrCap ?? null,
      flags: x.flags.map((f) => f.message[locale]),
      derivation: x.derivation[locale],
    })),
    warnings: r.warnings.map(
      (w) => `${w.regionName}${locale === "en-US" ? ": " : "："}${w.message[locale]}`,
    ),
    rounds: r.rounds,
    // Notes in the reader's language.
    factors: c.factors.map(({ noteEn, ...f }) => (locale === "en-US" ? { ...f, note: noteEn } : f)),
    grades: c.grades.map(({ noteEn, ...g }) => (locale === "en-US" ? { ...g, note: noteEn } : g)),
  };
}

/** A plan with its computed allocation (or the problems that stop it), its actions and its group. */
export async function getAllocationPlan(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  locale: Locale = "zh-CN",
): Promise<AllocationPlanDetailT> {
  const { plan, region } = await loadPlan(db, ctx, id);
  const computed = await computePlan(db, plan, region.path);
  const group = await groupOf(db, plan);
  return {
    ...summaryOf(plan, region.name),
    model: jsonObject(plan.model),
    data: jsonObject(plan.data),
    comment: plan.comment,
    actions: allowedActions(
      PLAN_FLOW,
      planActor(ctx, region.path),
      planState(plan, region.name, group),
    ),
    result: outcomeOf(computed, locale),
    problems: computed.problems,
    scenarios: group.map((p) => summaryOf(p, region.name)),
  };
}

/** The plan's computed allocation for the CLI, reports and exports (throws when it cannot compute). */
export async function computeAllocationPlan(db: DbOrTx, ctx: ServiceContext, id: number) {
  const { plan, region } = await loadPlan(db, ctx, id);
  const computed = await computePlan(db, plan, region.path);
  return { plan, region, ...computed };
}

/** Saves an edited model (weights, coefficients, total…) of a draft or returned plan. */
export async function updateAllocationPlan(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  input: {
    version: number;
    name?: string | undefined;
    model: JsonObject;
    data?: JsonObject | undefined;
  },
  locale: Locale = "zh-CN",
): Promise<AllocationPlanDetailT> {
  await db.transaction(async (tx) => {
    const { plan, region } = await editablePlan(tx, ctx, id, input.version);
    const data = input.data ?? jsonObject(plan.data);
    const model = await assertComputable(
      tx,
      { model: input.model, data, year: plan.year },
      region.path,
      plan.name,
    );
    await assertRegionsBelow(tx, model, region);
    const name = input.name ?? plan.name;
    await writePlan(
      tx,
      ctx,
      plan,
      region,
      { name, model: input.model, data },
      {
        action: "allocation.edit",
        before: { model: plan.model, name: plan.name },
        after: { model: input.model, name },
      },
    );
  });
  return getAllocationPlan(db, ctx, id, locale);
}

/** A scenario: a draft copy of the plan in the same group (scenarios of scenarios join the base). */
export async function copyAllocationPlan(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  name: string,
): Promise<{ id: number }> {
  const { plan, region } = await loadPlan(db, ctx, id);
  editorOf(ctx, region);
  transition(PLAN_FLOW, planState(plan, region.name), "copy", planActor(ctx, region.path));
  return db.transaction(async (tx) => {
    const [copy] = await tx
      .insert(allocationPlans)
      .values({
        regionCode: plan.regionCode,
        year: plan.year,
        name,
        scenarioOf: plan.scenarioOf ?? plan.id,
        model: { ...jsonObject(plan.model), name },
        data: plan.data,
        createdBy: ctx.actor?.userId ?? null,
        updatedByName: ctx.actor?.username ?? ctx.systemName ?? null,
      })
      .returning();
    if (!copy) throw new Error("plan not copied");
    await recordAudit(tx, ctx, {
      action: "allocation.copy",
      entity: "allocation_plan",
      entityId: copy.id,
      region,
      after: { name, from: plan.id },
    });
    return { id: copy.id };
  });
}

/** Deletes a draft scenario (never a base plan, nor one under review or approved). */
export async function deleteAllocationPlan(db: DbOrTx, ctx: ServiceContext, id: number) {
  await db.transaction(async (tx) => {
    const { plan, region } = await loadPlan(tx, ctx, id, true);
    editorOf(ctx, region);
    transition(PLAN_FLOW, planState(plan, region.name), "delete", planActor(ctx, region.path));
    await tx.delete(allocationPlans).where(eq(allocationPlans.id, id));
    await recordAudit(tx, ctx, {
      action: "allocation.delete",
      entity: "allocation_plan",
      entityId: id,
      region,
      before: { name: plan.name, model: plan.model },
    });
  });
}

/**
 * Several plans side by side: each region's amount in each, and the change against the first as an
 * amount and a percentage. The plans are read in one query and share their inputs (data sets, last
 * year's grades), so comparing 8 scenarios costs about what one plan costs.
 */
export async function compareAllocationPlans(
  db: DbOrTx,
  ctx: ServiceContext,
  ids: readonly number[],
): Promise<AllocationComparisonT> {
  authorize(ctx, { kind: "permission", permission: "allocation:read" });
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ plan: allocationPlans, region: regions })
          .from(allocationPlans)
          .innerJoin(regions, eq(regions.code, allocationPlans.regionCode))
          .where(inArray(allocationPlans.id, [...new Set(ids)]));
  const byId = new Map(rows.map((r) => [r.plan.id, r]));
  const loaded = ids.map((id) => {
    const row = byId.get(id);
    if (!row || !isInScope(ctx, row.region.path)) {
      throw new DomainError("allocation.plan_not_found", { id });
    }
    return row;
  });
  const cache = newInputCache();
  const computed = await Promise.all(
    loaded.map(async ({ plan, region }) => ({
      plan,
      ...(await computePlan(db, plan, region.path, cache)),
    })),
  );
  const compared = comparePlans(
    computed.map((c) => ({
      regions: c.result?.regions ?? null,
      distributable: c.result?.totals.distributable ?? null,
    })),
  );
  return {
    plans: computed.map((c, i) => ({
      id: c.plan.id,
      name: c.plan.name,
      status: c.plan.status,
      distributable: c.result?.totals.distributable ?? "",
      distributableChange: compared.distributableChanges[i] ?? null,
    })),
    regions: compared.regions,
  };
}
