/**
 * Every table of the report model as a worksheet: title, header rows, merged cells as in the
 * document, numbers as numbers (shown as printed), text wrapped; opens in Excel and WPS. Every chart
 * as a worksheet too: its figures as a table, the picture under it.
 */
import ExcelJS from "exceljs";
import {
  type ChartBlock,
  placeCells,
  type ReportDocument,
  type TableBlock,
  type TableCell,
} from "../domain/reports/index.ts";
import {
  fitRowHeights,
  merge,
  printSetup,
  setNumber,
  setPercent,
  setText,
  writeWorkbook,
} from "../xlsx/index.ts";
import { CHART_SIZE, chartPng } from "./chart.ts";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A worksheet name Excel accepts (≤ 31 characters, none of \\/?*[]:) and not yet taken. */
function sheetName(wanted: string, used: Set<string>, fallback: string): string {
  const clean = wanted.replace(/[\\/?*[\]:]/g, " ");
  let name = clean.slice(0, 31) || fallback;
  for (let n = 2; used.has(name); n += 1) name = `${clean.slice(0, 28)}（${n}）`;
  used.add(name);
  return name;
}

/** A model cell into a sheet cell: its number with the printed decimals, else its text. */
function writeCell(target: ExcelJS.Cell, cell: TableCell): void {
  if (cell.value === undefined || cell.value === "") setText(target, cell.text);
  else if (cell.percent) setPercent(target, cell.value);
  else {
    setNumber(target, cell.value, {
      grouping: cell.text.includes(","),
      ...(cell.suffix !== undefined && { suffix: cell.suffix }),
    });
  }
}

function addTable(workbook: ExcelJS.Workbook, title: string, block: TableBlock, used: Set<string>) {
  const name = sheetName(block.name, used, "表");
  const sheet = workbook.addWorksheet(name);
  const width = block.columns.length;
  sheet.columns = block.columns.map((c) => ({ width: Math.max(6, c.width * 1.2) }));
  merge(sheet, 1, 1, 1, width);
  const head = sheet.getCell(1, 1);
  setText(head, block.caption ?? title);
  head.font = { bold: true, size: 14 };
  head.alignment = { horizontal: "center", vertical: "middle", wrapText: true };

  const first = 2;
  const all = [...block.header, ...block.rows];
  for (const { cell, row, col } of placeCells(all)) {
    const r = first + row;
    const c = col + 1;
    const target = sheet.getCell(r, c);
    writeCell(target, cell);
    const isHeader = row < block.header.length;
    target.font = { bold: cell.bold === true || isHeader };
    target.alignment = {
      horizontal: cell.align ?? (isHeader ? "center" : "left"),
      vertical: "middle",
      wrapText: true,
    };
    const rs = cell.rowSpan ?? 1;
    const cs = cell.colSpan ?? 1;
    if (rs > 1 || cs > 1) merge(sheet, r, c, r + rs - 1, c + cs - 1);
  }
  const last = first + all.length - 1;
  for (let r = first; r <= last; r += 1) {
    for (let c = 1; c <= width; c += 1) sheet.getCell(r, c).border = BORDER;
  }
  fitRowHeights(sheet, 1, last);
  const headerRows = block.header.length;
  printSetup(sheet, {
    columns: width,
    ...(headerRows > 0 && { titleRows: [first, first + headerRows - 1] as [number, number] }),
  });
  sheet.views = [{ state: "frozen", ySplit: first + headerRows - 1 }];
}

/** The chart's figures (类别 and one column per series, numbers as numbers), the picture below. */
async function addChart(workbook: ExcelJS.Workbook, block: ChartBlock, used: Set<string>) {
  const sheet = workbook.addWorksheet(sheetName(block.name, used, "图"));
  const width = block.series.length + 1;
  const widest = Math.max(4, ...block.categories.map((c) => c.length));
  sheet.columns = [
    { width: Math.max(10, widest * 2 + 2) },
    ...block.series.map(() => ({ width: 16 })),
  ];
  merge(sheet, 1, 1, 1, width);
  const head = sheet.getCell(1, 1);
  setText(head, block.caption);
  head.font = { bold: true, size: 14 };
  head.alignment = { horizontal: "center", vertical: "middle", wrapText: true };

  const unitOf = (axis: 0 | 1 | undefined) => block.axisUnits[axis ?? 0] ?? "";
  const titles = ["类别", ...block.series.map((s) => `${s.name}（${unitOf(s.axis)}）`)];
  for (const [i, text] of titles.entries()) {
    const cell = sheet.getCell(2, i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  }
  for (const [r, category] of block.categories.entries()) {
    const row = 3 + r;
    setText(sheet.getCell(row, 1), category);
    for (const [i, series] of block.series.entries()) {
      const value = series.values[r];
      const cell = sheet.getCell(row, i + 2);
      if (value !== null && value !== undefined) setNumber(cell, value);
      cell.alignment = { horizontal: "right" };
    }
  }
  const last = 2 + block.categories.length;
  for (let r = 2; r <= last; r += 1) {
    for (let c = 1; c <= width; c += 1) sheet.getCell(r, c).border = BORDER;
  }
  let end = last;
  if (block.reference) {
    end += 2;
    setText(sheet.getCell(end, 1), `${block.reference.name}（${unitOf(0)}）`);
    setNumber(sheet.getCell(end, 2), block.reference.value);
  }
  fitRowHeights(sheet, 1, end);
  // The picture (720 px, wider than the figures' columns) prints whole on a landscape page.
  printSetup(sheet, { columns: width, titleRows: [2, 2], landscape: true });
  const png = await chartPng(block, { ...CHART_SIZE, scale: 2 });
  // exceljs types its Buffer as an ArrayBuffer; it takes Node's Buffer.
  const buffer = Buffer.from(png) as unknown as ArrayBuffer;
  const image = workbook.addImage({ buffer, extension: "png" });
  // After one blank row (anchors count rows from 0), at its layout size (the PNG has twice the pixels).
  sheet.addImage(image, { tl: { col: 0, row: end + 1 }, ext: { ...CHART_SIZE } });
  sheet.views = [{ state: "frozen", ySplit: 2 }];
}

/** Renders every table and chart of the document, in order, one worksheet each. */
export async function renderXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jixiao 绩效";
  const used = new Set<string>();
  for (const block of doc.blocks) {
    if (block.kind === "table") addTable(workbook, doc.title, block, used);
    else if (block.kind === "chart") await addChart(workbook, block, used);
  }
  // A workbook needs a sheet: without tables, the document's text goes on one.
  if (workbook.worksheets.length === 0) {
    const sheet = workbook.addWorksheet("说明");
    sheet.getColumn(1).width = 100;
    setText(sheet.getCell(1, 1), doc.title);
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    for (const block of doc.blocks) {
      if (block.kind === "heading" || block.kind === "paragraph") {
        const cell = sheet.getCell(sheet.rowCount + 1, 1);
        setText(cell, block.text);
        cell.alignment = { wrapText: true, vertical: "top" };
      }
    }
    fitRowHeights(sheet);
    printSetup(sheet, { columns: 1 });
  }
  return writeWorkbook(workbook);
}
