/**
 * Reports generated in the background: a job row is written at once, the work runs in this process
 * and writes its progress to the row, the file lands in the row. The page (or the CLI) polls the
 * row, so a reload finds the job again. While it runs, the process touches the job's heartbeat; a
 * running job whose heartbeat stopped (its process died; with several servers on one PostgreSQL,
 * any of them) is marked failed at the next start or when its owner next looks.
 */
import { and, desc, eq, getTableColumns, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/index.ts";
import { reportJobs } from "../db/schema.ts";
import { DomainError } from "../domain/errors.ts";
import { reportTitle } from "../domain/reports/index.ts";
import type { ReportFormat } from "../reports/formats.ts";
import type { PdfRenderer } from "../reports/pdf.ts";
import type { ServiceContext } from "./context.ts";
import { getTask, loadSheet } from "./evaluation-service.ts";
import { authorize } from "./policy.ts";
import { type ReportTemplate, sheetReport, taskReport } from "./report-service.ts";

export type ReportJobRequest =
  | { subject: "task"; taskId: number; format: ReportFormat }
  | { subject: "sheet"; sheetId: number; template: ReportTemplate; format: ReportFormat };

/** Jobs are kept a week. */
const KEEP_MS = 7 * 24 * 3600 * 1000;
/** Progress is written at most this often (a row update per sheet would slow a big task down). */
const PROGRESS_EVERY_MS = 300;
/** A running job touches its heartbeat this often, even in a long step without progress (a PDF). */
const HEARTBEAT_EVERY_MS = 10_000;
/** A running job silent for this long belongs to a process that is gone. */
const STALE_SECONDS = 60;
const INTERRUPTED = "服务重启，报告生成中断，请重新生成";

type JobRow = typeof reportJobs.$inferSelect;
/** A job without its file, and the file's size: what lists and progress need. */
type JobMeta = Omit<JobRow, "bytes"> & { size: number | null };

const { bytes: _file, ...META_COLUMNS } = getTableColumns(reportJobs);
const META = { ...META_COLUMNS, size: sql<number | null>`octet_length(${reportJobs.bytes})` };

function toAnswer(row: JobMeta) {
  return {
    id: row.id,
    subject: row.subject,
    params: row.params as Record<string, unknown>,
    title: row.title,
    format: row.format,
    status: row.status as "queued" | "running" | "done" | "failed",
    done: row.done,
    total: row.total,
    stage: row.stage,
    fileName: row.fileName,
    size: row.size === null ? null : Number(row.size),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
export type ReportJob = ReturnType<typeof toAnswer>;

function userOf(ctx: ServiceContext): number {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  if (!ctx.actor) throw new DomainError("auth.required");
  return ctx.actor.userId;
}

/** Checks the request as the user (what they may not see fails now, not in the background). */
async function titleOf(db: DbOrTx, ctx: ServiceContext, request: ReportJobRequest) {
  if (request.subject === "task") {
    const task = await getTask(db, ctx, request.taskId);
    return reportTitle(task.regionName, task.year, task.name);
  }
  const { region, task } = await loadSheet(db, ctx, request.sheetId);
  return `${region.name}${task.year}年${task.name}`;
}

/** Starts a report in the background and answers with its job at once. */
export async function startReportJob(
  db: DbOrTx,
  ctx: ServiceContext,
  request: ReportJobRequest,
  pdf: PdfRenderer,
): Promise<ReportJob> {
  const userId = userOf(ctx);
  const title = await titleOf(db, ctx, request);
  await db
    .delete(reportJobs)
    .where(
      and(eq(reportJobs.userId, userId), lt(reportJobs.createdAt, new Date(Date.now() - KEEP_MS))),
    );
  const [row] = await db
    .insert(reportJobs)
    .values({ userId, subject: request.subject, params: request, title, format: request.format })
    .returning();
  if (!row) throw new Error("report job not created");
  void runJob(db, ctx, row.id, request, pdf);
  return toAnswer({ ...row, size: null });
}

async function runJob(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  request: ReportJobRequest,
  pdf: PdfRenderer,
): Promise<void> {
  const where = eq(reportJobs.id, id);
  let last = 0;
  const progress = async (done: number, total: number, stage: string) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && done < total) return;
    last = now;
    await db
      .update(reportJobs)
      .set({ status: "running", done, total, stage, heartbeatAt: sql`now()` })
      .where(where);
  };
  const heartbeat = setInterval(() => {
    void db
      .update(reportJobs)
      .set({ heartbeatAt: sql`now()` })
      .where(where)
      .catch(() => undefined);
  }, HEARTBEAT_EVERY_MS);
  heartbeat.unref();
  try {
    await db.update(reportJobs).set({ status: "running", stage: "开始" }).where(where);
    const file =
      request.subject === "task"
        ? await taskReport(db, ctx, request.taskId, request.format, pdf, progress)
        : await sheetReport(db, ctx, request.sheetId, request.template, request.format, pdf);
    await db
      .update(reportJobs)
      .set({
        status: "done",
        stage: "完成",
        fileName: file.fileName,
        contentType: file.contentType,
        bytes: file.bytes,
        finishedAt: new Date(),
      })
      .where(where);
  } catch (err) {
    const message =
      err instanceof DomainError ? err.messageIn("zh-CN") : "报告生成失败，请稍后重试或联系管理员";
    await db
      .update(reportJobs)
      .set({ status: "failed", error: message, finishedAt: new Date() })
      .where(where)
      .catch(() => undefined);
  } finally {
    clearInterval(heartbeat);
  }
}

/** The user's recent jobs, newest first (without their files). */
export async function listReportJobs(db: DbOrTx, ctx: ServiceContext): Promise<ReportJob[]> {
  const userId = userOf(ctx);
  await failStaleJobs(db, eq(reportJobs.userId, userId));
  const rows = await db
    .select(META)
    .from(reportJobs)
    .where(eq(reportJobs.userId, userId))
    .orderBy(desc(reportJobs.id))
    .limit(20);
  return rows.map(toAnswer);
}

/** The user's own job (someone else's does not exist for them). */
function ownJob(ctx: ServiceContext, id: number) {
  return and(eq(reportJobs.id, id), eq(reportJobs.userId, userOf(ctx)));
}

export async function getReportJob(db: DbOrTx, ctx: ServiceContext, id: number) {
  await failStaleJobs(db, ownJob(ctx, id));
  const [row] = await db.select(META).from(reportJobs).where(ownJob(ctx, id));
  if (!row) throw new DomainError("report.job_not_found", { id });
  return toAnswer(row);
}

/** The file of a finished job. */
export async function reportJobFile(db: DbOrTx, ctx: ServiceContext, id: number) {
  const [row] = await db.select().from(reportJobs).where(ownJob(ctx, id));
  if (!row) throw new DomainError("report.job_not_found", { id });
  if (row.status !== "done" || !row.bytes || !row.fileName || !row.contentType) {
    throw new DomainError("report.job_not_ready", { id, status: row.status });
  }
  return { fileName: row.fileName, contentType: row.contentType, bytes: row.bytes };
}

/** Running jobs (of those `where` selects) whose process has stopped touching them: failed. */
async function failStaleJobs(db: DbOrTx, where?: SQL): Promise<number> {
  const rows = await db
    .update(reportJobs)
    .set({ status: "failed", error: INTERRUPTED, finishedAt: new Date() })
    .where(
      and(
        inArray(reportJobs.status, ["queued", "running"]),
        lt(reportJobs.heartbeatAt, sql`now() - make_interval(secs => ${STALE_SECONDS})`),
        where,
      ),
    )
    .returning({ id: reportJobs.id });
  return rows.length;
}

/**
 * At start: jobs whose process died will never finish. Only silent ones: another server on the
 * same PostgreSQL may be running the others.
 */
export function failInterruptedReportJobs(db: DbOrTx): Promise<number> {
  return failStaleJobs(db);
}
