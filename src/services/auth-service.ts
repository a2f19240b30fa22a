/** Sign-in, sessions, throttling, sign-out and changing one's own password. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/index.ts";
import { loginAttempts, regions, sessions, users } from "../db/schema.ts";
import { DomainError } from "../domain/errors.ts";
import { assertPasswordPolicy } from "../domain/password-policy.ts";
import type { SessionT } from "../shared/schemas.ts";
import { recordAudit } from "./audit-service.ts";
import type { Actor, ServiceContext } from "./context.ts";
import { decoyHash, hashPassword, verifyPassword } from "./password-hash.ts";
import { authorize } from "./policy.ts";
import { getUserView } from "./user-service.ts";

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** A session lapses after this long without a request… */
export const SESSION_IDLE_MINUTES = 120;
/** …and after this long in any case. */
export const SESSION_MAX_HOURS = 12;
/** lastSeenAt is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Compares a secret someone sent (a CSRF token, a signature, an access code) in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
const token = () => randomBytes(32).toString("base64url");

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  session: SessionT;
}

/** Verifies the password under the lock-out rule and opens a session. */
export async function login(db: Db, ctx: ServiceContext, input: LoginInput): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  await assertNotLocked(db, username, input.ip);
  const [user] = await db
    .select({ u: users, regionPath: regions.path })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(eq(sql`lower(${users.username})`, username));
  const ok = await verifyPassword(user?.u.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok) {
    await db.insert(loginAttempts).values({ username, ip: input.ip, success: false });
    throw new DomainError("auth.invalid_credentials");
  }
  if (user.u.disabled) throw new DomainError("auth.disabled");
  const raw = token();
  const now = new Date();
  const expiresAt = sessionExpiry(now, now);
  const csrfToken = token();
  const actor = toActor(user.u, user.regionPath);
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ username, ip: input.ip, success: true });
    await tx.insert(sessions).values({
      tokenHash: sha256(raw),
      userId: user.u.id,
      csrfToken,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.u.id));
    await recordAudit(
      tx,
      { ...ctx, actor },
      {
        action: "login",
        entity: "session",
        entityId: user.u.id,
        region: { code: user.u.regionCode, path: user.regionPath },
        after: { userAgent: input.userAgent?.slice(0, 200) ?? null },
      },
    );
  });
  const view = await getUserView(db, user.u.id);
  return { token: raw, session: { user: view, csrfToken, expiresAt: expiresAt.toISOString() } };
}

/** Five failures for one user from one address within the window lock that pair. */
async function assertNotLocked(db: DbOrTx, username: string, ip: string | null) {
  const since = new Date(Date.now() - LOCK_MINUTES * 60_000);
  const ipMatch = ip === null ? sql`${loginAttempts.ip} is null` : eq(loginAttempts.ip, ip);
  const [lastSuccess] = await db
    .select({ at: sql<Date | null>`max(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), ipMatch, eq(loginAttempts.success, true)));
  const floor =
    lastSuccess?.at && new Date(lastSuccess.at) > since ? new Date(lastSuccess.at) : since;
  const failures = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        ipMatch,
        eq(loginAttempts.success, false),
        gt(loginAttempts.at, floor),
      ),
    )
    .orderBy(sql`${loginAttempts.at} desc`)
    .limit(LOCK_AFTER_FAILURES);
  if (failures.length < LOCK_AFTER_FAILURES) return;
  const oldest = failures[failures.length - 1]?.at ?? new Date();
  const unlockAt = oldest.getTime() + LOCK_MINUTES * 60_000;
  const retryAfterSeconds = Math.max(1, Math.ceil((unlockAt - Date.now()) / 1000));
  throw new DomainError(
    "auth.locked",
    { minutes: Math.ceil(retryAfterSeconds / 60) },
    { retryAfterSeconds },
  );
}

function sessionExpiry(createdAt: Date, now: Date): Date {
  const idle = now.getTime() + SESSION_IDLE_MINUTES * 60_000;
  const max = createdAt.getTime() + SESSION_MAX_HOURS * 3_600_000;
  return new Date(Math.min(idle, max));
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
}

/** The session behind a cookie token; `auth.session_expired` when it has lapsed or its user is disabled. */
export async function resolveSession(db: Db, raw: string): Promise<ResolvedSession> {
  const tokenHash = sha256(raw);
  const [row] = await db
    .select({ s: sessions, u: users, regionPath: regions.path })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(eq(sessions.tokenHash, tokenHash));
  const now = new Date();
  if (!row || row.u.disabled || row.s.expiresAt <= now) {
    if (row) await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    throw new DomainError("auth.session_expired");
  }
  let expiresAt = row.s.expiresAt;
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    expiresAt = sessionExpiry(row.s.createdAt, now);
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return { actor: toActor(row.u, row.regionPath), csrfToken: row.s.csrfToken, expiresAt };
}

export async function currentSession(
  db: Db,
  ctx: ServiceContext,
  resolved: ResolvedSession,
): Promise<SessionT> {
  const actor = authorize(ctx, { kind: "signed-in" });
  if (!actor) throw new DomainError("auth.required");
  return {
    user: await getUserView(db, actor.userId),
    csrfToken: resolved.csrfToken,
    expiresAt: resolved.expiresAt.toISOString(),
  };
}

export async function logout(db: Db, ctx: ServiceContext, raw: string): Promise<void> {
  const actor = authorize(ctx, { kind: "signed-in" });
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, sha256(raw)));
    if (actor) {
      await recordAudit(tx, ctx, {
        action: "logout",
        entity: "session",
        entityId: actor.userId,
        region: { code: actor.regionCode, path: actor.regionPath },
      });
    }
  });
}

/** Changes the actor's own password and ends their other sessions. */
export async function changeOwnPassword(
  db: Db,
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string; keepSessionToken: string },
): Promise<void> {
  const actor = authorize(ctx, { kind: "signed-in" });
  if (!actor) throw new DomainError("auth.required");
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("auth.wrong_password", {}, { field: "currentPassword" });
  }
  assertPasswordPolicy(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, user.id),
          sql`${sessions.tokenHash} <> ${sha256(input.keepSessionToken)}`,
        ),
      );
    await recordAudit(tx, ctx, {
      action: "password.change",
      entity: "user",
      entityId: user.id,
      region: { code: actor.regionCode, path: actor.regionPath },
    });
  });
}

/** Removes lapsed sessions and old login attempts; run at start and now and then. */
export async function pruneAuthTables(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.at, new Date(Date.now() - 7 * 24 * 3_600_000)));
}

function toActor(u: typeof users.$inferSelect, regionPath: string): Actor {
  return {
    userId: u.id,
    username: u.username,
    role: u.role as Actor["role"],
    regionCode: u.regionCode,
    regionPath,
  };
}

export async function countActiveSessions(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
  return Number(row?.n ?? 0);
}
