/**
 * Runs every check over a national year from `jixiao gen` (2,850 counties, ~54,000 community
 * projects, with their programmes, funds, allocations, plan and satisfaction rows): the rows are
 * imported into the PostgreSQL server and into PGlite, then loaded and checked. Reports the time
 * of the checks alone (the goal: under 2 s), of loading the rows, and the ratio between the two;
 * and the cold answers of the checks and monitoring pages (the services behind GET /api/checks and
 * /api/monitoring, the first request after a data change: the goal is under 1 s).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { areaList } from "@vant/area-data";
import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "../src/db/index.ts";
import { checkOptions, runChecks } from "../src/domain/checks/index.ts";
import { findDataset } from "../src/domain/datasets/specs/index.ts";
import { buildRegionRows } from "../src/domain/regions.ts";
import { generate } from "../src/gen/index.ts";
import {
  checkRegion,
  importFile,
  listFindings,
  loadCheckData,
  monitorRegion,
  prepareDatabase,
  systemContext,
} from "../src/services/index.ts";
import { writeDataFile } from "../src/xlsx/index.ts";
import { admin, median, SERVER } from "./shared.ts";

const YEAR = 2024;
const ctx = systemContext("bench");
const NATION = { path: "/000000/" };

export interface CheckRun {
  rows: number;
  loadMs: number;
  checkMs: number;
  /** The checks page's answer after a data change: load, check, the first page of findings. */
  coldCheckMs: number;
  /** The monitoring page's answer after a data change (its checks included). */
  coldMonitorMs: number;
  findings: Record<string, number>;
}

export interface CheckBenchmark {
  communities: number;
  postgres: CheckRun;
  pglite: CheckRun;
}

async function importAll(database: Database, files: { dataset: string; bytes: Uint8Array }[]) {
  await prepareDatabase(database, { adminPassword: "Bench-Passw0rd!", operator: "bench" });
  for (const file of files) {
    await importFile(database.db, ctx, {
      dataset: file.dataset,
      regionCode: "000000",
      year: YEAR,
      fileName: `${file.dataset}.xlsx`,
      bytes: file.bytes,
    });
  }
}

/** Loads the year three times and checks it three times; the medians. */
async function measure(database: Database): Promise<CheckRun> {
  const loads: number[] = [];
  const checks: number[] = [];
  let rows = 0;
  let findings: Record<string, number> = {};
  const options = checkOptions({ asOf: `${YEAR + 1}-06-30` });
  for (let i = 0; i < 3; i += 1) {
    const loadStart = performance.now();
    const data = await loadCheckData(database.db, NATION, YEAR);
    loads.push(performance.now() - loadStart);
    const checkStart = performance.now();
    const result = runChecks(data, options);
    checks.push(performance.now() - checkStart);
    rows = Object.values(data.rows).reduce((n, list) => n + (list?.length ?? 0), 0);
    findings = {};
    for (const f of result.findings) findings[f.rule] = (findings[f.rule] ?? 0) + 1;
  }
  const coldChecks: number[] = [];
  const coldMonitors: number[] = [];
  const request = { regionCode: "000000", year: YEAR, asOf: options.asOf };
  // A data change as any write makes it (the triggers of migrations 0015 and 0017): caches miss.
  const change = () =>
    database.db.execute(sql`update data_versions set version = version + 1 where year = ${YEAR}`);
  for (let i = 0; i < 3; i += 1) {
    await change();
    const checkStart = performance.now();
    const check = await checkRegion(database.db, ctx, request);
    await listFindings(database.db, ctx, check, { page: 1, pageSize: 20 });
    coldChecks.push(performance.now() - checkStart);
    await change();
    const monitorStart = performance.now();
    await monitorRegion(database.db, ctx, request);
    coldMonitors.push(performance.now() - monitorStart);
  }
  return {
    rows,
    loadMs: median(loads),
    checkMs: median(checks),
    coldCheckMs: median(coldChecks),
    coldMonitorMs: median(coldMonitors),
    findings,
  };
}

export async function runCheckBenchmark(): Promise<CheckBenchmark> {
  const generated = generate(buildRegionRows(areaList), {
    counties: 2850,
    communitiesPerCounty: 19,
    year: YEAR,
    seed: 2024,
    errorRate: 0,
  });
  const files = [];
  for (const file of generated.files) {
    const spec = findDataset(file.dataset);
    if (!spec) throw new Error(file.dataset);
    files.push({
      dataset: file.dataset,
      bytes: await writeDataFile(spec, file.rows, { year: YEAR, scopeName: "全国" }),
    });
  }
  const communities = generated.files.find((f) => f.dataset === "communities")?.rows.length ?? 0;

  const dbName = `jixiao_bench_${randomBytes(5).toString("hex")}`;
  await admin(`create database ${dbName}`);
  let postgres: CheckRun;
  const server = await openDatabase({ kind: "postgres", url: `${SERVER}/${dbName}` });
  try {
    await importAll(server, files);
    postgres = await measure(server);
  } finally {
    await server.close();
    await admin(`drop database if exists ${dbName} with (force)`);
  }

  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-"));
  try {
    const lite = await openDatabase({ kind: "pglite", dataDir: join(dir, "pglite") });
    try {
      await importAll(lite, files);
      return { communities, postgres, pglite: await measure(lite) };
    } finally {
      await lite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as `npm run bench` prints them, goal lines last. */
export function describeCheckBenchmark(run: CheckBenchmark): string {
  const ms = (n: number) => `${Math.round(n)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const line = (name: string, r: CheckRun) =>
    `  ${name}: ${r.rows} rows; load ${ms(r.loadMs)}, all checks ${ms(r.checkMs)} ` +
    `(checks ÷ load ${ratio(r.checkMs, r.loadMs)}); cold 全国 checks ${ms(r.coldCheckMs)}, ` +
    `cold 全国 monitoring ${ms(r.coldMonitorMs)}`;
  const found = Object.entries(run.postgres.findings)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(", ");
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  return [
    `bench/check: a national year, ${run.communities} community projects and every other data set`,
    line("PostgreSQL server", run.postgres),
    line("PGlite", run.pglite),
    `  findings: ${found || "none"}`,
    `  goal: all checks under 2000 ms — ${met(Math.max(run.postgres.checkMs, run.pglite.checkMs) < 2000)}`,
    `  goal: 全国 checks under 1000 ms cold on the server — ${met(run.postgres.coldCheckMs < 1000)}`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(describeCheckBenchmark(await runCheckBenchmark()));
  process.exit(0);
}
