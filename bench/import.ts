/**
 * Imports a national year of community projects (`jixiao gen`: 2,850 counties, ~55,000 rows) into
 * PGlite and into the PostgreSQL server, and loads the same rows with COPY on the server in the same
 * run: the importer's price for checking every cell, diffing and auditing, as a ratio to COPY. The
 * CLI then imports the file once more into an emptied table, for its peak memory (max RSS).
 * `node --import tsx bench/import.ts`
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { areaList } from "@vant/area-data";
import { sql } from "drizzle-orm";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type Database, openDatabase } from "../src/db/index.ts";
import { parseSheet } from "../src/domain/datasets/parse-sheet.ts";
import { findDataset } from "../src/domain/datasets/specs/index.ts";
import type { DatasetSpec } from "../src/domain/datasets/types.ts";
import { buildRegionRows } from "../src/domain/regions.ts";
import { generate } from "../src/gen/index.ts";
import { parseContextFor } from "../src/services/data/dataset-context.ts";
import {
  type ImportHooks,
  importFile,
  prepareDatabase,
  systemContext,
} from "../src/services/index.ts";
import { readWorkbook, writeDataFile } from "../src/xlsx/index.ts";
import { readWorkbookWithExcelJS } from "../src/xlsx/read.ts";
import { admin, SERVER } from "./shared.ts";

const YEAR = 2024;
const ctx = systemContext("bench");
const BIN = fileURLToPath(new URL("../bin/jixiao.js", import.meta.url));

/** The goals of issue 20 for the national file. */
export const IMPORT_GOALS = { serverMs: 8000, pgliteMs: 12_000, peakMb: 600, writeToCopy: 3 };

export interface ImportRun {
  totalMs: number;
  phases: Record<string, number>;
  added: number;
  secondMs: number;
  secondChanged: number;
}

export interface ImportBenchmark {
  rows: number;
  fileBytes: number;
  pglite: ImportRun;
  postgres: ImportRun;
  copyMs: number;
  /** `jixiao import` of the file into the emptied server table: wall time and max RSS. */
  cli: { ms: number; peakMb: number };
  /** readWorkbook (zip guard + streamed XML) against the exceljs reader, same file, this thread. */
  reader: { streamMs: number; excelJsMs: number };
}

function spec(name: string): DatasetSpec {
  const found = findDataset(name);
  if (!found) throw new Error(name);
  return found;
}

async function runImports(database: Database, files: Map<string, Uint8Array>): Promise<ImportRun> {
  await prepareDatabase(database, { adminPassword: "Bench-Passw0rd!", operator: "bench" });
  const input = (dataset: string) => ({
    dataset,
    regionCode: "000000",
    year: YEAR,
    fileName: `${dataset}.xlsx`,
    bytes: files.get(dataset) as Uint8Array,
  });
  await importFile(database.db, ctx, input("programmes"));
  const phases: Record<string, number> = {};
  const hooks: ImportHooks = {
    phase: (name, ms) => {
      phases[name] = (phases[name] ?? 0) + ms;
    },
  };
  const started = performance.now();
  const first = await importFile(database.db, ctx, input("communities"), hooks);
  const totalMs = performance.now() - started;
  const again = performance.now();
  const second = await importFile(database.db, ctx, input("communities"));
  return {
    totalMs,
    phases,
    added: first.added,
    secondMs: performance.now() - again,
    secondChanged: second.added + second.changed,
  };
}

/** The same rows as the importer wrote, as CSV in table column order, sent by COPY FROM STDIN. */
async function copyRows(url: string, csv: string, columns: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("truncate community_projects");
    const started = performance.now();
    const stream = client.query(
      copyFrom(
        `copy community_projects (year, ${columns.join(", ")}) from stdin with (format csv, null '')`,
      ),
    );
    await pipeline(Readable.from([csv]), stream);
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

/** `jixiao import` of the file in a child process under /usr/bin/time: its max resident set. */
async function cliImport(url: string, file: string): Promise<{ ms: number; peakMb: number }> {
  const started = performance.now();
  const { stderr } = await promisify(execFile)(
    "/usr/bin/time",
    [
      "-f",
      "maxrss_kb=%M",
      process.execPath,
      BIN,
      "import",
      file,
      "--dataset",
      "communities",
    ].concat(["--region", "000000", "--year", String(YEAR)]),
    { env: { ...process.env, DATABASE_URL: url }, maxBuffer: 16 * 1024 * 1024 },
  );
  const kb = /maxrss_kb=(\d+)/.exec(stderr)?.[1];
  if (!kb) throw new Error(`no max RSS in: ${stderr}`);
  return { ms: performance.now() - started, peakMb: Number(kb) / 1024 };
}

function csvField(value: string | null): string {
  if (value === null) return "";
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function runImportBenchmark(): Promise<ImportBenchmark> {
  const generated = generate(buildRegionRows(areaList), {
    counties: 2850,
    communitiesPerCounty: 19,
    year: YEAR,
    seed: 2024,
    errorRate: 0,
  });
  const files = new Map<string, Uint8Array>();
  for (const name of ["programmes", "communities"]) {
    const file = generated.files.find((f) => f.dataset === name);
    if (!file) throw new Error(name);
    files.set(name, await writeDataFile(spec(name), file.rows, { year: YEAR, scopeName: "全国" }));
  }

  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-"));
  const dbName = `jixiao_bench_${randomBytes(5).toString("hex")}`;
  try {
    const lite = await openDatabase({ kind: "pglite", dataDir: join(dir, "pglite") });
    const pglite = await runImports(lite, files).finally(() => lite.close());

    await admin(`create database ${dbName}`);
    const server = await openDatabase({ kind: "postgres", url: `${SERVER}/${dbName}` });
    try {
      const postgres = await runImports(server, files);
      // The canonical rows, exactly as the importer produced them, written as CSV for COPY.
      const communities = spec("communities");
      const bytes = files.get("communities") as Uint8Array;
      const scope = { code: "000000", name: "全国", path: "/000000/", level: "nation" as const };
      const context = await parseContextFor(server.db, "communities.xlsx", scope, YEAR);
      const streamStarted = performance.now();
      const grids = await readWorkbook(bytes, "communities.xlsx");
      const streamMs = performance.now() - streamStarted;
      const excelJsStarted = performance.now();
      await readWorkbookWithExcelJS(bytes, "communities.xlsx");
      const reader = { streamMs, excelJsMs: performance.now() - excelJsStarted };
      const parsed = parseSheet(communities, grids, context);
      const columns = communities.columns.map((c) => c.db);
      const csv = parsed.rows
        .map((r) =>
          [String(YEAR), ...communities.columns.map((c) => csvField(r.values[c.key] ?? null))].join(
            ",",
          ),
        )
        .join("\n");
      const copyMs = await copyRows(`${SERVER}/${dbName}`, `${csv}\n`, columns);
      const file = join(dir, "communities.xlsx");
      writeFileSync(file, bytes);
      await server.db.execute(sql`truncate community_projects`);
      const cli = await cliImport(`${SERVER}/${dbName}`, file);
      return {
        rows: parsed.rows.length,
        fileBytes: bytes.length,
        pglite,
        postgres,
        copyMs,
        cli,
        reader,
      };
    } finally {
      await server.close();
      await admin(`drop database if exists ${dbName} with (force)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const met = (ok: boolean) => (ok ? "met" : "NOT met");

/** The figures and the goals, met or not, as `npm run bench` prints them. */
export function describeImportBenchmark(b: ImportBenchmark): string {
  const run = (name: string, r: ImportRun) =>
    [
      `  ${name}: total ${ms(r.totalMs)} (read xlsx ${ms(r.phases.read ?? 0)}, check ${ms(r.phases.parse ?? 0)}, ` +
        `diff ${ms(r.phases.diff ?? 0)}, write ${ms(r.phases.write ?? 0)}); ${r.added} rows added`,
      `    same file again: ${ms(r.secondMs)}, ${r.secondChanged} rows added or changed`,
    ].join("\n");
  const write = b.postgres.phases.write ?? 0;
  const g = IMPORT_GOALS;
  return [
    `bench/import: ${b.rows} community projects (national year), file ${(b.fileBytes / 1e6).toFixed(1)} MB, streamed reader`,
    run("PGlite", b.pglite),
    run("PostgreSQL server", b.postgres),
    `  COPY of the same rows on the server: ${ms(b.copyMs)}`,
    `  ratio import ÷ COPY on the server: total ${ratio(b.postgres.totalMs, b.copyMs)}, write phase ${ratio(write, b.copyMs)}`,
    `  reading the file on one thread: streamed ${ms(b.reader.streamMs)}, exceljs ${ms(b.reader.excelJsMs)} ` +
      `(exceljs ÷ streamed ${ratio(b.reader.excelJsMs, b.reader.streamMs)})`,
    `  jixiao import (CLI, server, emptied table): ${ms(b.cli.ms)} with start-up, peak memory ${Math.round(b.cli.peakMb)} MB`,
    `  goal: server under ${g.serverMs} ms — ${met(b.postgres.totalMs < g.serverMs)} (${ratio(b.postgres.totalMs, g.serverMs)} of it); ` +
      `PGlite under ${g.pgliteMs} ms — ${met(b.pglite.totalMs < g.pgliteMs)} (${ratio(b.pglite.totalMs, g.pgliteMs)})`,
    `  goal: peak memory under ${g.peakMb} MB — ${met(b.cli.peakMb < g.peakMb)} (${ratio(b.cli.peakMb, g.peakMb)}); ` +
      `write phase within ${g.writeToCopy}× COPY — ${met(write < g.writeToCopy * b.copyMs)} (${ratio(write, b.copyMs)})`,
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(describeImportBenchmark(await runImportBenchmark()));
}
