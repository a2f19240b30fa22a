/** Evaluation tasks (评价任务): launch, list, show, edit, extend with regions and cancel, each audited. */

import { asc, eq, inArray, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/index.ts";
import { evaluationSheets, evaluationTasks, regions, surveys, users } from "../../db/schema.ts";
import { Decimal, formatFixed, policyPlaces } from "../../domain/decimal.ts";
import { DomainError } from "../../domain/errors.ts";
import { assertTaskOpen, type TaskStatus, taskActions } from "../../domain/evaluations/index.ts";
import {
  type Framework,
  formatIssue,
  parseFramework,
  textIn,
  ValidationError,
} from "../../domain/frameworks/index.ts";
import { isWithin } from "../../domain/regions.ts";
import { rankByScore } from "../../domain/scoring/index.ts";
import { auditTimeText } from "../../shared/audit-changes.ts";
import { roleCan } from "../../shared/roles.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { getRegion, listingScope } from "../data/region-service.ts";
import { assertRegionInScope, authorize, isInScope } from "../policy.ts";
import { assertStorableText } from "../storable-text.ts";
import { listBuiltinFrameworks, parseFrameworkText, readFrameworkFile } from "./framework-files.ts";

type Task = typeof evaluationTasks.$inferSelect;

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
  const launcher = await launcherOf(db, ctx, region.code);
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
        launcherRegionCode: launcher.regionCode,
        launcherName: launcher.name,
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
        launcher: launcher.regionCode,
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
      tr.name as "regionName", t.deadline, t.created_at as "createdAt", t.status,
      lr.name as "launcherRegionName", t.launcher_name as "launcherName",
      count(s.id)::int as sheets,
      count(s.id) filter (where s.status = 'approved')::int as approved,
      count(s.id) filter (where s.status = 'submitted')::int as submitted
    from evaluation_tasks t
    join regions tr on tr.code = t.region_code
    join regions lr on lr.code = t.launcher_region_code
    join evaluation_sheets s on s.task_id = t.id
    join regions sr on sr.code = s.region_code
    where (sr.path like ${`${path}%`} or tr.path like ${`${path}%`})
      ${q.year === undefined ? sql`` : sql`and t.year = ${q.year}`}
    group by t.id, tr.name, lr.name
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
    status: String(r.status) as TaskStatus,
    launcher: {
      regionName: String(r.launcherRegionName),
      name: (r.launcherName as string | null) ?? null,
    },
    sheets: Number(r.sheets),
    approved: Number(r.approved),
    submitted: Number(r.submitted),
  }));
}

/** The framework a task froze at its launch. */
export async function loadTaskFramework(db: DbOrTx, id: number): Promise<Framework> {
  return parseFramework((await taskOrThrow(db, id)).framework);
}

/** The task by id (404 otherwise), whatever the actor may see of it. */
export async function taskOrThrow(db: DbOrTx, id: number): Promise<Task> {
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
  // with one approved sheet has no ranking. Drafts and sheets awaiting review are not ranked.
  const ranks = new Map<number, number>();
  const byLevel = new Map<string, typeof visible>();
  for (const r of visible.filter((v) => v.sheet.total !== null && v.sheet.status === "approved")) {
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
    frameworkName: textIn(framework.name, ctx.locale ?? "zh-CN"),
    regionCode: task.regionCode,
    regionName: owner?.name ?? task.regionCode,
    deadline: task.deadline,
    status: task.status,
    cancelReason: task.cancelReason,
    cancelledAt: task.cancelledAt?.toISOString() ?? null,
    version: task.version,
    launcher: await launcherView(db, task),
    /** What the actor may do to the task itself: its state's actions, for a manager of the launcher. */
    actions: (await mayManage(db, ctx, task)) ? taskActions(task.status) : [],
    /** How many of the visible regions are scored (approved), awaiting review, not yet reported. */
    progress: {
      total: visible.length,
      approved: visible.filter((v) => v.sheet.status === "approved").length,
      submitted: visible.filter((v) => v.sheet.status === "submitted").length,
      notReported: visible.filter(
        (v) => v.sheet.status === "draft" || v.sheet.status === "returned",
      ).length,
    },
    /** Whether a region directly below the task's region has an approved sheet to roll up. */
    rollUpReady: visible.some(
      (v) =>
        v.sheet.status === "approved" &&
        v.sheet.total !== null &&
        isChildOf(v.regionPath, owner?.path),
    ),
    survey: await linkedSurveyTitle(db, task.surveyId),
    sheets: ordered.map(({ sheet, regionName, regionLevel, regionPath }) => ({
      id: sheet.id,
      regionCode: sheet.regionCode,
      regionName,
      regionPath,
      regionLevel,
      status: sheet.status,
      mode: sheet.mode ?? null,
      total: sheet.total === null ? null : formatFixed(new Decimal(sheet.total), places),
      grade: sheet.grade,
      rank: ranks.get(sheet.id) ?? null,
      version: sheet.version,
      updatedAt: sheet.updatedAt.toISOString(),
    })),
  };
}

async function linkedSurveyTitle(db: DbOrTx, surveyId: number | null) {
  if (surveyId === null) return null;
  const [row] = await db
    .select({ id: surveys.id, title: surveys.title })
    .from(surveys)
    .where(eq(surveys.id, surveyId));
  return row ?? null;
}

const isChildOf = (path: string, parent: string | undefined) =>
  parent !== undefined &&
  path.startsWith(parent) &&
  path.slice(parent.length).split("/").filter(Boolean).length === 1;

/** 发起单位 of a new task: the acting account's own region and name (the console: the task's region). */
async function launcherOf(db: DbOrTx, ctx: ServiceContext, regionCode: string) {
  if (ctx.actor === null) return { regionCode, name: ctx.systemName ?? null };
  const [user] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  return { regionCode: ctx.actor.regionCode, name: user?.name ?? ctx.actor.username };
}

async function launcherView(db: DbOrTx, task: Task) {
  const [region] = await db
    .select({ name: regions.name })
    .from(regions)
    .where(eq(regions.code, task.launcherRegionCode));
  return {
    regionCode: task.launcherRegionCode,
    regionName: region?.name ?? task.launcherRegionCode,
    name: task.launcherName,
  };
}

/** A manager of the launching unit or above may change a task; the console may change any. */
async function mayManage(db: DbOrTx, ctx: ServiceContext, task: Task): Promise<boolean> {
  if (ctx.actor === null) return ctx.systemName !== undefined;
  if (!roleCan(ctx.actor.role, "evaluation:manage")) return false;
  const launcher = await getRegion(db, task.launcherRegionCode);
  return isWithin(launcher.path, ctx.actor.regionPath);
}

/** The task, locked, for a change by a manager: refused when cancelled, stale or not the actor's to manage. */
async function taskForChange(db: DbOrTx, ctx: ServiceContext, id: number, version?: number) {
  authorize(ctx, { kind: "permission", permission: "evaluation:manage" });
  const [task] = await db
    .select()
    .from(evaluationTasks)
    .where(eq(evaluationTasks.id, id))
    .for("update");
  if (!task) throw new DomainError("evaluation.task_not_found", { id });
  const launcher = await getRegion(db, task.launcherRegionCode);
  const owner = await getRegion(db, task.regionCode);
  const path = ctx.actor?.regionPath;
  if (path && !isWithin(owner.path, path) && !(await seesTask(db, path, id))) {
    throw new DomainError("evaluation.task_not_found", { id });
  }
  if (!(await mayManage(db, ctx, task))) {
    throw new DomainError("evaluation.task_manager", { region: launcher.name });
  }
  assertTaskOpen(task);
  if (version !== undefined && version !== task.version) {
    throw new DomainError(
      "evaluation.task_version_conflict",
      {
        by: await updaterName(db, task),
        at: auditTimeText(task.updatedAt.toISOString()).slice(0, 16),
        version: task.version,
      },
      { version: task.version },
    );
  }
  return { task, launcher };
}

/** Whether a region path sees any sheet of the task (as getTask shows it). */
async function seesTask(db: DbOrTx, path: string, id: number): Promise<boolean> {
  const seen = await queryRows(
    db,
    sql`select 1 from evaluation_sheets s join regions r on r.code = s.region_code
      where s.task_id = ${id} and r.path like ${`${path}%`} limit 1`,
  );
  return seen.length > 0;
}

async function updaterName(db: DbOrTx, task: Task): Promise<string> {
  const [row] = await queryRows<{ name: string | null }>(
    db,
    sql`select actor_username as name from audit_log
      where entity = 'evaluation' and entity_id = ${String(task.id)}
      order by id desc limit 1`,
  );
  return row?.name ?? "他人";
}

export interface TaskEdit {
  version: number;
  name?: string | undefined;
  deadline?: string | null | undefined;
}

/** Renames a task or moves its deadline (open tasks only, by a manager of the launching unit). */
export async function updateTask(db: DbOrTx, ctx: ServiceContext, id: number, input: TaskEdit) {
  return db.transaction(async (tx) => {
    const { task } = await taskForChange(tx, ctx, id, input.version);
    const next = {
      name: input.name ?? task.name,
      deadline: input.deadline === undefined ? task.deadline : input.deadline,
    };
    const region = await getRegion(tx, task.regionCode);
    await tx
      .update(evaluationTasks)
      .set({ ...next, version: task.version + 1, updatedAt: new Date() })
      .where(eq(evaluationTasks.id, id));
    await recordAudit(tx, ctx, {
      action: "evaluation.edit",
      entity: "evaluation",
      entityId: id,
      region,
      before: { name: task.name, deadline: task.deadline },
      after: next,
    });
    return { id, version: task.version + 1, ...next };
  });
}

/** Cancels (撤销) an open task with a reason: it and its sheets become read-only. */
export async function cancelTask(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  input: { version: number; reason: string },
) {
  return db.transaction(async (tx) => {
    const { task } = await taskForChange(tx, ctx, id, input.version);
    // Approved results feed the dashboard, allocations and next year's results: reopen them first.
    const approved = await queryRows<{ name: string }>(
      tx,
      sql`select r.name from evaluation_sheets s join regions r on r.code = s.region_code
        where s.task_id = ${id} and s.status = 'approved' order by r.path`,
    );
    if (approved.length > 0) {
      throw new DomainError("evaluation.cancel_approved", {
        names: approved.map((r) => r.name).join("、"),
      });
    }
    const now = new Date();
    const region = await getRegion(tx, task.regionCode);
    await tx
      .update(evaluationTasks)
      .set({
        status: "cancelled",
        cancelReason: input.reason,
        cancelledAt: now,
        cancelledBy: ctx.actor?.userId ?? null,
        version: task.version + 1,
        updatedAt: now,
      })
      .where(eq(evaluationTasks.id, id));
    await recordAudit(tx, ctx, {
      action: "evaluation.cancel",
      entity: "evaluation",
      entityId: id,
      region,
      before: { status: task.status },
      after: { status: "cancelled", reason: input.reason },
    });
    return { id, status: "cancelled" as const, version: task.version + 1 };
  });
}

/**
 * Adds regions to an open task, one draft sheet each. Two managers adding the same region at once
 * both insert; the unique (task, region) index keeps one sheet, the other insert does nothing.
 */
export async function extendTask(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  input: { regions: string[] },
) {
  return db.transaction(async (tx) => {
    // No version: extending does not overwrite anything, and the index decides duplicates.
    const { task } = await taskForChange(tx, ctx, id);
    const owner = await getRegion(tx, task.regionCode);
    const wanted = [...new Set(input.regions)];
    const covered = await tx.select().from(regions).where(inArray(regions.code, wanted));
    const known = new Set(covered.map((r) => r.code));
    const outside = [
      ...wanted.filter((c) => !known.has(c)),
      ...covered.filter((r) => !isWithin(r.path, owner.path)).map((r) => r.code),
    ];
    if (outside.length > 0) {
      throw new DomainError("evaluation.regions_outside", {
        codes: outside.join("、"),
        region: owner.name,
      });
    }
    const added = await tx
      .insert(evaluationSheets)
      .values(covered.map((r) => ({ taskId: id, regionCode: r.code })))
      .onConflictDoNothing({ target: [evaluationSheets.taskId, evaluationSheets.regionCode] })
      .returning({ regionCode: evaluationSheets.regionCode });
    const addedCodes = new Set(added.map((a) => a.regionCode));
    const present = covered.filter((r) => !addedCodes.has(r.code));
    if (added.length === 0) {
      throw new DomainError("evaluation.regions_present", {
        names: present.map((r) => r.name).join("、"),
      });
    }
    await tx
      .update(evaluationTasks)
      .set({ version: task.version + 1, updatedAt: new Date() })
      .where(eq(evaluationTasks.id, id));
    await recordAudit(tx, ctx, {
      action: "evaluation.extend",
      entity: "evaluation",
      entityId: id,
      region: owner,
      after: {
        added: [...addedCodes].sort(),
        ...(present.length ? { present: present.map((r) => r.code) } : {}),
      },
    });
    return {
      added: covered.filter((r) => addedCodes.has(r.code)).map((r) => r.code),
      present: present.map((r) => r.code),
      version: task.version + 1,
    };
  });
}

/**
 * The regions a task of this region may evaluate: the region itself and two levels below it (a
 * province: its cities and counties), for the launch dialog's 全选 / 按级别选择.
 */
export async function evaluableRegions(db: DbOrTx, ctx: ServiceContext, regionCode: string) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const region = await getRegion(db, regionCode, "regionCode");
  assertRegionInScope(ctx, region);
  const depth = region.path.split("/").filter(Boolean).length;
  const rows = await queryRows<{
    code: string;
    name: string;
    level: string;
    parentCode: string | null;
  }>(
    db,
    sql`select code, name, level, parent_code as "parentCode" from regions
      where path like ${`${region.path}%`}
        and array_length(string_to_array(trim(both '/' from path), '/'), 1) <= ${depth + 2}
      order by path`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.code === region.code ? null : r.parentCode,
  }));
}
