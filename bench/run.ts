/** `npm run bench`: runs every benchmark and prints its figures. */
import { describeAllocationBenchmark, runAllocationBenchmark } from "./allocation.ts";
import {
  describeAllocationCompareBenchmark,
  runAllocationCompareBenchmark,
} from "./allocation-compare.ts";
import { runCheckBenchmark } from "./check.ts";
import { runImportBenchmark } from "./import.ts";
import { describeImportHealth, runImportHealthBenchmark } from "./import-health.ts";
import { describePdfBenchmark, runPdfBenchmark } from "./pdf.ts";
import { runReportBenchmark } from "./report.ts";
import { runScoreBenchmark } from "./score.ts";
import { describeSurveyLoad, runSurveyLoadBenchmark } from "./survey-load.ts";

const ms = (value: number) => `${Math.round(value)} ms`;
const score = runScoreBenchmark();
console.log(
  [
    `bench/score: ${score.counties} counties × ${score.indicators} indicators`,
    `  validate inputs (zod):        ${ms(score.validateMs)}`,
    `  score, decimal + reasons:     ${ms(score.decimalMs)}`,
    `  score, float baseline:        ${ms(score.floatMs)}`,
    `  ratio decimal ÷ float:        ${Math.round(score.ratio * 10) / 10}×`,
    `  goal: scoring under 1000 ms on one core — ${score.decimalMs < 1000 ? "met" : "NOT met"}`,
  ].join("\n"),
);

const bench = await runImportBenchmark();
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const run = (name: string, r: typeof bench.pglite) =>
  [
    `  ${name}: total ${ms(r.totalMs)} (read xlsx ${ms(r.phases.read ?? 0)}, check ${ms(r.phases.parse ?? 0)}, ` +
      `diff ${ms(r.phases.diff ?? 0)}, write ${ms(r.phases.write ?? 0)}); ${r.added} rows added`,
    `    same file again: ${ms(r.secondMs)}, ${r.secondChanged} rows added or changed`,
  ].join("\n");
console.log(
  [
    `bench/import: ${bench.rows} community projects (national year), file ${(bench.fileBytes / 1e6).toFixed(1)} MB`,
    run("PGlite", bench.pglite),
    run("PostgreSQL server", bench.postgres),
    `  COPY of the same rows on the server: ${ms(bench.copyMs)}`,
    `  ratio import ÷ COPY on the server: total ${ratio(bench.postgres.totalMs, bench.copyMs)}, ` +
      `write phase ${ratio(bench.postgres.phases.write ?? 0, bench.copyMs)}`,
    `  goal: under 30 s — PGlite ${bench.pglite.totalMs < 30_000 ? "met" : "NOT met"}, ` +
      `server ${bench.postgres.totalMs < 30_000 ? "met" : "NOT met"}; within 3× COPY (write phase) — ` +
      `${(bench.postgres.phases.write ?? 0) < 3 * bench.copyMs ? "met" : "NOT met"}`,
  ].join("\n"),
);

const checks = await runCheckBenchmark();
const checkRun = (name: string, r: typeof checks.postgres) =>
  `  ${name}: ${r.rows} rows; load ${ms(r.loadMs)}, all checks ${ms(r.checkMs)} ` +
  `(checks ÷ load ${ratio(r.checkMs, r.loadMs)})`;
const found = Object.entries(checks.postgres.findings)
  .map(([rule, n]) => `${rule} ${n}`)
  .join(", ");
console.log(
  [
    `bench/check: a national year, ${checks.communities} community projects and every other data set`,
    checkRun("PostgreSQL server", checks.postgres),
    checkRun("PGlite", checks.pglite),
    `  findings: ${found || "none"}`,
    `  goal: all checks under 2000 ms — ${Math.max(checks.postgres.checkMs, checks.pglite.checkMs) < 2000 ? "met" : "NOT met"}`,
  ].join("\n"),
);

const report = await runReportBenchmark(3000, process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium");
const size = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(
  [
    `bench/report: a province table of ${report.counties} counties`,
    `  docx ${ms(report.docx.ms)} (${size(report.docx.bytes)}), xlsx ${ms(report.xlsx.ms)} (${size(report.xlsx.bytes)}), ` +
      `pdf ${ms(report.pdf.ms)} (${size(report.pdf.bytes)}, Chromium start included)`,
    `  ratio pdf ÷ docx: ${ratio(report.pdf.ms, report.docx.ms)}`,
    `  goal: docx under 3000 ms — ${report.docx.ms < 3000 ? "met" : "NOT met"}`,
  ].join("\n"),
);

console.log(describePdfBenchmark(await runPdfBenchmark()));

console.log(describeAllocationBenchmark(runAllocationBenchmark()));

console.log(describeAllocationCompareBenchmark(await runAllocationCompareBenchmark()));

console.log(describeSurveyLoad(await runSurveyLoadBenchmark()));

console.log(describeImportHealth(await runImportHealthBenchmark()));
