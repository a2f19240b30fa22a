// Sessions kept for a moment on PGlite (session-keep.ts): every change made through the services is
// seen by the very next request, on both databases; only a change behind the services' back (raw
// SQL, which the app never does) waits for the keep to lapse, and only on PGlite.
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { addUser, TEST_PASSWORD } from "../../test/helpers/fixtures.ts";
import { users } from "../db/schema.ts";
import { login, logout, resolveSession } from "./auth-service.ts";
import { type ServiceContext, systemContext } from "./context.ts";
import { SESSION_KEEP_MS } from "./session-keep.ts";
import { resetPassword, updateUser } from "./user-service.ts";

const anonymous: ServiceContext = { actor: null, ip: "192.0.2.9", requestId: null };
const admin = systemContext("test");
const NEW_PASSWORD = "Another-Passw0rd-For-Keep";

describeOnBothDatabases("sessions kept on an embedded database", (db, kind) => {
  let userId = 0;
  const signIn = async () =>
    (
      await login(db().db, anonymous, {
        username: "keep.user",
        password: TEST_PASSWORD,
        ip: "192.0.2.9",
        userAgent: "vitest",
      })
    ).token;
  /** Resolves twice, as two requests in a row would: the second one is the kept one on PGlite. */
  const twice = async (token: string) => {
    await resolveSession(db().db, token);
    return resolveSession(db().db, token);
  };

  beforeAll(async () => {
    userId = (await addUser(db(), "keep.user", "evaluator", "330100")).id;
  });

  it("refuses a signed-out session at the next request", async () => {
    const token = await signIn();
    expect((await twice(token)).actor.username).toBe("keep.user");
    const ctx = { ...anonymous, actor: (await resolveSession(db().db, token)).actor };
    await logout(db().db, ctx, token);
    await expect(resolveSession(db().db, token)).rejects.toMatchObject({
      code: "auth.session_expired",
    });
  });

  it("refuses the session of a user whose role was changed or who was disabled, at the next request", async () => {
    const first = await signIn();
    expect((await twice(first)).actor.role).toBe("evaluator");
    await updateUser(db().db, admin, userId, { role: "viewer" });
    await expect(resolveSession(db().db, first)).rejects.toMatchObject({
      code: "auth.session_expired",
    });
    const second = await signIn();
    expect((await twice(second)).actor.role).toBe("viewer");
    await updateUser(db().db, admin, userId, { disabled: true });
    await expect(resolveSession(db().db, second)).rejects.toMatchObject({
      code: "auth.session_expired",
    });
    await updateUser(db().db, admin, userId, { disabled: false, role: "evaluator" });
  });

  it("refuses the sessions of a user whose password an administrator reset", async () => {
    const token = await signIn();
    await twice(token);
    await resetPassword(db().db, admin, userId, NEW_PASSWORD);
    await expect(resolveSession(db().db, token)).rejects.toMatchObject({
      code: "auth.session_expired",
    });
    await resetPassword(db().db, admin, userId, TEST_PASSWORD);
  });

  it("keeps a session for SESSION_KEEP_MS on PGlite only: a change behind the services waits that long", async () => {
    const token = await signIn();
    await twice(token);
    await db().db.update(users).set({ role: "viewer" }).where(eq(users.id, userId));
    const next = (await resolveSession(db().db, token)).actor.role;
    expect(next).toBe(kind === "pglite" ? "evaluator" : "viewer");
    await sleep(SESSION_KEEP_MS + 50);
    expect((await resolveSession(db().db, token)).actor.role).toBe("viewer");
    await db().db.update(users).set({ role: "evaluator" }).where(eq(users.id, userId));
  });
});
