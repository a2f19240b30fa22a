// Bad input: each gets the right status and a clear message (zh-CN by default, English on request)
// and writes nothing.
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { addUser } from "../../test/helpers/fixtures.ts";
import { ApiClient, signedIn, testApp } from "../../test/helpers/http.ts";
import { auditLog, sessions, users } from "../db/schema.ts";
import { LOCK_AFTER_FAILURES, sha256 } from "../services/index.ts";
import { BODY_LIMIT_BYTES } from "./app.ts";

describeOnBothDatabases("bad input", (db) => {
  let app: ReturnType<typeof testApp>;
  let admin: ApiClient;

  const auditCount = async () =>
    Number((await db().db.select({ n: count() }).from(auditLog))[0]?.n);
  const userCount = async () => Number((await db().db.select({ n: count() }).from(users))[0]?.n);

  beforeAll(async () => {
    app = testApp(db());
    await addUser(db(), "root.admin", "admin", "000000");
    await addUser(db(), "locked.user", "finance", "410000");
    await addUser(db(), "expiring", "finance", "410000");
    admin = await signedIn(app.app, "root.admin");
  });

  it("a wrong password is 401 in Chinese, or English on request", async () => {
    const client = new ApiClient(app.app);
    const zh = await client.request("POST", "/api/auth/login", {
      body: { username: "root.admin", password: "wrong" },
    });
    expect(zh.status).toBe(401);
    expect(zh.json.error).toEqual({
      code: "auth.invalid_credentials",
      message: "用户名或密码错误",
    });
    const en = await client.request("POST", "/api/auth/login", {
      body: { username: "no.such.user", password: "wrong" },
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(en.status).toBe(401);
    expect(en.json.error.message).toBe("Wrong username or password");
    expect(client.cookie).toBeNull();
  });

  it("locks a user after five failures from one address, even for the right password", async () => {
    const client = new ApiClient(app.app);
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      const res = await client.login("locked.user", "wrong-password");
      expect(res.status).toBe(401);
    }
    const locked = await client.login("locked.user");
    expect(locked.status).toBe(423);
    expect(locked.json.error.code).toBe("auth.locked");
    expect(locked.json.error.message).toBe("登录失败次数过多，账户已锁定，请 15 分钟后再试");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(client.cookie).toBeNull();
    // Other users from the same address are not affected.
    expect((await client.login("expiring")).status).toBe(200);
  });

  it("an expired session is 401 auth.session_expired and is removed", async () => {
    const client = await signedIn(app.app, "expiring");
    const [user] = await db().db.select().from(users).where(eq(users.username, "expiring"));
    await db()
      .db.update(sessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.userId, user?.id ?? -1));
    const token = client.cookie?.split("=")[1] ?? "";
    const res = await client.request("GET", "/api/auth/session");
    expect(res.status).toBe(401);
    expect(res.json.error).toEqual({
      code: "auth.session_expired",
      message: "登录已过期，请重新登录",
    });
    expect(token).not.toBe("");
    const left = await db()
      .db.select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sha256(token)));
    expect(left).toEqual([]);
  });

  it("a state-changing request without the CSRF token is 403 and writes nothing but its audit entry", async () => {
    const before = [await userCount(), await auditCount()];
    const res = await admin.request("POST", "/api/users", {
      csrf: false,
      body: {
        username: "csrf.victim",
        displayName: "x",
        password: "Str0ng-Password!",
        role: "viewer",
        regionCode: "410000",
      },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("auth.csrf");
    const forged = await admin.request("POST", "/api/auth/logout", {
      csrf: false,
      headers: { "x-csrf-token": "forged" },
    });
    expect(forged.status).toBe(403);
    // Nothing written but the two refusals' own audit entries.
    expect([await userCount(), await auditCount()]).toEqual([before[0], (before[1] ?? 0) + 2]);
    const refusals = await db()
      .db.select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, "access.refused"));
    expect(refusals.slice(-2).map((r) => (r.after as { code: string }).code)).toEqual([
      "auth.csrf",
      "auth.csrf",
    ]);
    expect((await admin.request("GET", "/api/auth/session")).status).toBe(200);
  });

  it("malformed JSON is 400 request.malformed_json", async () => {
    const before = await userCount();
    const res = await admin.request("POST", "/api/users", { raw: '{"username": "x",' });
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual({
      code: "request.malformed_json",
      message: "请求体不是合法的 JSON",
    });
    expect(await userCount()).toBe(before);
  });

  it("an unknown region code names the field and writes nothing", async () => {
    const before = [await userCount(), await auditCount()];
    const res = await admin.request("POST", "/api/users", {
      body: {
        username: "nowhere",
        displayName: "无区域",
        password: "Str0ng-Password!",
        role: "viewer",
        regionCode: "999999",
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.error).toEqual({
      code: "region.unknown",
      message: "字段 regionCode 的区域代码 999999 不存在",
      details: { field: "regionCode", value: "999999" },
    });
    const byUrl = await admin.request("GET", "/api/regions/999999");
    expect(byUrl.status).toBe(404);
    expect(byUrl.json.error.message).toBe("区域代码 999999 不存在");
    expect([await userCount(), await auditCount()]).toEqual(before);
  });

  it("a body over the limit is 413 and writes nothing", async () => {
    const before = await userCount();
    const res = await admin.request("POST", "/api/users", {
      raw: JSON.stringify({ username: "big", displayName: "x".repeat(BODY_LIMIT_BYTES) }),
    });
    expect(res.status).toBe(413);
    expect(res.json.error).toEqual({
      code: "request.too_large",
      message: "请求体过大（上限 1 MB）",
    });
    expect(await userCount()).toBe(before);
  });

  describe("field validation", () => {
    it("lists every invalid field with a Chinese message", async () => {
      const res = await admin.request("POST", "/api/users", {
        body: { username: "a", displayName: "", password: "short", role: "king", regionCode: "41" },
      });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("request.invalid");
      expect(res.json.error.message).toBe("请求数据不合法");
      const fields = res.json.error.details.issues.map((i: { field: string }) => i.field).sort();
      expect(fields).toEqual(["displayName", "password", "regionCode", "role", "username"]);
      const role = res.json.error.details.issues.find((i: { field: string }) => i.field === "role");
      expect(role.message).toContain("无效选项");
    });

    it("refuses a weak password by the policy", async () => {
      const res = await admin.request("POST", "/api/users", {
        body: {
          username: "weakling",
          displayName: "弱密码",
          password: "alllowercase",
          role: "viewer",
          regionCode: "410000",
        },
      });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("password.policy");
      expect(res.json.error.details).toEqual({ field: "password" });
    });

    it("answers an unknown endpoint with JSON 404, never a stack trace", async () => {
      const res = await admin.request("GET", "/api/nothing-here");
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("request.not_found");
    });
  });
});
