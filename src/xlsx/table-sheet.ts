/**
 * The bordered table sheet of Jixiao's own workbooks (allocation, survey, findings, audit): a merged
 * title, a bold header repeated on every printed page, thin borders, numbers as numbers with their
 * format, formula-like user text quote-prefixed, notes below, every row as tall as its text.
 */
import type ExcelJS from "exceljs";
import { fitRowHeights, merge, printSetup, setNumber, setPercent, setText } from "./office.ts";

/** A number written from a decimal string, shown with a format; a percentage; a date; or text. */
export type TableValue =
  | string
  | number
  | null
  | { number: string | number; format: string }
  /** In percent ("40" for 40%): the cell holds 0.4, shown with the decimals given ("0%"). */
  | { percent: string }
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
  const sheet = workbook.addWorksheet(name);
  sheet.columns = widths.map((width) => ({ width }));
  merge(sheet, 1, 1, 1, header.length);
  const head = sheet.getCell(1, 1);
  setText(head, title);
  head.font = { bold: true, size: 14 };
  head.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  header.forEach((text, i) => {
    const cell = sheet.getCell(2, i + 1);
    setText(cell, text);
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
  });
  for (const [r, values] of rows.entries()) {
    values.forEach((v, i) => {
      const cell = sheet.getCell(3 + r, i + 1);
      writeValue(cell, v);
      cell.border = BORDER;
      cell.alignment = {
        vertical: "top",
        wrapText: true,
        ...(v !== null && typeof v === "object" && "indent" in v && { indent: v.indent }),
      };
    });
  }
  let last = 2 + rows.length;
  if (notes.length > 0) last += 1;
  for (const note of notes) {
    last += 1;
    merge(sheet, last, 1, last, header.length);
    const cell = sheet.getCell(last, 1);
    setText(cell, note);
    cell.alignment = { wrapText: true, vertical: "top" };
  }
  fitRowHeights(sheet, 1, last);
  printSetup(sheet, { columns: header.length, titleRows: [2, 2] });
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  return sheet;
}

function writeValue(cell: ExcelJS.Cell, v: TableValue): void {
  if (v === null) return;
  if (typeof v === "string") setText(cell, v);
  else if (typeof v === "number") cell.value = v;
  else if ("date" in v) {
    cell.value = v.date;
    cell.numFmt = v.format;
  } else if ("text" in v) setText(cell, v.text);
  else if ("percent" in v) setPercent(cell, v.percent);
  else setNumber(cell, String(v.number), { format: v.format });
}
