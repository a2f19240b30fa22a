/** User administration: create, change, disable, reset passwords — all within the actor's region. */

import { and, asc, count, eq, ilike, like, or, type SQL, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/index.ts";
import { isUniqueViolation } from "../../db/pg-errors.ts";
import { regions, sessions, users } from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import { assertPasswordPolicy } from "../../domain/password-policy.ts";
import type { Role } from "../../shared/roles.ts";
import type { UserT } from "../../shared/schemas.ts";
import { type ServiceContext, userContext } from "../context.ts";
import { getRegion, listingScope, type RegionRecord } from "../data/region-service.ts";
import { assertRegionInScope, authorize, isInScope } from "../policy.ts";
import { recordAudit } from "./audit-service.ts";
import { hashPassword } from "./password-hash.ts";

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  regionCode: users.regionCode,
  regionName: regions.name,
  regionPath: regions.path,
  disabled: users.disabled,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

function selectUsers(db: DbOrTx) {
  return db.select(userColumns).from(users).innerJoin(regions, eq(regions.code, users.regionCode));
}

type UserRow = Awaited<ReturnType<typeof selectUsers>>[number];

function toView(r: UserRow): UserT {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role as Role,
    regionCode: r.regionCode,
    regionName: r.regionName,
    disabled: r.disabled,
    createdAt: r.createdAt.toISOString(),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  };
}

async function loadUser(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  const [row] = await selectUsers(db).where(eq(users.id, id));
  return row;
}

/** A user as the API shows it, without any access check (the caller has done it). */
export async function getUserView(db: DbOrTx, id: number): Promise<UserT> {
  const row = await loadUser(db, id);
  if (!row) throw new DomainError("user.not_found", { id });
  return toView(row);
}

/** A user the actor may manage; one outside their region is reported as not found. */
async function loadManagedUser(db: DbOrTx, ctx: ServiceContext, id: number): Promise<UserRow> {
  const row = await loadUser(db, id);
  if (!row || !isInScope(ctx, row.regionPath)) throw new DomainError("user.not_found", { id });
  return row;
}

export interface UserQuery {
  regionCode?: string | undefined;
  q?: string | undefined;
  role?: Role | undefined;
  page: number;
  pageSize: number;
}

export async function listUsers(db: DbOrTx, ctx: ServiceContext, query: UserQuery) {
  authorize(ctx, { kind: "permission", permission: "user:read" });
  const root = await listingScope(db, ctx, query.regionCode);
  const where: (SQL | undefined)[] = [root === "/" ? undefined : like(regions.path, `${root}%`)];
  if (query.role) where.push(eq(users.role, query.role));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, "\\$&")}%`;
    where.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  const filter = and(...where);
  const [rows, totals] = await Promise.all([
    selectUsers(db)
      .where(filter)
      .orderBy(asc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(users)
      .innerJoin(regions, eq(regions.code, users.regionCode))
      .where(filter),
  ]);
  return { items: rows.map(toView), total: Number(totals[0]?.n ?? 0) };
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode: string;
  /** Must be true for a national-scope account: rights over the whole nation are never granted by a slip. */
  confirmScope?: boolean | undefined;
}

/**
 * A national scope is granted by a signed-in user only when the request says it is meant; the console
 * operator (bootstrap, CLI) names the region on the command line and needs no second word.
 */
function assertScopeConfirmed(
  ctx: ServiceContext,
  region: RegionRecord,
  confirmed: boolean | undefined,
) {
  if (ctx.actor !== null && region.level === "nation" && confirmed !== true) {
    throw new DomainError(
      "user.scope_unconfirmed",
      { scope: region.name },
      { field: "regionCode", value: region.code },
    );
  }
}

export async function createUser(
  db: DbOrTx,
  ctx: ServiceContext,
  input: CreateUserInput,
): Promise<UserT> {
  authorize(ctx, { kind: "permission", permission: "user:write" });
  const region = await getRegion(db, input.regionCode, "regionCode");
  assertRegionInScope(ctx, region);
  assertScopeConfirmed(ctx, region, input.confirmScope);
  assertPasswordPolicy(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const exists = () =>
    new DomainError("user.exists", { username: input.username }, { field: "username" });
  return db
    .transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()));
      if (taken) throw exists();
      const [created] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          regionCode: region.code,
        })
        .returning({ id: users.id });
      if (!created) throw new Error("insert returned no row");
      const view = await getUserView(tx, created.id);
      await recordAudit(tx, ctx, {
        action: "create",
        entity: "user",
        entityId: created.id,
        region,
        after: view,
      });
      return view;
    })
    .catch((err: unknown) => {
      // The same name created at the same moment: the unique index decides, as the check above would.
      throw isUniqueViolation(err, "users_username_idx") ? exists() : err;
    });
}

export interface UpdateUserInput {
  displayName?: string | undefined;
  role?: Role | undefined;
  regionCode?: string | undefined;
  disabled?: boolean | undefined;
  /** Must be true to move an account to national scope. */
  confirmScope?: boolean | undefined;
}

export async function updateUser(
  db: Db,
  ctx: ServiceContext,
  id: number,
  patch: UpdateUserInput,
): Promise<UserT> {
  const actor = authorize(ctx, { kind: "permission", permission: "user:write" });
  return db.transaction(async (tx) => {
    const current = await loadManagedUser(tx, ctx, id);
    const region = patch.regionCode ? await getRegion(tx, patch.regionCode, "regionCode") : null;
    if (region) assertRegionInScope(ctx, region);
    if (region && region.code !== current.regionCode)
      assertScopeConfirmed(ctx, region, patch.confirmScope);
    const self = actor?.userId === id;
    const demotes = patch.role !== undefined && patch.role !== current.role;
    if (
      self &&
      (patch.disabled === true || demotes || (region && region.code !== current.regionCode))
    ) {
      throw new DomainError("user.self_lockout");
    }
    const before = toView(current);
    await tx
      .update(users)
      .set({
        ...(patch.displayName !== undefined && { displayName: patch.displayName }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(region && { regionCode: region.code }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    // Whoever is disabled or moved loses the sessions that carried the old rights.
    if (patch.disabled === true || demotes || region) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    const after = await getUserView(tx, id);
    await recordAudit(tx, ctx, {
      action: patch.disabled === true ? "disable" : patch.disabled === false ? "enable" : "update",
      entity: "user",
      entityId: id,
      region: region ?? { code: current.regionCode, path: current.regionPath },
      before,
      after,
    });
    return after;
  });
}

export async function resetPassword(
  db: Db,
  ctx: ServiceContext,
  id: number,
  password: string,
): Promise<void> {
  authorize(ctx, { kind: "permission", permission: "user:write" });
  const target = await loadManagedUser(db, ctx, id);
  assertPasswordPolicy(password, target.username);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, ctx, {
      action: "password.reset",
      entity: "user",
      entityId: id,
      region: { code: target.regionCode, path: target.regionPath },
    });
  });
}

/** The user with this username, for the CLI, which addresses users by name. */
export async function findUserId(db: DbOrTx, username: string): Promise<number> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  if (!row) throw new DomainError("user.not_found", { id: username }, { field: "username" });
  return row.id;
}

/** A service context acting as an existing user, as the API's session middleware builds it. */
export async function contextOfUser(db: DbOrTx, username: string): Promise<ServiceContext> {
  const [row] = await db
    .select({ user: users, path: regions.path })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(eq(users.username, username));
  if (!row) throw new DomainError("user.not_found", { id: username }, { field: "username" });
  return userContext(row.user, row.path);
}
