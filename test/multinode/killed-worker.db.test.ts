// No job lost when its node dies: a `jixiao worker` child process claims a report job, is SIGKILLed
// while rendering it, and another node takes it again once the dead one's heartbeat has lapsed,
// finishes it once, and serves its file. The render is held mid-job by a lock on the sheets table
// the test keeps until the child is dead: no timing guess decides when the kill lands.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/index.ts";
import { reportJobs, storedFiles, users } from "../../src/db/schema.ts";
import { addUser } from "../helpers/fixtures.ts";
import { countySheet, HttpClient, type Node, serverDatabase, startNode, until } from "./nodes.ts";

const STALE_SECONDS = 2;

describe("a job node killed mid-job (PostgreSQL server)", () => {
  let database: Awaited<ReturnType<typeof serverDatabase>>;
  let node: Node;
  let child: ChildProcess | null = null;
  let sheetId: number;

  beforeAll(async () => {
    database = await serverDatabase();
    node = await startNode("B", database.url, { concurrency: 1, staleSeconds: STALE_SECONDS });
    await addUser(node.database, "zmd.fin", "finance", "411700");
    sheetId = await countySheet(node.database, "zmd.fin");
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await node?.close();
    await database?.drop();
  });

  it("another node finishes the job the killed worker had claimed: done once, its file served", async () => {
    const db = node.database.db;
    const [owner] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, "zmd.fin"));
    const [job] = await db
      .insert(reportJobs)
      .values({
        userId: Number(owner?.id),
        subject: "sheet",
        params: { subject: "sheet", sheetId, template: "score-table", format: "docx" },
        title: "驿城区2020年绩效自评评分表",
        format: "docx",
      })
      .returning({ id: reportJobs.id });
    const id = Number(job?.id);

    // The sheets locked: the worker's render stops at its first read of the sheet.
    const holder = new pg.Client({ connectionString: database.url });
    holder.on("error", () => undefined);
    await holder.connect();
    await holder.query("begin");
    await holder.query("lock table evaluation_sheets in access exclusive mode");

    let printed = "";
    child = spawn(process.execPath, ["bin/jixiao.js", "worker", "--poll", "200"], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        JIXIAO_JOB_STALE_SECONDS: String(STALE_SECONDS),
        JIXIAO_REPORT_CONCURRENCY: "1",
        JIXIAO_ADMIN_PASSWORD: "Worker-Test-Adm1n-Passw0rd!",
        JIXIAO_WORKERS: "0",
        LOG_LEVEL: "silent",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk) => {
      printed += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      printed += chunk;
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child?.once("exit", (_code, signal) => resolve(signal)),
    );

    const claimed = await until(
      "the worker to claim the job",
      async () => {
        const [row] = await db.select().from(reportJobs).where(eq(reportJobs.id, id));
        return row?.status === "running" && row.claim ? row : null;
      },
      90_000,
    );
    expect(claimed.attempts).toBe(1);
    // Its render waits on the lock; its heartbeat goes on meanwhile (other connections).
    await until("the worker's render to wait on the lock", async () => {
      const [waiting] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return Number(waiting?.n) > 0;
    });
    expect(printed).toContain("job worker running");
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    await holder.query("rollback");
    await holder.end();

    // This node takes the dead node's job once its heartbeat is older than STALE_SECONDS.
    node.runner.start(200);
    const done = await until(
      "the other node to finish the job",
      async () => {
        const [row] = await db.select().from(reportJobs).where(eq(reportJobs.id, id));
        return row?.status === "done" || row?.status === "failed" ? row : null;
      },
      90_000,
    );
    expect(done).toMatchObject({ status: "done", error: null, attempts: 2, bytes: null });
    expect(done.claim).not.toBe(claimed.claim);
    expect(done.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const [jobs] = await db.select({ n: count() }).from(reportJobs);
    expect(Number(jobs?.n)).toBe(1);

    const client = new HttpClient(node.url);
    expect((await client.login("zmd.fin")).status).toBe(200);
    const file = await client.request("GET", `/api/report-jobs/${id}/file`);
    expect(file.status).toBe(200);
    expect(file.bytes.length).toBe(done.fileSize);
    expect(createHash("sha256").update(file.bytes).digest("hex")).toBe(done.fileSha256);
    const [parts] = await db
      .select({ n: count() })
      .from(storedFiles)
      .where(eq(storedFiles.sha256, done.fileSha256 ?? ""));
    expect(Number(parts?.n)).toBe(Math.ceil((done.fileSize ?? 0) / (64 * 1024)));
  });
});
