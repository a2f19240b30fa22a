/** Reads any .xlsx into plain grids: merged cells filled, percent cells as text, formulas by result. */
import ExcelJS from "exceljs";
import type { Cell, SheetGrid } from "../domain/datasets/types.ts";
import { Decimal } from "../domain/decimal.ts";
import { DomainError } from "../domain/errors.ts";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "../domain/upload-limits.ts";
import { streamWorkbook } from "./stream-read.ts";
import { inspectXlsx, NOT_XLSX } from "./zip-guard.ts";

function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt?.includes("%") === true;
}

/** 0.9325 in a percent-formatted cell → "93.25%", exactly (the float is cut to 15 digits first). */
function percentText(value: number): string {
  const percent = new Decimal(value.toPrecision(15)).times(100);
  return `${percent.toString()}%`;
}

type Converted = { value: Cell; formulaWithoutResult: boolean };

function convert(value: ExcelJS.CellValue, numFmt: string | undefined): Converted {
  if (value === null || value === undefined) return { value: null, formulaWithoutResult: false };
  if (typeof value === "number") {
    return {
      value: isPercentFormat(numFmt) ? percentText(value) : value,
      formulaWithoutResult: false,
    };
  }
  if (typeof value === "string" || typeof value === "boolean") {
    return { value, formulaWithoutResult: false };
  }
  if (value instanceof Date) return { value, formulaWithoutResult: false };
  if (typeof value === "object") {
    if ("richText" in value) {
      return { value: value.richText.map((r) => r.text).join(""), formulaWithoutResult: false };
    }
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null)
        return { value: null, formulaWithoutResult: true };
      if (typeof result === "object" && result !== null && "error" in result) {
        return { value: String((result as { error: string }).error), formulaWithoutResult: false };
      }
      return convert(result as ExcelJS.CellValue, numFmt);
    }
    if ("hyperlink" in value) {
      const text = (value as { text?: unknown }).text;
      if (typeof text === "string") return { value: text, formulaWithoutResult: false };
      if (text && typeof text === "object" && "richText" in text) {
        const rich = (text as { richText: { text: string }[] }).richText;
        return { value: rich.map((r) => r.text).join(""), formulaWithoutResult: false };
      }
      return { value: String(value.hyperlink), formulaWithoutResult: false };
    }
    if ("error" in value) return { value: String(value.error), formulaWithoutResult: false };
  }
  return { value: String(value), formulaWithoutResult: false };
}

function gridOf(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: Cell[][] = [];
  const formulas: { row: number; column: number }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Merged cells other than the top-left hold a reference to it; they are filled below.
      if (cell.isMerged && cell.master !== cell) return;
      const converted = convert(cell.value, cell.numFmt);
      if (converted.formulaWithoutResult) formulas.push({ row: rowNumber, column: columnNumber });
      cells[columnNumber - 1] = converted.value;
    });
    rows[rowNumber - 1] = cells;
  });
  // Fill every merged range with its top-left value (headers and data alike).
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [from, to] = range.split(":");
    if (!from || !to) continue;
    const a = sheet.getCell(from);
    const b = sheet.getCell(to);
    const top = Number(a.row);
    const left = Number(a.col);
    const value = rows[top - 1]?.[left - 1] ?? null;
    for (let r = top; r <= Number(b.row); r += 1) {
      for (let c = left; c <= Number(b.col); c += 1) {
        const line = rows[r - 1] ?? [];
        rows[r - 1] = line;
        line[c - 1] = value;
      }
    }
  }
  // Dense rows: holes become null, trailing empty rows are dropped.
  const dense = Array.from(rows, (line) => Array.from(line ?? [], (cell) => cell ?? null));
  while (dense.length > 0 && (dense[dense.length - 1] ?? []).every((c) => c === null || c === "")) {
    dense.pop();
  }
  return {
    name: sheet.name,
    rows: dense,
    ...(formulas.length > 0 && { formulasWithoutResult: formulas }),
  };
}

/** An .xlsx is a zip: anything else is refused before a parser tries to unzip it. */
function assertZip(bytes: Uint8Array, fileName: string): void {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new DomainError("file.unreadable", { file: fileName, reason: NOT_XLSX });
  }
}

/**
 * Every worksheet of an .xlsx file as a grid, visible sheets first. The zip is inspected first
 * (inflated size, parts, rows, cells): past a limit, `file.too_large` before any of it is parsed;
 * then each part's XML is streamed into the grids (stream-read.ts), never a whole workbook model.
 *
 * Formula-like text: Jixiao now writes "=…", "+86 …", "-A区" as text cells with Excel's quote
 * prefix (a cell style), so they read back as the text they hold. Files from older versions hold
 * a guard apostrophe instead ("'-A区"); the cell readers (domain/datasets/cells.ts, keptText) drop
 * an apostrophe before = + - @, as they always did, so those files import unchanged.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<SheetGrid[]> {
  assertZip(bytes, fileName);
  await inspectXlsx(bytes, fileName, limits);
  return streamWorkbook(bytes, fileName);
}

/**
 * The same grids through exceljs' whole-workbook model: the reference the streaming reader is
 * tested against (ten times slower and several times the memory on a national file).
 */
export async function readWorkbookWithExcelJS(
  bytes: Uint8Array,
  fileName: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<SheetGrid[]> {
  assertZip(bytes, fileName);
  await inspectXlsx(bytes, fileName, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError("file.unreadable", { file: fileName, reason: NOT_XLSX });
  }
  const visible = workbook.worksheets.filter((s) => s.state === "visible" || s.state === undefined);
  const hidden = workbook.worksheets.filter((s) => !visible.includes(s));
  return [...visible, ...hidden].map(gridOf);
}
