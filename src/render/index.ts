/** The report renderers, chosen by file format. */
import type { ReportDocument } from "../domain/reports/index.ts";
import { renderDocx } from "./docx.ts";
import type { ReportFormat } from "./formats.ts";
import { renderHtml } from "./html.ts";
import type { PdfRenderer } from "./pdf.ts";
import { renderXlsx } from "./xlsx.ts";

export { CONTENT_TYPES, REPORT_FORMATS, type ReportFormat } from "./formats.ts";

/** The document in one format; PDF goes through HTML in Chromium. */
export async function renderReport(
  doc: ReportDocument,
  format: ReportFormat,
  pdf: PdfRenderer,
): Promise<Uint8Array> {
  if (format === "docx") return renderDocx(doc);
  if (format === "xlsx") return renderXlsx(doc);
  return pdf.render(renderHtml(doc));
}
