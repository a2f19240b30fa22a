/** The audit trail: every change records who, when, from where, what, before and after. */
import { and, count, desc, eq, gte, like, lte, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/index.ts";
import { auditLog } from "../db/schema.ts";
import { NATION_CODE } from "../domain/regions.ts";
import type { AuditEntryT } from "../shared/schemas.ts";
import type { ServiceContext } from "./context.ts";
import { authorize } from "./policy.ts";
import { listingScope } from "./region-service.ts";

export interface AuditChange {
  action: string;
  entity: string;
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

/** Entries in the actor's region and below, newest first; unscoped entries only for the nation. */
export async function listAudit(db: DbOrTx, ctx: ServiceContext, q: AuditQuery) {
  authorize(ctx, { kind: "permission", permission: "audit:read" });
  const scope = await listingScope(db, ctx, q.regionCode);
  const where: SQL[] = [];
  // The nation's administrator also sees entries that belong to no region (console operations).
  if (scope !== "/" && scope !== `/${NATION_CODE}/`) {
    where.push(like(auditLog.regionPath, `${scope}%`));
  }
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actor) where.push(eq(auditLog.actorUsername, q.actor));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  const filter = and(...where);
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
  const items: AuditEntryT[] = rows.map((r) => ({
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
  }));
  return { items, total: Number(totals[0]?.n ?? 0) };
}
