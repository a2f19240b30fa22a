/** Reports of an evaluation sheet, rendered from the report model: docx, xlsx and pdf (through HTML). */
import type { DbOrTx } from "../db/index.ts";
import {
  monitoringSummaryDocument,
  type ReportDocument,
  scoreTableDocument,
} from "../domain/reports/index.ts";
import { CONTENT_TYPES, type ReportFormat } from "../reports/formats.ts";
import type { PdfRenderer } from "../reports/pdf.ts";
import type { ServiceContext } from "./context.ts";
import { getDashboard } from "./dashboard-service.ts";
import { sheetScorecard } from "./evaluation-service.ts";

/** Templates of one evaluation sheet, and of a region's year. */
export const SHEET_TEMPLATES = ["score-table"] as const;
export type ReportTemplate = (typeof SHEET_TEMPLATES)[number];
export const REGION_TEMPLATES = ["monitoring"] as const;
export const REPORT_TEMPLATES = [...SHEET_TEMPLATES, ...REGION_TEMPLATES] as const;
export { REPORT_FORMATS, type ReportFormat } from "../reports/formats.ts";

const TEMPLATE_ZH: Record<ReportTemplate, string> = { "score-table": "评分表" };

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
  const doc = scoreTableDocument(framework, card, { unit: region.name, notes });
  return { doc, fileStem: `${region.name}${task.year}年${TEMPLATE_ZH[template]}` };
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
