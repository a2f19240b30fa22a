import { and, asc, eq, like, sql } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { addUser, TEST_PASSWORD } from "../../../test/helpers/fixtures.ts";
import type { Db } from "../../db/index.ts";
import { auditLog, sessions } from "../../db/schema.ts";
import { type ServiceContext, systemContext } from "../context.ts";
import {
  ACCOUNT_LOCK_AFTER_FAILURES,
  changeOwnPassword,
  LOCK_AFTER_FAILURES,
  login,
  logout,
  resolveSession,
  sha256,
} from "./auth-service.ts";
import { findUserId, resetPassword, updateUser } from "./user-service.ts";

const anonymous: ServiceContext = { actor: null, ip: "192.0.2.7", requestId: null };
const signIn = (db: Parameters<typeof login>[0], username: string, password = TEST_PASSWORD) =>
  login(db, anonymous, { username, password, ip: "192.0.2.7", userAgent: "vitest" });

describeOnBothDatabases("sign-in and sessions", (db) => {
  beforeAll(async () => {
    await addUser(db(), "Li.Ming", "evaluator", "330100");
  });

  // Every test starts with Li.Ming's own password and no session, whichever test changed them.
  beforeEach(async () => {
    const id = await findUserId(db().db, "Li.Ming");
    await resetPassword(db().db, systemContext("test"), id, TEST_PASSWORD);
  });

  it("signs in case-insensitively, stores only the token's hash, and audits the sign-in", async () => {
    const { token, session } = await signIn(db().db, "li.ming");
    expect(session.user).toMatchObject({
      username: "Li.Ming",
      regionName: "杭州市",
      role: "evaluator",
    });
    expect(session.csrfToken).toMatch(/^[\w-]{43}$/);
    const stored = await db()
      .db.select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sha256(token)));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    const expiresIn = new Date(session.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(119 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(120 * 60_000);
    const resolved = await resolveSession(db().db, token);
    expect(resolved.actor).toMatchObject({
      username: "Li.Ming",
      regionPath: "/000000/330000/330100/",
    });
    const entries = await db().db.select().from(auditLog).where(eq(auditLog.action, "login"));
    expect(entries.at(-1)).toMatchObject({
      entity: "session",
      actorUsername: "Li.Ming",
      ip: "192.0.2.7",
    });
  });

  it("never lets a session outlive its 12-hour maximum, however active", async () => {
    const { token } = await signIn(db().db, "li.ming");
    await db()
      .db.update(sessions)
      .set({
        createdAt: sql`now() - interval '11 hours 59 minutes'`,
        lastSeenAt: sql`now() - interval '5 minutes'`,
      })
      .where(eq(sessions.tokenHash, sha256(token)));
    const resolved = await resolveSession(db().db, token);
    expect(resolved.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
  });

  it("changing one's password ends the other sessions but keeps this one", async () => {
    const first = await signIn(db().db, "li.ming");
    const second = await signIn(db().db, "li.ming");
    const actor = (await resolveSession(db().db, first.token)).actor;
    const ctx = { actor, ip: null, requestId: null };
    await expect(
      changeOwnPassword(db().db, ctx, {
        currentPassword: "wrong",
        newPassword: "New-Passw0rd-2026",
        keepSessionToken: first.token,
      }),
    ).rejects.toMatchObject({ code: "auth.wrong_password" });
    await changeOwnPassword(db().db, ctx, {
      currentPassword: TEST_PASSWORD,
      newPassword: "New-Passw0rd-2026",
      keepSessionToken: first.token,
    });
    await expect(resolveSession(db().db, second.token)).rejects.toMatchObject({
      code: "auth.session_expired",
    });
    expect((await resolveSession(db().db, first.token)).actor.username).toBe("Li.Ming");
    await expect(signIn(db().db, "li.ming")).rejects.toMatchObject({
      code: "auth.invalid_credentials",
    });
    expect((await signIn(db().db, "li.ming", "New-Passw0rd-2026")).session.user.username).toBe(
      "Li.Ming",
    );
    await logout(db().db, ctx, first.token);
    await expect(resolveSession(db().db, first.token)).rejects.toMatchObject({
      code: "auth.session_expired",
    });
  });
});

/** Signs in from `ip`; answers the error's code, or "ok". */
async function attempt(db: Db, username: string, password: string, ip: string | null) {
  try {
    await login(
      db,
      { actor: null, ip, requestId: null },
      { username, password, ip, userAgent: null },
    );
    return "ok";
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

const entriesOf = (db: Db, action: string, entityId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id));

describeOnBothDatabases("failed sign-ins: the audit trail and the two locks", (db) => {
  beforeAll(async () => {
    for (const name of ["wang.fang", "zhao.lei", "sun.li", "qian.jun", "off.duty"]) {
      await addUser(db(), name, "evaluator", "330100");
    }
    await updateUser(db().db, systemContext("test"), await findUserId(db().db, "off.duty"), {
      disabled: true,
    });
  });

  it("audits a failed sign-in with the name as typed, anonymous, never the password", async () => {
    expect(await attempt(db().db, " Wang.Fang", "Guess-Secret-42", "192.0.2.10")).toBe(
      "auth.invalid_credentials",
    );
    const [entry] = await entriesOf(db().db, "login.failed", " Wang.Fang");
    expect(entry).toMatchObject({
      actorId: null,
      actorUsername: null,
      ip: "192.0.2.10",
      entity: "login",
      regionCode: "330100",
      after: { username: " Wang.Fang", reason: "wrong_password" },
    });
    expect(JSON.stringify(entry)).not.toContain("Guess-Secret-42");
    // An unknown name is audited too, in no region (so only the nation's administrators see it).
    const long = `nobody-${"x".repeat(80)}`;
    expect(await attempt(db().db, long, "Guess-Secret-42", "192.0.2.10")).toBe(
      "auth.invalid_credentials",
    );
    const [unknown] = await entriesOf(db().db, "login.failed", long.slice(0, 64));
    expect(unknown).toMatchObject({ regionCode: null, after: { reason: "unknown_user" } });
  });

  it("a disabled account answers like a wrong password and is audited as such a sign-in", async () => {
    expect(await attempt(db().db, "off.duty", TEST_PASSWORD, "192.0.2.11")).toBe(
      "auth.invalid_credentials",
    );
    expect(await attempt(db().db, "off.duty", "Wrong-Guess-77", "192.0.2.11")).toBe(
      "auth.invalid_credentials",
    );
    const entries = await entriesOf(db().db, "login.disabled", "off.duty");
    expect(entries.map((e) => e.after)).toEqual([
      { username: "off.duty", passwordMatched: true },
      { username: "off.duty", passwordMatched: false },
    ]);
  });

  it("five failures from one address lock that pair, audited once as a lockout; others are free", async () => {
    const results = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES + 2; i++) {
      results.push(await attempt(db().db, "zhao.lei", "Wrong-Guess-77", "192.0.2.20"));
    }
    expect(results).toEqual([
      ...Array(LOCK_AFTER_FAILURES).fill("auth.invalid_credentials"),
      "auth.locked",
      "auth.locked",
    ]);
    expect(await attempt(db().db, "zhao.lei", TEST_PASSWORD, "192.0.2.20")).toBe("auth.locked");
    const locks = await entriesOf(db().db, "login.locked", "zhao.lei");
    expect(locks.map((e) => e.after)).toEqual([
      { username: "zhao.lei", lock: "address", failures: 5, minutes: 15 },
    ]);
    const refused = await entriesOf(db().db, "login.refused", "zhao.lei");
    expect(refused.map((e) => [e.ip, (e.after as { lock: string }).lock])).toEqual([
      ["192.0.2.20", "address"],
      ["192.0.2.20", "address"],
      ["192.0.2.20", "address"],
    ]);
    // Another address is a different pair.
    expect(await attempt(db().db, "zhao.lei", TEST_PASSWORD, "192.0.2.21")).toBe("ok");
  });

  it("30 guesses from 30 addresses lock the account for new addresses, not for its usual one", async () => {
    // sun.li signs in at the office first: that address is known.
    expect(await attempt(db().db, "sun.li", TEST_PASSWORD, "198.51.100.1")).toBe("ok");
    const results = [];
    for (let i = 0; i < 30; i++) {
      results.push(await attempt(db().db, "sun.li", `Guess-${i}-Pw!`, `203.0.113.${i + 1}`));
    }
    expect(results).toEqual([
      ...Array(ACCOUNT_LOCK_AFTER_FAILURES).fill("auth.invalid_credentials"),
      ...Array(30 - ACCOUNT_LOCK_AFTER_FAILURES).fill("auth.locked"),
    ]);
    // The right password from a fresh address is refused too: the spray gains nothing there…
    expect(await attempt(db().db, "sun.li", TEST_PASSWORD, "203.0.113.200")).toBe("auth.locked");
    // …while sun.li's own office still signs in.
    expect(await attempt(db().db, "sun.li", TEST_PASSWORD, "198.51.100.1")).toBe("ok");
    const locks = await entriesOf(db().db, "login.locked", "sun.li");
    expect(locks.map((e) => e.after)).toEqual([
      { username: "sun.li", lock: "account", failures: 20, minutes: 60 },
    ]);
    const refused = await entriesOf(db().db, "login.refused", "sun.li");
    expect(refused).toHaveLength(11);
    expect(refused.every((e) => (e.after as { lock: string }).lock === "account")).toBe(true);
  });

  it("an administrator's password reset lifts the account's lock for every address", async () => {
    for (let i = 0; i < ACCOUNT_LOCK_AFTER_FAILURES; i++) {
      await attempt(db().db, "qian.jun", `Guess-${i}-Pw!`, `203.0.113.${i + 100}`);
    }
    expect(await attempt(db().db, "qian.jun", TEST_PASSWORD, "192.0.2.99")).toBe("auth.locked");
    const id = await findUserId(db().db, "qian.jun");
    await resetPassword(db().db, systemContext("test"), id, "Reset-Passw0rd-2026");
    expect(await attempt(db().db, "qian.jun", "Reset-Passw0rd-2026", "192.0.2.99")).toBe("ok");
  });

  it("refuses Password123! as a new password (password.common) and changes nothing", async () => {
    const { session, token } = await login(db().db, anonymous, {
      username: "wang.fang",
      password: TEST_PASSWORD,
      ip: "192.0.2.30",
      userAgent: null,
    });
    const actor = (await resolveSession(db().db, token)).actor;
    expect(session.user.username).toBe("wang.fang");
    const refused = changeOwnPassword(
      db().db,
      { actor, ip: null, requestId: null },
      { currentPassword: TEST_PASSWORD, newPassword: "Password123!", keepSessionToken: token },
    );
    await expect(refused).rejects.toMatchObject({
      code: "password.common",
      details: { field: "password" },
    });
    const audited = await db()
      .db.select()
      .from(auditLog)
      .where(like(auditLog.action, "password.%"));
    expect(audited.filter((e) => e.entityId === String(actor.userId))).toEqual([]);
  });
});
