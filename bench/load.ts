/**
 * bench/load: many users at once on a national year. `jixiao gen` writes a national year (2,850
 * counties × 19 community projects, cached under /tmp by its arguments), it is imported into a
 * server database of its own (then into PGlite), and `jixiao serve` answers on loopback while
 * autocannon holds 50 connections on each page for 20 s (5 s with --quick or JIXIAO_LOAD_QUICK=1):
 * /api/health as the floor, the dashboards of 全国, 广东省 and 广州市, a province's monitoring and
 * checks, and one evaluation sheet. Prints requests/s, p50, p99, errors and the ratio to the floor,
 * one-request times and answer sizes of the national pages, and the goals of issue 20.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { areaList } from "@vant/area-data";
import autocannon from "autocannon";
import { type Database, type DbTarget, openDatabase } from "../src/db/index.ts";
import { findDataset } from "../src/domain/datasets/specs/index.ts";
import { buildRegionRows } from "../src/domain/regions.ts";
import { generate } from "../src/gen/index.ts";
import { importFile, prepareDatabase, systemContext } from "../src/services/index.ts";
import { writeDataFile } from "../src/xlsx/index.ts";
import { admin, freePort, median, SERVER } from "./shared.ts";

const GEN = { counties: 2850, communitiesPerCounty: 19, year: 2024, seed: 2024 } as const;
const PASSWORD = "Bench-Passw0rd!";
const PROVINCE_USER = { username: "bench-guangdong", password: "Gd-Bench-Passw0rd-2024!" };
const PROVINCE = "440000";
const CITY = "440100";
const CONNECTIONS = 50;

export interface LoadTarget {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors (timeouts included), timeouts, and answers other than 2xx. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Bytes of one answer. */
  bytes: number;
}

export interface SingleRequest {
  name: string;
  path: string;
  /** The first request after start, then the median of the next five. */
  firstMs: number;
  medianMs: number;
  bytes: number;
}

export interface LoadRun {
  database: string;
  seconds: number;
  importMs: number;
  targets: LoadTarget[];
  single: SingleRequest[];
}

/** The generated national year's files, written once per set of gen arguments. */
async function generatedFiles(): Promise<{ dataset: string; bytes: Uint8Array }[]> {
  const dir = join(
    tmpdir(),
    `jixiao-load-gen-c${GEN.counties}-m${GEN.communitiesPerCounty}-y${GEN.year}-s${GEN.seed}`,
  );
  const manifest = join(dir, "manifest.json");
  if (!existsSync(manifest)) {
    const generated = generate(buildRegionRows(areaList), { ...GEN, errorRate: 0 });
    mkdirSync(dir, { recursive: true });
    const names: string[] = [];
    for (const file of generated.files) {
      const spec = findDataset(file.dataset);
      if (!spec) throw new Error(file.dataset);
      const bytes = await writeDataFile(spec, file.rows, { year: GEN.year, scopeName: "全国" });
      writeFileSync(join(dir, `${file.dataset}.xlsx`), bytes);
      names.push(file.dataset);
    }
    // Written last: a run cut off half-way leaves no manifest, and the next one starts again.
    writeFileSync(manifest, JSON.stringify(names));
  }
  const names = JSON.parse(readFileSync(manifest, "utf8")) as string[];
  return names.map((dataset) => ({
    dataset,
    bytes: readFileSync(join(dir, `${dataset}.xlsx`)),
  }));
}

async function fill(database: Database, files: { dataset: string; bytes: Uint8Array }[]) {
  await prepareDatabase(database, { adminPassword: PASSWORD, operator: "bench" });
  const ctx = systemContext("bench");
  for (const file of files) {
    await importFile(database.db, ctx, {
      dataset: file.dataset,
      regionCode: "000000",
      year: GEN.year,
      fileName: `${file.dataset}.xlsx`,
      bytes: file.bytes,
    });
  }
}

/** A signed-in session: its cookie (all autocannon needs for GETs) and CSRF token. */
async function signIn(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  if (res.status !== 200 || !body.csrfToken) throw new Error(`sign in ${username}: ${res.status}`);
  return {
    cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
    csrf: body.csrfToken,
  };
}

type Session = Awaited<ReturnType<typeof signIn>>;

async function call(base: string, session: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      "x-csrf-token": session.csrf,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 300)
    throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return { ms: 0, bytes: Buffer.byteLength(text), json: JSON.parse(text) as unknown };
}

async function timed(base: string, session: Session, path: string) {
  const started = performance.now();
  const answer = await call(base, session, "GET", path);
  return { ...answer, ms: performance.now() - started };
}

/**
 * One answer of `path` once the server has worked off the load before: requests still queued from
 * the last target may hold every database connection for a while (503 db.unavailable meanwhile).
 */
async function settled(base: string, session: Session, path: string) {
  for (let i = 0; ; i += 1) {
    try {
      return await call(base, session, "GET", path);
    } catch (err) {
      if (i >= 30 || !String(err).includes("HTTP 503")) throw err;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

/**
 * `path` timed right after one cell of 广州市's 满意度调查结果 is corrected through the API (a new data
 * version: every cached check answer is stale), then again after the cell is put back.
 */
async function afterDataChange(base: string, session: Session, path: string) {
  const list = (
    await call(
      base,
      session,
      "GET",
      `/api/datasets/satisfaction/rows?regionCode=${CITY}&year=${GEN.year}&pageSize=1`,
    )
  ).json as { items: { id: number; values: Record<string, string | null> }[] };
  const row = list.items[0];
  if (!row) throw new Error("the national year has no 满意度 row for 广州市");
  const was = row.values.validResponses ?? "0";
  const patch = (value: string) =>
    call(base, session, "PATCH", `/api/datasets/satisfaction/rows/${row.id}`, {
      values: { validResponses: value },
    });
  await patch(String(Number(was) + 1));
  const first = await timed(base, session, path);
  await patch(was);
  const next: number[] = [];
  for (let i = 0; i < 5; i += 1) next.push((await timed(base, session, path)).ms);
  return { path, firstMs: first.ms, medianMs: median(next), bytes: first.bytes };
}

/** The province user, and a task with one sheet of 广州市 (the sheet page's target). */
async function setUp(base: string, nation: Session) {
  await call(base, nation, "POST", "/api/users", {
    username: PROVINCE_USER.username,
    displayName: "广东省财政厅（基准测试）",
    password: PROVINCE_USER.password,
    role: "finance",
    regionCode: PROVINCE,
  });
  const task = (
    await call(base, nation, "POST", "/api/evaluations", {
      name: "基准测试：广州市自评",
      year: GEN.year,
      type: "self",
      frameworkCode: "zhumadian-2020",
      regionCode: PROVINCE,
      regions: [CITY],
    })
  ).json as { id: number };
  const detail = (await call(base, nation, "GET", `/api/evaluations/${task.id}`)).json as {
    sheets: { id: number }[];
  };
  const sheet = detail.sheets[0]?.id;
  if (sheet === undefined) throw new Error("the task has no sheet");
  return { province: await signIn(base, PROVINCE_USER.username, PROVINCE_USER.password), sheet };
}

async function hammer(
  base: string,
  session: Session,
  name: string,
  path: string,
  seconds: number,
): Promise<LoadTarget> {
  const { bytes } = await settled(base, session, path);
  const result = await autocannon({
    url: `${base}${path}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    headers: { cookie: session.cookie },
  });
  process.stderr.write(
    `  ${name}: ${Math.round(result["2xx"] / result.duration)} req/s, p99 ${result.latency.p99} ms\n`,
  );
  return {
    name,
    path,
    requestsPerSecond: result["2xx"] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytes,
  };
}

/** `jixiao serve` as its own process on loopback; resolves once /api/health answers. */
async function serve(target: DbTarget, dataDir: string) {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    JIXIAO_DATA_DIR: dataDir,
    JIXIAO_ADMIN_PASSWORD: PASSWORD,
    LOG_LEVEL: "silent",
  };
  if (target.kind === "postgres") env.DATABASE_URL = target.url;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["bin/jixiao.js", "serve", "--no-demo"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`jixiao serve exited (${child.exitCode})`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 600) throw new Error("jixiao serve did not start in 60 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function measure(
  base: string,
  seconds: number,
): Promise<Omit<LoadRun, "database" | "importMs">> {
  const nation = await signIn(base, "admin", PASSWORD);
  const { province, sheet } = await setUp(base, nation);
  const q = `year=${GEN.year}`;
  const single: SingleRequest[] = [];
  for (const [name, path] of [
    ["全国 dashboard", `/api/dashboard?regionCode=000000&${q}`],
    // Checks first: its first answer is the national check itself, which monitoring then reuses.
    ["全国 checks", `/api/checks?regionCode=000000&${q}`],
    ["全国 monitoring", `/api/monitoring?regionCode=000000&${q}`],
  ] as const) {
    const first = await timed(base, nation, path);
    const next: number[] = [];
    for (let i = 0; i < 5; i += 1) next.push((await timed(base, nation, path)).ms);
    single.push({ name, path, firstMs: first.ms, medianMs: median(next), bytes: first.bytes });
  }
  // What the first user after an import waits for: the national check after one corrected cell.
  const changed = await afterDataChange(base, nation, `/api/checks?regionCode=000000&${q}`);
  single.push({ name: "全国 checks after a data change", ...changed });
  const targets: LoadTarget[] = [];
  const plan: [string, Session, string][] = [
    ["/api/health (floor)", nation, "/api/health"],
    ["全国 dashboard", nation, `/api/dashboard?regionCode=000000&${q}`],
    ["广东省 dashboard", province, `/api/dashboard?regionCode=${PROVINCE}&${q}`],
    ["广州市 dashboard", province, `/api/dashboard?regionCode=${CITY}&${q}`],
    ["广东省 monitoring", province, `/api/monitoring?regionCode=${PROVINCE}&${q}`],
    ["广东省 checks", province, `/api/checks?regionCode=${PROVINCE}&${q}`],
    ["广州市 sheet", nation, `/api/evaluation-sheets/${sheet}`],
  ];
  for (const [name, session, path] of plan) {
    targets.push(await hammer(base, session, name, path, seconds));
  }
  return { seconds, targets, single };
}

async function runOn(name: string, target: DbTarget, dataDir: string, seconds: number) {
  const files = await generatedFiles();
  process.stderr.write(`bench/load: ${name}: importing the national year…\n`);
  const started = performance.now();
  const database = await openDatabase(target);
  try {
    await fill(database, files);
  } finally {
    await database.close();
  }
  const importMs = performance.now() - started;
  const server = await serve(target, dataDir);
  try {
    return { database: name, importMs, ...(await measure(server.base, seconds)) };
  } finally {
    await server.stop();
  }
}

export async function runLoadBenchmark(quick = false): Promise<LoadRun[]> {
  const seconds = quick ? 5 : 20;
  const runs: LoadRun[] = [];
  const dir = mkdtempSync(join(tmpdir(), "jixiao-load-"));
  // A prefix of its own lets several people share one server (JIXIAO_BENCH_DB_PREFIX).
  const prefix = process.env.JIXIAO_BENCH_DB_PREFIX ?? "jixiao_bench";
  const dbName = `${prefix}_load_${randomBytes(5).toString("hex")}`;
  try {
    await admin(`create database ${dbName}`);
    try {
      const url = `${SERVER}/${dbName}`;
      runs.push(
        await runOn("PostgreSQL server", { kind: "postgres", url }, join(dir, "pg"), seconds),
      );
    } finally {
      await admin(`drop database if exists ${dbName} with (force)`);
    }
    const lite = join(dir, "lite");
    runs.push(
      await runOn("PGlite", { kind: "pglite", dataDir: join(lite, "pglite") }, lite, seconds),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

const ms = (v: number) => `${Math.round(v)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const met = (ok: boolean) => (ok ? "met" : "NOT met");
/** An answer a page can take at once: the national pages' answers were 1.86 MB before paging. */
const ANSWER_BOUND = 256 * 1024;

export function describeLoad(runs: readonly LoadRun[]): string {
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  const lines = [
    `bench/load: a national year (${GEN.counties} counties × ${GEN.communitiesPerCounty}), ${CONNECTIONS} connections, ` +
      `${runs[0]?.seconds ?? 0} s per page, loopback (autocannon)`,
  ];
  for (const run of runs) {
    const floor = run.targets[0]?.requestsPerSecond ?? 0;
    lines.push(
      `  ${run.database} (import ${ms(run.importMs)}):`,
      `    ${"page".padEnd(20)} ${pad("req/s", 7)} ${pad("p50 ms", 7)} ${pad("p99 ms", 7)} ${pad("errors", 7)} ${pad("non-2xx", 8)} ${pad("÷ floor", 8)} ${pad("answer", 10)}`,
    );
    for (const t of run.targets) {
      lines.push(
        `    ${t.name.padEnd(20)} ${pad(Math.round(t.requestsPerSecond), 7)} ${pad(Math.round(t.p50Ms), 7)} ` +
          `${pad(Math.round(t.p99Ms), 7)} ${pad(`${t.errors}/${t.timeouts}t`, 7)} ${pad(t.non2xx, 8)} ` +
          `${pad(floor > 0 ? (t.requestsPerSecond / floor).toFixed(2) : "-", 8)} ${pad(kb(t.bytes), 10)}`,
      );
    }
    for (const s of run.single) {
      lines.push(
        `    one request, ${s.name}: first ${ms(s.firstMs)}, then median ${ms(s.medianMs)}; ${kb(s.bytes)}`,
      );
    }
    const find = (name: string) => run.targets.find((t) => t.name === name);
    const one = (name: string) => run.single.find((s) => s.name === name);
    const pages = ["广东省 dashboard", "广州市 dashboard"].map(find);
    const server = run.database !== "PGlite";
    const p99Goal = server ? 150 : 300;
    const goals: string[] = [];
    if (server) {
      const nation = one("全国 dashboard");
      goals.push(
        `全国 dashboard under 150 ms for one request — ${met((nation?.medianMs ?? Infinity) < 150)}`,
        `province and city dashboards ≥ half the floor's req/s — ${met(
          pages.every((p) => p !== undefined && p.requestsPerSecond >= floor / 2),
        )}`,
        `全国 checks under 1 s (repeated: the cached answer) — ${met((one("全国 checks")?.medianMs ?? Infinity) < 1000)}`,
        `全国 checks under 1 s cold (the first request after a data change) — ${met((one("全国 checks after a data change")?.firstMs ?? Infinity) < 1000)}`,
      );
    }
    goals.push(
      `province and city dashboards p99 under ${p99Goal} ms — ${met(
        pages.every((p) => p !== undefined && p.p99Ms < p99Goal && p.errors === 0),
      )}`,
      `monitoring and checks answers bounded (全国 under ${kb(ANSWER_BOUND)}) — ${met(
        ["全国 monitoring", "全国 checks"].every((n) => (one(n)?.bytes ?? Infinity) < ANSWER_BOUND),
      )}`,
    );
    lines.push(...goals.map((g) => `    goal: ${g}`));
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes("--quick") || process.env.JIXIAO_LOAD_QUICK === "1";
  console.log(describeLoad(await runLoadBenchmark(quick)));
}
