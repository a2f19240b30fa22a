/** A sheet's result: its scores, its 问题 with their 整改 records, and last year's comparison. */

import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/index.ts";
import { evaluationSheets, evaluationTasks, rectifications } from "../../db/schema.ts";
import { checkOptions, runChecks } from "../../domain/checks/index.ts";
import { DomainError } from "../../domain/errors.ts";
import {
  compareYears,
  type RectificationStatus,
  rectificationOverdue,
  type SheetProblem,
  sheetProblems,
} from "../../domain/evaluations/index.ts";
import { auditTimeText } from "../../shared/audit-changes.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import { loadCheckData } from "../checks/check-service.ts";
import type { ServiceContext } from "../context.ts";
import { authorize } from "../policy.ts";
import { actorFor, getSheet, loadSheet } from "./evaluation-service.ts";
import { getTask } from "./evaluation-task-service.ts";

type RectificationRow = typeof rectifications.$inferSelect;

export interface ResultOptions {
  /** The day overdue is judged on and the checks look from (YYYY-MM-DD); today (UTC) by default. */
  today?: string | undefined;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

function toAnswer(row: RectificationRow, today: string) {
  return {
    id: row.id,
    problemKey: row.problemKey,
    description: row.description,
    owner: row.owner,
    deadline: row.deadline,
    status: row.status,
    result: row.result,
    followUp: row.followUp,
    version: row.version,
    overdue: rectificationOverdue(row, today),
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedBy: row.updatedByName,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The sheet's scorecard and its problem list, as of a day (monitoring findings depend on it). */
async function scoredProblems(db: DbOrTx, ctx: ServiceContext, sheetId: number, today: string) {
  const loaded = await loadSheet(db, ctx, sheetId);
  const detail = await getSheet(db, ctx, sheetId);
  const data = await loadCheckData(db, loaded.region, loaded.task.year);
  const { findings } = runChecks(data, checkOptions({ asOf: today }));
  return { loaded, detail, problems: sheetProblems(detail.scorecard, findings) };
}

/** The same region's approved sheet of the year before, preferring the same framework. */
async function previousSheet(db: DbOrTx, regionCode: string, year: number, frameworkCode: string) {
  const [row] = await db
    .select({
      sheetId: evaluationSheets.id,
      taskId: evaluationTasks.id,
      taskName: evaluationTasks.name,
      year: evaluationTasks.year,
      frameworkCode: evaluationTasks.frameworkCode,
    })
    .from(evaluationSheets)
    .innerJoin(evaluationTasks, eq(evaluationTasks.id, evaluationSheets.taskId))
    .where(
      and(
        eq(evaluationSheets.regionCode, regionCode),
        eq(evaluationSheets.status, "approved"),
        eq(evaluationTasks.year, year - 1),
      ),
    )
    .orderBy(
      desc(sql`${evaluationTasks.frameworkCode} = ${frameworkCode}`),
      desc(evaluationSheets.approvedAt),
      desc(evaluationSheets.id),
    )
    .limit(1);
  return row ?? null;
}

/**
 * The result page of a sheet: total, grade, rank, groups with 得分率, every indicator with its reason,
 * the 问题 each with its 整改 (or null) and overdue flag, rectified problems the sheet no longer has,
 * and the comparison with the region's approved sheet of the year before (null when there is none).
 */
export async function getSheetResult(
  db: DbOrTx,
  ctx: ServiceContext,
  sheetId: number,
  options: ResultOptions = {},
) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const today = options.today ?? todayUtc();
  const { loaded, detail, problems } = await scoredProblems(db, ctx, sheetId, today);
  const { task, region } = loaded;
  const { scorecard } = detail;
  const records = await db
    .select()
    .from(rectifications)
    .where(eq(rectifications.sheetId, sheetId))
    .orderBy(asc(rectifications.id));
  const byKey = new Map(records.map((r) => [r.problemKey, r]));
  const listed = new Set(problems.map((p) => p.key));
  const withRecords = [
    ...problems.map((p) => ({ ...p, current: true, record: byKey.get(p.key) })),
    ...records
      .filter((r) => !listed.has(r.problemKey))
      .map((r) => ({ ...resolvedProblem(r), current: false, record: r })),
  ];
  const ranking = await getTask(db, ctx, task.id);
  // Ranked among the peers of its level (the counties of a city, say).
  const level = ranking.sheets.find((s) => s.id === sheetId)?.regionLevel;
  const ranked = ranking.sheets.filter((s) => s.rank !== null && s.regionLevel === level);
  const previous = await previousSheet(db, region.code, task.year, task.frameworkCode);
  const comparison = previous
    ? {
        previous,
        ...compareYears(scorecard, (await getSheet(db, ctx, previous.sheetId)).scorecard),
      }
    : null;
  const actor = actorFor(ctx, region.path);
  return {
    id: detail.id,
    status: detail.status,
    task: {
      id: task.id,
      name: task.name,
      year: task.year,
      type: task.type,
      frameworkCode: task.frameworkCode,
      frameworkName: ranking.frameworkName,
    },
    region: detail.region,
    asOf: today,
    points: scorecard.points,
    total: scorecard.total,
    rate: scorecard.rate,
    grade: scorecard.grade,
    rank: ranked.find((s) => s.id === sheetId)?.rank ?? null,
    ranked: ranked.length,
    groups: scorecard.groups,
    indicators: scorecard.indicators.map(({ trace: _trace, ...indicator }) => indicator),
    problems: withRecords.map(({ record, ...p }) => ({
      ...p,
      rectification: record ? toAnswer(record, today) : null,
    })),
    comparison,
    can: { fill: actor.canFill, review: actor.canReview },
  };
}

/** A rectified problem that re-scoring removed: shown with the text recorded. */
function resolvedProblem(r: RectificationRow): SheetProblem {
  const finding = r.problemKey.includes("@");
  return {
    key: r.problemKey,
    source: finding ? "finding" : "score",
    severity: "warning",
    indicator: finding ? null : r.problemKey,
    rule: finding ? (r.problemKey.split("@")[0] ?? null) : null,
    regionCode: null,
    regionName: null,
    text: { zh: r.description, en: r.description },
    figures: {},
  };
}

export interface RectificationInput {
  /** The version read; null when the problem has no rectification yet. */
  version: number | null;
  owner?: string | null | undefined;
  deadline?: string | null | undefined;
  status: RectificationStatus;
  result?: string | null | undefined;
  followUp?: string | null | undefined;
}

const blankToNull = (text: string | null | undefined) => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

function conflict(row: RectificationRow | undefined, sheetId: number, key: string): DomainError {
  return new DomainError(
    "rectification.version_conflict",
    {
      by: row?.updatedByName ?? "他人",
      at: row ? auditTimeText(row.updatedAt.toISOString()).slice(0, 16) : "—",
      version: row?.version ?? 0,
    },
    { sheetId, problemKey: key, version: row?.version ?? null },
  );
}

const FIELDS = ["owner", "deadline", "status", "result", "followUp"] as const;

/**
 * Records or changes the 整改 of one problem of a sheet. Whoever may fill in the sheet sets the
 * owner, deadline, status (待整改 / 整改中 / 已整改) and result; verifying it (已验收), writing the 复核意见
 * and changing a verified one need a reviewer of a region strictly above the sheet's. A stale
 * version is refused and nothing is saved; every change is audited in the same transaction.
 */
export async function saveRectification(
  db: DbOrTx,
  ctx: ServiceContext,
  sheetId: number,
  problemKey: string,
  input: RectificationInput,
  options: ResultOptions = {},
) {
  authorize(ctx, { kind: "permission", permission: "evaluation:fill" });
  const today = options.today ?? todayUtc();
  return db.transaction(async (tx) => {
    // The sheet's row lock puts saves of one sheet's rectifications one after another.
    const loaded = await loadSheet(tx, ctx, sheetId, true);
    const actor = actorFor(ctx, loaded.region.path);
    if (!actor.canFill) {
      throw new DomainError("evaluation.not_filler", { region: loaded.region.name });
    }
    const [existing] = await tx
      .select()
      .from(rectifications)
      .where(and(eq(rectifications.sheetId, sheetId), eq(rectifications.problemKey, problemKey)))
      .for("update");
    if ((existing?.version ?? null) !== input.version)
      throw conflict(existing, sheetId, problemKey);
    const next = {
      owner: blankToNull(input.owner),
      deadline: input.deadline ?? null,
      status: input.status,
      result: blankToNull(input.result),
      followUp: blankToNull(input.followUp),
    };
    const reviewerOnly =
      next.status === "verified" ||
      existing?.status === "verified" ||
      next.followUp !== (existing?.followUp ?? null);
    if (reviewerOnly && !actor.canReview) throw new DomainError("rectification.not_reviewer");
    if ((next.status === "done" || next.status === "verified") && next.result === null) {
      throw new DomainError("rectification.result_required", {}, { field: "result" });
    }
    const by = {
      updatedBy: ctx.actor?.userId ?? null,
      updatedByName: ctx.actor?.username ?? ctx.systemName ?? null,
      updatedAt: new Date(),
    };
    let row: RectificationRow | undefined;
    if (existing) {
      [row] = await tx
        .update(rectifications)
        .set({ ...next, ...by, version: existing.version + 1 })
        .where(
          and(eq(rectifications.id, existing.id), eq(rectifications.version, existing.version)),
        )
        .returning();
    } else {
      const { problems } = await scoredProblems(tx, ctx, sheetId, today);
      const problem = problems.find((p) => p.key === problemKey);
      if (!problem) {
        throw new DomainError("rectification.problem_unknown", { sheet: sheetId, key: problemKey });
      }
      [row] = await tx
        .insert(rectifications)
        .values({
          sheetId,
          problemKey,
          description: problem.text.zh,
          ...next,
          createdBy: by.updatedBy,
          createdByName: by.updatedByName,
          createdAt: by.updatedAt,
          ...by,
        })
        .onConflictDoNothing({ target: [rectifications.sheetId, rectifications.problemKey] })
        .returning();
    }
    if (!row) throw conflict(existing, sheetId, problemKey);
    const changed = FIELDS.filter((f) => (existing?.[f] ?? null) !== next[f]);
    await recordAudit(tx, ctx, {
      action: existing ? "rectification.update" : "rectification.create",
      entity: "rectification",
      entityId: row.id,
      region: loaded.region,
      before: existing ? Object.fromEntries(changed.map((f) => [f, existing[f]])) : null,
      after: {
        sheetId,
        problemKey,
        ...(existing ? {} : { description: row.description }),
        ...Object.fromEntries(changed.map((f) => [f, next[f]])),
        version: row.version,
      },
    });
    return toAnswer(row, today);
  });
}
