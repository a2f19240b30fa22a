/**
 * bench/pdf: PDFs through one reused Chromium against a Chromium started for each document (main
 * before issue 18): the first PDF and the following ones, a province table, and a burst of twelve
 * at once as twelve queued jobs would ask, with the memory of the browser processes (PSS, shared
 * pages split between them) sampled during the burst. Figures in ms and MB; nothing asserted.
 */
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { renderHtml } from "../src/reports/html.ts";
import { chromiumPdf, type PdfRenderer } from "../src/reports/pdf.ts";
import { provinceDocument } from "./report.ts";

const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium";
const BURST = 12;
const SEQUENCE = 5;

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

async function timed(pdf: PdfRenderer, html: string): Promise<number> {
  const start = performance.now();
  await pdf.render(html);
  return performance.now() - start;
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
    const afterSheets: number[] = [];
    for (let i = 0; i < SEQUENCE; i += 1) afterSheets.push(await timed(after, sheet));
    const idleMb = browserMb();
    const afterProvince = await timed(after, province);
    const afterBurst = await burst(after, sheet, BURST);
    return {
      before: {
        sheetMs: median(beforeSheets),
        provinceMs: beforeProvince,
        burst: beforeBurst,
      },
      after: {
        firstSheetMs: afterSheets[0] ?? 0,
        followingSheetMs: median(afterSheets.slice(1)),
        provinceMs: afterProvince,
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
  return [
    "bench/pdf: one reused Chromium (2 pages at once) against one Chromium per document (before)",
    `  one sheet's table (20 rows): before ${ms(r.before.sheetMs)} each (median of ${SEQUENCE}); ` +
      `after: first ${ms(r.after.firstSheetMs)}, following ${ms(r.after.followingSheetMs)} ` +
      `(${ratio(r.before.sheetMs, r.after.followingSheetMs)} faster)`,
    `  province table (3,000 rows): before ${ms(r.before.provinceMs)}, after (warm) ${ms(r.after.provinceMs)}`,
    `  ${BURST} PDFs asked at once: before ${ms(r.before.burst.ms)}, browsers' peak ${mb(r.before.burst.peakMb)}; ` +
      `after ${ms(r.after.burst.ms)}, peak ${mb(r.after.burst.peakMb)} ` +
      `(${ratio(r.before.burst.peakMb, r.after.burst.peakMb)} less memory)`,
    `  the kept browser between PDFs: ${mb(r.after.idleMb)} (closed after 5 minutes without a PDF)`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(describePdfBenchmark(await runPdfBenchmark()));
}
