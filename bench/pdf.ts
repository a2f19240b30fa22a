/**
 * bench/pdf: PDFs through one reused Chromium (its pages kept) against a Chromium started for each
 * document (main before issue 18): cold (the first PDF, the browser's start included) and warm (the
 * following ones) for one sheet's table and for a province table, the browsers' CPU per warm PDF, and
 * a burst of twelve at once as twelve queued jobs would ask, with the memory of the browser processes
 * (PSS, shared pages split between them) sampled during the burst. Goals of issue 20, printed as
 * met or NOT met: a sheet under 1 s warm, the province table under 2 s warm.
 */
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { renderHtml } from "../src/render/html.ts";
import { chromiumPdf, type PdfRenderer } from "../src/render/pdf.ts";
import { provinceDocument } from "./report.ts";

const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium";
const BURST = 12;
const SEQUENCE = 5;
/** Warm goals (ms). */
export const PDF_GOALS = { sheetWarmMs: 1000, provinceWarmMs: 2000 };

/** Main before issue 18: a browser started and closed around every document. */
function perDocumentPdf(): PdfRenderer {
  return {
    async render(html) {
      const pdf = chromiumPdf(CHROMIUM);
      try {
        return await pdf.render(html);
      } finally {
        await pdf.close();
      }
    },
    close: async () => undefined,
  };
}

/** Every process below this one (the browsers and their renderers), by /proc's parent links. */
function descendants(): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // Gone while we looked.
    }
  }
  const found: number[] = [];
  let frontier = [process.pid];
  while (frontier.length > 0) {
    const next = [...parent].filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** PSS of the browser processes in MB (smaps_rollup splits shared pages among the sharers). */
function browserMb(): number {
  let kb = 0;
  for (const pid of descendants()) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      kb += Number(rollup.match(/^Pss:\s+(\d+) kB/m)?.[1] ?? 0);
    } catch {
      // Gone while we looked.
    }
  }
  return kb / 1024;
}

/** CPU time (ms) of the browser processes so far, the ended ones included (their parents' cutime). */
function browserCpuMs(): number {
  let ticks = 0;
  for (const pid of descendants()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, cutime, cstime: fields 14 to 17 of /proc/pid/stat.
      for (const i of [11, 12, 13, 14]) ticks += Number(fields[i] ?? 0);
    } catch {
      // Gone while we looked.
    }
  }
  // Linux counts in USER_HZ, 100 a second.
  return ticks * 10;
}

async function timed(pdf: PdfRenderer, html: string): Promise<number> {
  const start = performance.now();
  await pdf.render(html);
  return performance.now() - start;
}

/** Wall time and the browsers' CPU time of one PDF. */
async function timedCpu(pdf: PdfRenderer, html: string) {
  const cpu = browserCpuMs();
  const ms = await timed(pdf, html);
  return { ms, cpuMs: browserCpuMs() - cpu };
}

/** Wall time of `count` PDFs asked at once, and the browsers' peak memory meanwhile. */
async function burst(pdf: PdfRenderer, html: string, count: number) {
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, browserMb());
  }, 100);
  const start = performance.now();
  await Promise.all(Array.from({ length: count }, () => pdf.render(html)));
  const ms = performance.now() - start;
  clearInterval(sampler);
  return { ms, peakMb: Math.max(peak, browserMb()) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function runPdfBenchmark() {
  const sheet = renderHtml(provinceDocument(20));
  const province = renderHtml(provinceDocument(3000));

  const before = perDocumentPdf();
  const beforeSheets: number[] = [];
  for (let i = 0; i < SEQUENCE; i += 1) beforeSheets.push(await timed(before, sheet));
  const beforeProvince = await timed(before, province);
  const beforeBurst = await burst(before, sheet, BURST);

  const after = chromiumPdf(CHROMIUM, { concurrency: 2 });
  try {
    const afterSheets: { ms: number; cpuMs: number }[] = [];
    for (let i = 0; i < SEQUENCE; i += 1) afterSheets.push(await timedCpu(after, sheet));
    const idleMb = browserMb();
    const afterBurst = await burst(after, sheet, BURST);
    await after.close();
    // The province table cold (a new browser) and then warm, three times.
    const provinces: { ms: number; cpuMs: number }[] = [];
    for (let i = 0; i < 4; i += 1) provinces.push(await timedCpu(after, province));
    const warmSheets = afterSheets.slice(1);
    const warmProvinces = provinces.slice(1);
    return {
      before: {
        sheetMs: median(beforeSheets),
        provinceMs: beforeProvince,
        burst: beforeBurst,
      },
      after: {
        firstSheetMs: afterSheets[0]?.ms ?? 0,
        followingSheetMs: median(warmSheets.map((r) => r.ms)),
        followingSheetCpuMs: median(warmSheets.map((r) => r.cpuMs)),
        firstProvinceMs: provinces[0]?.ms ?? 0,
        provinceMs: median(warmProvinces.map((r) => r.ms)),
        provinceCpuMs: median(warmProvinces.map((r) => r.cpuMs)),
        burst: afterBurst,
        idleMb,
      },
    };
  } finally {
    await after.close();
  }
}

export function describePdfBenchmark(r: Awaited<ReturnType<typeof runPdfBenchmark>>): string {
  const ms = (v: number) => `${Math.round(v)} ms`;
  const mb = (v: number) => `${Math.round(v)} MB`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const met = (value: number, goal: number) => (value < goal ? "met" : "NOT met");
  return [
    "bench/pdf: one reused Chromium, its pages kept (2 at once), against one Chromium per document (before)",
    `  one sheet's table (20 rows): before ${ms(r.before.sheetMs)} each (median of ${SEQUENCE}); ` +
      `after: cold ${ms(r.after.firstSheetMs)} (browser start included), warm ${ms(r.after.followingSheetMs)} ` +
      `(median of ${SEQUENCE - 1}; browsers' CPU ${ms(r.after.followingSheetCpuMs)}; ${ratio(r.before.sheetMs, r.after.followingSheetMs)} faster)`,
    `  province table (3,000 rows): before ${ms(r.before.provinceMs)}; after: cold ${ms(r.after.firstProvinceMs)}, ` +
      `warm ${ms(r.after.provinceMs)} (median of 3; browsers' CPU ${ms(r.after.provinceCpuMs)})`,
    `  goal: a sheet under ${ms(PDF_GOALS.sheetWarmMs)} warm — ${met(r.after.followingSheetMs, PDF_GOALS.sheetWarmMs)}; ` +
      `the province table under ${ms(PDF_GOALS.provinceWarmMs)} warm — ${met(r.after.provinceMs, PDF_GOALS.provinceWarmMs)}`,
    `  ${BURST} PDFs asked at once: before ${ms(r.before.burst.ms)}, browsers' peak ${mb(r.before.burst.peakMb)}; ` +
      `after ${ms(r.after.burst.ms)}, peak ${mb(r.after.burst.peakMb)} ` +
      `(${ratio(r.before.burst.peakMb, r.after.burst.peakMb)} less memory)`,
    `  the kept browser between PDFs: ${mb(r.after.idleMb)} (closed after 5 minutes without a PDF)`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(describePdfBenchmark(await runPdfBenchmark()));
}
