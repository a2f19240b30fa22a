// Refusals over HTTP: 403s and failed sign-ins in the audit trail, the flood limit, the client's
// address behind a named proxy, a disabled account's answer, and a common password refused.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, eq } from "drizzle-orm";
import pino from "pino";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { addUser, TEST_PASSWORD } from "../../test/helpers/fixtures.ts";
import { ApiClient, signedIn, testApp } from "../../test/helpers/http.ts";
import type { Db } from "../db/index.ts";
import { auditLog } from "../db/schema.ts";
import { chromiumPdf } from "../render/pdf.ts";
import { AUDIT_PER_KEY_PER_MINUTE, AuditThrottle } from "../services/accounts/audit-throttle.ts";
import {
  auditThrottleOf,
  findUserId,
  flushAuditSummaries,
  LOCK_AFTER_FAILURES,
  systemContext,
  updateUser,
} from "../services/index.ts";
import { folderEvidenceStore } from "../storage/evidence-store.ts";
import { createApp } from "./app.ts";

const PROXY = "10.0.0.1";

/** One request as if it came over a socket from `socket`, with an optional X-Forwarded-For. */
async function post(
  app: { request: ReturnType<typeof createApp>["app"]["request"] },
  path: string,
  body: unknown,
  from: { socket: string; forwardedFor?: string },
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (from.forwardedFor) headers["x-forwarded-for"] = from.forwardedFor;
  const env = { incoming: { socket: { remoteAddress: from.socket, remoteFamily: "IPv4" } } };
  const res = await app.request(path, { method: "POST", headers, body: JSON.stringify(body) }, env);
  return { status: res.status, json: await res.json() };
}

const entries = (db: Db, action: string) =>
  db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id));

describeOnBothDatabases("refusals in the audit trail, over HTTP", (db) => {
  let app: ReturnType<typeof testApp>;
  let behindProxy: ReturnType<typeof createApp>;

  beforeAll(async () => {
    app = testApp(db());
    behindProxy = createApp({
      database: db(),
      evidence: folderEvidenceStore(mkdtempSync(join(tmpdir(), "jixiao-evidence-"))),
      pdf: chromiumPdf("/usr/bin/chromium"),
      logger: pino({ level: "silent" }),
      trustProxy: [PROXY],
    });
    await addUser(db(), "viewer.zmd", "viewer", "411700");
    await addUser(db(), "flood.viewer", "viewer", "411700");
    await addUser(db(), "admin.zmd", "admin", "411700");
    await addUser(db(), "gone.user", "evaluator", "411700");
    await addUser(db(), "proxied.a", "evaluator", "411700");
    await addUser(db(), "proxied.b", "evaluator", "411700");
    const system = systemContext("test");
    await updateUser(db().db, system, await findUserId(db().db, "gone.user"), { disabled: true });
  });

  it("audits a 403 once: who, which route, which region", async () => {
    const viewer = await signedIn(app.app, "viewer.zmd");
    const res = await viewer.request("POST", "/api/users", {
      body: {
        username: "new.one",
        displayName: "新用户",
        password: "Fresh-Passw0rd-9",
        role: "viewer",
        regionCode: "411700",
      },
    });
    expect(res.status).toBe(403);
    const refused = (await entries(db().db, "access.refused")).filter(
      (e) => e.actorUsername === "viewer.zmd",
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      entity: "route",
      entityId: "POST /api/users",
      regionCode: "411700",
      after: { code: "access.forbidden", path: "/api/users", permission: "user:write" },
    });
    // Out of one's region: the region asked for is named.
    const admin = await signedIn(app.app, "admin.zmd");
    expect((await admin.request("GET", "/api/users?regionCode=330100")).status).toBe(403);
    const [region] = (await entries(db().db, "access.refused")).filter(
      (e) => e.actorUsername === "admin.zmd",
    );
    expect(region).toMatchObject({
      entityId: "GET /api/users",
      after: { code: "access.region", region: "330100" },
    });
    // A write without its CSRF token is refused and audited the same way.
    const noCsrf = await admin.request("POST", "/api/auth/logout", { csrf: false });
    expect(noCsrf.status).toBe(403);
    const csrf = (await entries(db().db, "access.refused")).filter(
      (e) => e.actorUsername === "admin.zmd" && (e.after as { code: string }).code === "auth.csrf",
    );
    expect(csrf).toHaveLength(1);
  });

  it("200 refusals in a minute leave 10 entries and one summary of the 190 others", async () => {
    const minute = Date.now();
    auditThrottleOf(db().db, new AuditThrottle({ now: () => minute }));
    const viewer = await signedIn(app.app, "flood.viewer");
    const statuses = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const res = await viewer.request("PATCH", "/api/users/1", { body: { displayName: "x" } });
      statuses.add(res.status);
    }
    expect([...statuses]).toEqual([403]);
    const mine = (await entries(db().db, "access.refused")).filter(
      (e) => e.actorUsername === "flood.viewer",
    );
    expect(mine).toHaveLength(AUDIT_PER_KEY_PER_MINUTE);
    expect(await flushAuditSummaries(db().db)).toBe(1);
    const [summary] = await entries(db().db, "audit.suppressed");
    expect(summary).toMatchObject({
      actorId: null,
      entity: "audit",
      entityId: "access.refused",
      regionCode: null,
      after: {
        action: "access.refused",
        suppressed: 190,
        top: [{ key: "user:flood.viewer", count: 190 }],
      },
    });
    auditThrottleOf(db().db, new AuditThrottle());
  });

  it("a disabled account answers exactly as a wrong password does", async () => {
    const client = new ApiClient(app.app);
    const wrong = await client.login("proxied.a", "Wrong-Guess-77");
    const disabled = await client.login("gone.user", TEST_PASSWORD);
    expect(disabled.status).toBe(401);
    expect(disabled.json).toEqual(wrong.json);
    expect(disabled.json).toEqual({
      error: { code: "auth.invalid_credentials", message: "用户名或密码错误" },
    });
    const [entry] = await db()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "login.disabled"), eq(auditLog.entityId, "gone.user")));
    expect(entry?.after).toEqual({ username: "gone.user", passwordMatched: true });
  });

  it("with JIXIAO_TRUST_PROXY off, X-Forwarded-For is ignored", async () => {
    const res = await post(
      app.app,
      "/api/auth/login",
      { username: "nobody.off", password: "Wrong-Guess-77" },
      { socket: PROXY, forwardedFor: "203.0.113.9" },
    );
    expect(res.status).toBe(401);
    const [entry] = await db()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "login.failed"), eq(auditLog.entityId, "nobody.off")));
    expect(entry?.ip).toBe(PROXY);
  });

  it("with it on, the address comes from the named proxy only, right-most untrusted entry first", async () => {
    const tries = [
      { socket: PROXY, forwardedFor: "203.0.113.9", name: "nobody.on1", ip: "203.0.113.9" },
      // The left entry was written by the client itself: not believed.
      {
        socket: PROXY,
        forwardedFor: "1.1.1.1, 203.0.113.10",
        name: "nobody.on2",
        ip: "203.0.113.10",
      },
      // Not from the proxy: the header is the client's own claim.
      {
        socket: "198.51.100.3",
        forwardedFor: "203.0.113.11",
        name: "nobody.on3",
        ip: "198.51.100.3",
      },
    ];
    for (const t of tries) {
      const res = await post(
        behindProxy.app,
        "/api/auth/login",
        { username: t.name, password: "Wrong-Guess-77" },
        t,
      );
      expect(res.status).toBe(401);
      const [entry] = await db()
        .db.select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "login.failed"), eq(auditLog.entityId, t.name)));
      expect([t.name, entry?.ip]).toEqual([t.name, t.ip]);
    }
  });

  it("behind the proxy, five wrong tries lock the one client, not everyone behind it", async () => {
    const attacker = { socket: PROXY, forwardedFor: "203.0.113.66" };
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      const res = await post(
        behindProxy.app,
        "/api/auth/login",
        { username: "proxied.b", password: "Wrong-Guess-77" },
        attacker,
      );
      expect(res.status).toBe(401);
    }
    const locked = await post(
      behindProxy.app,
      "/api/auth/login",
      { username: "proxied.b", password: TEST_PASSWORD },
      attacker,
    );
    expect(locked.status).toBe(423);
    const owner = await post(
      behindProxy.app,
      "/api/auth/login",
      { username: "proxied.b", password: TEST_PASSWORD },
      { socket: PROXY, forwardedFor: "198.51.100.20" },
    );
    expect(owner.status).toBe(200);
    const [lock] = await db()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "login.locked"), eq(auditLog.entityId, "proxied.b")));
    expect(lock?.ip).toBe("203.0.113.66");
  });

  it("refuses Password123! for a new user, with the message in Chinese and English", async () => {
    const admin = await signedIn(app.app, "admin.zmd");
    const create = (lang: string) =>
      admin.request("POST", "/api/users", {
        body: {
          username: "common.pw",
          displayName: "常见密码",
          password: "Password123!",
          role: "viewer",
          regionCode: "411700",
        },
        headers: { "accept-language": lang },
      });
    const zh = await create("zh-CN");
    expect(zh.status).toBe(400);
    expect(zh.json.error).toMatchObject({
      code: "password.common",
      message: "密码过于常见，请换一个",
    });
    const en = await create("en-US");
    expect(en.json.error.message).toBe("This password is too common; choose another one");
  });
});
