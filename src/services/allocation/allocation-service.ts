/**
 * Allocation plans (因素法): import a model file, read its factor values from Jixiao's data and its
 * performance grades from last year's approved evaluations, compute with the domain, copy into
 * scenarios, compare, export, and approve through the same review steps as evaluations.
 */

import { and, desc, eq, inArray, like, or } from "drizzle-orm";
import { loadStoredRows, type StoredRecord } from "../../db/dataset-repository.ts";
import type { DbOrTx } from "../../db/index.ts";
import { isUniqueViolation } from "../../db/pg-errors.ts";
import {
  allocationPlans,
  evaluationSheets,
  evaluationTasks,
  ONE_APPROVED_PER_GROUP,
  regions,
} from "../../db/schema.ts";
import {
  AllocationError,
  type AllocationResult,
  allocatePrepared,
  comparePlans,
  formatAllocationIssue,
  parseDataSheet,
  prepareAllocation,
  splitAllocationFile,
} from "../../domain/allocation/index.ts";
import { findDataset } from "../../domain/datasets/specs/index.ts";
import type { DatasetSpec } from "../../domain/datasets/types.ts";
import { findUnit } from "../../domain/datasets/units.ts";
import { Decimal, formatPlain } from "../../domain/decimal.ts";
import { DomainError, type Locale } from "../../domain/errors.ts";
import { textIn } from "../../domain/frameworks/index.ts";
import { wanToYuan } from "../../domain/money.ts";
import { isWithin } from "../../domain/regions.ts";
import type { UploadLimits } from "../../domain/upload-limits.ts";
import {
  allowedActions,
  assertFrom,
  type FlowActor,
  PLAN_FLOW,
  PLAN_STATUS_ZH,
  type PlanState,
  transition,
} from "../../domain/workflow/index.ts";
import type {
  AllocationActionT,
  AllocationComparisonT,
  AllocationOutcomeT,
  AllocationPlanDetailT,
  AllocationPlanSummaryT,
} from "../../shared/allocation-schemas.ts";
import { auditTimeText } from "../../shared/audit-changes.ts";
import type { AuditAction } from "../../shared/audit-codes.ts";
import { roleCan } from "../../shared/roles.ts";
import { runTask } from "../../workers/pool.ts";
import { readWorkbook } from "../../xlsx/index.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { getRegion } from "../data/region-service.ts";
import { assertRegionInScope, authorize, isInScope } from "../policy.ts";
import { assertStorableText } from "../storable-text.ts";

type Plan = typeof allocationPlans.$inferSelect;
type Json = Record<string, unknown>;
const asRecord = (value: unknown): Json =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
const asArray = (value: unknown): Json[] =>
  Array.isArray(value) ? value.map((v) => asRecord(v)) : [];
const nameOf = (value: unknown): string =>
  typeof value === "string"
    ? value
    : typeof value === "object" && value !== null
      ? textIn(value as Parameters<typeof textIn>[0], "zh-CN")
      : "";

/** A plan the actor may see, with its region (404 otherwise). */
async function loadPlan(db: DbOrTx, ctx: ServiceContext, id: number, lock = false) {
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

function summaryOf(plan: Plan, regionName: string): AllocationPlanSummaryT {
  const model = asRecord(plan.model);
  // Every stored model passed prepareAllocation, so its total is a number: one that does not parse
  // is a broken row, let through as an error rather than listed as a plan without a total.
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
  const { data, ...model } = asRecord(json);
  return { model, data: asRecord(data ?? { regions: {} }) };
}

/**
 * Refuses a model that cannot be computed with Jixiao's data: every problem at once, the file named
 * (values a data set supplies need not be entered).
 */
async function assertComputable(
  db: DbOrTx,
  source: { model: Json; data: Json; year: number },
  regionPath: string,
  fileName: string,
) {
  const resolved = Number.isInteger(source.year)
    ? await resolveInputs(db, source, regionPath)
    : { ...source, problems: [] };
  prepareAllocation(resolved.model, resolved.data, fileName);
}

/**
 * A model's administrative regions must lie below the allocating one; other codes (a county sharing
 * among its community projects) are its own business.
 */
async function assertRegionsBelow(db: DbOrTx, model: Json, region: { code: string; path: string }) {
  const codes = asArray(model.regions).map((r) => String(r.code));
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

function editorOf(ctx: ServiceContext, region: { code: string; name: string; path: string }) {
  const actor = authorize(ctx, { kind: "permission", permission: "allocation:edit" });
  assertRegionInScope(ctx, region);
  if (actor && !isWithin(region.path, actor.regionPath)) {
    throw new DomainError("allocation.not_editor", { region: region.name });
  }
  return actor;
}

/** Imports a model file as a new base plan of the region (one transaction, audited). */
export async function createAllocationPlan(
  db: DbOrTx,
  ctx: ServiceContext,
  input: { regionCode: string; fileName: string; text: string },
): Promise<{ id: number }> {
  const region = await getRegion(db, input.regionCode, "regionCode");
  editorOf(ctx, region);
  const { model, data } = parseModelFile(input.fileName, input.text);
  await assertComputable(
    db,
    { model, data, year: Number(model.year) },
    region.path,
    input.fileName,
  );
  await assertRegionsBelow(db, model, region);
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(allocationPlans)
      .values({
        regionCode: region.code,
        year: Number(model.year),
        name: String(model.name),
        model,
        data,
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

/** Last year's approved evaluations of the regions, the latest approval first. */
function approvedGrades(db: DbOrTx, year: number, codes: string[]) {
  return db
    .select({
      code: evaluationSheets.regionCode,
      grade: evaluationSheets.grade,
      total: evaluationSheets.total,
      task: evaluationTasks.name,
    })
    .from(evaluationSheets)
    .innerJoin(evaluationTasks, eq(evaluationTasks.id, evaluationSheets.taskId))
    .where(
      and(
        eq(evaluationSheets.status, "approved"),
        eq(evaluationTasks.year, year),
        inArray(evaluationSheets.regionCode, codes),
      ),
    )
    .orderBy(desc(evaluationSheets.approvedAt));
}

/**
 * What plans computed together share: a data set's rows per year and region, last year's grades per
 * set of regions (a comparison of 8 scenarios reads each once, not 8 times).
 */
interface InputCache {
  rows: Map<string, Promise<StoredRecord[]>>;
  grades: Map<string, ReturnType<typeof approvedGrades>>;
}
const newInputCache = (): InputCache => ({ rows: new Map(), grades: new Map() });

interface Computed {
  result: AllocationResult | null;
  problems: string[];
  factors: (AllocationOutcomeT["factors"][number] & { noteEn: string })[];
  grades: (AllocationOutcomeT["grades"][number] & { noteEn: string })[];
}

/**
 * The model's inputs completed from Jixiao: a factor read from a data set takes every region's
 * value from it when all regions have one (else the entered values, said so); a grade or score rule
 * takes last year's approved evaluation of each region, else the entered grade, else its default.
 */
async function resolveInputs(
  db: DbOrTx,
  plan: { model: unknown; data: unknown; year: number },
  regionPath: string,
  cache: InputCache = newInputCache(),
) {
  const model = asRecord(plan.model);
  const data = structuredClone(asRecord(plan.data));
  const entered = asRecord(data.regions);
  data.regions = entered;
  const codes = asArray(model.regions).map((r) => String(r.code));
  const names = new Map(asArray(model.regions).map((r) => [String(r.code), String(r.name)]));
  const regionData = (code: string) => {
    const own = asRecord(entered[code]);
    own.factors = asRecord(own.factors);
    entered[code] = own;
    return own as Json & { factors: Json };
  };
  const factors: Computed["factors"] = [];
  const problems: string[] = [];
  // Several factors usually read one data set (计划与完成), and the plans compared together read the
  // same ones: each is loaded once per year and region.
  const rowsOf = (spec: DatasetSpec) => {
    const key = `${spec.name}|${plan.year}|${regionPath}`;
    let rows = cache.rows.get(key);
    if (!rows) {
      rows = loadStoredRows(db, spec, plan.year, regionPath);
      cache.rows.set(key, rows);
    }
    return rows;
  };
  for (const f of asArray(model.factors)) {
    const source = asRecord(f.source);
    const key = String(f.key);
    const base = { key, name: nameOf(f.name), weight: String(f.weight ?? "") };
    if (source.kind !== "dataset") {
      factors.push({ ...base, from: "entered", note: "录入", noteEn: "entered" });
      continue;
    }
    const spec = findDataset(String(source.dataset));
    const column = spec?.columns.find((c) => c.key === source.field);
    if (!spec || !column) {
      problems.push(`因素“${base.name}”：数据集 ${source.dataset} 中没有字段 ${source.field}`);
      factors.push({
        ...base,
        from: "entered",
        note: "录入（数据来源无效）",
        noteEn: "entered (the data source is not valid)",
      });
      continue;
    }
    const rows = await rowsOf(spec);
    const stored = new Map<string, { value: string; asOf: string }>();
    for (const row of rows) {
      const value = row.values[column.key];
      if (value === null || value === undefined || value === "") continue;
      // 计划与完成 has a row per stage and date: the 开工 row of the latest date.
      const rank = `${row.values.stage === "completed" ? "0" : "1"}${row.values.asOf ?? ""}`;
      const held = stored.get(row.regionCode);
      if (!held || rank > held.asOf) stored.set(row.regionCode, { value, asOf: rank });
    }
    // Quantities are stored in the base unit (m², 元): shown in the factor's unit, else the column's.
    const kind = column.kind;
    if (kind.type === "quantity") {
      const wanted = findUnit(nameOf(f.unit ?? ""));
      const unit =
        wanted?.family === kind.family ? wanted : (findUnit(kind.defaultUnit) ?? undefined);
      if (unit && unit.factor !== "1") {
        for (const held of stored.values()) {
          held.value = new Decimal(held.value).div(unit.factor).toString();
        }
      }
    }
    const missing = codes.filter((c) => !stored.has(c));
    const label = `${spec.zh}·${column.zh[0] ?? column.key}`;
    const labelEn = `${spec.en} · ${column.en}`;
    if (missing.length === 0) {
      for (const code of codes) regionData(code).factors[key] = stored.get(code)?.value ?? null;
      factors.push({
        ...base,
        from: "data",
        note: `取自数据：${label}（${plan.year}年）`,
        noteEn: `from the data: ${labelEn} (${plan.year})`,
      });
    } else {
      const lacking = missing.map((c) => names.get(c) ?? c);
      const shown =
        lacking.length > 5
          ? `${lacking.slice(0, 5).join("、")}等${lacking.length}个地区`
          : lacking.join("、");
      const shownEn =
        lacking.length > 5
          ? `${lacking.slice(0, 5).join(", ")} and ${lacking.length - 5} more regions`
          : lacking.join(", ");
      factors.push({
        ...base,
        from: "entered",
        note:
          stored.size === 0
            ? `数据中没有${label}（${plan.year}年），使用录入值`
            : `数据中缺少${shown}的${label}，全部使用录入值`,
        noteEn:
          stored.size === 0
            ? `the data have no ${labelEn} (${plan.year}): the entered values are used`
            : `the data lack ${labelEn} for ${shownEn}: the entered values are used for all`,
      });
    }
  }

  const graded = asArray(model.coefficients).some((t) => {
    const kind = asRecord(t.rule).kind;
    return kind === "grade" || kind === "score";
  });
  const grades: Computed["grades"] = [];
  if (graded && codes.length > 0) {
    const gradeKey = `${plan.year}|${[...codes].sort().join(",")}`;
    let pending = cache.grades.get(gradeKey);
    if (!pending) {
      pending = approvedGrades(db, plan.year - 1, codes);
      cache.grades.set(gradeKey, pending);
    }
    const results = await pending;
    const latest = new Map<string, (typeof results)[number]>();
    for (const r of results) if (!latest.has(r.code)) latest.set(r.code, r);
    for (const code of codes) {
      const own = regionData(code);
      const found = latest.get(code);
      if (found?.grade) {
        own.grade = found.grade;
        if (found.total !== null) own.score = found.total;
        grades.push({
          code,
          grade: found.grade,
          from: "evaluation",
          note: `${plan.year - 1}年度评价“${found.task}”（已审定）${found.total === null ? "" : `${formatPlain(new Decimal(found.total))}分`}`,
          noteEn: `${plan.year - 1} evaluation “${found.task}” (approved)${found.total === null ? "" : `, ${formatPlain(new Decimal(found.total))} points`}`,
        });
      } else if (typeof own.grade === "string") {
        grades.push({
          code,
          grade: own.grade,
          from: "entered",
          note: "录入（本系统无上年度已审定的评价结果）",
          noteEn: "entered (no approved evaluation of last year here)",
        });
      } else {
        grades.push({
          code,
          grade: null,
          from: "none",
          note: "无上年度评价结果，取默认档",
          noteEn: "no evaluation result from last year: the default tier",
        });
      }
    }
  }
  return { model, data, factors, grades, problems };
}

async function compute(
  db: DbOrTx,
  plan: Plan,
  regionPath: string,
  cache?: InputCache,
): Promise<Computed> {
  const { model, data, factors, grades, problems } = await resolveInputs(
    db,
    plan,
    regionPath,
    cache,
  );
  if (problems.length > 0) return { result: null, problems, factors, grades };
  try {
    const result = allocatePrepared(prepareAllocation(model, data, plan.name));
    return { result, problems: [], factors, grades };
  } catch (err) {
    if (!(err instanceof AllocationError)) throw err;
    return {
      result: null,
      problems: err.issues.map((i) => formatAllocationIssue(i, "zh-CN")),
      factors,
      grades,
    };
  }
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

/** Who acts on a plan of the region: may edit (the department or finance), may approve (finance). */
function planActor(ctx: ServiceContext, regionPath: string): FlowActor {
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
function planState(plan: Plan, regionName: string, group: Plan[] = []): PlanState {
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

async function groupOf(db: DbOrTx, plan: Plan): Promise<Plan[]> {
  const base = plan.scenarioOf ?? plan.id;
  return db
    .select()
    .from(allocationPlans)
    .where(or(eq(allocationPlans.id, base), eq(allocationPlans.scenarioOf, base)))
    .orderBy(allocationPlans.id);
}

/** A plan with its computed allocation (or the problems that stop it), its actions and its group. */
export async function getAllocationPlan(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  locale: Locale = "zh-CN",
): Promise<AllocationPlanDetailT> {
  const { plan, region } = await loadPlan(db, ctx, id);
  const computed = await compute(db, plan, region.path);
  const group = await groupOf(db, plan);
  return {
    ...summaryOf(plan, region.name),
    model: asRecord(plan.model),
    data: asRecord(plan.data),
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
  const computed = await compute(db, plan, region.path);
  return { plan, region, ...computed };
}

function conflict(plan: Plan): DomainError {
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
async function editablePlan(tx: DbOrTx, ctx: ServiceContext, id: number, version: number) {
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
async function writePlan(
  tx: DbOrTx,
  ctx: ServiceContext,
  plan: Plan,
  region: { code: string; path: string },
  set: { name?: string; model?: Json; data: Json },
  audit: { action: AuditAction; before: Json; after: Json },
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

/** Saves an edited model (weights, coefficients, total…) of a draft or returned plan. */
export async function updateAllocationPlan(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  input: { version: number; name?: string | undefined; model: Json; data?: Json | undefined },
  locale: Locale = "zh-CN",
): Promise<AllocationPlanDetailT> {
  await db.transaction(async (tx) => {
    const { plan, region } = await editablePlan(tx, ctx, id, input.version);
    const data = input.data ?? asRecord(plan.data);
    await assertComputable(
      tx,
      { model: input.model, data, year: plan.year },
      region.path,
      plan.name,
    );
    await assertRegionsBelow(tx, input.model, region);
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
        model: { ...asRecord(plan.model), name },
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
 * Submit (the plan must compute), return (with a comment), approve (finance of the region or above,
 * not the submitter, one approved plan per group), reopen (the approver, with a reason).
 */
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
    const computed = await compute(tx, plan, region.path);
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
      ...(await compute(db, plan, region.path, cache)),
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

/** The model file of a plan (the model's fields, the data under `data`), as it can be imported again. */
export async function allocationModelFile(db: DbOrTx, ctx: ServiceContext, id: number) {
  const { plan } = await loadPlan(db, ctx, id);
  const text = `${JSON.stringify({ ...asRecord(plan.model), data: plan.data }, null, 2)}\n`;
  return {
    fileName: `${plan.name}.json`,
    contentType: "application/json; charset=utf-8",
    bytes: new TextEncoder().encode(text),
  };
}

/** The plan's allocation as an Excel workbook: results, the computation, the parameters. */
export async function allocationWorkbook(db: DbOrTx, ctx: ServiceContext, id: number) {
  const c = await computeAllocationPlan(db, ctx, id);
  if (!c.result) {
    throw new DomainError("allocation.cannot_compute", {
      problems: c.problems.slice(0, 5).join("；"),
    });
  }
  const bytes = await runTask("allocationWorkbook", {
    model: asRecord(c.plan.model),
    result: c.result,
    context: {
      factors: c.factors,
      grades: c.grades,
      status: PLAN_STATUS_ZH[c.plan.status],
      region: c.region.name,
    },
  });
  return {
    fileName: `${c.plan.name}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes,
  };
}

/** The regions' data of a plan as an Excel sheet to fill in (分配数据). */
export async function allocationDataFile(db: DbOrTx, ctx: ServiceContext, id: number) {
  const { plan } = await loadPlan(db, ctx, id);
  const { model, data } = splitAllocationFile(
    { ...asRecord(plan.model), data: plan.data },
    plan.name,
  );
  const { allocationDataXlsx } = await import("../../xlsx/allocation-workbook.ts");
  return {
    fileName: `${plan.name}（分配数据）.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes: await allocationDataXlsx(model, data),
  };
}

/**
 * Replaces a draft or returned plan's data with a filled 分配数据 sheet: every bad cell named by row
 * and column, nothing taken unless all is well; one transaction, audited.
 */
export async function importAllocationData(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  input: {
    version: number;
    fileName: string;
    bytes: Uint8Array;
    /** What the sheet may hold inside (zip size, rows, cells); the defaults unless given. */
    limits?: UploadLimits | undefined;
  },
  locale: Locale = "zh-CN",
): Promise<AllocationPlanDetailT> {
  const grids = await readWorkbook(input.bytes, input.fileName, input.limits);
  await db.transaction(async (tx) => {
    const { plan, region } = await editablePlan(tx, ctx, id, input.version);
    const { model } = splitAllocationFile({ ...asRecord(plan.model), data: plan.data }, plan.name);
    const grid = grids.find((g) => g.name === "分配数据") ?? grids[0];
    const data = parseDataSheet(model, grid?.rows ?? [], input.fileName);
    await assertComputable(
      tx,
      { model: asRecord(plan.model), data, year: plan.year },
      region.path,
      input.fileName,
    );
    await writePlan(
      tx,
      ctx,
      plan,
      region,
      { data },
      {
        action: "allocation.data_import",
        before: { data: plan.data },
        after: { data, file: input.fileName },
      },
    );
  });
  return getAllocationPlan(db, ctx, id, locale);
}
