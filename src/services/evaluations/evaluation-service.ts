/** Evaluation sheets: fill (entries + data), review, with audit and concurrency. Tasks: evaluation-task-service. */

import { and, eq } from "drizzle-orm";
import { loadStoredRows } from "../../db/dataset-repository.ts";
import type { DbOrTx } from "../../db/index.ts";
import { evaluationSheets, type evaluationTasks, regions } from "../../db/schema.ts";
import type { CheckRegion } from "../../domain/checks/index.ts";
import { findDataset } from "../../domain/datasets/specs/index.ts";
import { DomainError, type Locale } from "../../domain/errors.ts";
import {
  assertTaskOpen,
  type LinkedSurvey,
  type ScoredSheet,
  type SheetAction,
  type SheetData,
  type SheetEntries,
  scoreSheet,
  scoreSheetCard,
  sheetActions,
  transition,
} from "../../domain/evaluations/index.ts";
import {
  type Framework,
  hasEnglish,
  leafIndicators,
  parseFramework,
  textIn,
} from "../../domain/frameworks/index.ts";
import { isWithin } from "../../domain/regions.ts";
import { auditTimeText } from "../../shared/audit-changes.ts";
import { roleCan } from "../../shared/roles.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { loadRegionRefs } from "../data/dataset-context.ts";
import { getRegion } from "../data/region-service.ts";
import { authorize, isInScope } from "../policy.ts";
import { surveyFigures } from "../surveys/survey-results-service.ts";
import { taskOrThrow } from "./evaluation-task-service.ts";

type Task = typeof evaluationTasks.$inferSelect;
type Sheet = typeof evaluationSheets.$inferSelect;

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
  // A cancelled task's sheets are read-only: every write locks its sheet first.
  if (lock) assertTaskOpen(task);
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
export async function sheetScorecard(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  locale: Locale = "zh-CN",
) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const loaded = await loadSheet(db, ctx, id);
  const data = await sheetData(db, loaded.region.code, loaded.region.path, loaded.task);
  const entries = loaded.sheet.entries as SheetEntries;
  const subject = `${loaded.region.name} ${loaded.task.name}`;
  const { card, bound } = scoreSheetCard(loaded.framework, entries, data, subject, locale);
  // The facts each leaf was scored on: read from the data, else as entered.
  const facts: Record<string, Record<string, unknown> | undefined> = {};
  for (const [code, entry] of Object.entries(entries)) facts[code] = entry.facts ?? undefined;
  for (const b of bound) facts[b.code] = b.facts;
  // The linked survey as loaded for scoring: the report quotes it without loading it again.
  return { ...loaded, entries, card, facts, survey: data.survey };
}

/** Scores a sheet; texts (reasons, names, grade) in `locale`, Chinese for what is stored. */
async function score(
  db: DbOrTx,
  loaded: LoadedSheet,
  entries: SheetEntries,
  locale: Locale = "zh-CN",
): Promise<ScoredSheet> {
  const data = await sheetData(db, loaded.region.code, loaded.region.path, loaded.task);
  const subject = `${loaded.region.name} ${loaded.task.name}`;
  return scoreSheet(loaded.framework, entries, data, subject, locale);
}

/** A sheet as its page shows it: entries, comments, the scorecard, data sources and allowed actions. */
export async function getSheet(db: DbOrTx, ctx: ServiceContext, id: number) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const loaded = await loadSheet(db, ctx, id);
  const { sheet, task, region } = loaded;
  const scored = await score(db, loaded, sheet.entries as SheetEntries, ctx.locale);
  // A cancelled task's sheets are read-only for everyone.
  const actions =
    task.status === "cancelled" ? [] : sheetActions(sheet, actorFor(ctx, region.path));
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
      criteriaEn:
        indicator.criteria && hasEnglish(indicator.criteria)
          ? textIn(indicator.criteria, "en-US")
          : null,
      group: parent ? `${parent.code} ${textIn(parent.name, ctx.locale ?? "zh-CN")}` : null,
      rule: JSON.parse(JSON.stringify(indicator.rule ?? null)) as unknown,
      dataPart: indicator.data?.part ?? null,
    })),
    framework: task.framework,
    ...scored,
  };
}

function conflict(sheet: Sheet): DomainError {
  return new DomainError(
    "evaluation.version_conflict",
    {
      by: sheet.updatedByName ?? "他人",
      at: auditTimeText(sheet.updatedAt.toISOString()).slice(0, 16),
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
      // Named by their labels in the reader's language, never by an internal key.
      const named = (codes: string[]) => {
        const byCode = new Map(leafIndicators(loaded.framework).map((n) => [n.indicator.code, n]));
        const label = (code: string, locale: "zh-CN" | "en-US") => {
          const leaf = byCode.get(code)?.indicator;
          return leaf ? `${code} ${textIn(leaf.name, locale)}` : code;
        };
        return {
          count: codes.length,
          indicators: codes.map((c) => label(c, "zh-CN")).join("、"),
          indicators_en: codes.map((c) => label(c, "en-US")).join("; "),
        };
      };
      if (scored.pending.length > 0) {
        throw new DomainError("evaluation.indicators_incomplete", named(scored.pending), {
          pending: scored.pending,
        });
      }
      if (scored.reasonsMissing.length > 0) {
        throw new DomainError("evaluation.reasons_missing", named(scored.reasonsMissing), {
          reasonsMissing: scored.reasonsMissing,
        });
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
