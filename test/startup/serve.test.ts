/** `jixiao serve` as an operator runs it: first start, restarts on the same data, signals, and PostgreSQL. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { areaList } from "@vant/area-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegionRows } from "../../src/domain/regions.ts";
import { DEMO_USERS } from "../../src/services/index.ts";
import type { UserT } from "../../src/shared/schemas.ts";
import { adminQuery, databaseUrl } from "../helpers/pg-server.ts";
import { HttpClient, killAll, type ServeProcess, spawnServe, startServe } from "./serve-process.ts";

/** A first start loads every province, city and county of the bundled area data. */
const REGION_COUNT = buildRegionRows(areaList).length;
const GENERATED_ADMIN = /^ {2}密码 \/ password: {3}(\S+) {3}\(仅显示这一次 \/ shown once\)$/gm;
const DEMO_PASSWORD =
  /^演示账户 \/ demo users \((\d+)\) 的密码 \/ password: (\S+) {3}\(仅显示这一次 \/ shown once\)$/gm;
/** Shutting down closes the server and the database: it takes well under this. */
const SHUTDOWN_MS = 5_000;
const START_MS = 90_000;

const generatedPasswords = (serve: ServeProcess) =>
  [...serve.stdout.matchAll(GENERATED_ADMIN)].map((m) => m[1] ?? "");

async function health(serve: ServeProcess) {
  const res = await fetch(`${serve.baseUrl}/api/health`);
  return { status: res.status, json: await res.json() };
}

async function signIn(serve: ServeProcess, username: string, password: string) {
  const client = new HttpClient(serve.baseUrl);
  const res = await client.login(username, password);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  expect(res.json.user.username).toBe(username);
  return client;
}

async function usernames(client: HttpClient) {
  const res = await client.request("GET", "/api/users?pageSize=200");
  expect(res.status).toBe(200);
  return {
    total: res.json.total as number,
    names: (res.json.items as UserT[]).map((u) => u.username).sort(),
  };
}

afterAll(killAll);

describe("jixiao serve on a PGlite data folder", () => {
  let dataDir = "";
  let env: Record<string, string> = {};
  let adminPassword = "";
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "jixiao-serve-"));
    env = { JIXIAO_DATA_DIR: dataDir };
  });
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "first start: health ok, regions loaded, a generated admin password shown once that signs in; SIGTERM exits 0",
    async () => {
      const serve = await startServe(env);
      expect(await health(serve)).toEqual({ status: 200, json: { status: "ok", db: "pglite" } });
      expect(serve.stdout).toContain(`已载入区域 / regions loaded: ${REGION_COUNT}\n`);
      expect(serve.stdout).toContain(`数据库 / database: PGlite in ${join(dataDir, "pglite")}\n`);
      const shown = generatedPasswords(serve);
      expect(shown).toHaveLength(1);
      adminPassword = shown[0] ?? "";
      expect(serve.stdout.split(adminPassword)).toHaveLength(2);
      expect([...serve.stdout.matchAll(DEMO_PASSWORD)].map((m) => m[1])).toEqual([
        String(DEMO_USERS.length),
      ]);

      await signIn(serve, "admin", adminPassword);
      const wrong = await new HttpClient(serve.baseUrl).login("admin", `${adminPassword}x`);
      expect(wrong.status).toBe(401);

      expect(await serve.stop("SIGTERM", SHUTDOWN_MS)).toEqual({ code: 0, signal: null });
      expect(serve.stdout).toContain("收到 SIGTERM，正在关闭… / SIGTERM: shutting down…\n");
      expect(serve.stderr).toBe("");
    },
    START_MS,
  );

  it(
    "second start on the same folder: no new password, demo users and regions not loaded again; SIGINT exits 0",
    async () => {
      const serve = await startServe(env);
      expect(serve.stdout).not.toContain("regions loaded");
      expect(generatedPasswords(serve)).toEqual([]);
      expect(serve.stdout).not.toMatch(DEMO_PASSWORD);
      expect(serve.stdout).toContain(
        "登录 / sign in: admin (或其他已有用户 / or another existing user)\n",
      );

      const admin = await signIn(serve, "admin", adminPassword);
      expect(await usernames(admin)).toEqual({
        total: 1 + DEMO_USERS.length,
        names: ["admin", ...DEMO_USERS.map((d) => d.username)].sort(),
      });

      // Written just before the signal: it must survive the shutdown.
      const created = await admin.request("POST", "/api/users", {
        username: "sigint.probe",
        displayName: "驿城区只读",
        password: "Probe-Passw0rd!",
        role: "viewer",
        regionCode: "411702",
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);

      expect(await serve.stop("SIGINT", SHUTDOWN_MS)).toEqual({ code: 0, signal: null });
      expect(serve.stdout).toContain("收到 SIGINT，正在关闭… / SIGINT: shutting down…\n");
      expect(serve.stderr).toBe("");
    },
    START_MS,
  );

  it(
    "after SIGINT the folder reopens cleanly and still holds what was written before it",
    async () => {
      const serve = await startServe(env);
      expect(generatedPasswords(serve)).toEqual([]);
      expect(serve.stdout).not.toContain("regions loaded");
      expect(await health(serve)).toEqual({ status: 200, json: { status: "ok", db: "pglite" } });

      const admin = await signIn(serve, "admin", adminPassword);
      const { total, names } = await usernames(admin);
      expect(total).toBe(2 + DEMO_USERS.length); // admin, the demo users and the probe
      expect(names).toContain("sigint.probe");
      await signIn(serve, "sigint.probe", "Probe-Passw0rd!");

      expect(await serve.stop("SIGTERM", SHUTDOWN_MS)).toEqual({ code: 0, signal: null });
    },
    START_MS,
  );
});

describe("jixiao serve with JIXIAO_ADMIN_PASSWORD on a fresh folder", () => {
  let dataDir = "";
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "jixiao-serve-"));
  });
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "creates admin with that password, which signs in, and prints no password for it",
    async () => {
      const password = "Given-Passw0rd-2024!";
      // Without the demo: the administrator is the subject, and the demo's load is tested above.
      const serve = await startServe(
        { JIXIAO_DATA_DIR: dataDir, JIXIAO_ADMIN_PASSWORD: password },
        { args: ["--no-demo"] },
      );
      expect(serve.stdout).toContain(
        "首次启动：已创建管理员 admin，密码为 JIXIAO_ADMIN_PASSWORD / admin created with JIXIAO_ADMIN_PASSWORD\n",
      );
      expect(generatedPasswords(serve)).toEqual([]);
      expect(serve.stdout).not.toContain(password);
      expect(serve.stderr).not.toContain(password);

      await signIn(serve, "admin", password);
      expect(await serve.stop("SIGTERM", SHUTDOWN_MS)).toEqual({ code: 0, signal: null });
    },
    START_MS,
  );
});

describe("jixiao serve on a PostgreSQL database (DATABASE_URL)", () => {
  const name = `jixiao_serve_${randomBytes(6).toString("hex")}`;
  const env = { DATABASE_URL: databaseUrl(name) };
  let adminPassword = "";
  afterAll(() => adminQuery(`drop database if exists ${name} with (force)`));

  it(
    "a JIXIAO_ADMIN_PASSWORD that breaks the policy stops the first start: exit 2, Chinese message",
    async () => {
      await adminQuery(`create database ${name}`);
      const serve = await spawnServe({ ...env, JIXIAO_ADMIN_PASSWORD: "Admin-2024-pass" });
      expect(await serve.waitForExit(START_MS)).toEqual({ code: 2, signal: null });
      expect(serve.stderr).toBe(
        "错误：密码不能包含用户名\nerror: The password must not contain the username\n" +
          '{"field":"password"}\n',
      );
      expect(serve.stdout).not.toContain("running at");
    },
    START_MS,
  );

  it(
    "a first start on a busy port still shows the generated password, then exits 1 at once",
    async () => {
      const blocker = createServer().listen(0, "127.0.0.1");
      await new Promise((resolve) => blocker.once("listening", resolve));
      const address = blocker.address();
      if (address === null || typeof address === "string") throw new Error("no port");
      try {
        const serve = await spawnServe(env, { port: address.port });
        // The first start does all its work before it finds the port taken…
        const shown = await serve.waitFor(GENERATED_ADMIN, START_MS);
        adminPassword = shown[1] ?? "";
        expect(adminPassword).toMatch(/^\S{16}$/);
        // …and then closes the database instead of idling with an open pool until it times out.
        await serve.waitFor(/EADDRINUSE/, START_MS, "stderr");
        expect(await serve.waitForExit(SHUTDOWN_MS)).toEqual({ code: 1, signal: null });
        expect(serve.stderr).toMatch(
          /^错误 \/ error: listen EADDRINUSE: address already in use 127\.0\.0\.1:\d+\n$/,
        );
        expect(serve.stdout).not.toContain("running at");
      } finally {
        blocker.close();
      }
    },
    START_MS,
  );

  it(
    "starts on a free port: health says postgres, the password shown before signs in, SIGTERM exits 0",
    async () => {
      const serve = await startServe(env);
      expect(await health(serve)).toEqual({ status: 200, json: { status: "ok", db: "postgres" } });
      expect(serve.stdout).toContain("数据库 / database: PostgreSQL (DATABASE_URL)\n");
      expect(generatedPasswords(serve)).toEqual([]);
      expect(serve.stdout).not.toContain("regions loaded");

      const admin = await signIn(serve, "admin", adminPassword);
      expect((await usernames(admin)).total).toBe(1 + DEMO_USERS.length);
      expect(await serve.stop("SIGTERM", SHUTDOWN_MS)).toEqual({ code: 0, signal: null });
    },
    START_MS,
  );
});

describe("a signal during the first start (PostgreSQL)", () => {
  const name = `jixiao_serve_${randomBytes(6).toString("hex")}`;
  const env = { DATABASE_URL: databaseUrl(name) };
  afterAll(() => adminQuery(`drop database if exists ${name} with (force)`));

  it(
    "finishes the start, shows every password, then exits 0; the demo password it showed signs in",
    async () => {
      await adminQuery(`create database ${name}`);
      const first = await spawnServe(env);
      // The administrator exists; the demo users are being created now.
      await first.waitFor(
        /^首次启动：已创建管理员 \/ first start: administrator created$/m,
        START_MS,
      );
      first.signal("SIGINT");
      expect(await first.waitForExit(START_MS)).toEqual({ code: 0, signal: null });
      expect(first.stdout).toContain(
        "收到 SIGINT，启动完成后关闭… / SIGINT: shutting down once started…\n",
      );
      const adminPassword = generatedPasswords(first)[0] ?? "";
      const demo = [...first.stdout.matchAll(DEMO_PASSWORD)].map((m) => [m[1], m[2]]);
      expect(demo).toHaveLength(1);
      expect(demo[0]?.[0]).toBe(String(DEMO_USERS.length));
      expect(first.stdout).toContain("正在关闭… / shutting down…\n");

      const second = await startServe(env);
      expect(second.stdout).not.toMatch(DEMO_PASSWORD);
      const admin = await signIn(second, "admin", adminPassword);
      expect((await usernames(admin)).total).toBe(1 + DEMO_USERS.length);
      for (const user of DEMO_USERS) await signIn(second, user.username, demo[0]?.[1] ?? "");
      expect(await second.stop("SIGTERM", SHUTDOWN_MS)).toEqual({ code: 0, signal: null });
    },
    START_MS,
  );
});
