/**
 * bench/report: a province-scale table (3,000 counties ranked by score) through the report model's
 * renderers — docx, xlsx, and pdf through Chromium. Figures in ms; goal: docx under 3 s.
 */
import { performance } from "node:perf_hooks";
import type { ReportDocument, TableCell } from "../src/domain/reports/index.ts";
import { renderReport } from "../src/render/index.ts";
import { chromiumPdf } from "../src/render/pdf.ts";

const GRADES = ["优", "良", "中", "差"] as const;

/** A deterministic ranking of `counties` regions with scores from 60.0 to 99.9. */
export function provinceDocument(counties: number): ReportDocument {
  const rows: TableCell[][] = Array.from({ length: counties }, (_, i) => {
    const score = (999 - ((i * 7) % 400)) / 10;
    const grade = GRADES[score >= 90 ? 0 : score >= 80 ? 1 : score >= 60 ? 2 : 3] ?? "差";
    return [
      { text: String(i + 1), align: "center" },
      { text: `第${i + 1}县` },
      { text: score.toFixed(1), value: score.toFixed(1), align: "right" },
      { text: grade, align: "center" },
      { text: i % 3 === 0 ? "现场评价" : "非现场评价" },
    ];
  });
  return {
    title: "某省城镇老旧小区改造资金绩效评价报告（分地区评价情况）",
    orientation: "portrait",
    blocks: [
      { kind: "heading", level: 1, text: "五、分地区评价情况" },
      {
        kind: "paragraph",
        indent: true,
        text: `全省 ${counties} 个县（市、区）的评价结果如下表。`,
      },
      {
        kind: "table",
        name: "分地区评价",
        columns: [
          { title: "排名", width: 8 },
          { title: "地区", width: 30 },
          { title: "得分", width: 12 },
          { title: "等级", width: 10 },
          { title: "评价方式", width: 20 },
        ],
        header: [
          ["排名", "地区", "得分", "等级", "评价方式"].map((text) => ({
            text,
            align: "center" as const,
            bold: true,
          })),
        ],
        rows,
      },
    ],
  };
}

export async function runReportBenchmark(counties = 3000, chromium = "/usr/bin/chromium") {
  const doc = provinceDocument(counties);
  const pdf = chromiumPdf(chromium);
  const timed = async (format: "docx" | "xlsx" | "pdf") => {
    const start = performance.now();
    const bytes = await renderReport(doc, format, pdf);
    return { ms: performance.now() - start, bytes: bytes.length };
  };
  // One warm-up of each library, then the measured runs.
  await timed("docx");
  await timed("xlsx");
  try {
    return {
      counties,
      docx: await timed("docx"),
      xlsx: await timed("xlsx"),
      pdf: await timed("pdf"),
    };
  } finally {
    await pdf.close();
  }
}
