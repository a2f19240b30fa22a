/**
 * Imports a national year of community projects (`jixiao gen`: 2,850 counties, ~55,000 rows) into
 * PGlite and into the PostgreSQL server, and loads the same rows with COPY on the server in the same
 * run: the importer's price for checking every cell, diffing and auditing, as a ratio to COPY.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { areaList } from "@vant/area-data";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type Database, openDatabase } from "../src/db/index.ts";
import { parseSheet } from "../src/domain/datasets/parse-sheet.ts";
import { findDataset } from "../src/domain/datasets/specs.ts";
import type { DatasetSpec } from "../src/domain/datasets/types.ts";
import { buildRegionRows } from "../src/domain/regions.ts";
import { generate } from "../src/gen/index.ts";
import { parseContextFor } from "../src/services/dataset-context.ts";
import {
  type ImportHooks,
  importFile,
  prepareDatabase,
  systemContext,
} from "../src/services/index.ts";
import { readWorkbook, writeDataFile } from "../src/xlsx/index.ts";
import { admin, SERVER } from "./shared.ts";

const YEAR = 2024;
const ctx = systemContext("bench");

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
      const parsed = parseSheet(
        communities,
        await readWorkbook(bytes, "communities.xlsx"),
        context,
      );
      const columns = communities.columns.map((c) => c.db);
      const csv = parsed.rows
        .map((r) =>
          [String(YEAR), ...communities.columns.map((c) => csvField(r.values[c.key] ?? null))].join(
            ",",
          ),
        )
        .join("\n");
      const copyMs = await copyRows(`${SERVER}/${dbName}`, `${csv}\n`, columns);
      return {
        rows: parsed.rows.length,
        fileBytes: bytes.length,
        pglite,
        postgres,
        copyMs,
      };
    } finally {
      await server.close();
      await admin(`drop database if exists ${dbName} with (force)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
