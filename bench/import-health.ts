/**
 * bench/import-health: while a national 小区项目台账 (~55,000 rows) is uploaded, previewed and
 * committed through the HTTP API, how long does /api/health take? A real `jixiao serve` process on
 * loopback, on the PostgreSQL server and on PGlite, with worker threads off (JIXIAO_WORKERS=0, as
 * before) and on. Prints p50/p99/max at rest and during the import, their ratio, and the import time.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { areaList } from "@vant/area-data";
import { findDataset } from "../src/domain/datasets/specs/index.ts";
import { buildRegionRows } from "../src/domain/regions.ts";
import { generate } from "../src/gen/index.ts";
import { writeDataFile } from "../src/xlsx/index.ts";
import { admin, BenchClient, freePort, SERVER } from "./shared.ts";
import { percentile } from "./survey-load.ts";

const YEAR = 2024;
const PASSWORD = "Bench-Passw0rd!";
const BIN = fileURLToPath(new URL("../bin/jixiao.js", import.meta.url));
/** Health is asked this often (one request at a time), as a monitor or a user's page would. */
const PROBE_EVERY_MS = 20;
const REST_MS = 5_000;
/** `--cpu-prof`: the server writes a CPU profile of its main thread into $TMPDIR/jixiao-cpu-prof (find stalls). */
const NODE_FLAGS = process.argv.includes("--cpu-prof")
  ? ["--cpu-prof", `--cpu-prof-dir=${join(tmpdir(), "jixiao-cpu-prof")}`]
  : [];
/** The target of issue 18: /api/health p99 during a national import. */
export const HEALTH_P99_TARGET_MS = 200;

export interface LatencyStats {
  count: number;
  failed: number;
  /** Why the failed probes failed: an HTTP status and error code, or the fetch error. */
  reasons: string[];
  p50: number;
  p99: number;
  max: number;
}

export interface ImportHealthRun {
  database: "postgres" | "pglite";
  workers: boolean;
  rows: number;
  rest: LatencyStats;
  /** While the file is uploaded, read and checked (the preview). */
  preview: LatencyStats;
  /** While the previewed rows are written (one transaction). */
  commit: LatencyStats;
  /** Preview and commit together. */
  during: LatencyStats;
  /**
   * An unknown path (404, no database) asked alongside during the import: when health is slow and
   * this is not, the database was slow, not the server's main thread.
   */
  loop: LatencyStats;
  previewMs: number;
  commitMs: number;
  /** From SIGTERM to the process's exit (the worker threads must not hold it). */
  stopMs: number;
}

export interface ImportHealthBenchmark {
  rows: number;
  fileBytes: number;
  runs: ImportHealthRun[];
}

function stats(samples: readonly number[], failed: number, reasons: string[] = []): LatencyStats {
  return {
    count: samples.length,
    failed,
    reasons: [...new Set(reasons)],
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length === 0 ? 0 : Math.max(...samples),
  };
}

/** Asks /api/health one request at a time until stopped; latencies in ms by the phase they began in. */
function probe(base: string, path = "/api/health", expected = 200) {
  const samples: { phase: string; ms: number }[] = [];
  let failed: Record<string, number> = {};
  let reasons: { phase: string; reason: string }[] = [];
  let phase = "rest";
  let running = true;
  const loop = (async () => {
    while (running) {
      const began = phase;
      const started = performance.now();
      try {
        const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(60_000) });
        const body = await res.text();
        if (res.status === expected)
          samples.push({ phase: began, ms: performance.now() - started });
        else {
          failed[began] = (failed[began] ?? 0) + 1;
          const code = /"code":"([^"]+)"/.exec(body)?.[1] ?? "";
          const reason = /"reason":"([^"]+)"/.exec(body)?.[1] ?? "";
          reasons.push({ phase: began, reason: `${res.status} ${code} ${reason}`.trim() });
        }
      } catch (err) {
        failed[began] = (failed[began] ?? 0) + 1;
        reasons.push({ phase: began, reason: err instanceof Error ? err.name : String(err) });
      }
      await sleep(PROBE_EVERY_MS);
    }
  })();
  return {
    set(next: string) {
      phase = next;
    },
    async stop() {
      running = false;
      await loop;
    },
    of(...phases: string[]): LatencyStats {
      const ms = samples.filter((s) => phases.includes(s.phase)).map((s) => s.ms);
      const f = phases.reduce((n, p) => n + (failed[p] ?? 0), 0);
      const why = reasons.filter((r) => phases.includes(r.phase)).map((r) => r.reason);
      return stats(ms, f, why);
    },
    reset() {
      samples.length = 0;
      failed = {};
      reasons = [];
    },
  };
}

/** Uploads a file for preview, then commits it; answers the milliseconds of each step. */
async function importFile(
  client: BenchClient,
  dataset: string,
  bytes: Uint8Array,
  onCommit: () => void,
) {
  const form = new FormData();
  form.set("file", new Blob([bytes]), `${dataset}.xlsx`);
  form.set("regionCode", "000000");
  form.set("year", String(YEAR));
  const started = performance.now();
  const preview = (await client.call("POST", `/api/datasets/${dataset}/imports`, 201, form)) as {
    importId: number;
    added: number;
  };
  const previewed = performance.now();
  onCommit();
  await client.call("POST", `/api/imports/${preview.importId}/commit`, 200);
  return {
    added: preview.added,
    previewMs: previewed - started,
    commitMs: performance.now() - previewed,
  };
}

/** `jixiao serve` in its own process, as `npm start` runs it; answers once it listens. */
async function startJixiao(
  env: Record<string, string>,
): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...NODE_FLAGS, BIN, "serve", "--no-demo"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (!output.includes("running at")) {
    if (child.exitCode !== null) throw new Error(`jixiao serve exited: ${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`jixiao serve did not start: ${output}`);
    }
    await sleep(100);
  }
  return { base, child };
}

async function stopJixiao(child: ChildProcess): Promise<number> {
  const started = performance.now();
  if (child.exitCode !== null) return 0;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  await exited;
  clearTimeout(timer);
  return performance.now() - started;
}

async function runOnce(
  database: "postgres" | "pglite",
  workers: boolean,
  files: { programmes: Uint8Array; communities: Uint8Array },
): Promise<ImportHealthRun> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-import-health-"));
  const dbName = `jixiao_bench_${randomBytes(5).toString("hex")}`;
  const env: Record<string, string> = {
    HOST: "127.0.0.1",
    JIXIAO_DATA_DIR: dir,
    JIXIAO_ADMIN_PASSWORD: PASSWORD,
    JIXIAO_WORKERS: workers ? "" : "0",
    LOG_LEVEL: "warn",
  };
  if (database === "postgres") {
    await admin(`create database ${dbName}`);
    env.DATABASE_URL = `${SERVER}/${dbName}`;
  }
  let child: ChildProcess | undefined;
  try {
    const started = await startJixiao(env);
    child = started.child;
    const client = new BenchClient(started.base, PASSWORD);
    await client.signIn();
    await importFile(client, "programmes", files.programmes, () => undefined);
    const health = probe(started.base);
    const loop = probe(started.base, "/api/__no_such_path", 404);
    await sleep(REST_MS);
    health.set("preview");
    loop.set("during");
    const result = await importFile(client, "communities", files.communities, () =>
      health.set("commit"),
    );
    health.set("after");
    loop.set("after");
    await Promise.all([health.stop(), loop.stop()]);
    const stopMs = await stopJixiao(child);
    return {
      database,
      workers,
      rows: result.added,
      rest: health.of("rest"),
      preview: health.of("preview"),
      commit: health.of("commit"),
      during: health.of("preview", "commit"),
      loop: loop.of("during"),
      previewMs: result.previewMs,
      commitMs: result.commitMs,
      stopMs,
    };
  } finally {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    if (database === "postgres") await admin(`drop database if exists ${dbName} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The national year's programmes and community projects, as `jixiao gen` writes them. */
async function nationalFiles() {
  const generated = generate(buildRegionRows(areaList), {
    counties: 2850,
    communitiesPerCounty: 19,
    year: YEAR,
    seed: 2024,
    errorRate: 0,
  });
  const file = async (name: string) => {
    const spec = findDataset(name);
    const rows = generated.files.find((f) => f.dataset === name)?.rows;
    if (!spec || !rows) throw new Error(name);
    return writeDataFile(spec, rows, { year: YEAR, scopeName: "全国" });
  };
  return { programmes: await file("programmes"), communities: await file("communities") };
}

export async function runImportHealthBenchmark(
  databases: readonly ("postgres" | "pglite")[] = ["postgres", "pglite"],
  modes: readonly boolean[] = [false, true],
): Promise<ImportHealthBenchmark> {
  const files = await nationalFiles();
  const runs: ImportHealthRun[] = [];
  let rows = 0;
  for (const database of databases) {
    for (const workers of modes) {
      const run = await runOnce(database, workers, files);
      rows = run.rows;
      runs.push(run);
    }
  }
  return { rows, fileBytes: files.communities.length, runs };
}

const ms = (value: number) => `${Math.round(value)} ms`;
const line = (s: LatencyStats) =>
  `p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (${s.count} probes${s.failed > 0 ? `, ${s.failed} failed: ${s.reasons.join("; ")}` : ""})`;

export function describeImportHealth(b: ImportHealthBenchmark): string {
  const lines = [
    `bench/import-health: /api/health during a national import through the API, ${b.rows} rows, file ${(b.fileBytes / 1e6).toFixed(1)} MB`,
  ];
  for (const r of b.runs) {
    const name = `${r.database === "postgres" ? "PostgreSQL server" : "PGlite"}, workers ${r.workers ? "on" : "off (JIXIAO_WORKERS=0)"}`;
    lines.push(
      `  ${name}: preview ${ms(r.previewMs)}, commit ${ms(r.commitMs)}, stop ${ms(r.stopMs)}`,
      `    at rest:        ${line(r.rest)}`,
      `    during import:  ${line(r.during)}; p99 ÷ rest ${(r.during.p99 / Math.max(r.rest.p99, 1)).toFixed(1)}×`,
      `      preview:      ${line(r.preview)}`,
      `      commit:       ${line(r.commit)}`,
      `    404, no database, during import: ${line(r.loop)}`,
    );
  }
  for (const database of ["postgres", "pglite"] as const) {
    const off = b.runs.find((r) => r.database === database && !r.workers);
    const on = b.runs.find((r) => r.database === database && r.workers);
    if (!off || !on) continue;
    lines.push(
      `  ${database}: p99 during import, workers off ÷ on ${(off.during.p99 / Math.max(on.during.p99, 1)).toFixed(1)}×; ` +
        `goal p99 under ${HEALTH_P99_TARGET_MS} ms with workers — ${on.during.p99 < HEALTH_P99_TARGET_MS ? "met" : "NOT met"} ` +
        `(preview ${on.preview.p99 < HEALTH_P99_TARGET_MS ? "met" : "NOT met"}, commit ${on.commit.p99 < HEALTH_P99_TARGET_MS ? "met" : "NOT met"})`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const only = process.argv.slice(2).filter((a) => a === "postgres" || a === "pglite");
  // `--workers-only`: skip the runs with JIXIAO_WORKERS=0 (half the time).
  const modes = process.argv.includes("--workers-only") ? [true] : [false, true];
  console.log(
    describeImportHealth(await runImportHealthBenchmark(only.length > 0 ? only : undefined, modes)),
  );
}
