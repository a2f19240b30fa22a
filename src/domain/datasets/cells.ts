/** Reads one cell of a data file into its canonical text: tolerant of how people type, strict about meaning. */
import { Decimal } from "../decimal.ts";
import type { Cell, ColumnSpec, EnumValue, ImportIssueCode } from "./types.ts";
import { BASE_UNIT, findUnit, type UnitDef, unitsInWords } from "./units.ts";

/**
 * Excel shows and keeps 15 significant digits; a number read from a file is cut to them first,
 * so 0.1 + 0.2 typed as a formula reads as 0.3 and 72272.36 stays 72272.36.
 */
export const EXCEL_SIGNIFICANT_DIGITS = 15;

export type CellOutcome =
  | { ok: true; value: string | null }
  | { ok: false; code: ImportIssueCode; zh: string; en: string };

const ok = (value: string | null): CellOutcome => ({ ok: true, value });
const fail = (code: ImportIssueCode, zh: string, en: string): CellOutcome => ({
  ok: false,
  code,
  zh,
  en,
});

/** NFKC (full-width → half-width) and trimmed; a neutralising apostrophe before = + - @ removed. */
export function normaliseText(text: string): string {
  return keptText(text.normalize("NFKC"));
}

/**
 * A text column's value as typed: trimmed, the export's guard apostrophe removed, and otherwise
 * untouched — Chinese text keeps its full-width punctuation (，（）：), which NFKC would flatten.
 */
export function keptText(text: string): string {
  const t = text.trim();
  return /^'[=+\-@]/.test(t) ? t.slice(1) : t;
}

/** Normalised for comparing names: no whitespace at all. */
export function compactText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "");
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return null;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

function dateOf(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A number from a file as an exact decimal (cut to Excel's 15 significant digits). */
export function excelNumber(n: number): Decimal {
  return new Decimal(n.toPrecision(EXCEL_SIGNIFICANT_DIGITS));
}

/** The cell as text for messages: what the user sees in Excel. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return dateOf(cell);
  if (typeof cell === "number") return excelNumber(cell).toString();
  if (typeof cell === "boolean") return cell ? "是" : "否";
  return cell;
}

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/;

/** "1,234.56", "+12", "-0.5" → Decimal; anything else undefined. */
function parseNumberText(text: string): Decimal | undefined {
  const t = text.replace(/\s+/g, "");
  const m = NUMBER.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const digits = `${m[1] === "-" ? "-" : ""}${(m[2] ?? "0").replace(/,/g, "")}${m[3] ?? ""}`;
  return new Decimal(digits);
}

/** Splits "133,537.35万元" into the number and what follows it. */
function splitUnit(text: string): { number: string; rest: string } {
  const m = /^([+-]?[\d,]*\.?\d+)\s*(.*)$/.exec(text.replace(/\s+/g, ""));
  return m ? { number: m[1] ?? "", rest: m[2] ?? "" } : { number: text, rest: "" };
}

function plain(d: Decimal): string {
  return d.isZero() ? "0" : d.toString();
}

const field = (column: ColumnSpec, header: string) => header || column.zh[0] || column.key;

export interface CellReadOptions {
  /** The header as the file writes it, for messages. */
  header: string;
  /** The unit the header (or a 单位 line) declares for a quantity column. */
  unit: UnitDef | undefined;
}

function readQuantity(column: ColumnSpec, cell: Cell, o: CellReadOptions): CellOutcome {
  const k = column.kind;
  if (k.type !== "quantity") throw new Error("not a quantity column");
  const f = field(column, o.header);
  const headerUnit = o.unit ?? findUnit(k.defaultUnit);
  let amount: Decimal | undefined;
  let unit = headerUnit;
  if (typeof cell === "number") amount = excelNumber(cell);
  else if (typeof cell === "string") {
    const { number, rest } = splitUnit(normaliseText(cell));
    amount = parseNumberText(number);
    if (amount !== undefined && rest !== "") {
      const own = findUnit(rest);
      if (!own || own.family !== k.family) {
        return fail(
          "cell.unit",
          `「${f}」的值「${show(cell)}」带有无法识别的单位「${rest}」，应为${unitsInWords(k.family)}`,
          `${f}: unknown unit "${rest}" in "${show(cell)}"`,
        );
      }
      unit = own;
    }
  }
  if (amount === undefined || unit === undefined) {
    return fail(
      "cell.number",
      `「${f}」的值「${show(cell)}」不是数字`,
      `${f}: "${show(cell)}" is not a number`,
    );
  }
  const base = amount.times(unit.factor);
  if (base.decimalPlaces() > k.scale) {
    return fail(
      "cell.precision",
      `「${f}」的值「${show(cell)}」超出精度：换算为${BASE_UNIT[k.family]}后最多 ${k.scale} 位小数`,
      `${f}: "${show(cell)}" has more decimals than ${k.scale} in the base unit`,
    );
  }
  if (k.min !== undefined && base.lessThan(k.min)) {
    return fail(
      "cell.negative",
      `「${f}」的值「${show(cell)}」不能为负数`,
      `${f}: "${show(cell)}" must not be negative`,
    );
  }
  return ok(plain(base));
}

const COUNT_SUFFIX = /(个|栋|幢|户|套|份|人|期|处)$/;

function readInteger(column: ColumnSpec, cell: Cell, o: CellReadOptions): CellOutcome {
  const k = column.kind;
  const min = k.type === "integer" ? k.min : 0;
  const f = field(column, o.header);
  let n: Decimal | undefined;
  if (typeof cell === "number") n = excelNumber(cell);
  else if (typeof cell === "string")
    n = parseNumberText(normaliseText(cell).replace(COUNT_SUFFIX, ""));
  if (n === undefined || !n.isInteger()) {
    return fail(
      "cell.integer",
      `「${f}」的值「${show(cell)}」不是整数`,
      `${f}: "${show(cell)}" is not a whole number`,
    );
  }
  if (n.lessThan(min)) {
    return fail(
      "cell.negative",
      `「${f}」的值「${show(cell)}」不能小于 ${min}`,
      `${f}: "${show(cell)}" is below ${min}`,
    );
  }
  return ok(plain(n));
}

function readYear(column: ColumnSpec, cell: Cell, o: CellReadOptions): CellOutcome {
  const f = field(column, o.header);
  const text =
    typeof cell === "number" ? excelNumber(cell).toString() : normaliseText(String(cell));
  const m = /^(\d{4})(年)?$/.exec(text.replace(/\s+/g, ""));
  const year = m ? Number(m[1]) : Number.NaN;
  if (!(year >= 1900 && year <= 2100)) {
    return fail(
      "cell.year",
      `「${f}」的值「${show(cell)}」不是 1900–2100 之间的年份`,
      `${f}: "${show(cell)}" is not a year`,
    );
  }
  return ok(String(year));
}

function readPercent(column: ColumnSpec, cell: Cell, o: CellReadOptions): CellOutcome {
  const f = field(column, o.header);
  let n: Decimal | undefined;
  if (typeof cell === "number") n = excelNumber(cell);
  else if (typeof cell === "string") n = parseNumberText(normaliseText(cell).replace(/[%％]$/, ""));
  if (n === undefined || n.lessThan(0) || n.greaterThan(1000) || n.decimalPlaces() > 4) {
    return fail(
      "cell.percent",
      `「${f}」的值「${show(cell)}」不是百分数（应如 19.21% 或 19.21，最多 4 位小数）`,
      `${f}: "${show(cell)}" is not a percentage such as 19.21%`,
    );
  }
  return ok(plain(n));
}

/** Days from Excel's day 0 (1899-12-30, which absorbs Lotus's missing 1900-02-29) to a serial. */
function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 80000) return null;
  return dateOf(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
}

function readDate(column: ColumnSpec, cell: Cell, o: CellReadOptions): CellOutcome {
  const f = field(column, o.header);
  let value: string | null = null;
  if (cell instanceof Date) value = dateOf(cell);
  else if (typeof cell === "number") value = excelSerialDate(cell);
  else if (typeof cell === "string") {
    const t = normaliseText(cell).replace(/\s+/g, "");
    const m =
      /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ??
      /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(t) ??
      /^(\d{4})(\d{2})(\d{2})$/.exec(t);
    if (m) value = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if (value === null) {
    return fail(
      "cell.date",
      `「${f}」的值「${show(cell)}」不是有效日期（应如 2024-12-31）`,
      `${f}: "${show(cell)}" is not a valid date such as 2024-12-31`,
    );
  }
  return ok(value);
}

function matchEnum(values: readonly EnumValue[], text: string): EnumValue | undefined {
  const t = compactText(text).toLowerCase();
  return values.find(
    (v) =>
      compactText(v.zh).toLowerCase() === t ||
      v.code.toLowerCase() === t ||
      compactText(v.en).toLowerCase() === t ||
      (v.aliases ?? []).some((a) => compactText(a).toLowerCase() === t),
  );
}

function readEnum(column: ColumnSpec, cell: Cell, o: CellReadOptions): CellOutcome {
  const k = column.kind;
  if (k.type !== "enum") throw new Error("not an enum column");
  const f = field(column, o.header);
  const text = typeof cell === "string" ? normaliseText(cell) : (cellText(cell) ?? "");
  const parts = k.multi ? text.split(/[、,，;；/]/).filter((p) => p.trim() !== "") : [text];
  const found: EnumValue[] = [];
  for (const part of parts) {
    const v = matchEnum(k.values, part);
    if (!v) {
      return fail(
        "cell.enum",
        `「${f}」的值「${show(cell)}」不在可选范围内（可选：${k.values.map((x) => x.zh).join("、")}）`,
        `${f}: "${show(cell)}" is not one of ${k.values.map((x) => x.en).join(", ")}`,
      );
    }
    if (!found.includes(v)) found.push(v);
  }
  const ordered = k.values.filter((v) => found.includes(v));
  return ok(ordered.map((v) => v.code).join(","));
}

function readText(column: ColumnSpec, cell: Cell, o: CellReadOptions): CellOutcome {
  const k = column.kind;
  const max = k.type === "text" ? k.maxLength : 200;
  const text = typeof cell === "string" ? keptText(cell) : (cellText(cell) ?? "");
  if (text.length > max) {
    const f = field(column, o.header);
    return fail(
      "cell.too_long",
      `「${f}」的内容过长（${text.length} 字，最多 ${max} 字）：「${show(cell).slice(0, 20)}…」`,
      `${f}: too long (${text.length} characters, at most ${max})`,
    );
  }
  return ok(text);
}

/** The cell's text for a message: built only for a refused cell, never for every cell. */
function show(cell: Cell): string {
  return cellText(cell) ?? "";
}

/** True for a cell with nothing in it (blank text counts as nothing). */
export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && normaliseText(cell) === "");
}

/**
 * Reads a cell of any kind except region and programme (those need look-ups: parse-sheet does
 * them). A blank cell gives null; `required` is checked by the caller.
 */
export function readCell(column: ColumnSpec, cell: Cell, options: CellReadOptions): CellOutcome {
  if (isBlank(cell)) return ok(null);
  switch (column.kind.type) {
    case "quantity":
      return readQuantity(column, cell, options);
    case "integer":
      return readInteger(column, cell, options);
    case "year":
      return readYear(column, cell, options);
    case "percent":
      return readPercent(column, cell, options);
    case "date":
      return readDate(column, cell, options);
    case "enum":
      return readEnum(column, cell, options);
    case "text":
    case "region":
    case "programme":
      return readText(column, cell, options);
  }
}
