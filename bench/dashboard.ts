/**
 * Single-request dashboard times over a national year on the PostgreSQL server:
 *   node bin/jixiao.js gen --counties 2850 --communities-per-county 19 --year 2024 --seed 1 -o DIR
 *   node --import tsx bench/dashboard.ts DIR
 * imports DIR's files (manifest order) into a scratch database, ANALYZEs it, then times the 全国, 广东省
 * and 广州市 dashboards computed afresh and from the cache (medians of RUNS, default 7), prints each
 * query's EXPLAIN ANALYZE execution time for 全国, and drops the database.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { openDatabase } from "../src/db/index.ts";
import { getDashboard, getDashboardUncached } from "../src/services/dashboard/dashboard-service.ts";
import { importFile, prepareDatabase, systemContext } from "../src/services/index.ts";
import { admin, median, SERVER } from "./shared.ts";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node --import tsx bench/dashboard.ts GEN_DIR");
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
  year: number;
  importOrder: string[];
  files: { file: string; dataset: string }[];
};
const runs = Number(process.env.RUNS ?? 7);
const ctx = systemContext("bench");
const year = manifest.year;
const name = `jixiao_bench_dash_${randomBytes(4).toString("hex")}`;
const url = `${SERVER}/${name}`;
await admin(`create database ${name}`);
const database = await openDatabase({ kind: "postgres", url });
try {
  await prepareDatabase(database, { adminPassword: "Bench-Passw0rd!", operator: "bench" });
  for (const fileName of manifest.importOrder) {
    const file = manifest.files.find((f) => f.file === fileName);
    if (!file) throw new Error(fileName);
    await importFile(database.db, ctx, {
      dataset: file.dataset,
      regionCode: "000000",
      year,
      fileName,
      bytes: readFileSync(join(dir, fileName)),
    });
  }
  await database.db.execute("analyze");
  const time = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  for (const [label, regionCode] of [
    ["全国", "000000"],
    ["广东省", "440000"],
    ["广州市", "440100"],
  ] as const) {
    const request = { regionCode, year };
    await getDashboardUncached(database.db, ctx, request);
    const fresh: number[] = [];
    for (let i = 0; i < runs; i += 1)
      fresh.push(await time(() => getDashboardUncached(database.db, ctx, request)));
    await getDashboard(database.db, ctx, request);
    const cached: number[] = [];
    for (let i = 0; i < runs; i += 1)
      cached.push(await time(() => getDashboard(database.db, ctx, request)));
    console.log(
      `bench/dashboard ${label}: computed ${median(fresh).toFixed(1)} ms (min ${Math.min(...fresh).toFixed(1)}), ` +
        `cached ${median(cached).toFixed(2)} ms (medians of ${runs})`,
    );
  }
  // Each query of the 全国 dashboard under EXPLAIN ANALYZE.
  const queries: { sql: string; params: unknown[] }[] = [];
  const db = database.db;
  const dialect = new PgDialect();
  const recording = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "execute") return Reflect.get(target, prop, receiver);
      return (query: Parameters<typeof db.execute>[0]) => {
        if (typeof query !== "string") queries.push(dialect.sqlToQuery(query.getSQL()));
        return target.execute(query);
      };
    },
  });
  await getDashboardUncached(recording, ctx, { regionCode: "000000", year });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const q of queries) {
      const plan = await client.query(`explain (analyze) ${q.sql}`, q.params);
      const lines = plan.rows.map((r: Record<string, string>) => String(r["QUERY PLAN"]));
      const head = q.sql.replace(/\s+/g, " ").trim().slice(0, 70);
      console.log(`  全国 ${lines.find((l) => l.startsWith("Execution Time")) ?? "?"} — ${head}…`);
    }
  } finally {
    await client.end();
  }
} finally {
  await database.close();
  await admin(`drop database if exists ${name} with (force)`);
}
