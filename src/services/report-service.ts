/** Reports of an evaluation sheet, rendered from the report model: docx, xlsx and pdf (through HTML). */
import type { DbOrTx } from "../db/index.ts";
import { textIn, walkIndicators } from "../domain/frameworks/index.ts";
import {
  evaluationReportDocument,
  monitoringSummaryDocument,
  type ReportDocument,
  scoreTableDocument,
  type TableBlock,
} from "../domain/reports/index.ts";
import { scorecardToJson } from "../domain/scoring/index.ts";
import { CONTENT_TYPES, type ReportFormat } from "../reports/formats.ts";
import type { PdfRenderer } from "../reports/pdf.ts";
import type { ServiceContext } from "./context.ts";
import { getDashboard } from "./dashboard-service.ts";
import { sheetScorecard } from "./evaluation-service.ts";
import { getSheetResult } from "./result-service.ts";

/** Templates of one evaluation sheet, and of a region's year. */
export const SHEET_TEMPLATES = ["score-table", "evaluation-report"] as const;
export type ReportTemplate = (typeof SHEET_TEMPLATES)[number];
export const REGION_TEMPLATES = ["monitoring"] as const;
export const REPORT_TEMPLATES = [...SHEET_TEMPLATES, ...REGION_TEMPLATES] as const;
export { REPORT_FORMATS, type ReportFormat } from "../reports/formats.ts";

const TEMPLATE_ZH: Record<ReportTemplate, string> = {
  "score-table": "评分表",
  "evaluation-report": "绩效评价报告",
};

/** The report model of a sheet: every figure from the scoring engine over the sheet's entries and data. */
export async function sheetReportDocument(
  db: DbOrTx,
  ctx: ServiceContext,
  sheetId: number,
  template: ReportTemplate,
): Promise<{ doc: ReportDocument; fileStem: string }> {
  const { framework, card, entries, region, task } = await sheetScorecard(db, ctx, sheetId);
  const notes = Object.fromEntries(
    Object.entries(entries).flatMap(([code, e]) => (e.reason ? [[code, e.reason]] : [])),
  );
  const table = scoreTableDocument(framework, card, { unit: region.name, notes });
  const fileStem = `${region.name}${task.year}年${TEMPLATE_ZH[template]}`;
  if (template === "score-table") return { doc: table, fileStem };
  const result = await getSheetResult(db, ctx, sheetId);
  const dashboard = await getDashboard(db, ctx, { regionCode: region.code, year: task.year });
  const level1Of: Record<string, string> = {};
  let top = "";
  for (const node of walkIndicators(framework)) {
    if (node.level === 1) top = node.indicator.code;
    if (!node.indicator.children) level1Of[node.indicator.code] = top;
  }
  const doc = evaluationReportDocument({
    region: region.name,
    year: task.year,
    taskName: task.name,
    frameworkName: textIn(framework.name, "zh-CN"),
    scorecard: scorecardToJson(card),
    comparison: result.comparison,
    problems: result.problems
      .filter((p) => p.current)
      .map((p) => ({
        text: p.text.zh,
        rectification: p.rectification
          ? {
              owner: p.rectification.owner,
              deadline: p.rectification.deadline,
              status: p.rectification.status,
              result: p.rectification.result,
            }
          : null,
      })),
    dashboard,
    scoreTable: table.blocks.find((b): b is TableBlock => b.kind === "table") as TableBlock,
    level1Of,
  });
  return { doc, fileStem };
}

/** A sheet's report as a file to download. */
export async function sheetReport(
  db: DbOrTx,
  ctx: ServiceContext,
  sheetId: number,
  template: ReportTemplate,
  format: ReportFormat,
  pdf: PdfRenderer,
) {
  const { doc, fileStem } = await sheetReportDocument(db, ctx, sheetId, template);
  // The renderers (docx, exceljs, the browser driver) load on the first report, not at start.
  const { renderReport } = await import("../reports/index.ts");
  const bytes = await renderReport(doc, format, pdf);
  return { fileName: `${fileStem}.${format}`, contentType: CONTENT_TYPES[format], bytes };
}

/** The monitoring summary (绩效运行监控情况) of a region's year, from the dashboard's sums. */
export async function regionReport(
  db: DbOrTx,
  ctx: ServiceContext,
  request: { regionCode?: string | undefined; year: number },
  format: ReportFormat,
  pdf: PdfRenderer,
) {
  const dashboard = await getDashboard(db, ctx, request);
  const doc = monitoringSummaryDocument(dashboard);
  const { renderReport } = await import("../reports/index.ts");
  const bytes = await renderReport(doc, format, pdf);
  const fileName = `${dashboard.scope.name}${dashboard.year}年绩效运行监控情况.${format}`;
  return { fileName, contentType: CONTENT_TYPES[format], bytes };
}
