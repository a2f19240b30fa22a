/** Evaluation tasks (评价任务) and their sheets, one per evaluated region, with the review workflow. */

import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
import type { RectificationStatus } from "../../domain/evaluations/problems.ts";
import type { TaskStatus } from "../../domain/evaluations/task-state.ts";
import type { SheetStatus } from "../../domain/evaluations/workflow.ts";
import type { SheetModeT } from "../../shared/evaluation-schemas.ts";
import { regions, users } from "./core.ts";
import { programmes } from "./dataset.ts";
import { surveys } from "./survey.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const evaluationTasks = pgTable(
  "evaluation_tasks",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    year: smallint("year").notNull(),
    /** self / department / finance / third-party / tracking (the programmes data set's codes). */
    type: varchar("type", { length: 20 }).notNull(),
    programmeId: integer("programme_id").references(() => programmes.id as AnyPgColumn, {
      onDelete: "set null",
    }),
    /** The launching office's region; the evaluated regions lie within it. */
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    frameworkCode: varchar("framework_code", { length: 40 }).notNull(),
    /** The framework as it was when the task was launched: later edits of the file change nothing here. */
    framework: jsonb("framework").notNull(),
    deadline: date("deadline", { mode: "string" }),
    /** The satisfaction survey whose rates the satisfaction indicator reads (满意度调查). */
    surveyId: integer("survey_id").references(() => surveys.id as AnyPgColumn, {
      onDelete: "set null",
    }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** 发起单位: the launching account's own region and name, whatever region the task covers. */
    launcherRegionCode: varchar("launcher_region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    launcherName: text("launcher_name"),
    /** open, or cancelled (撤销: its sheets read-only, with the reason). */
    status: varchar("status", { length: 12 }).notNull().default("open").$type<TaskStatus>(),
    cancelReason: text("cancel_reason"),
    cancelledAt: ts("cancelled_at"),
    cancelledBy: integer("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    /** Optimistic concurrency of edits and cancelling: each adds one; a stale version is refused. */
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("evaluation_tasks_region_year_idx").on(t.regionCode, t.year)],
);

export const evaluationSheets = pgTable(
  "evaluation_sheets",
  {
    id: serial("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => evaluationTasks.id, { onDelete: "cascade" }),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    status: varchar("status", { length: 12 }).notNull().default("draft").$type<SheetStatus>(),
    /** 现场评价 / 非现场评价. */
    mode: varchar("mode", { length: 12 }).$type<SheetModeT>(),
    visitNotes: text("visit_notes"),
    /** What people entered, per indicator code (facts, missing, reason). */
    entries: jsonb("entries").notNull().default({}),
    /** The reviewer's comments of the last return, per indicator code ("" for the sheet). */
    comments: jsonb("comments").notNull().default({}),
    /** The last scoring (published with the framework's precision), kept for lists and rankings. */
    total: numeric("total", { precision: 8, scale: 2 }),
    grade: varchar("grade", { length: 10 }),
    /** Optimistic concurrency: every save and transition adds one; a stale version is refused. */
    version: integer("version").notNull().default(1),
    submittedBy: integer("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: ts("submitted_at"),
    approvedBy: integer("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: ts("approved_at"),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedByName: varchar("updated_by_name", { length: 64 }),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("evaluation_sheets_task_region").on(t.taskId, t.regionCode),
    index("evaluation_sheets_region_idx").on(t.regionCode),
  ],
);

/** 佐证材料: a file attached to a sheet, or to one of its indicators; the bytes are in the evidence store. */
export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: serial("id").primaryKey(),
    sheetId: integer("sheet_id")
      .notNull()
      .references(() => evaluationSheets.id, { onDelete: "cascade" }),
    /** The leaf indicator it supports, or null for the sheet (the region) as a whole. */
    indicatorCode: varchar("indicator_code", { length: 40 }),
    fileName: text("file_name").notNull(),
    contentType: varchar("content_type", { length: 120 }).notNull(),
    size: integer("size").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedByName: varchar("uploaded_by_name", { length: 64 }),
    uploadedAt: ts("uploaded_at").notNull().defaultNow(),
  },
  (t) => [index("evidence_files_sheet_idx").on(t.sheetId)],
);

/** 整改: what is done about one 问题 of a sheet, found again by the problem's key after re-scoring. */
export const rectifications = pgTable(
  "rectifications",
  {
    id: serial("id").primaryKey(),
    sheetId: integer("sheet_id")
      .notNull()
      .references(() => evaluationSheets.id, { onDelete: "cascade" }),
    /** The indicator's code, or the checker rule and the place it points at. */
    problemKey: varchar("problem_key", { length: 200 }).notNull(),
    /** The problem as it read when the rectification was first recorded. */
    description: text("description").notNull(),
    /** 责任单位 / 责任人. */
    owner: text("owner"),
    deadline: date("deadline", { mode: "string" }),
    status: varchar("status", { length: 12 })
      .notNull()
      .default("open")
      .$type<RectificationStatus>(),
    /** 整改结果. */
    result: text("result"),
    /** 复核意见, the reviewer's. */
    followUp: text("follow_up"),
    /** Optimistic concurrency, as for sheets. */
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByName: varchar("created_by_name", { length: 64 }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedByName: varchar("updated_by_name", { length: 64 }),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [unique("rectifications_sheet_problem").on(t.sheetId, t.problemKey)],
);

/** A report paragraph a user rewrote before export, kept with its sheet and marked as edited. */
export const reportNarratives = pgTable(
  "report_narratives",
  {
    id: serial("id").primaryKey(),
    sheetId: integer("sheet_id")
      .notNull()
      .references(() => evaluationSheets.id, { onDelete: "cascade" }),
    template: varchar("template", { length: 40 }).notNull(),
    /** The paragraph's key in the template ("form.effects"). */
    key: varchar("key", { length: 80 }).notNull(),
    text: text("text").notNull(),
    /** The generated text when the user rewrote it: a later difference means the figures changed. */
    generated: text("generated").notNull(),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [unique("report_narratives_sheet_key").on(t.sheetId, t.template, t.key)],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * A report generated in the background: its progress while it runs, its file when done. Jobs are
 * rows, so a page reload (or another tab) finds them again. The process running a job touches its
 * heartbeat; a running job whose heartbeat has stopped (its process died) is failed.
 */
export const reportJobs = pgTable(
  "report_jobs",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What the report is of: "task" (an evaluation task), "sheet" or "monitoring". */
    subject: varchar("subject", { length: 20 }).notNull(),
    params: jsonb("params").notNull(),
    title: text("title").notNull(),
    format: varchar("format", { length: 8 }).notNull(),
    /** queued / running / done / failed */
    status: varchar("status", { length: 12 }).notNull().default("queued"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    /** What it is doing now, in words: "评分 120/300". */
    stage: text("stage"),
    fileName: text("file_name"),
    contentType: text("content_type"),
    bytes: bytea("bytes"),
    error: text("error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
    /** Last sign of life of the process running the job (database time). */
    heartbeatAt: ts("heartbeat_at").notNull().defaultNow(),
    /** When a server took it from the queue: the queue serves the user least recently served first. */
    startedAt: ts("started_at"),
    /** The running server's claim: its writes carry it, so a job handed back or taken over is left alone. */
    claim: varchar("claim", { length: 40 }),
    /** Times a node has taken it: a job whose node died goes back to the queue until the limit. */
    attempts: integer("attempts").notNull().default(0),
    /** The finished file in the file store (older jobs kept it in `bytes`), and its size. */
    fileSha256: varchar("file_sha256", { length: 64 }),
    fileSize: integer("file_size"),
  },
  (t) => [
    index("report_jobs_user_idx").on(t.userId, t.createdAt),
    index("report_jobs_active_idx")
      .on(t.status, t.id)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);
