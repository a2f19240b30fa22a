/**
 * The bordered table sheet of Jixiao's own workbooks (allocation, survey): a merged title, a bold
 * header, thin borders, numbers as numbers with their format, user text neutralised, notes below.
 */
import type ExcelJS from "exceljs";
import { neutralise } from "./neutralise.ts";

/** A number written from a decimal string, shown with a format; a date; or text. */
export type TableValue =
  | string
  | number
  | null
  | { number: string | number; format: string }
  | { date: Date; format: string }
  | { text: string; indent: number };

export const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** A sheet with a merged title, bold header, thin borders and the rows; notes below the table. */
export function tableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  header: string[],
  rows: TableValue[][],
  widths: number[],
  notes: string[] = [],
) {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = widths.map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, header.length);
  const head = sheet.getCell(1, 1);
  head.value = neutralise(title);
  head.font = { bold: true, size: 14 };
  head.alignment = { horizontal: "center", wrapText: true };
  sheet.addRow(header.map(neutralise)).eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
  });
  for (const values of rows) {
    const row = sheet.addRow(values.map(cellValue));
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      cell.alignment = {
        vertical: "top",
        wrapText: true,
        ...(v !== null && typeof v === "object" && "indent" in v && { indent: v.indent }),
      };
      if (v !== null && typeof v === "object" && "format" in v) cell.numFmt = v.format;
    });
  }
  if (notes.length > 0) sheet.addRow([]);
  for (const note of notes) {
    const row = sheet.addRow([neutralise(note)]);
    sheet.mergeCells(row.number, 1, row.number, header.length);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  }
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  return sheet;
}

function cellValue(v: TableValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "string") return neutralise(v);
  if (typeof v === "number") return v;
  if ("date" in v) return v.date;
  if ("text" in v) return neutralise(v.text);
  return Number(v.number);
}
