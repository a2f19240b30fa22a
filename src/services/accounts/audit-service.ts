/** The audit trail: every change records who, when, from where, what, before and after; refusals too. */
import { and, count, desc, eq, gte, like, lte, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/index.ts";
import { auditLog, regions } from "../../db/schema.ts";
import type { Locale } from "../../domain/errors.ts";
import { NATION_CODE } from "../../domain/regions.ts";
import { auditChangeSummary, auditTimeText } from "../../shared/audit-changes.ts";
import {
  type AuditAction,
  type AuditEntity,
  auditActionName,
  auditEntityName,
} from "../../shared/audit-codes.ts";
import type { AuditEntryT } from "../../shared/schemas.ts";
import { runTask } from "../../workers/pool.ts";
import type { ServiceContext } from "../context.ts";
import { listingScope } from "../data/region-service.ts";
import { authorize } from "../policy.ts";
import { AuditThrottle, type SuppressedSummary } from "./audit-throttle.ts";

export interface AuditChange {
  /** A code named in shared/audit-codes.ts: a new one fails the type check until it has its words. */
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | number | null;
  region: { code: string; path: string } | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit entry inside the caller's transaction, so a change and its record land together. */
export async function recordAudit(tx: DbOrTx, ctx: ServiceContext, change: AuditChange) {
  await tx.insert(auditLog).values({
    actorId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? ctx.systemName ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId === null ? null : String(change.entityId),
    regionCode: change.region?.code ?? null,
    regionPath: change.region?.path ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

/** Who is refused, for the audit trail's flood limit: the user, else the address. */
export function refusalKey(ctx: ServiceContext): string {
  return ctx.actor ? `user:${ctx.actor.username}` : `ip:${ctx.ip ?? "-"}`;
}

/** Text someone sent, fit for an audit entry: cut to `max` characters, no NUL, controls or lone surrogates. */
export function auditText(text: string, max = 64): string {
  return Array.from(text.slice(0, max * 2))
    .slice(0, max)
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      const bad = code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff);
      return bad ? "\ufffd" : ch;
    })
    .join("");
}

interface ThrottleState {
  throttle: AuditThrottle;
  timer: ReturnType<typeof setTimeout> | null;
}

/** One throttle per database handle, shared by every request this process serves from it. */
const throttles = new WeakMap<object, ThrottleState>();

function stateOf(db: Db): ThrottleState {
  let state = throttles.get(db);
  if (!state) {
    state = { throttle: new AuditThrottle(), timer: null };
    throttles.set(db, state);
  }
  return state;
}

/** The flood limit of this database's refusal entries (tests set its clock). */
export function auditThrottleOf(db: Db, replace?: AuditThrottle): AuditThrottle {
  const state = stateOf(db);
  if (replace) state.throttle = replace;
  return state.throttle;
}

/**
 * Records a refusal (a failed sign-in, a lockout, a refused request) as its own entry, unless this
 * key or this action has used up the minute's budget: then it is counted, and the minute ends with
 * one `audit.suppressed` entry saying how many were left out. Returns whether the entry was written.
 */
export async function recordRefusal(
  db: Db,
  ctx: ServiceContext,
  change: AuditChange,
  key: string,
): Promise<boolean> {
  const state = stateOf(db);
  await writeSummaries(db, state.throttle.drain());
  if (!state.throttle.admit(change.action, key)) {
    scheduleSummaries(db, state);
    return false;
  }
  await recordAudit(db, ctx, change);
  return true;
}

/** Writes the summaries of every window with suppressed entries now, ended or not (shutdown, tests). */
export async function flushAuditSummaries(db: Db): Promise<number> {
  const state = stateOf(db);
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const summaries = state.throttle.drain(true);
  await writeSummaries(db, summaries);
  return summaries.length;
}

/** A flood that stops still gets its summary: a timer (which never keeps the process alive) writes it. */
function scheduleSummaries(db: Db, state: ThrottleState) {
  if (state.timer) return;
  const now = state.throttle.now();
  const delay = 60_000 - (now % 60_000) + 1_000;
  state.timer = setTimeout(() => {
    state.timer = null;
    writeSummaries(db, state.throttle.drain())
      .catch(() => {
        // The database is gone (shutting down, or down): the next refusal writes them instead.
      })
      .finally(() => {
        if (state.throttle.pending) scheduleSummaries(db, state);
      });
  }, delay);
  state.timer.unref();
}

async function writeSummaries(db: Db, summaries: SuppressedSummary[]) {
  for (const s of summaries) {
    await recordAudit(
      db,
      { actor: null, systemName: "system", ip: null, requestId: null },
      {
        action: "audit.suppressed",
        entity: "audit",
        entityId: s.action,
        region: null,
        after: {
          action: s.action,
          suppressed: s.suppressed,
          from: s.from.toISOString(),
          to: s.to.toISOString(),
          top: s.top,
        },
      },
    );
  }
}

export interface AuditQuery {
  entity?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  regionCode?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

/** The WHERE of a listing: the actor's region and below (unscoped entries only for the nation), and the filters. */
async function auditFilter(
  db: DbOrTx,
  ctx: ServiceContext,
  q: Omit<AuditQuery, "page" | "pageSize">,
) {
  authorize(ctx, { kind: "permission", permission: "audit:read" });
  const scope = await listingScope(db, ctx, q.regionCode);
  const where: SQL[] = [];
  // The nation's administrator also sees entries that belong to no region (console operations).
  if (scope !== "/" && scope !== `/${NATION_CODE}/`) {
    where.push(like(auditLog.regionPath, `${scope}%`));
  }
  // One object type per data set would be a type per data set: `dataset` finds them all.
  if (q.entity === "dataset") where.push(like(auditLog.entity, "dataset:%"));
  else if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actor) where.push(eq(auditLog.actorUsername, q.actor));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  return and(...where);
}

function toEntry(r: typeof auditLog.$inferSelect): AuditEntryT {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorUsername: r.actorUsername,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    regionCode: r.regionCode,
    before: r.before,
    after: r.after,
  };
}

/** Entries in the actor's region and below, newest first; unscoped entries only for the nation. */
export async function listAudit(db: DbOrTx, ctx: ServiceContext, q: AuditQuery) {
  const filter = await auditFilter(db, ctx, q);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(filter)
      .orderBy(desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditLog).where(filter),
  ]);
  return { items: rows.map(toEntry), total: Number(totals[0]?.n ?? 0) };
}

/** The most entries one export holds; a longer log is cut (newest first) and the sheet says so. */
export const AUDIT_EXPORT_LIMIT = 20_000;

/**
 * The filtered log as an .xlsx in the reader's language: actions, objects and fields in words, the
 * region by name, ids and times as numbers and dates; newest first, at most AUDIT_EXPORT_LIMIT.
 */
export async function exportAudit(
  db: DbOrTx,
  ctx: ServiceContext,
  q: Omit<AuditQuery, "page" | "pageSize">,
  locale: Locale,
) {
  const filter = await auditFilter(db, ctx, q);
  const en = locale === "en-US";
  const [rows, totals] = await Promise.all([
    db
      .select({ entry: auditLog, regionName: regions.name })
      .from(auditLog)
      .leftJoin(regions, eq(regions.code, auditLog.regionCode))
      .where(filter)
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_EXPORT_LIMIT),
    db.select({ n: count() }).from(auditLog).where(filter),
  ]);
  const total = Number(totals[0]?.n ?? 0);
  const scopeCode = q.regionCode ?? ctx.actor?.regionCode ?? NATION_CODE;
  const [scope] = await db
    .select({ name: regions.name })
    .from(regions)
    .where(eq(regions.code, scopeCode));
  const regionName = (code: string | null, name: string | null) =>
    code === null ? "—" : code === NATION_CODE ? (en ? "Nationwide" : "全国") : (name ?? code);
  const scopeName = regionName(scopeCode, scope?.name ?? null);
  const whole = en ? "Content" : "内容";
  const header = en
    ? [
        "Entry no.",
        "Time (Beijing, UTC+8)",
        "By",
        "IP",
        "Action",
        "Object",
        "Object ID",
        "Region",
        "Region code",
        "Changes",
      ]
    : [
        "记录号",
        "时间（北京时间）",
        "操作人",
        "IP",
        "操作",
        "对象",
        "对象ID",
        "区域",
        "区域代码",
        "变更内容",
      ];
  const filters = [
    q.entity && `${en ? "Object" : "对象"}${en ? ": " : "："}${auditEntityName(q.entity, locale)}`,
    q.action && `${en ? "Action" : "操作"}${en ? ": " : "："}${auditActionName(q.action, locale)}`,
    q.actor && `${en ? "By" : "操作人"}${en ? ": " : "："}${q.actor}`,
    q.from && `${en ? "From" : "开始"}${en ? ": " : "："}${auditTimeText(q.from.toISOString())}`,
    q.to && `${en ? "To" : "结束"}${en ? ": " : "："}${auditTimeText(q.to.toISOString())}`,
  ].filter((f): f is string => Boolean(f));
  const notes = [
    en
      ? `${rows.length} of ${total} entries, newest first${filters.length ? `; filters: ${filters.join("; ")}` : ""}.`
      : `共 ${total} 条，导出 ${rows.length} 条，按时间倒序${filters.length ? `；筛选条件：${filters.join("；")}` : ""}。`,
    ...(rows.length < total
      ? [
          en
            ? `Only the newest ${AUDIT_EXPORT_LIMIT} entries are exported: narrow the filters for older ones.`
            : `一次最多导出 ${AUDIT_EXPORT_LIMIT} 条：请缩小筛选范围导出更早的记录。`,
        ]
      : []),
  ];
  const bytes = await runTask("auditWorkbook", {
    title: en ? `Audit log (${scopeName})` : `审计日志（${scopeName}）`,
    sheetName: en ? "Audit log" : "审计日志",
    header,
    notes,
    rows: rows.map(({ entry: r, regionName: name }) => ({
      id: r.id,
      at: auditTimeText(r.at.toISOString()),
      actor: r.actorUsername ?? (en ? "Anonymous" : "匿名"),
      ip: r.ip ?? "—",
      action: auditActionName(r.action, locale),
      entity: auditEntityName(r.entity, locale),
      entityId: r.entityId ?? "—",
      region: regionName(r.regionCode, name),
      regionCode: r.regionCode ?? "—",
      changes: auditChangeSummary(r.before, r.after, locale, whole),
    })),
  });
  const day = new Date().toISOString().slice(0, 10);
  return {
    fileName: en ? `audit-log-${day}.xlsx` : `审计日志-${day}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes,
  };
}
