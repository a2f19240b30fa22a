/**
 * Every table of the report model as a worksheet: title, header rows, merged cells as in the
 * document, numbers as numbers (shown as printed), text wrapped; opens in Excel and WPS.
 */
import ExcelJS from "exceljs";
import { placeCells, type ReportDocument, type TableBlock } from "../domain/reports/index.ts";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The places a number is printed with ("9.1" → 1): the format shows it as the report does. */
function numberFormat(text: string): string {
  const places = text.split(".")[1]?.length ?? 0;
  return places === 0 ? "0" : `0.${"0".repeat(places)}`;
}

function addTable(workbook: ExcelJS.Workbook, title: string, block: TableBlock, used: Set<string>) {
  let name = block.name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "表";
  for (let n = 2; used.has(name); n += 1) name = `${block.name.slice(0, 28)}（${n}）`;
  used.add(name);
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const width = block.columns.length;
  sheet.columns = block.columns.map((c) => ({ width: Math.max(6, c.width * 1.2) }));
  sheet.mergeCells(1, 1, 1, width);
  const head = sheet.getCell(1, 1);
  head.value = block.caption ?? title;
  head.font = { bold: true, size: 14 };
  head.alignment = { horizontal: "center", vertical: "middle", wrapText: true };

  const first = 2;
  const all = [...block.header, ...block.rows];
  for (const { cell, row, col } of placeCells(all)) {
    const r = first + row;
    const c = col + 1;
    const target = sheet.getCell(r, c);
    if (cell.value !== undefined && cell.value !== "") {
      target.value = Number(cell.value);
      target.numFmt = numberFormat(cell.value);
    } else {
      target.value = cell.text;
    }
    const isHeader = row < block.header.length;
    target.font = { bold: cell.bold === true || isHeader };
    target.alignment = {
      horizontal: cell.align ?? (isHeader ? "center" : "left"),
      vertical: "middle",
      wrapText: true,
    };
    const rs = cell.rowSpan ?? 1;
    const cs = cell.colSpan ?? 1;
    if (rs > 1 || cs > 1) sheet.mergeCells(r, c, r + rs - 1, c + cs - 1);
  }
  for (let r = first; r < first + all.length; r += 1) {
    for (let c = 1; c <= width; c += 1) sheet.getCell(r, c).border = BORDER;
  }
  sheet.views = [{ state: "frozen", ySplit: first + block.header.length - 1 }];
}

/** Renders every table of the document, in order, one worksheet each. */
export async function renderXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jixiao 绩效";
  const used = new Set<string>();
  for (const block of doc.blocks) {
    if (block.kind === "table") addTable(workbook, doc.title, block, used);
  }
  // A workbook needs a sheet: without tables, the document's text goes on one.
  if (workbook.worksheets.length === 0) {
    const sheet = workbook.addWorksheet("说明");
    sheet.getColumn(1).width = 100;
    sheet.addRow([doc.title]).font = { bold: true, size: 14 };
    for (const block of doc.blocks) {
      if (block.kind !== "table") sheet.addRow([block.text]).alignment = { wrapText: true };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
