/**
 * bench/allocation-compare: the demo's Guangdong 2024 plan (15 cities, factors read from 计划与完成,
 * grades from last year's evaluations) and 7 scenarios compared at once, on PGlite and on the
 * PostgreSQL server: the comparison (plans read in one query, data sets and grades read once for all)
 * against computing the 8 plans one by one (what the comparison did before). Medians of 5 runs.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../src/db/index.ts";
import {
  compareAllocationPlans,
  computeAllocationPlan,
  copyAllocationPlan,
  listAllocationPlans,
  prepareDatabase,
  seedDemo,
  systemContext,
} from "../src/services/index.ts";
import { admin, median, SERVER } from "./shared.ts";

const ctx = systemContext("bench");
export const COMPARED_PLANS = 8;

export interface AllocationCompareRun {
  compareMs: number;
  oneByOneMs: number;
}

export interface AllocationCompareBenchmark {
  plans: number;
  pglite: AllocationCompareRun;
  postgres: AllocationCompareRun;
}

async function measure(database: Database): Promise<AllocationCompareRun> {
  await prepareDatabase(database, { adminPassword: "Bench-Passw0rd!", operator: "bench" });
  await seedDemo(database.db, ctx, {});
  const [base] = await listAllocationPlans(database.db, ctx, { year: 2024, regionCode: "440000" });
  if (!base) throw new Error("no demo plan");
  const ids = [base.id];
  for (let i = 1; i < COMPARED_PLANS; i += 1) {
    ids.push((await copyAllocationPlan(database.db, ctx, base.id, `方案${i}`)).id);
  }
  const compare: number[] = [];
  const oneByOne: number[] = [];
  for (let run = 0; run < 6; run += 1) {
    let start = performance.now();
    await compareAllocationPlans(database.db, ctx, ids);
    const c = performance.now() - start;
    start = performance.now();
    for (const id of ids) await computeAllocationPlan(database.db, ctx, id);
    const o = performance.now() - start;
    // The first run warms the caches of both paths.
    if (run > 0) {
      compare.push(c);
      oneByOne.push(o);
    }
  }
  return { compareMs: median(compare), oneByOneMs: median(oneByOne) };
}

export async function runAllocationCompareBenchmark(): Promise<AllocationCompareBenchmark> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-compare-"));
  let pglite: AllocationCompareRun;
  const lite = await openDatabase({ kind: "pglite", dataDir: dir });
  try {
    pglite = await measure(lite);
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const name = `jixiao_bench_compare_${randomBytes(4).toString("hex")}`;
  await admin(`create database ${name}`);
  let postgres: AllocationCompareRun;
  const server = await openDatabase({ kind: "postgres", url: `${SERVER}/${name}` });
  try {
    postgres = await measure(server);
  } finally {
    await server.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
  return { plans: COMPARED_PLANS, pglite, postgres };
}

export function describeAllocationCompareBenchmark(b: AllocationCompareBenchmark): string {
  const ms = (v: number) => `${Math.round(v)} ms`;
  const line = (name: string, r: AllocationCompareRun) =>
    `  ${name}: compare ${ms(r.compareMs)}, the same plans one by one ${ms(r.oneByOneMs)} ` +
    `(ratio one by one ÷ compare ${(r.oneByOneMs / r.compareMs).toFixed(1)}×)`;
  const worst = Math.max(b.pglite.compareMs, b.postgres.compareMs);
  return [
    `bench/allocation-compare: the demo's Guangdong 2024 plan and ${b.plans - 1} scenarios side by side`,
    line("PGlite", b.pglite),
    line("PostgreSQL server", b.postgres),
    `  goal: compare under 500 ms — ${worst < 500 ? "met" : "NOT met"}`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(describeAllocationCompareBenchmark(await runAllocationCompareBenchmark()));
}
