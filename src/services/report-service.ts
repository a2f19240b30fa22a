/** Reports of an evaluation sheet, rendered from the report model: docx, xlsx and pdf (through HTML). */
import type { DbOrTx } from "../db/index.ts";
import { type ReportDocument, scoreTableDocument } from "../domain/reports/index.ts";
import { renderDocx } from "../reports/docx.ts";
import { renderHtml } from "../reports/html.ts";
import type { PdfRenderer } from "../reports/pdf.ts";
import { renderXlsx } from "../reports/xlsx.ts";
import type { ServiceContext } from "./context.ts";
import { sheetScorecard } from "./evaluation-service.ts";

export const REPORT_TEMPLATES = ["score-table"] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];
export const REPORT_FORMATS = ["docx", "xlsx", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

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
  const bytes =
    format === "docx"
      ? await renderDocx(doc)
      : format === "xlsx"
        ? await renderXlsx(doc)
        : await pdf.render(renderHtml(doc));
  return { fileName: `${fileStem}.${format}`, contentType: CONTENT_TYPES[format], bytes };
}
