/** Sign-in, sessions, throttling, sign-out and changing one's own password. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, count, desc, eq, gt, lt, type SQL, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/index.ts";
import { loginAttempts, regions, sessions, users } from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import { assertPasswordPolicy } from "../../domain/password-policy.ts";
import type { SessionT } from "../../shared/schemas.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { authorize } from "../policy.ts";
import { auditText, recordAudit, recordRefusal } from "./audit-service.ts";
import { decoyHash, hashPassword, verifyPassword } from "./password-hash.ts";
import { getUserView } from "./user-service.ts";

/** Failures for one user from one address that lock that pair… */
export const LOCK_AFTER_FAILURES = 5;
/** …for this long after the fifth. */
export const LOCK_MINUTES = 15;
/** Failures for one user from every address together that lock the account… */
export const ACCOUNT_LOCK_AFTER_FAILURES = 20;
/** …counted over this window: the lock lasts until fewer than 20 failures fall within it. */
export const ACCOUNT_LOCK_MINUTES = 60;
/** An address that signed in as the user within this long stays open while the account is locked. */
export const KNOWN_ADDRESS_DAYS = 7;
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

/**
 * Verifies the password under the lock-out rules and opens a session. A wrong password, an unknown
 * user and a disabled account all answer `auth.invalid_credentials`; each refusal is audited.
 */
export async function login(db: Db, ctx: ServiceContext, input: LoginInput): Promise<LoginResult> {
  const typed = input.username.trim().toLowerCase();
  // The key the attempts are counted under fits the column; a name it had to change is no one's.
  const username = auditText(typed, 64);
  const [user] =
    username === typed
      ? await db
          .select({ u: users, regionPath: regions.path })
          .from(users)
          .innerJoin(regions, eq(regions.code, users.regionCode))
          .where(eq(sql`lower(${users.username})`, username))
      : [];
  const attempt: Attempt = {
    username,
    given: input.username,
    ip: input.ip,
    region: user ? { code: user.u.regionCode, path: user.regionPath } : null,
    // A password change (by the user, or an administrator's reset) clears every lock before it.
    changedAt: user?.u.passwordChangedAt ?? null,
  };
  const before = await throttleState(db, attempt);
  const lock = lockOf(before);
  if (lock) {
    await auditSignIn(db, ctx, attempt, "login.refused", { lock: lock.scope });
    throw new DomainError(
      "auth.locked",
      { minutes: Math.ceil(lock.retryAfterSeconds / 60) },
      { retryAfterSeconds: lock.retryAfterSeconds },
    );
  }
  const ok = await verifyPassword(user?.u.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok || user.u.disabled) {
    await db.insert(loginAttempts).values({ username, ip: input.ip, success: false });
    if (user?.u.disabled) {
      await auditSignIn(db, ctx, attempt, "login.disabled", { passwordMatched: ok });
    } else {
      const reason = user ? "wrong_password" : "unknown_user";
      await auditSignIn(db, ctx, attempt, "login.failed", { reason });
    }
    await auditLockouts(db, ctx, attempt, before);
    // One answer for all three, so that sign-in tells no one which accounts exist or are disabled.
    throw new DomainError("auth.invalid_credentials");
  }
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

interface Attempt {
  /** Normalised (trimmed, lower case): how login_attempts counts. */
  username: string;
  /** As typed, for the audit entry. */
  given: string;
  ip: string | null;
  region: { code: string; path: string } | null;
  changedAt: Date | null;
}

interface ThrottleState {
  /** This user's failures from this address since its last success (newest first, at most 5). */
  pair: Date[];
  /** This user's failures from every address in the account window (newest first, at most 20). */
  account: Date[];
  /** Whether this address signed in as this user lately: it is not shut out by the account's lock. */
  knownAddress: boolean;
}

interface Lock {
  scope: "address" | "account";
  retryAfterSeconds: number;
}

/** The rows the two locks are judged from; an unknown user is counted like a known one. */
async function throttleState(db: DbOrTx, a: Attempt): Promise<ThrottleState> {
  const now = Date.now();
  const ipMatch = a.ip === null ? sql`${loginAttempts.ip} is null` : eq(loginAttempts.ip, a.ip);
  const mine = eq(loginAttempts.username, a.username);
  const [lastSuccess] = await db
    .select({ at: sql<Date | null>`max(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(
      and(
        mine,
        ipMatch,
        eq(loginAttempts.success, true),
        gt(loginAttempts.at, new Date(now - KNOWN_ADDRESS_DAYS * 86_400_000)),
      ),
    );
  const successAt = lastSuccess?.at ? new Date(lastSuccess.at) : null;
  const latest = (...dates: (Date | null)[]) =>
    new Date(Math.max(...dates.map((d) => d?.getTime() ?? 0)));
  const failuresSince = (floor: Date, extra: SQL | undefined, limit: number) =>
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(mine, extra, eq(loginAttempts.success, false), gt(loginAttempts.at, floor)))
      .orderBy(desc(loginAttempts.at))
      .limit(limit);
  const [pair, account] = await Promise.all([
    failuresSince(
      latest(new Date(now - LOCK_MINUTES * 60_000), successAt, a.changedAt),
      ipMatch,
      LOCK_AFTER_FAILURES,
    ),
    failuresSince(
      latest(new Date(now - ACCOUNT_LOCK_MINUTES * 60_000), a.changedAt),
      undefined,
      ACCOUNT_LOCK_AFTER_FAILURES,
    ),
  ]);
  return {
    pair: pair.map((r) => new Date(r.at)),
    account: account.map((r) => new Date(r.at)),
    knownAddress: successAt !== null && (a.changedAt === null || successAt > a.changedAt),
  };
}

/**
 * Five failures lock the (user, address) pair for 15 minutes, from every address alike. Twenty
 * failures from all addresses within the hour lock the account for every address that has not
 * signed in as this user within the week: a spray from many addresses stops, and its owner keeps
 * their usual workplace (still under the pair rule) — so an attacker cannot lock the administrator
 * out everywhere.
 */
function lockOf(state: ThrottleState): Lock | null {
  const now = Date.now();
  const until = (failures: Date[], limit: number, minutes: number) => {
    const oldest = failures[limit - 1];
    if (!oldest) return null;
    return Math.max(1, Math.ceil((oldest.getTime() + minutes * 60_000 - now) / 1000));
  };
  const pair = until(state.pair, LOCK_AFTER_FAILURES, LOCK_MINUTES);
  if (pair !== null) return { scope: "address", retryAfterSeconds: pair };
  const account = until(state.account, ACCOUNT_LOCK_AFTER_FAILURES, ACCOUNT_LOCK_MINUTES);
  if (account !== null && !state.knownAddress) {
    return { scope: "account", retryAfterSeconds: account };
  }
  return null;
}

/** A failure that completed a lock is audited as the lockout it began. */
async function auditLockouts(db: Db, ctx: ServiceContext, a: Attempt, before: ThrottleState) {
  if (before.pair.length === LOCK_AFTER_FAILURES - 1) {
    await auditSignIn(db, ctx, a, "login.locked", {
      lock: "address",
      failures: LOCK_AFTER_FAILURES,
      minutes: LOCK_MINUTES,
    });
  }
  if (before.account.length === ACCOUNT_LOCK_AFTER_FAILURES - 1) {
    await auditSignIn(db, ctx, a, "login.locked", {
      lock: "account",
      failures: ACCOUNT_LOCK_AFTER_FAILURES,
      minutes: ACCOUNT_LOCK_MINUTES,
    });
  }
}

/** A refused sign-in in the audit trail: the name as typed (cut to 64 characters), never the password. */
function auditSignIn(
  db: Db,
  ctx: ServiceContext,
  a: Attempt,
  action: "login.failed" | "login.disabled" | "login.refused" | "login.locked",
  after: Record<string, unknown>,
) {
  return recordRefusal(
    db,
    // Anonymous whoever calls: the one signing in is not yet anyone.
    { actor: null, ip: a.ip, requestId: ctx.requestId },
    {
      action,
      entity: "login",
      entityId: auditText(a.given),
      region: a.region,
      after: { username: auditText(a.given), ...after },
    },
    `ip:${a.ip ?? "-"}`,
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
