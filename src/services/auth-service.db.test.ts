import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { addUser, TEST_PASSWORD } from "../../test/helpers/fixtures.ts";
import { auditLog, sessions } from "../db/schema.ts";
import { changeOwnPassword, login, logout, resolveSession, sha256 } from "./auth-service.ts";
import type { ServiceContext } from "./context.ts";

const anonymous: ServiceContext = { actor: null, ip: "192.0.2.7", requestId: null };
const signIn = (db: Parameters<typeof login>[0], username: string, password = TEST_PASSWORD) =>
  login(db, anonymous, { username, password, ip: "192.0.2.7", userAgent: "vitest" });

describeOnBothDatabases("sign-in and sessions", (db) => {
  beforeAll(async () => {
    await addUser(db(), "Li.Ming", "evaluator", "330100");
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
