/** `npm run bench`: runs every benchmark and prints its figures. */
import { describeAllocationBenchmark, runAllocationBenchmark } from "./allocation.ts";
import {
  describeAllocationCompareBenchmark,
  runAllocationCompareBenchmark,
} from "./allocation-compare.ts";
import { describeCheckBenchmark, runCheckBenchmark } from "./check.ts";
import { describeImportBenchmark, runImportBenchmark } from "./import.ts";
import { describeImportHealth, runImportHealthBenchmark } from "./import-health.ts";
import { describeLoad, runLoadBenchmark } from "./load.ts";
import { describePdfBenchmark, runPdfBenchmark } from "./pdf.ts";
import { runReportBenchmark } from "./report.ts";
import { runScoreBenchmark } from "./score.ts";
import { describeSurveyLoad, runSurveyLoadBenchmark } from "./survey-load.ts";

const ms = (value: number) => `${Math.round(value)} ms`;
const score = runScoreBenchmark();
console.log(
  [
    `bench/score: ${score.counties} counties × ${score.indicators} indicators`,
    `  validate inputs (checked by hand, zod words errors): ${ms(score.validateMs)}`,
    `  score, exact (reasons when read): ${ms(score.decimalMs)} (decimal.js rules alone: ${ms(score.referenceMs)})`,
    `  score and read every reason:  ${ms(score.reasonsMs)}`,
    `  score, float baseline:        ${ms(score.floatMs)}`,
    `  ratio exact ÷ float:          ${Math.round(score.ratio * 10) / 10}×`,
    `  goal: scoring within 3× the float baseline — ${score.ratio <= 3 ? "met" : "NOT met"}`,
    `  goal: validation under 300 ms — ${score.validateMs < 300 ? "met" : "NOT met"}`,
  ].join("\n"),
);

console.log(describeImportBenchmark(await runImportBenchmark()));
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

console.log(describeCheckBenchmark(await runCheckBenchmark()));

const report = await runReportBenchmark(3000, process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium");
const size = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(
  [
    `bench/report: a province table of ${report.counties} counties`,
    `  docx ${ms(report.docx.ms)} (${size(report.docx.bytes)}), xlsx ${ms(report.xlsx.ms)} (${size(report.xlsx.bytes)}), ` +
      `pdf ${ms(report.pdf.ms)} (${size(report.pdf.bytes)}, cold: Chromium start included; warm in bench/pdf below)`,
    `  ratio pdf ÷ docx: ${ratio(report.pdf.ms, report.docx.ms)}`,
    `  goal: docx under 3000 ms — ${report.docx.ms < 3000 ? "met" : "NOT met"}`,
  ].join("\n"),
);

console.log(describePdfBenchmark(await runPdfBenchmark()));

console.log(describeAllocationBenchmark(runAllocationBenchmark()));

console.log(describeAllocationCompareBenchmark(await runAllocationCompareBenchmark()));

console.log(describeSurveyLoad(await runSurveyLoadBenchmark()));

console.log(describeImportHealth(await runImportHealthBenchmark()));

console.log(
  describeLoad(
    await runLoadBenchmark(
      process.argv.includes("--quick") || process.env.JIXIAO_LOAD_QUICK === "1",
    ),
  ),
);
