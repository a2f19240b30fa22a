/**
 * Hostile uploads refused: a 1.6 MB .xlsx whose sheet inflates to 400 MB of rows, a 0.4 MB one that
 * inflates to 400 MB of text (headers claiming 1 KB), and a real 1,000,000-row file, each sent to
 * POST /api/datasets/communities/imports on PGlite. Prints the time to the refusal, the process's
 * peak RSS growth while it was handled, the main heap's growth and the longest event-loop stall.
 * `node --import tsx bench/upload-bomb.ts`
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/db/index.ts";
import { prepareDatabase, previewImport } from "../src/services/index.ts";
import { closeWorkers, workerThreads } from "../src/workers/pool.ts";
import { inspectXlsx } from "../src/xlsx/index.ts";
import { actingAs, addUser } from "../test/helpers/fixtures.ts";
import { signedIn, testApp } from "../test/helpers/http.ts";
import { rowBomb, rowXml, textBomb, xlsxOfRows } from "../test/helpers/zip-bomb.ts";

const MB = 1024 * 1024;

export interface BombRun {
  name: string;
  fileBytes: number;
  status: number;
  code: string;
  ms: number;
  /** Peak RSS during the request minus RSS before it. */
  rssGrowthMb: number;
  heapGrowthMb: number;
  /** The longest the main event loop was held while the request ran. */
  maxStallMs: number;
  /** The service alone (previewImport with the bytes: no multipart parsing of the upload). */
  serviceMs: number;
  /** The guard alone (inspectXlsx on the main thread), for comparison. */
  guardMs: number;
}

/** A communities file of `rows` distinct rows, streamed into the zip (the 28.5 MB file of the issue). */
function millionRows(rows: number) {
  const header = rowXml(1, [
    "地区*",
    "小区名称*",
    "项目名称",
    "改造类型",
    "开工日期",
    "户数*",
    "楼栋数",
    "建筑面积（平方米）",
    "总投资（万元）",
    "备注",
  ]);
  return xlsxOfRows(
    () =>
      (function* () {
        yield Buffer.from(header);
        let chunk: string[] = [];
        for (let i = 2; i <= rows + 1; i += 1) {
          chunk.push(
            rowXml(i, [
              "驿城区",
              `小区${i}`,
              "2020年城镇老旧小区改造",
              "基础类",
              "2020-03-01",
              300 + (i % 700),
              5 + (i % 20),
              28_500 + i,
              605.5 + (i % 100),
              `第${i}行`,
            ]),
          );
          if (chunk.length === 5000) {
            yield Buffer.from(chunk.join(""));
            chunk = [];
          }
        }
        yield Buffer.from(chunk.join(""));
      })(),
    { sheetName: "小区项目台账" },
  );
}

/** The same zip with every entry's uncompressed size written as 1 KB, as a bomb's are. */
async function lying(zip: Uint8Array): Promise<Uint8Array> {
  const bytes = Buffer.from(zip);
  for (let at = bytes.indexOf(CENTRAL); at >= 0; at = bytes.indexOf(CENTRAL, at + 4)) {
    bytes.writeUInt32LE(1024, at + 24);
  }
  for (let at = bytes.indexOf(LOCAL); at >= 0; at = bytes.indexOf(LOCAL, at + 4)) {
    bytes.writeUInt32LE(1024, at + 22);
  }
  return bytes;
}

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function runUploadBombBenchmark(): Promise<BombRun[]> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-bomb-"));
  const database = await openDatabase({ kind: "pglite", dataDir: join(dir, "pglite") });
  try {
    await prepareDatabase(database, { adminPassword: "Bench-Passw0rd!", operator: "bench" });
    await addUser(database, "yicheng.clerk", "implementer", "411702");
    const { app } = testApp(database);
    const clerk = await signedIn(app, "yicheng.clerk");
    const ctx = await actingAs(database, "yicheng.clerk");
    // A thread's first upload starts it (seconds): small files warm every thread first.
    const small = await millionRows(10);
    await Promise.all(
      Array.from({ length: workerThreads() }, () => {
        const warm = new FormData();
        warm.set("file", new File([new Uint8Array(small)], "warm.xlsx"));
        warm.set("regionCode", "411702");
        warm.set("year", "2020");
        return clerk.request("POST", "/api/datasets/communities/imports", { form: warm });
      }),
    );
    const million = await millionRows(1_000_000);
    const files: [string, Uint8Array][] = [
      ["400 MB of rows (headers lie: 1 KB)", await rowBomb(400, { lieAboutSize: true })],
      ["400 MB of text (headers lie: 1 KB)", await textBomb(400, { lieAboutSize: true })],
      ["1,000,000 real rows", million],
      ["1,000,000 real rows (headers lie)", await lying(million)],
    ];
    const runs: BombRun[] = [];
    for (const [name, bytes] of files) {
      const guardStarted = performance.now();
      await inspectXlsx(bytes, "x.xlsx").catch(() => undefined);
      const guardMs = performance.now() - guardStarted;
      globalThis.gc?.();
      const rssBefore = process.memoryUsage().rss;
      const heapBefore = process.memoryUsage().heapUsed;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }, 10);
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const form = new FormData();
      form.set("file", new File([new Uint8Array(bytes)], "县级台账.xlsx"));
      form.set("regionCode", "411702");
      form.set("year", "2020");
      const started = performance.now();
      const res = await clerk.request("POST", "/api/datasets/communities/imports", { form });
      const ms = performance.now() - started;
      delay.disable();
      clearInterval(sampler);
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      const heapAfter = process.memoryUsage().heapUsed;
      const serviceStarted = performance.now();
      await previewImport(database.db, ctx, {
        dataset: "communities",
        regionCode: "411702",
        year: 2020,
        fileName: "县级台账.xlsx",
        bytes,
      }).catch(() => undefined);
      const serviceMs = performance.now() - serviceStarted;
      runs.push({
        name,
        fileBytes: bytes.length,
        status: res.status,
        code: res.json?.error?.code ?? "",
        ms,
        rssGrowthMb: (rssPeak - rssBefore) / MB,
        heapGrowthMb: (heapAfter - heapBefore) / MB,
        maxStallMs: delay.max / 1e6,
        serviceMs,
        guardMs,
      });
    }
    return runs;
  } finally {
    await closeWorkers();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeUploadBombs(runs: readonly BombRun[]): string {
  const lines = runs.map(
    (r) =>
      `  ${r.name}: file ${(r.fileBytes / MB).toFixed(1)} MB → ${r.status} ${r.code} in ${Math.round(r.ms)} ms ` +
      `(service alone ${Math.round(r.serviceMs)} ms, guard alone ${Math.round(r.guardMs)} ms); peak RSS +${Math.round(r.rssGrowthMb)} MB, ` +
      `heap ${r.heapGrowthMb >= 0 ? "+" : ""}${Math.round(r.heapGrowthMb)} MB; ` +
      `longest event-loop stall ${Math.round(r.maxStallMs)} ms`,
  );
  // The goal is the bombs': a 45 MB upload costs its own multipart parsing and copies whatever it holds.
  const bombs = runs.filter((r) => r.fileBytes < 5 * MB);
  const fast = bombs.every((r) => r.ms < 1000);
  const small = bombs.every((r) => r.rssGrowthMb < 100);
  return [
    "bench/upload-bomb: hostile .xlsx uploads refused through the API (PGlite)",
    ...lines,
    `  goal (bombs): refused within about 1 s — ${fast ? "met" : "NOT met"}; memory growth under 100 MB — ${small ? "met" : "NOT met"}`,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(describeUploadBombs(await runUploadBombBenchmark()));
}
