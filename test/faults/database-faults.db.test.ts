// The app in memory while its database goes away: a TCP proxy cuts PostgreSQL links, PGlite closes.
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../src/db/index.ts";
import { reportJobs } from "../../src/db/schema.ts";
import type { PdfRenderer } from "../../src/render/pdf.ts";
import { reportJobRunner } from "../../src/services/index.ts";
import { community, dataFile } from "../helpers/data-files.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/databases.ts";
import { addUser } from "../helpers/fixtures.ts";
import { ApiClient, signedIn, testApp } from "../helpers/http.ts";
import { adminQuery, terminateBackends } from "../helpers/pg-server.ts";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.ts";

const YICHENG = "411702"; // 驿城区
const ROWS = 1_000;
/** The service must be back within this long of the database coming back (issue 18). */
const RESUME_MS = 5_000;

/** Polls until `check` holds or `ms` have passed; answers whether it held. */
async function eventually(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Answer = Awaited<ReturnType<ApiClient["request"]>>;

function expectUnavailable(res: Answer) {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("5");
  expect(res.json.error.code).toBe("db.unavailable");
  expect(res.json.error.message).toContain("数据库暂时无法连接");
  // No stack, no SQL and no driver internals in what the client sees.
  const text = new TextDecoder().decode(res.bytes);
  expect(text).not.toMatch(/\n\s+at |Failed query|node_modules/);
}

const upload = (client: ApiClient, year: number, bytes: Uint8Array) => {
  const form = new FormData();
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], "小区.xlsx"));
  form.set("regionCode", YICHENG);
  form.set("year", String(year));
  return client.request("POST", "/api/datasets/communities/imports", { form });
};

const counts = { faults: 0, partialRows: 0 };

describe("PostgreSQL link faults through a TCP proxy [postgres]", () => {
  let base: TestDatabase;
  let proxy: TcpProxy;
  let database: Database;
  let app: ReturnType<typeof testApp>["app"];
  const lost: string[] = [];

  beforeAll(async () => {
    base = await createTestDatabase("postgres");
    await addUser(base.database, "yc.impl", "implementer", YICHENG);
    if (base.target.kind !== "postgres") throw new Error("not a server database");
    const server = new URL(base.target.url);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    database = await openDatabase(
      { kind: "postgres", url: proxy.urlFor(base.target.url) },
      { onConnectionLost: (reason) => lost.push(reason) },
    );
    app = testApp(database).app;
  }, 60_000);

  /** Cuts every link and waits until the pool has noticed each (as it would have, given a moment). */
  async function cutAndNotice() {
    const open = proxy.open;
    const before = lost.length;
    proxy.cutAll();
    expect(await eventually(() => lost.length - before >= open, 5_000)).toBe(true);
  }

  // A failed test must not leave the next one without a database.
  afterEach(() => proxy?.setMode("forward"));

  afterAll(async () => {
    counts.faults += proxy?.faults ?? 0;
    await database?.close();
    await proxy?.close();
    await base?.destroy();
  });

  it("a cut while idle: nothing crashes, each lost connection is told once, the next request works", async () => {
    const client = await signedIn(app, "yc.impl");
    const open = proxy.open;
    expect(open).toBeGreaterThan(0);
    const before = lost.length;
    proxy.cutAll();
    expect(await eventually(() => lost.length - before >= open, 5_000)).toBe(true);
    // Both the server's goodbye and the closed socket arrive: still one line per connection.
    await new Promise((r) => setTimeout(r, 200));
    expect(lost.length - before).toBe(open);
    const res = await client.request("GET", "/api/auth/session");
    expect(res.status).toBe(200);
    expect(res.json.user.username).toBe("yc.impl");
  });

  it("a cut during a request: 503 db.unavailable with Retry-After, then service as usual", async () => {
    const client = await signedIn(app, "yc.impl");
    const cut = proxy.cutAfterBytes(1);
    const res = await client.request("GET", `/api/imports?regionCode=${YICHENG}`);
    await cut;
    expectUnavailable(res);
    // A request may still meet a pooled connection whose end it is the first to notice.
    let en: Answer | undefined;
    const back = await eventually(async () => {
      en = await client.request("GET", `/api/imports?regionCode=${YICHENG}`, {
        headers: { "accept-language": "en-US" },
      });
      return en.status === 200;
    }, RESUME_MS);
    expect(back).toBe(true);
    expect(en?.json.total).toBe(0);
  });

  it("while the server refuses connections: health and API answer 503; back within 5 s of its return", async () => {
    const client = await signedIn(app, "yc.impl");
    // A load balancer's probe: no session cookie, so the only query is its own `select 1`.
    const probe = new ApiClient(app);
    proxy.setMode("refuse");
    await cutAndNotice();
    const health = await probe.request("GET", "/api/health");
    expectUnavailable(health);
    expect(health.json.error.details.db).toBe("postgres");
    expect(health.json.error.details.reason).toMatch(/ECONNRESET|Connection terminated/);
    expectUnavailable(await client.request("GET", `/api/imports?regionCode=${YICHENG}`));
    // A sign-in while the database is away is a 503 too, not a wrong password.
    expectUnavailable(
      await client.request("POST", "/api/auth/login", {
        body: { username: "yc.impl", password: "whatever-it-is" },
      }),
    );

    proxy.setMode("forward");
    const back = await eventually(async () => {
      const [h, api] = await Promise.all([
        probe.request("GET", "/api/health"),
        client.request("GET", `/api/imports?regionCode=${YICHENG}`),
      ]);
      return h.status === 200 && api.status === 200;
    }, RESUME_MS);
    expect(back).toBe(true);
  });

  it("while the server does not answer: health says so within its 2 s, the API gives up with 503", async () => {
    const client = await signedIn(app, "yc.impl");
    const probe = new ApiClient(app);
    proxy.setMode("hang");
    await cutAndNotice();
    const health = await probe.request("GET", "/api/health");
    expectUnavailable(health);
    expect(health.json.error.details.reason).toBe("no answer to select 1 within 2000 ms");
    // The pool's connection timeout: a request does not wait for ever.
    const api = await client.request("GET", `/api/imports?regionCode=${YICHENG}`);
    expectUnavailable(api);

    proxy.setMode("forward");
    expect(
      await eventually(
        async () => (await probe.request("GET", "/api/health")).status === 200,
        RESUME_MS,
      ),
    ).toBe(true);
    expect((await client.request("GET", `/api/imports?regionCode=${YICHENG}`)).status).toBe(200);
  }, 30_000);

  it("a cut in the middle of an import's commit leaves no row of it; the commit then succeeds", async () => {
    const client = await signedIn(app, "yc.impl");
    const rows = Array.from({ length: ROWS }, (_, i) => community("驿城区", `小区${i + 1}`));
    const file = (year: number) => dataFile("communities", rows, { year, scopeName: "驿城区" });
    const cutOne = await upload(client, 2020, await file(2020));
    const whole = await upload(client, 2021, await file(2021));
    expect([cutOne.status, whole.status]).toEqual([201, 201]);

    // How much a commit of this size sends, from a commit of the same rows for another year.
    const start = proxy.sentBytes;
    const committed = await client.request("POST", `/api/imports/${whole.json.importId}/commit`);
    expect(committed.status).toBe(200);
    const commitBytes = proxy.sentBytes - start;

    const rowsOf = async (year: number) =>
      (
        await queryRows<{ n: number }>(
          base.database.db,
          sql`select count(*)::int as n from community_projects where year = ${year}`,
        )
      )[0]?.n;
    expect(await rowsOf(2021)).toBe(ROWS);

    // Half-way through it: the rows are being written.
    const cut = proxy.cutAfterBytes(Math.floor(commitBytes / 2));
    const res = await client.request("POST", `/api/imports/${cutOne.json.importId}/commit`);
    await cut;
    expectUnavailable(res);
    const partial = await rowsOf(2020);
    counts.partialRows += partial ?? 0;
    expect(partial).toBe(0);
    const [status] = await queryRows<{ status: string }>(
      base.database.db,
      sql`select status from data_imports where id = ${cutOne.json.importId}`,
    );
    expect(status?.status).toBe("previewed");

    const again = await client.request("POST", `/api/imports/${cutOne.json.importId}/commit`);
    expect(again.status).toBe(200);
    expect(again.json.added).toBe(ROWS);
    expect(await rowsOf(2020)).toBe(ROWS);
  }, 120_000);
  it("a report job whose database goes away while it renders: marked failed once it is back", async () => {
    const [owner] = await queryRows<{ id: number }>(
      base.database.db,
      sql`select id from users where username = 'yc.impl'`,
    );
    const [job] = await base.database.db
      .insert(reportJobs)
      .values({
        userId: owner?.id ?? 0,
        subject: "task",
        params: { subject: "task", taskId: 1, format: "docx" },
        title: "断线测试",
        format: "docx",
      })
      .returning({ id: reportJobs.id });
    const claimErrors: unknown[] = [];
    let rendered!: () => void;
    const renderedNow = new Promise<void>((resolve) => {
      rendered = resolve;
    });
    const runner = reportJobRunner(database.db, {} as PdfRenderer, {
      onError: (err) => claimErrors.push(err),
      render: async () => {
        // The database goes away in the middle of the render and comes back 3 s later.
        proxy.setMode("refuse");
        proxy.cutAll();
        setTimeout(() => proxy.setMode("forward"), 3_000).unref();
        rendered();
        throw new Error("the render lost its database");
      },
    });
    await runner.pump();
    await renderedNow;
    const statusOf = async () =>
      (
        await queryRows<{ status: string; error: string | null }>(
          base.database.db,
          sql`select status, error from report_jobs where id = ${job?.id}`,
        )
      )[0];
    // Polled on the direct connection: within the runner's retries after the database is back.
    expect(await eventually(async () => (await statusOf())?.status === "failed", 15_000)).toBe(
      true,
    );
    expect((await statusOf())?.error).toBe("报告生成失败，请稍后重试或联系管理员");
    await runner.stop(1_000);
  }, 30_000);
});

describe("pg_terminate_backend against the app's pool [postgres]", () => {
  let base: TestDatabase;
  let app: ReturnType<typeof testApp>["app"];
  const lost: string[] = [];

  beforeAll(async () => {
    base = await createTestDatabase("postgres", { onConnectionLost: (r) => lost.push(r) });
    await addUser(base.database, "yc.impl", "implementer", YICHENG);
    app = testApp(base.database).app;
  }, 60_000);

  afterAll(() => base?.destroy());

  async function terminateAll(): Promise<number> {
    if (base.target.kind !== "postgres") throw new Error("not a server database");
    return terminateBackends(new URL(base.target.url).pathname.slice(1));
  }

  it("idle connections terminated by the server: told once each, the next requests work", async () => {
    const client = await signedIn(app, "yc.impl");
    const terminated = await terminateAll();
    counts.faults += terminated;
    expect(terminated).toBeGreaterThan(0);
    expect(await eventually(() => lost.length >= terminated, 5_000)).toBe(true);
    expect(lost.every((r) => r.startsWith("57P01 terminating connection"))).toBe(true);
    expect((await client.request("GET", "/api/health")).status).toBe(200);
    expect((await client.request("GET", "/api/auth/session")).status).toBe(200);
  });

  it("a connection terminated inside a running query: 503, then the next request works", async () => {
    const client = await signedIn(app, "yc.impl");
    // A query that runs until it is terminated, holding a connection of the pool.
    const sleeping = base.database.db.execute(sql`select pg_sleep(30)`).then(
      () => null,
      (err: unknown) => err,
    );
    await eventually(async () => {
      const n = await queryRows<{ n: number }>(
        base.database.db,
        sql`select count(*)::int as n from pg_stat_activity where query like 'select pg_sleep%' and state = 'active'`,
      );
      return (n[0]?.n ?? 0) > 0;
    }, 5_000);
    counts.faults += await terminateAll();
    const failed = await sleeping;
    expect(failed).toBeInstanceOf(Error);
    expect((await client.request("GET", `/api/imports?regionCode=${YICHENG}`)).status).toBe(200);
  });

  it("a database closed to connections (allow_connections false): 503 with the reason, back when reopened", async () => {
    const client = await signedIn(app, "yc.impl");
    const name = new URL((base.target as { url: string }).url).pathname.slice(1);
    await adminQuery(`alter database ${name} allow_connections false`);
    try {
      counts.faults += await terminateAll();
      // Every pooled connection is gone: the next ones are refused with SQLSTATE 55000 when opened.
      expectUnavailable(await client.request("GET", `/api/imports?regionCode=${YICHENG}`));
      // A probe, as a load balancer sends it: no session cookie.
      const health = await app.request("/api/health");
      expect(health.status).toBe(503);
      expect(await health.text()).toContain("55000");
    } finally {
      await adminQuery(`alter database ${name} allow_connections true`);
    }
    expect(
      await eventually(
        async () => (await client.request("GET", "/api/health")).status === 200,
        5_000,
      ),
    ).toBe(true);
  });
});

describe("PGlite closed under the app [pglite]", () => {
  let base: TestDatabase;
  let app: ReturnType<typeof testApp>["app"];
  let client: ApiClient;

  beforeAll(async () => {
    base = await createTestDatabase("pglite");
    await addUser(base.database, "yc.impl", "implementer", YICHENG);
    app = testApp(base.database).app;
    client = await signedIn(app, "yc.impl");
  }, 60_000);

  afterAll(() => base?.destroy().catch(() => undefined));

  it("answers 503 db.unavailable, on the API and on /api/health with the reason", async () => {
    expect((await client.request("GET", "/api/health")).status).toBe(200);
    await base.database.close();
    counts.faults += 1;
    expectUnavailable(await client.request("GET", `/api/imports?regionCode=${YICHENG}`));
    const health = await new ApiClient(app).request("GET", "/api/health");
    expectUnavailable(health);
    expect(health.json.error.details).toMatchObject({ db: "pglite", reason: "PGlite is closed" });
  });
});

describe("an abort of PGlite's WebAssembly runtime [pglite]", () => {
  let base: TestDatabase;
  const fatal: unknown[] = [];

  beforeAll(async () => {
    base = await createTestDatabase("pglite", { onFatal: (err) => fatal.push(err) });
  }, 60_000);

  afterAll(() => base?.destroy().catch(() => undefined));

  it("is reported to onFatal even where PGlite's main loop swallows it", async () => {
    // emscripten's own abort(), reached through the wasm export, inside one step of a query.
    const client = (base.database.db as unknown as { $client: { mod: Record<string, unknown> } })
      .$client;
    const mod = client.mod as { _PostgresMainLoopOnce: () => void; _abort: () => void };
    const step = mod._PostgresMainLoopOnce;
    let armed = true;
    mod._PostgresMainLoopOnce = () => {
      if (armed) {
        armed = false;
        mod._abort();
      }
      step();
    };
    counts.faults += 1;
    await base.database.db.execute(sql`select 1`);
    expect(fatal).toHaveLength(1);
    expect(String((fatal[0] as Error).message)).toMatch(/^Aborted\(/);
    mod._PostgresMainLoopOnce = step;
  });
});

afterAll(() => {
  // The figures of issue 18: faults injected, crashes (any would have failed the run), partial rows.
  console.log(
    `database faults: ${counts.faults} injected, 0 crashes, ${counts.partialRows} partial rows`,
  );
});
