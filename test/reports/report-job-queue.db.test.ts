// Report jobs under a limit: a viewer's burst of twelve PDF jobs on the demo's 驻马店市 sheet, with
// renders that wait until the test releases them, so every state is looked at, not raced.
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { reportJobs } from "../../src/db/schema.ts";
import type { PdfRenderer } from "../../src/render/pdf.ts";
import {
  type RenderReportJob,
  type ReportJobRunner,
  reportJobRunner,
} from "../../src/services/index.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";
import { addUser } from "../helpers/fixtures.ts";
import { type ApiClient, signedIn, testApp } from "../helpers/http.ts";

const NO_PDF: PdfRenderer = {
  render: () => Promise.reject(new Error("the latch render makes no PDF")),
  close: async () => undefined,
};

/** Renders that wait for `release(id)`, counting what runs at once, per user and in all. */
function latches() {
  const waiting = new Map<number, () => void>();
  const perUser = new Map<string, number>();
  let now = 0;
  const seen = { most: 0, mostPerUser: 0, started: [] as number[] };
  const render =
    (server: string): RenderReportJob =>
    async (_db, ctx, _request, _pdf, _progress, jobId) => {
      const user = ctx.actor?.username ?? "?";
      now += 1;
      perUser.set(user, (perUser.get(user) ?? 0) + 1);
      seen.most = Math.max(seen.most, now);
      seen.mostPerUser = Math.max(seen.mostPerUser, perUser.get(user) ?? 0);
      seen.started.push(jobId);
      await new Promise<void>((resolve) => waiting.set(jobId, resolve));
      now -= 1;
      perUser.set(user, (perUser.get(user) ?? 1) - 1);
      return {
        fileName: `${server}-${jobId}.pdf`,
        contentType: "application/pdf",
        bytes: new Uint8Array([37, 80, 68, 70]),
      };
    };
  return {
    render,
    seen,
    isWaiting: (id: number) => waiting.has(id),
    release(id: number) {
      const resolve = waiting.get(id);
      if (!resolve) throw new Error(`job ${id} is not rendering`);
      waiting.delete(id);
      resolve();
    },
    releaseAll() {
      for (const id of [...waiting.keys()]) this.release(id);
    },
  };
}

describeOnBothDatabases("report jobs under a limit", "demo", (db) => {
  let sheetId: number;
  const runners: ReportJobRunner[] = [];
  const gates: ReturnType<typeof latches>[] = [];

  const statuses = async (ids: number[]) => {
    const rows = await db()
      .db.select({ id: reportJobs.id, status: reportJobs.status, claim: reportJobs.claim })
      .from(reportJobs)
      .where(inArray(reportJobs.id, ids));
    return new Map(rows.map((r) => [r.id, r]));
  };
  const runningCounts = async () => {
    const rows = await db()
      .db.select({ userId: reportJobs.userId })
      .from(reportJobs)
      .where(eq(reportJobs.status, "running"));
    const perUser = new Map<number, number>();
    for (const r of rows) perUser.set(r.userId, (perUser.get(r.userId) ?? 0) + 1);
    return { all: rows.length, mostPerUser: Math.max(0, ...perUser.values()) };
  };
  const server = (name: string, concurrency: number, queuePerUser = 5) => {
    const gate = latches();
    const runner = reportJobRunner(db().db, NO_PDF, {
      concurrency,
      queuePerUser,
      render: gate.render(name),
    });
    runners.push(runner);
    gates.push(gate);
    return { gate, runner, app: testApp(db(), { reportJobs: runner, pdf: NO_PDF }).app };
  };
  const start = (client: ApiClient, headers: Record<string, string> = {}) =>
    client.request("POST", "/api/report-jobs", {
      body: { subject: "sheet", sheetId, template: "score-table", format: "pdf" },
      headers,
    });

  beforeAll(async () => {
    for (const name of ["q.a", "q.b", "q.c", "q.d"]) await addUser(db(), name, "viewer", "411700");
    const result = await db().db.execute(
      sql`select id from evaluation_sheets where region_code = '411700' order by id limit 1`,
    );
    sheetId = Number((result as unknown as { rows: { id: number }[] }).rows[0]?.id);
  });

  afterAll(async () => {
    for (const runner of runners) void runner.stop(0);
    for (const gate of gates) gate.releaseAll();
    await Promise.all(runners.map((r) => r.stop(0)));
  });

  it("runs one job per user and two per server, shows queue places, refuses past five waiting, and lets other users through", async () => {
    const { app, gate } = server("one", 2);
    const a = await signedIn(app, "q.a");
    const b = await signedIn(app, "q.b");
    const c = await signedIn(app, "q.c");

    // Twelve PDF jobs from one viewer in a burst: one starts, five wait in order, six are refused.
    const answers = [];
    for (let i = 0; i < 12; i += 1) answers.push(await start(a));
    expect(answers.map((r) => r.status)).toEqual([
      202,
      202,
      202,
      202,
      202,
      202,
      ...Array(6).fill(429),
    ]);
    const accepted = answers.slice(0, 6).map((r) => r.json);
    expect(accepted.map((j) => [j.status, j.queuePlace])).toEqual([
      ["running", null],
      ["queued", 1],
      ["queued", 2],
      ["queued", 3],
      ["queued", 4],
      ["queued", 5],
    ]);
    expect(answers[6]?.json.error).toMatchObject({
      code: "report.queue_full",
      message: "您已有 5 个报告在排队，请等其中一个开始生成后再提交",
      details: { limit: 5 },
    });
    expect(answers[6]?.headers.get("retry-after")).toBe("10");
    const english = await start(a, { "accept-language": "en-US" });
    expect(english.status).toBe(429);
    expect(english.json.error.message).toBe(
      "You already have 5 reports waiting; start another once one of them has begun",
    );
    const ids = accepted.map((j) => j.id as number);
    expect(await runningCounts()).toEqual({ all: 1, mostPerUser: 1 });
    const first = ids[0] as number;
    await expect.poll(() => gate.isWaiting(first)).toBe(true);

    // A second viewer is not queued behind the first one's burst: the server's second slot is free.
    const bJob = await start(b);
    expect(bJob.json).toMatchObject({ status: "running", queuePlace: null });
    expect(await runningCounts()).toEqual({ all: 2, mostPerUser: 1 });

    // A third waits for a slot, but ahead of all of the first viewer's waiting jobs.
    const cJob = await start(c);
    expect(cJob.json).toMatchObject({ status: "queued", queuePlace: 1 });
    const listed = await a.request("GET", "/api/report-jobs");
    const places = (listed.json.items as { id: number; queuePlace: number | null }[])
      .filter((j) => ids.includes(j.id))
      .sort((x, y) => x.id - y.id)
      .map((j) => j.queuePlace);
    expect(places).toEqual([null, 2, 3, 4, 5, 6]);

    // The first viewer's job ends: the third viewer's starts, not the first viewer's next.
    gate.release(first);
    await expect
      .poll(async () => (await statuses([cJob.json.id])).get(cJob.json.id)?.status)
      .toBe("running");
    expect((await statuses([first])).get(first)?.status).toBe("done");
    expect((await statuses([ids[1] as number])).get(ids[1] as number)?.status).toBe("queued");
    expect((await a.request("GET", `/api/report-jobs/${ids[1]}`)).json.queuePlace).toBe(1);

    // Then everything finishes, never more than two at once nor two of one user.
    const all = [...ids.slice(1), bJob.json.id as number, cJob.json.id as number];
    await expect
      .poll(
        async () => {
          for (const id of all) if (gate.isWaiting(id)) gate.release(id);
          const counts = await runningCounts();
          expect(counts.all).toBeLessThanOrEqual(2);
          expect(counts.mostPerUser).toBeLessThanOrEqual(1);
          const now = await statuses(all);
          return all.filter((id) => now.get(id)?.status !== "done").length;
        },
        { timeout: 60_000, interval: 50 },
      )
      .toBe(0);
    expect(gate.seen.most).toBe(2);
    expect(gate.seen.mostPerUser).toBe(1);
    // The first viewer's jobs ran in the order they were queued.
    const order = gate.seen.started.filter((id) => ids.includes(id));
    expect(order).toEqual(ids);
    const file = await a.request("GET", `/api/report-jobs/${ids[5]}/file`);
    expect(file.status).toBe(200);
    expect(decodeURIComponent(file.headers.get("content-disposition") ?? "")).toContain(
      `one-${ids[5]}.pdf`,
    );
  });

  it("two servers on one database: a job queued on a full server is taken by the other, and a user never runs two", async () => {
    const one = server("left", 1);
    const two = server("right", 1);
    const a = await signedIn(one.app, "q.d");
    const b = await signedIn(one.app, "q.b");

    const first = (await start(a)).json;
    expect(first.status).toBe("running");
    const second = (await start(b)).json;
    expect(second).toMatchObject({ status: "queued", queuePlace: 1 });
    // The other server looks (its poll, or its own request): it takes the waiting job.
    await two.runner.pump();
    await expect.poll(() => one.gate.isWaiting(first.id)).toBe(true);
    await expect.poll(() => two.gate.isWaiting(second.id)).toBe(true);

    // The first user's next job waits on both servers, though the other one had room before.
    const a2 = await signedIn(two.app, "q.d");
    const third = (await start(a2)).json;
    expect(third).toMatchObject({ status: "queued", queuePlace: 1 });
    two.gate.release(second.id);
    await expect
      .poll(async () => (await statuses([second.id])).get(second.id)?.status)
      .toBe("done");
    await two.runner.pump();
    await one.runner.pump();
    expect((await statuses([third.id])).get(third.id)?.status).toBe("queued");

    one.gate.release(first.id);
    await expect
      .poll(async () => (await statuses([third.id])).get(third.id)?.status)
      .toBe("running");
    // Whichever server took it, it renders there and nowhere else.
    await expect
      .poll(() => one.gate.isWaiting(third.id) || two.gate.isWaiting(third.id))
      .toBe(true);
    expect(one.gate.isWaiting(third.id) && two.gate.isWaiting(third.id)).toBe(false);
    if (one.gate.isWaiting(third.id)) one.gate.release(third.id);
    else two.gate.release(third.id);
    await expect.poll(async () => (await statuses([third.id])).get(third.id)?.status).toBe("done");
  });

  it("claims at the same moment on three servers: each user one running job, each job rendered once", async () => {
    const servers = [server("east", 6), server("west", 6), server("north", 6)];
    const users = await db().db.execute(
      sql`select id from users where username in ('q.a', 'q.b', 'q.c', 'q.d') order by id`,
    );
    const userIds = (users as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id));
    const inserted = await db()
      .db.insert(reportJobs)
      .values(
        userIds.flatMap((userId) =>
          [1, 2, 3].map(() => ({
            userId,
            subject: "sheet",
            params: { subject: "sheet", sheetId, template: "score-table", format: "pdf" },
            title: "并发领取",
            format: "pdf",
          })),
        ),
      )
      .returning({ id: reportJobs.id });
    const ids = inserted.map((r) => r.id);
    await Promise.all(servers.flatMap((s) => [s.runner.pump(), s.runner.pump()]));
    const rows = await db()
      .db.select({ userId: reportJobs.userId, status: reportJobs.status })
      .from(reportJobs)
      .where(inArray(reportJobs.id, ids));
    const running = rows.filter((r) => r.status === "running").map((r) => r.userId);
    expect(running.sort((x, y) => x - y)).toEqual(userIds);
    expect(rows.filter((r) => r.status === "queued")).toHaveLength(8);
    const started = () => servers.flatMap((s) => s.gate.seen.started);
    await expect.poll(() => started().length).toBe(4);
    await expect
      .poll(
        async () => {
          for (const s of servers) s.gate.releaseAll();
          expect((await runningCounts()).mostPerUser).toBeLessThanOrEqual(1);
          const now = await statuses(ids);
          return ids.filter((id) => now.get(id)?.status !== "done").length;
        },
        { timeout: 60_000, interval: 50 },
      )
      .toBe(0);
    // Twelve renders in all, one per job: no job was taken by two servers.
    expect(started().sort((x, y) => x - y)).toEqual(ids);
  });

  it("a stopping server hands its running job back; its late result is not written, another server runs it", async () => {
    const one = server("stopping", 1);
    const two = server("next", 1);
    const a = await signedIn(one.app, "q.c");
    const job = (await start(a)).json;
    expect(job.status).toBe("running");
    await expect.poll(() => one.gate.isWaiting(job.id)).toBe(true);
    await one.runner.stop(0);
    const [handedBack] = await db()
      .db.select({ status: reportJobs.status, claim: reportJobs.claim })
      .from(reportJobs)
      .where(eq(reportJobs.id, job.id));
    expect(handedBack).toEqual({ status: "queued", claim: null });
    // The stopped server's render ends after all: nothing of it lands in the row.
    one.gate.release(job.id);
    await one.runner.stop(0);
    await two.runner.pump();
    await expect.poll(() => two.gate.isWaiting(job.id)).toBe(true);
    two.gate.release(job.id);
    await expect.poll(async () => (await statuses([job.id])).get(job.id)?.status).toBe("done");
    const [done] = await db()
      .db.select({ fileName: reportJobs.fileName })
      .from(reportJobs)
      .where(eq(reportJobs.id, job.id));
    expect(done?.fileName).toBe(`next-${job.id}.pdf`);
  });
});
