/** Evaluation tasks and sheets: launch, fill (entries + data), review, with audit and concurrency. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { loadStoredRows } from "../db/dataset-repository.ts";
import { type DbOrTx, queryRows } from "../db/index.ts";
import { evaluationSheets, evaluationTasks, regions, surveys } from "../db/schema.ts";
import type { CheckRegion } from "../domain/checks/index.ts";
import { findDataset } from "../domain/datasets/specs.ts";
import { Decimal, policyPlaces } from "../domain/decimal.ts";
import { DomainError } from "../domain/errors.ts";
import {
  type LinkedSurvey,
  type ScoredSheet,
  type SheetAction,
  type SheetData,
  type SheetEntries,
  type SheetStatus,
  scoreSheet,
  scoreSheetCard,
  transition,
} from "../domain/evaluations/index.ts";
import {
  type Framework,
  formatIssue,
  leafIndicators,
  parseFramework,
  textIn,
  ValidationError,
} from "../domain/frameworks/index.ts";
import { isWithin } from "../domain/regions.ts";
import { rankByScore } from "../domain/scoring/index.ts";
import { roleCan } from "../shared/roles.ts";
import { recordAudit } from "./audit-service.ts";
import type { ServiceContext } from "./context.ts";
import { loadRegionRefs } from "./dataset-context.ts";
import { listBuiltinFrameworks, parseFrameworkText, readFrameworkFile } from "./framework-files.ts";
import { assertRegionInScope, authorize, isInScope } from "./policy.ts";
import { getRegion, listingScope } from "./region-service.ts";
import { assertStorableText } from "./storable-text.ts";
import { surveyFigures } from "./survey-results-service.ts";

type Task = typeof evaluationTasks.$inferSelect;
type Sheet = typeof evaluationSheets.$inferSelect;

/** The built-in frameworks a task may use: code, name, year. */
export function frameworkChoices(ctx: ServiceContext) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  return listBuiltinFrameworks().map((b) => ({
    code: b.code,
    name: textIn(b.name, "zh-CN"),
    nameEn: textIn(b.name, "en-US"),
    year: b.year,
  }));
}

function frozenFramework(code: string): unknown {
  const found = listBuiltinFrameworks().find((b) => b.code === code);
  if (!found) {
    const codes = listBuiltinFrameworks()
      .map((b) => b.code)
      .join(", ");
    throw new DomainError(
      "evaluation.framework_unknown",
      { code, codes },
      { field: "frameworkCode" },
    );
  }
  // Decimals serialise as strings, which the framework schema reads back exactly.
  return JSON.parse(JSON.stringify(readFrameworkFile(found.file)));
}

/** The framework a new task freezes: a built-in one, or an uploaded file validated like one. */
function taskFramework(input: Pick<NewTask, "frameworkCode" | "frameworkFile">) {
  if (input.frameworkFile) {
    const { fileName, text } = input.frameworkFile;
    try {
      const framework = parseFrameworkText(fileName, text);
      assertStorableText(fileName, framework);
      return { code: framework.code, framework: JSON.parse(JSON.stringify(framework)) as unknown };
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      throw new DomainError(
        "evaluation.framework_invalid",
        {
          file: fileName,
          count: err.issues.length,
          problems: err.issues
            .slice(0, 20)
            .map((i) => `${i.line ? `第 ${i.line} 行 ` : ""}${formatIssue(i, "zh-CN")}`)
            .join("；"),
        },
        { field: "frameworkFile" },
      );
    }
  }
  const code = input.frameworkCode ?? "";
  return { code, framework: frozenFramework(code) };
}

export interface NewTask {
  name: string;
  year: number;
  type: string;
  /** A built-in framework's code, or undefined with an uploaded `frameworkFile`. */
  frameworkCode?: string | undefined;
  frameworkFile?: { fileName: string; text: string } | undefined;
  regionCode: string;
  programmeId?: number | null | undefined;
  deadline?: string | null | undefined;
  /** The regions evaluated: the launching region itself and/or regions below it. */
  regions: string[];
}

/** Launches a task: the framework frozen into it, one draft sheet per evaluated region. */
export async function createTask(db: DbOrTx, ctx: ServiceContext, input: NewTask) {
  const actor = authorize(ctx, { kind: "permission", permission: "evaluation:manage" });
  const region = await getRegion(db, input.regionCode, "regionCode");
  assertRegionInScope(ctx, region);
  const covered = await db.select().from(regions).where(inArray(regions.code, input.regions));
  const known = new Set(covered.map((r) => r.code));
  const outside = [
    ...input.regions.filter((c) => !known.has(c)),
    ...covered.filter((r) => !isWithin(r.path, region.path)).map((r) => r.code),
  ];
  if (outside.length > 0) {
    throw new DomainError("evaluation.regions_outside", {
      codes: outside.join("、"),
      region: region.name,
    });
  }
  if (input.programmeId != null) await assertProgrammeWithin(db, input.programmeId, region);
  const { code: frameworkCode, framework } = taskFramework(input);
  return db.transaction(async (tx) => {
    const [task] = await tx
      .insert(evaluationTasks)
      .values({
        name: input.name,
        year: input.year,
        type: input.type,
        programmeId: input.programmeId ?? null,
        regionCode: region.code,
        frameworkCode,
        framework,
        deadline: input.deadline ?? null,
        createdBy: actor?.userId ?? null,
      })
      .returning();
    if (!task) throw new Error("task not created");
    await tx
      .insert(evaluationSheets)
      .values(covered.map((r) => ({ taskId: task.id, regionCode: r.code })));
    await recordAudit(tx, ctx, {
      action: "evaluation.create",
      entity: "evaluation",
      entityId: task.id,
      region,
      after: {
        name: task.name,
        year: task.year,
        type: task.type,
        framework: task.frameworkCode,
        ...(input.frameworkFile ? { frameworkFile: input.frameworkFile.fileName } : {}),
        regions: covered.map((r) => r.code),
      },
    });
    return { id: task.id };
  });
}

/** A task's programme is one of its region or below: anything else is refused, not a foreign-key error. */
async function assertProgrammeWithin(db: DbOrTx, id: number, region: { path: string }) {
  const [found] = await queryRows<{ path: string }>(
    db,
    sql`select r.path from programmes p join regions r on r.code = p.region_code where p.id = ${id}`,
  );
  if (!found || !isWithin(found.path, region.path)) {
    throw new DomainError(
      "request.reference_unknown",
      { field: "programmeId", id },
      { field: "programmeId", value: id },
    );
  }
}

/** Tasks launched in the actor's region or below, or with a sheet the actor may see. */
export async function listTasks(
  db: DbOrTx,
  ctx: ServiceContext,
  q: { regionCode?: string | undefined; year?: number | undefined },
) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const path = await listingScope(db, ctx, q.regionCode);
  const rows = await queryRows(
    db,
    sql`
    select t.id, t.name, t.year, t.type, t.framework_code as "frameworkCode", t.region_code as "regionCode",
      tr.name as "regionName", t.deadline, t.created_at as "createdAt",
      count(s.id)::int as sheets,
      count(s.id) filter (where s.status = 'approved')::int as approved,
      count(s.id) filter (where s.status = 'submitted')::int as submitted
    from evaluation_tasks t
    join regions tr on tr.code = t.region_code
    join evaluation_sheets s on s.task_id = t.id
    join regions sr on sr.code = s.region_code
    where (sr.path like ${`${path}%`} or tr.path like ${`${path}%`})
      ${q.year === undefined ? sql`` : sql`and t.year = ${q.year}`}
    group by t.id, tr.name
    order by t.year desc, t.created_at desc, t.id desc`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    year: Number(r.year),
    type: String(r.type),
    frameworkCode: String(r.frameworkCode),
    regionCode: String(r.regionCode),
    regionName: String(r.regionName),
    deadline: (r.deadline as string | null) ?? null,
    sheets: Number(r.sheets),
    approved: Number(r.approved),
    submitted: Number(r.submitted),
  }));
}

/** The framework a task froze at its launch. */
export async function loadTaskFramework(db: DbOrTx, id: number): Promise<Framework> {
  return parseFramework((await taskOrThrow(db, id)).framework);
}

async function taskOrThrow(db: DbOrTx, id: number): Promise<Task> {
  const [task] = await db.select().from(evaluationTasks).where(eq(evaluationTasks.id, id));
  if (!task) throw new DomainError("evaluation.task_not_found", { id });
  return task;
}

/** A task with the sheets the actor may see, ranked by total, highest first (ties share a rank). */
export async function getTask(db: DbOrTx, ctx: ServiceContext, id: number) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const task = await taskOrThrow(db, id);
  const rows = await db
    .select({
      sheet: evaluationSheets,
      regionName: regions.name,
      regionPath: regions.path,
      regionLevel: regions.level,
    })
    .from(evaluationSheets)
    .innerJoin(regions, eq(regions.code, evaluationSheets.regionCode))
    .where(eq(evaluationSheets.taskId, id))
    .orderBy(asc(regions.path));
  const visible = rows.filter((r) => isInScope(ctx, r.regionPath));
  if (visible.length === 0) throw new DomainError("evaluation.task_not_found", { id });
  const [owner] = await db.select().from(regions).where(eq(regions.code, task.regionCode));
  const framework = parseFramework(task.framework);
  // Totals as the framework publishes them (Zhumadian: one decimal, "100.0").
  const places = policyPlaces(framework.rounding.total) ?? 2;
  // Regions rank among their peers (a city's own sheet is not ranked against its counties); a level
  // with one scored sheet has no ranking.
  const ranks = new Map<number, number>();
  const byLevel = new Map<string, typeof visible>();
  for (const r of visible.filter((v) => v.sheet.total !== null)) {
    byLevel.set(r.regionLevel, [...(byLevel.get(r.regionLevel) ?? []), r]);
  }
  for (const peers of byLevel.values()) {
    if (peers.length < 2) continue;
    for (const x of rankByScore(peers, (r) => new Decimal(r.sheet.total ?? "0"))) {
      ranks.set(x.item.sheet.id, x.rank);
    }
  }
  // The launching region's own sheet first, then by rank, the unranked last (in region order).
  const ordered = [...visible].sort((a, b) => {
    const own =
      Number(b.sheet.regionCode === task.regionCode) -
      Number(a.sheet.regionCode === task.regionCode);
    const ra = ranks.get(a.sheet.id) ?? Number.MAX_SAFE_INTEGER;
    const rb = ranks.get(b.sheet.id) ?? Number.MAX_SAFE_INTEGER;
    return own || ra - rb || a.regionPath.localeCompare(b.regionPath);
  });
  return {
    id: task.id,
    name: task.name,
    year: task.year,
    type: task.type,
    frameworkCode: task.frameworkCode,
    frameworkName: textIn(framework.name, "zh-CN"),
    regionCode: task.regionCode,
    regionName: owner?.name ?? task.regionCode,
    deadline: task.deadline,
    survey: await linkedSurveyTitle(db, task.surveyId),
    sheets: ordered.map(({ sheet, regionName, regionLevel, regionPath }) => ({
      id: sheet.id,
      regionCode: sheet.regionCode,
      regionName,
      regionPath,
      regionLevel,
      status: sheet.status,
      mode: sheet.mode ?? null,
      total: sheet.total === null ? null : new Decimal(sheet.total).toFixed(places),
      grade: sheet.grade,
      rank: ranks.get(sheet.id) ?? null,
      version: sheet.version,
      updatedAt: sheet.updatedAt.toISOString(),
    })),
  };
}

interface LoadedSheet {
  task: Task;
  sheet: Sheet;
  region: { code: string; name: string; path: string };
  framework: Framework;
}

/** A sheet the actor may see (404 otherwise), with its task and frozen framework; locked on request. */
export async function loadSheet(db: DbOrTx, ctx: ServiceContext, id: number, lock = false) {
  const query = db
    .select({ sheet: evaluationSheets, region: regions })
    .from(evaluationSheets)
    .innerJoin(regions, eq(regions.code, evaluationSheets.regionCode))
    .where(eq(evaluationSheets.id, id));
  const [row] = lock ? await query.for("update", { of: evaluationSheets }) : await query;
  if (!row || !isInScope(ctx, row.region.path)) {
    throw new DomainError("evaluation.sheet_not_found", { id });
  }
  const task = await taskOrThrow(db, row.sheet.taskId);
  return {
    task,
    sheet: row.sheet,
    region: { code: row.region.code, name: row.region.name, path: row.region.path },
    framework: parseFramework(task.framework),
  } satisfies LoadedSheet;
}

/** What the actor may do to this sheet: fill (own region or above) and review (strictly above). */
export function actorFor(ctx: ServiceContext, regionPath: string) {
  if (ctx.actor === null) return { userId: null, canFill: true, canReview: true };
  const a = ctx.actor;
  return {
    userId: a.userId,
    canFill: roleCan(a.role, "evaluation:fill") && isWithin(regionPath, a.regionPath),
    canReview:
      roleCan(a.role, "evaluation:review") &&
      isWithin(regionPath, a.regionPath) &&
      regionPath !== a.regionPath,
  };
}

const SHEET_DATASETS = ["plan-actual", "allocations", "satisfaction"] as const;

/** The rows of a year at or below a path that indicators may read, with the regions of that subtree. */
async function subtreeData(db: DbOrTx, path: string, year: number, surveyId: number | null) {
  const rows: SheetData["rows"] = {};
  for (const name of SHEET_DATASETS) {
    const spec = findDataset(name);
    if (spec) rows[name] = await loadStoredRows(db, spec, year, path);
  }
  const parentOf = (p: string) => p.split("/").filter(Boolean).at(-2) ?? null;
  const regionMap = new Map<string, CheckRegion>(
    (await loadRegionRefs(db, path)).map((r) => [r.code, { ...r, parentCode: parentOf(r.path) }]),
  );
  const survey = surveyId === null ? undefined : await linkedSurvey(db, surveyId);
  return { rows, regions: regionMap, survey };
}

async function linkedSurveyTitle(db: DbOrTx, surveyId: number | null) {
  if (surveyId === null) return null;
  const [row] = await db
    .select({ id: surveys.id, title: surveys.title })
    .from(surveys)
    .where(eq(surveys.id, surveyId));
  return row ?? null;
}

/** The linked survey's rates per region, as the satisfaction indicator and the report read them. */
async function linkedSurvey(db: DbOrTx, surveyId: number): Promise<LinkedSurvey> {
  const { surveyId: id, ...figures } = await surveyFigures(db, surveyId);
  return { id, ...figures };
}

/** The evaluated region's rows of the task's year that indicators may read. */
async function sheetData(
  db: DbOrTx,
  regionCode: string,
  path: string,
  task: { year: number; surveyId: number | null },
): Promise<SheetData> {
  // The evaluated region's subtree only: scoring must not load the whole country.
  return { regionCode, ...(await subtreeData(db, path, task.year, task.surveyId)) };
}

/** One region's share of data loaded for a larger subtree: its own subtree's regions and rows. */
function narrowData(whole: Omit<SheetData, "regionCode">, regionCode: string, path: string) {
  const regionMap = new Map<string, CheckRegion>();
  for (const [code, r] of whole.regions) if (r.path.startsWith(path)) regionMap.set(code, r);
  const rows: SheetData["rows"] = {};
  for (const [name, list] of Object.entries(whole.rows)) {
    rows[name] = (list ?? []).filter((row) => regionMap.has(row.regionCode));
  }
  return { regionCode, regions: regionMap, rows, survey: whole.survey } satisfies SheetData;
}

/**
 * Every sheet of a task the actor may see, scored with one load of the task's data (a province
 * report scores hundreds of sheets: loading each one's data apart costs a round of queries each).
 * Returns a scorer by sheet id, so a caller can report progress while it scores.
 */
export async function taskScorer(db: DbOrTx, ctx: ServiceContext, taskId: number) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const task = await taskOrThrow(db, taskId);
  const framework = parseFramework(task.framework);
  const owner = await getRegion(db, task.regionCode, "regionCode");
  const whole = await subtreeData(db, owner.path, task.year, task.surveyId);
  const rows = await db
    .select({ sheet: evaluationSheets, region: regions })
    .from(evaluationSheets)
    .innerJoin(regions, eq(regions.code, evaluationSheets.regionCode))
    .where(eq(evaluationSheets.taskId, taskId));
  const byId = new Map(
    rows.filter((r) => isInScope(ctx, r.region.path)).map((r) => [r.sheet.id, r]),
  );
  return (sheetId: number) => {
    const row = byId.get(sheetId);
    if (!row) throw new DomainError("evaluation.sheet_not_found", { id: sheetId });
    const data = narrowData(whole, row.region.code, row.region.path);
    const subject = `${row.region.name} ${task.name}`;
    return scoreSheetCard(framework, row.sheet.entries as SheetEntries, data, subject).card;
  };
}

/** A sheet the actor may see, scored in decimals with its current entries and data (for reports). */
export async function sheetScorecard(db: DbOrTx, ctx: ServiceContext, id: number) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const loaded = await loadSheet(db, ctx, id);
  const data = await sheetData(db, loaded.region.code, loaded.region.path, loaded.task);
  const entries = loaded.sheet.entries as SheetEntries;
  const subject = `${loaded.region.name} ${loaded.task.name}`;
  const { card, bound } = scoreSheetCard(loaded.framework, entries, data, subject);
  // The facts each leaf was scored on: read from the data, else as entered.
  const facts: Record<string, Record<string, unknown> | undefined> = {};
  for (const [code, entry] of Object.entries(entries)) facts[code] = entry.facts ?? undefined;
  for (const b of bound) facts[b.code] = b.facts;
  // The linked survey as loaded for scoring: the report quotes it without loading it again.
  return { ...loaded, entries, card, facts, survey: data.survey };
}

async function score(db: DbOrTx, loaded: LoadedSheet, entries: SheetEntries): Promise<ScoredSheet> {
  const data = await sheetData(db, loaded.region.code, loaded.region.path, loaded.task);
  return scoreSheet(loaded.framework, entries, data, `${loaded.region.name} ${loaded.task.name}`);
}

const ACTIONS_AFTER: Record<SheetStatus, SheetAction[]> = {
  draft: ["save", "submit"],
  returned: ["save", "submit"],
  submitted: ["return", "approve"],
  approved: ["reopen"],
};

/** A sheet as its page shows it: entries, comments, the scorecard, data sources and allowed actions. */
export async function getSheet(db: DbOrTx, ctx: ServiceContext, id: number) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const loaded = await loadSheet(db, ctx, id);
  const { sheet, task, region } = loaded;
  const scored = await score(db, loaded, sheet.entries as SheetEntries);
  const actor = actorFor(ctx, region.path);
  const actions = ACTIONS_AFTER[sheet.status].filter((a) =>
    a === "save" || a === "submit"
      ? actor.canFill
      : a === "reopen"
        ? actor.userId !== null && actor.userId === sheet.approvedBy
        : actor.canReview && !(a === "approve" && actor.userId === sheet.submittedBy),
  );
  return {
    id: sheet.id,
    task: {
      id: task.id,
      name: task.name,
      year: task.year,
      type: task.type,
      deadline: task.deadline,
    },
    region: { code: region.code, name: region.name },
    status: sheet.status,
    mode: sheet.mode ?? null,
    visitNotes: sheet.visitNotes,
    version: sheet.version,
    entries: sheet.entries as SheetEntries,
    comments: sheet.comments as Record<string, string>,
    updatedAt: sheet.updatedAt.toISOString(),
    updatedBy: sheet.updatedByName,
    actions,
    form: leafIndicators(loaded.framework).map(({ indicator, parent }) => ({
      code: indicator.code,
      name: textIn(indicator.name, "zh-CN"),
      nameEn: textIn(indicator.name, "en-US"),
      points: indicator.points.toFixed(),
      criteria: indicator.criteria ? textIn(indicator.criteria, "zh-CN") : null,
      group: parent ? `${parent.code} ${textIn(parent.name, "zh-CN")}` : null,
      rule: JSON.parse(JSON.stringify(indicator.rule ?? null)) as unknown,
      dataPart: indicator.data?.part ?? null,
    })),
    ...scored,
  };
}

function conflict(sheet: Sheet): DomainError {
  return new DomainError(
    "evaluation.version_conflict",
    {
      by: sheet.updatedByName ?? "他人",
      at: sheet.updatedAt.toISOString().slice(0, 16).replace("T", " "),
      version: sheet.version,
    },
    { version: sheet.version },
  );
}

export interface SheetSave {
  version: number;
  entries: SheetEntries;
  mode?: "on-site" | "off-site" | null | undefined;
  visitNotes?: string | null | undefined;
}

/** Saves entries (checked and scored at once); a stale version is refused and nothing is lost. */
export async function saveSheet(db: DbOrTx, ctx: ServiceContext, id: number, input: SheetSave) {
  authorize(ctx, { kind: "permission", permission: "evaluation:fill" });
  return db.transaction(async (tx) => {
    const loaded = await loadSheet(tx, ctx, id, true);
    const { sheet, region } = loaded;
    if (sheet.version !== input.version) throw conflict(sheet);
    transition(sheet, "save", actorFor(ctx, region.path));
    const scored = await score(tx, loaded, input.entries);
    const before = sheet.entries as SheetEntries;
    const changed = [...new Set([...Object.keys(before), ...Object.keys(input.entries)])].filter(
      (code) => JSON.stringify(before[code]) !== JSON.stringify(input.entries[code]),
    );
    await tx
      .update(evaluationSheets)
      .set({
        entries: input.entries,
        mode: input.mode === undefined ? sheet.mode : input.mode,
        visitNotes: input.visitNotes === undefined ? sheet.visitNotes : input.visitNotes,
        total: scored.scorecard.total,
        grade: scored.scorecard.grade,
        version: sheet.version + 1,
        updatedBy: ctx.actor?.userId ?? null,
        updatedByName: ctx.actor?.username ?? ctx.systemName ?? null,
        updatedAt: new Date(),
      })
      .where(and(eq(evaluationSheets.id, id), eq(evaluationSheets.version, sheet.version)));
    await recordAudit(tx, ctx, {
      action: "evaluation.save",
      entity: "evaluation_sheet",
      entityId: id,
      region,
      before: Object.fromEntries(changed.map((c) => [c, before[c] ?? null])),
      after: {
        ...Object.fromEntries(changed.map((c) => [c, input.entries[c] ?? null])),
        total: scored.scorecard.total,
      },
    });
    return {
      version: sheet.version + 1,
      total: scored.scorecard.total,
      grade: scored.scorecard.grade,
    };
  });
}

export interface SheetTransition {
  action: Exclude<SheetAction, "save">;
  version: number;
  comments?: Record<string, string> | undefined;
  reason?: string | undefined;
}

/** Submit, return (with comments), approve, or reopen (approver only, with a reason). */
export async function actOnSheet(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  input: SheetTransition,
) {
  authorize(ctx, {
    kind: "permission",
    permission: input.action === "submit" ? "evaluation:fill" : "evaluation:review",
  });
  return db.transaction(async (tx) => {
    const loaded = await loadSheet(tx, ctx, id, true);
    const { sheet, region } = loaded;
    if (sheet.version !== input.version) throw conflict(sheet);
    const next = transition(sheet, input.action, actorFor(ctx, region.path), {
      comments: input.comments,
      reason: input.reason,
    });
    const scored = await score(tx, loaded, sheet.entries as SheetEntries);
    if (input.action === "submit") {
      const names = (codes: string[]) => codes.join("、");
      if (scored.pending.length > 0) {
        throw new DomainError(
          "evaluation.reason_required",
          {
            what: `以下指标的实际情况：${names(scored.pending)}`,
          },
          { pending: scored.pending },
        );
      }
      if (scored.reasonsMissing.length > 0) {
        throw new DomainError(
          "evaluation.reason_required",
          {
            what: `以下定性指标的评分依据：${names(scored.reasonsMissing)}`,
          },
          { reasonsMissing: scored.reasonsMissing },
        );
      }
    }
    const now = new Date();
    const userId = ctx.actor?.userId ?? null;
    await tx
      .update(evaluationSheets)
      .set({
        status: next,
        version: sheet.version + 1,
        total: scored.scorecard.total,
        grade: scored.scorecard.grade,
        ...(input.action === "submit"
          ? { submittedBy: userId, submittedAt: now, comments: {} }
          : {}),
        ...(input.action === "return" ? { comments: input.comments ?? {} } : {}),
        ...(input.action === "approve" ? { approvedBy: userId, approvedAt: now } : {}),
        ...(input.action === "reopen"
          ? { approvedBy: null, approvedAt: null, comments: { "": input.reason ?? "" } }
          : {}),
        updatedBy: userId,
        updatedByName: ctx.actor?.username ?? ctx.systemName ?? null,
        updatedAt: now,
      })
      .where(eq(evaluationSheets.id, id));
    await recordAudit(tx, ctx, {
      action: `evaluation.${input.action}`,
      entity: "evaluation_sheet",
      entityId: id,
      region,
      before: { status: sheet.status },
      after: {
        status: next,
        total: scored.scorecard.total,
        ...(input.comments ? { comments: input.comments } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    return { status: next, version: sheet.version + 1 };
  });
}
