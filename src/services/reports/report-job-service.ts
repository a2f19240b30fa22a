/**
 * Reports generated in the background: a job row is written at once, queued; a server takes it
 * from the queue when it has a free slot (`concurrency` per server, one running job per user, the
 * user least recently served first), writes its progress to the row, and the file lands in the file
 * store (the database on the PostgreSQL server), named in the row. The page (or the CLI) polls the
 * row, so a reload finds the job again; any node serves the file. While it runs, the process touches
 * the job's heartbeat; a running job whose heartbeat stopped (its process died; with several nodes on
 * one PostgreSQL, any of them) goes back to the queue at the next claim, start, or look by its owner,
 * and another node runs it again, up to `maxAttempts` starts; past them it is failed.
 */
import { createHash, randomUUID } from "node:crypto";
import {
  and,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  lt,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Config } from "../../config.ts";
import { type Db, type DbOrTx, isConnectionError, queryRows } from "../../db/index.ts";
import { regions, reportJobs, users } from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import { reportTitle } from "../../domain/reports/index.ts";
import type { ReportFormat } from "../../render/formats.ts";
import type { PdfRenderer } from "../../render/pdf.ts";
import type { FileStore } from "../../storage/file-store.ts";
import { type ServiceContext, userContext } from "../context.ts";
import { loadSheet } from "../evaluations/evaluation-service.ts";
import { getTask } from "../evaluations/evaluation-task-service.ts";
import { authorize } from "../policy.ts";
import {
  type ReportProgress,
  type ReportTemplate,
  sheetReport,
  taskReport,
} from "./report-service.ts";

export type ReportJobRequest =
  | { subject: "task"; taskId: number; format: ReportFormat }
  | { subject: "sheet"; sheetId: number; template: ReportTemplate; format: ReportFormat };

/** Jobs are kept a week. */
const KEEP_MS = 7 * 24 * 3600 * 1000;
/** Progress is written at most this often (a row update per sheet would slow a big task down). */
const PROGRESS_EVERY_MS = 300;
/** A job that failed while the database was away is marked failed when it is back: this many tries… */
const MARK_FAILED_ATTEMPTS = 6;
/** …this far apart (the database's Retry-After). */
const MARK_FAILED_RETRY_MS = 2_000;
/** A running job touches its heartbeat this often (or four times per stale period if shorter), even in a long step without progress (a PDF). */
const HEARTBEAT_EVERY_MS = 10_000;
/** A running job silent for this long belongs to a process that is gone (the default of `staleSeconds`). */
const STALE_SECONDS = 60;
/** Starts of one job before a job whose node died is failed rather than queued again (the default of `maxAttempts`). */
const MAX_ATTEMPTS = 3;
/** How often a runner sweeps the file store of files nothing names (jobs deleted after a week, evidence removed). */
const SWEEP_EVERY_MS = 6 * 3600 * 1000;
const INTERRUPTED = "服务重启，报告生成中断，请重新生成";
/** The advisory lock every server takes to claim a job: claims are few, and one at a time keeps "one per user" true. */
const CLAIM_LOCK = sql`hashtext('jixiao:report-jobs:claim')`;

export interface ReportJobSettings {
  /** Jobs this server renders at once. */
  concurrency: number;
  /** Jobs one user may have waiting; past it a new one is refused (`report.queue_full`, 429). */
  queuePerUser: number;
  /** A running job whose heartbeat is older than this (seconds) lost its node: queued again, or failed. */
  staleSeconds: number;
  /** Starts of one job at most: a job whose node died after its last start is failed. */
  maxAttempts: number;
}
export const DEFAULT_REPORT_JOB_SETTINGS: ReportJobSettings = {
  concurrency: 2,
  queuePerUser: 5,
  staleSeconds: STALE_SECONDS,
  maxAttempts: MAX_ATTEMPTS,
};

/** The settings of JIXIAO_JOB_STALE_SECONDS and JIXIAO_JOB_MAX_ATTEMPTS, where set. */
export function reportJobSettingsOf(
  config: Pick<Config, "jobStaleSeconds" | "jobMaxAttempts">,
): Partial<ReportJobSettings> {
  return {
    ...(config.jobStaleSeconds !== undefined && { staleSeconds: config.jobStaleSeconds }),
    ...(config.jobMaxAttempts !== undefined && { maxAttempts: config.jobMaxAttempts }),
  };
}

/** Makes a job's file; tests put a render that waits for them here. */
export type RenderReportJob = (
  db: DbOrTx,
  ctx: ServiceContext,
  request: ReportJobRequest,
  pdf: PdfRenderer,
  progress: ReportProgress,
  jobId: number,
) => Promise<{ fileName: string; contentType: string; bytes: Uint8Array }>;

const renderJob: RenderReportJob = (db, ctx, request, pdf, progress) =>
  request.subject === "task"
    ? taskReport(db, ctx, request.taskId, request.format, pdf, progress)
    : sheetReport(db, ctx, request.sheetId, request.template, request.format, pdf);

type JobRow = typeof reportJobs.$inferSelect;
/** A job without its file, and the file's size: what lists and progress need. */
type JobMeta = Omit<JobRow, "bytes"> & { size: number | null };

const { bytes: _file, ...META_COLUMNS } = getTableColumns(reportJobs);
const META = {
  ...META_COLUMNS,
  size: sql<number | null>`coalesce(${reportJobs.fileSize}, octet_length(${reportJobs.bytes}))`,
};

function toAnswer(row: JobMeta, places: Map<number, number>) {
  return {
    id: row.id,
    subject: row.subject,
    params: row.params as Record<string, unknown>,
    title: row.title,
    format: row.format,
    status: row.status as "queued" | "running" | "done" | "failed",
    queuePlace: row.status === "queued" ? (places.get(row.id) ?? null) : null,
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

/**
 * Places in the queue (1 = the next to start) of the queued jobs among `ids`, in the order the
 * servers take them: each user's first waiting job before anyone's second, the user least
 * recently served first, then by age.
 */
async function queuePlaces(db: DbOrTx, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; place: string | number }>(
    db,
    sql`select id, place from (
          select q.id, row_number() over (order by q.turn, q.served nulls first, q.id) as place
          from (
            select r.id,
              row_number() over (partition by r.user_id order by r.id) as turn,
              (select max(s.started_at) from report_jobs s where s.user_id = r.user_id) as served
            from report_jobs r where r.status = 'queued'
          ) q
        ) p
        where p.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return new Map(rows.map((r) => [Number(r.id), Number(r.place)]));
}

async function answersOf(db: DbOrTx, rows: JobMeta[]): Promise<ReportJob[]> {
  const places = await queuePlaces(
    db,
    rows.filter((r) => r.status === "queued").map((r) => r.id),
  );
  return rows.map((row) => toAnswer(row, places));
}

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

/**
 * Queues a report and answers with its job at once: running when this server had a free slot,
 * else queued with its place. Refused past the user's cap of waiting jobs.
 */
export async function startReportJob(
  db: Db,
  ctx: ServiceContext,
  request: ReportJobRequest,
  runner: ReportJobRunner,
): Promise<ReportJob> {
  const userId = userOf(ctx);
  const title = await titleOf(db, ctx, request);
  await db
    .delete(reportJobs)
    .where(
      and(eq(reportJobs.userId, userId), lt(reportJobs.createdAt, new Date(Date.now() - KEEP_MS))),
    );
  const limit = runner.settings.queuePerUser;
  const id = await db.transaction(async (tx) => {
    // Per user: two requests at the same moment cannot both pass the count.
    await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK}, ${userId}::int)`);
    const [waiting] = await tx
      .select({ n: count() })
      .from(reportJobs)
      .where(and(eq(reportJobs.userId, userId), eq(reportJobs.status, "queued")));
    if (Number(waiting?.n ?? 0) >= limit) {
      throw new DomainError("report.queue_full", { limit }, { limit, retryAfterSeconds: 10 });
    }
    const [row] = await tx
      .insert(reportJobs)
      .values({ userId, subject: request.subject, params: request, title, format: request.format })
      .returning({ id: reportJobs.id });
    if (!row) throw new Error("report job not created");
    return row.id;
  });
  await runner.pump();
  const [row] = await db.select(META).from(reportJobs).where(eq(reportJobs.id, id));
  if (!row) throw new DomainError("report.job_not_found", { id });
  const [answer] = await answersOf(db, [row]);
  return answer as ReportJob;
}

/** A job taken from the queue by this server, under its claim. */
interface Claimed {
  id: number;
  userId: number;
  params: ReportJobRequest;
  claim: string;
}

/**
 * Takes the next job this database may start: queued, of a user with nothing running (on any
 * server). Under one advisory lock for every server: `for update skip locked` alone would let
 * two servers each take a different job of the same user.
 */
async function claimNext(
  db: Db,
  claim: string,
  settings: ReportJobSettings,
): Promise<Claimed | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`);
    // A dead node's running job would otherwise hold its user's turn for ever: back to the queue.
    await settleStaleJobs(tx, settings);
    const [row] = await queryRows<{ id: number; user_id: number; params: unknown }>(
      tx,
      sql`update report_jobs
          set status = 'running', stage = '开始', claim = ${claim}, attempts = attempts + 1,
              started_at = now(), heartbeat_at = now()
          where id = (
            select q.id from report_jobs q
            where q.status = 'queued'
              and not exists (
                select 1 from report_jobs r where r.user_id = q.user_id and r.status = 'running')
            order by (select max(s.started_at) from report_jobs s where s.user_id = q.user_id)
                       nulls first, q.id
            limit 1)
          returning id, user_id, params`,
    );
    if (!row) return null;
    const params = typeof row.params === "string" ? JSON.parse(row.params) : row.params;
    return {
      id: Number(row.id),
      userId: Number(row.user_id),
      params: params as ReportJobRequest,
      claim,
    };
  });
}

/** The job's owner as they are now (a queued job may start after a restart, on another server). */
async function ownerContext(db: DbOrTx, userId: number): Promise<ServiceContext> {
  const [row] = await db
    .select({ u: users, regionPath: regions.path })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(eq(users.id, userId));
  if (!row || row.u.disabled) throw new DomainError("auth.disabled");
  return userContext(row.u, row.regionPath);
}

export interface ReportJobRunner {
  readonly settings: ReportJobSettings;
  /** One round of claims: takes queued jobs while this server has free slots. Never rejects. */
  pump(): Promise<void>;
  /** Takes jobs left queued (before a restart, by another server) now and every `pollMs`. */
  start(pollMs?: number): void;
  /** Stops taking jobs, waits up to `graceMs` for the running ones, hands the rest back to the queue. */
  stop(graceMs?: number): Promise<void>;
}

export interface ReportJobRunnerOptions extends Partial<ReportJobSettings> {
  /** Where finished files go; without one they stay in the job's row (a one-node app). */
  files?: FileStore;
  render?: RenderReportJob;
  /** Where faults are told: a failed claim (the job stays queued for the next round), a render that broke. */
  onError?: (err: unknown) => void;
}

/** The runner of one server: its slots, its claims, its heartbeats. */
export function reportJobRunner(
  db: Db,
  pdf: PdfRenderer,
  options: ReportJobRunnerOptions = {},
): ReportJobRunner {
  const settings: ReportJobSettings = {
    concurrency: options.concurrency ?? DEFAULT_REPORT_JOB_SETTINGS.concurrency,
    queuePerUser: options.queuePerUser ?? DEFAULT_REPORT_JOB_SETTINGS.queuePerUser,
    staleSeconds: options.staleSeconds ?? DEFAULT_REPORT_JOB_SETTINGS.staleSeconds,
    maxAttempts: options.maxAttempts ?? DEFAULT_REPORT_JOB_SETTINGS.maxAttempts,
  };
  const heartbeatMs = Math.min(HEARTBEAT_EVERY_MS, (settings.staleSeconds * 1000) / 4);
  const render = options.render ?? renderJob;
  const onError = options.onError ?? (() => undefined);
  const active = new Map<string, { done: Promise<void>; abandon: () => void }>();
  let stopped = false;
  let poll: NodeJS.Timeout | null = null;
  let sweeper: NodeJS.Timeout | null = null;
  const sweep = () => {
    void options.files?.sweep?.().catch(onError);
  };
  let rounds: Promise<void> = Promise.resolve();
  let failing = false;

  const round = async () => {
    try {
      while (!stopped && active.size < settings.concurrency) {
        const job = await claimNext(db, randomUUID(), settings);
        if (!job) break;
        let abandoned = false;
        const entry = {
          done: Promise.resolve(),
          abandon: () => {
            abandoned = true;
          },
        };
        active.set(job.claim, entry);
        const run = { render, pdf, files: options.files, heartbeatMs, onError };
        entry.done = runJob(db, job, run, () => abandoned).finally(() => {
          active.delete(job.claim);
          void pump();
        });
      }
      failing = false;
    } catch (err) {
      // Told once per outage, not at every poll; the jobs wait queued for the next round.
      if (!failing) onError(err);
      failing = true;
    }
  };
  const pump = () => {
    rounds = rounds.then(round);
    return rounds;
  };

  return {
    settings,
    pump,
    start(pollMs = 5000) {
      stopped = false;
      void pump();
      if (poll) clearInterval(poll);
      poll = setInterval(() => void pump(), pollMs);
      poll.unref();
      if (options.files?.sweep && !sweeper) {
        sweep();
        sweeper = setInterval(sweep, SWEEP_EVERY_MS);
        sweeper.unref();
      }
    },
    async stop(graceMs = 5000) {
      stopped = true;
      if (poll) clearInterval(poll);
      poll = null;
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      await rounds;
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.allSettled([...active.values()].map((e) => e.done)).then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), graceMs);
        }),
      ]);
      clearTimeout(timer);
      if (finished || active.size === 0) return;
      const claims = [...active.keys()];
      for (const entry of active.values()) entry.abandon();
      // Another server, or this one's next start, runs them again from the beginning; a start
      // handed back is not counted.
      await db
        .update(reportJobs)
        .set({
          status: "queued",
          claim: null,
          stage: null,
          done: 0,
          total: 0,
          attempts: sql`greatest(${reportJobs.attempts} - 1, 0)`,
        })
        .where(and(inArray(reportJobs.claim, claims), eq(reportJobs.status, "running")))
        .catch(onError);
    },
  };
}

interface RunSettings {
  render: RenderReportJob;
  pdf: PdfRenderer;
  files: FileStore | undefined;
  heartbeatMs: number;
  onError: (err: unknown) => void;
}

async function runJob(
  db: Db,
  job: Claimed,
  { render, pdf, files, heartbeatMs, onError }: RunSettings,
  abandoned: () => boolean,
): Promise<void> {
  // Every write carries the claim: a job handed back, or failed as stale and taken again, is not ours.
  const where = and(eq(reportJobs.id, job.id), eq(reportJobs.claim, job.claim));
  let last = 0;
  const progress = async (done: number, total: number, stage: string) => {
    const now = Date.now();
    if (abandoned() || (now - last < PROGRESS_EVERY_MS && done < total)) return;
    last = now;
    await db
      .update(reportJobs)
      .set({ status: "running", done, total, stage, heartbeatAt: sql`now()` })
      .where(where);
  };
  const heartbeat = setInterval(() => {
    if (abandoned()) return;
    void db
      .update(reportJobs)
      .set({ heartbeatAt: sql`now()` })
      .where(where)
      .catch(() => undefined);
  }, heartbeatMs);
  heartbeat.unref();
  try {
    const ctx = await ownerContext(db, job.userId);
    const file = await render(db, ctx, job.params, pdf, progress, job.id);
    if (abandoned()) return;
    // The file first, then the row that names it: a done job never points at a missing file.
    const sha256 = files ? createHash("sha256").update(file.bytes).digest("hex") : null;
    if (files && sha256) await files.put(sha256, file.bytes);
    await db
      .update(reportJobs)
      .set({
        status: "done",
        stage: "完成",
        fileName: file.fileName,
        contentType: file.contentType,
        bytes: sha256 ? null : file.bytes,
        fileSha256: sha256,
        fileSize: file.bytes.byteLength,
        finishedAt: new Date(),
      })
      .where(where);
  } catch (err) {
    if (abandoned()) return;
    // A refusal is the user's to read in the job; anything else is a fault to log.
    if (!(err instanceof DomainError)) onError(err);
    const message =
      err instanceof DomainError ? err.messageIn("zh-CN") : "报告生成失败，请稍后重试或联系管理员";
    await markFailed(db, where, message, abandoned);
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Marks a job failed; while the database is briefly away it tries a few times more. Past that the
 * stale-heartbeat rule fails the job at the next claim or look (the heartbeat has stopped too).
 */
async function markFailed(
  db: Db,
  where: SQL | undefined,
  message: string,
  abandoned: () => boolean,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      await db
        .update(reportJobs)
        .set({ status: "failed", error: message, finishedAt: new Date() })
        .where(where);
      return;
    } catch (err) {
      if (!isConnectionError(err) || attempt >= MARK_FAILED_ATTEMPTS || abandoned()) return;
      await new Promise((resolve) => setTimeout(resolve, MARK_FAILED_RETRY_MS).unref());
    }
  }
}

/** The user's recent jobs, newest first (without their files). */
export async function listReportJobs(db: DbOrTx, ctx: ServiceContext): Promise<ReportJob[]> {
  const userId = userOf(ctx);
  await settleStaleJobs(db, DEFAULT_REPORT_JOB_SETTINGS, eq(reportJobs.userId, userId));
  const rows = await db
    .select(META)
    .from(reportJobs)
    .where(eq(reportJobs.userId, userId))
    .orderBy(desc(reportJobs.id))
    .limit(20);
  return answersOf(db, rows);
}

/** The user's own job (someone else's does not exist for them). */
function ownJob(ctx: ServiceContext, id: number) {
  return and(eq(reportJobs.id, id), eq(reportJobs.userId, userOf(ctx)));
}

export async function getReportJob(db: DbOrTx, ctx: ServiceContext, id: number) {
  await settleStaleJobs(db, DEFAULT_REPORT_JOB_SETTINGS, ownJob(ctx, id));
  const [row] = await db.select(META).from(reportJobs).where(ownJob(ctx, id));
  if (!row) throw new DomainError("report.job_not_found", { id });
  const [answer] = await answersOf(db, [row]);
  return answer as ReportJob;
}

/**
 * The file of a finished job, as a stream (from the file store, checked against its SHA-256 as it
 * goes), on whichever node is asked.
 */
export async function reportJobFile(
  db: DbOrTx,
  files: FileStore | undefined,
  ctx: ServiceContext,
  id: number,
) {
  const [row] = await db.select(META).from(reportJobs).where(ownJob(ctx, id));
  if (!row) throw new DomainError("report.job_not_found", { id });
  if (row.status !== "done" || !row.fileName || !row.contentType) {
    throw new DomainError("report.job_not_ready", { id, status: row.status });
  }
  const meta = { fileName: row.fileName, contentType: row.contentType, size: Number(row.size) };
  if (row.fileSha256) {
    if (!files) throw new Error(`report job ${id}: its file is in a file store this app has not`);
    return { ...meta, sha256: row.fileSha256, body: files.stream(row.fileSha256) };
  }
  // A job finished before the file store (or by an app without one) kept its file in the row.
  const [kept] = await db
    .select({ bytes: reportJobs.bytes })
    .from(reportJobs)
    .where(eq(reportJobs.id, id));
  if (!kept?.bytes) throw new DomainError("report.job_not_ready", { id, status: row.status });
  const bytes = kept.bytes;
  return {
    ...meta,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }),
  };
}

/**
 * Running jobs (of those `where` selects) whose node stopped touching them: queued again for any
 * node while they have starts left, else failed. A queued job belongs to no node: it waits for one,
 * however long.
 */
async function settleStaleJobs(
  db: DbOrTx,
  settings: Pick<ReportJobSettings, "staleSeconds" | "maxAttempts">,
  where?: SQL,
): Promise<{ requeued: number; failed: number }> {
  const stale = and(
    eq(reportJobs.status, "running"),
    lt(reportJobs.heartbeatAt, sql`now() - make_interval(secs => ${settings.staleSeconds})`),
    where,
  );
  const failed = await db
    .update(reportJobs)
    .set({ status: "failed", error: INTERRUPTED, finishedAt: new Date() })
    .where(and(stale, gte(reportJobs.attempts, settings.maxAttempts)))
    .returning({ id: reportJobs.id });
  const requeued = await db
    .update(reportJobs)
    .set({ status: "queued", claim: null, stage: null, done: 0, total: 0 })
    .where(and(stale, lt(reportJobs.attempts, settings.maxAttempts)))
    .returning({ id: reportJobs.id });
  return { requeued: requeued.length, failed: failed.length };
}

/**
 * At start: running jobs whose node died are queued again (or failed past their starts). Only
 * silent ones: another node on the same PostgreSQL may be running the others.
 */
export function settleInterruptedReportJobs(
  db: DbOrTx,
  settings: Partial<Pick<ReportJobSettings, "staleSeconds" | "maxAttempts">> = {},
): Promise<{ requeued: number; failed: number }> {
  return settleStaleJobs(db, { ...DEFAULT_REPORT_JOB_SETTINGS, ...settings });
}
