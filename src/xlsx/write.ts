/** Writes data-set templates and data files in one layout: title, headers with units, notes, rows. */
import ExcelJS from "exceljs";
import type { ColumnSpec, DatasetSpec } from "../domain/datasets/types.ts";
import {
  decimalFormat,
  fitRowHeights,
  merge,
  printSetup,
  setNumber,
  setText,
  writeWorkbook,
} from "./office.ts";

export interface TemplateOptions {
  year: number;
  scopeName: string;
  regionNames: readonly string[];
  programmeNames: readonly string[];
}

/** A row in display form: quantities in the column's unit, enum codes, the programme by name. */
export interface DataFileRow {
  regionName: string;
  values: Record<string, string | null>;
}

export interface DataFileOptions {
  year: number;
  scopeName: string;
}

const HEADER_ROW = 2;
const NOTES_ROW = 3;
const OPTIONS_SHEET = "选项";
/** How many empty rows below the data get the drop-down lists. */
const SPARE_ROWS = 1000;
const TEMPLATE_ROWS = 5000;

function unitOf(column: ColumnSpec): string | null {
  if (column.kind.type === "quantity") return column.kind.defaultUnit;
  if (column.kind.type === "percent") return "%";
  return null;
}

/** 「中央补助（万元）」, 「小区名称*」: the header Jixiao writes and reads back. */
export function headerText(column: ColumnSpec): string {
  const unit = unitOf(column);
  return `${column.zh[0] ?? column.key}${unit ? `（${unit}）` : ""}${column.required ? "*" : ""}`;
}

function typeInWords(column: ColumnSpec): string {
  const k = column.kind;
  switch (k.type) {
    case "quantity":
      return `数值（${k.defaultUnit}，表头可改为其他单位）`;
    case "percent":
      return "百分数，如 19.21% 或 19.21";
    case "integer":
      return `整数，≥ ${k.min}`;
    case "year":
      return "四位年份";
    case "date":
      return "日期，如 2024-12-31";
    case "enum":
      return k.multi ? "可多选，用顿号分隔" : "从下拉列表选择";
    case "region":
      return "地区名称或 6 位代码；「本级」指导入范围本身";
    case "programme":
      return "同年度「项目」表中的项目名称";
    case "text":
      return `文本，不超过 ${k.maxLength} 字`;
  }
}

/** A date cell for a real calendar date; anything else (2024-02-30) stays text for the importer to refuse. */
function toDate(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return text;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text ? date : text;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A number's format from its decimal string: money with at least two decimals, never a bare point. */
function valueFormat(column: ColumnSpec, text: string): string | undefined {
  const k = column.kind;
  if (k.type === "quantity") {
    const places = text.split(".")[1]?.length ?? 0;
    return k.family === "money" && places < 2
      ? decimalFormat(`${text.split(".")[0]}.00`, true)
      : decimalFormat(text, true);
  }
  if (k.type === "integer") return "#,##0";
  return undefined;
}

/** Writes a display value as the cell Excel should hold (numbers as numbers, dates as dates). */
function writeValue(cell: ExcelJS.Cell, column: ColumnSpec, text: string | null): void {
  const k = column.kind;
  if (text === null || text === "") return;
  switch (k.type) {
    case "quantity":
    case "percent":
    case "integer":
    case "year": {
      const format = valueFormat(column, text);
      if (!NUMBER.test(text)) setText(cell, text);
      else if (format) setNumber(cell, text, { format });
      else cell.value = Number(text);
      break;
    }
    case "date": {
      const date = toDate(text);
      if (typeof date === "string") setText(cell, date);
      else cell.value = date;
      break;
    }
    case "enum": {
      const codes = text.split(",");
      const labels = codes.map((code) => k.values.find((v) => v.code === code)?.zh ?? code);
      setText(cell, labels.join("、"));
      break;
    }
    default:
      setText(cell, text);
  }
}

/** A column's format for the cells a user fills in: none may print a bare trailing point ("10."). */
function columnFormat(column: ColumnSpec): string | undefined {
  const k = column.kind;
  if (k.type === "quantity" && k.family === "money") return "#,##0.00####";
  if (k.type === "date") return "yyyy-mm-dd";
  if (k.type === "integer") return "#,##0";
  return undefined;
}

function columnWidth(column: ColumnSpec): number {
  const k = column.kind;
  if (k.type === "text") return k.maxLength > 300 ? 40 : k.maxLength > 100 ? 28 : 18;
  if (k.type === "date") return 13;
  if (k.type === "region" || k.type === "programme") return 20;
  return Math.max(12, headerText(column).length * 2 + 2);
}

const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

interface Lists {
  regions: readonly string[];
  programmes: readonly string[];
}

/** Writes option lists into a hidden sheet and returns the range formula of each list. */
function writeOptionLists(
  workbook: ExcelJS.Workbook,
  spec: DatasetSpec,
  lists: Lists,
): Map<string, string> {
  const sheet = workbook.addWorksheet(OPTIONS_SHEET, { state: "hidden" });
  const ranges = new Map<string, string>();
  let col = 1;
  const add = (key: string, values: readonly string[]) => {
    if (values.length === 0) return;
    const letter = sheet.getColumn(col).letter;
    sheet.getCell(1, col).value = key;
    values.forEach((v, i) => {
      setText(sheet.getCell(i + 2, col), v);
    });
    ranges.set(key, `${OPTIONS_SHEET}!$${letter}$2:$${letter}$${values.length + 1}`);
    col += 1;
  };
  add("region", lists.regions);
  add("programme", lists.programmes);
  for (const c of spec.columns) {
    if (c.kind.type === "enum")
      add(
        c.key,
        c.kind.values.map((v) => v.zh),
      );
  }
  return ranges;
}

function addValidation(
  sheet: ExcelJS.Worksheet,
  column: ColumnSpec,
  letter: string,
  fromRow: number,
  toRow: number,
  ranges: Map<string, string>,
) {
  const k = column.kind;
  const address = `${letter}${fromRow}:${letter}${toRow}`;
  const list = (key: string, errorStyle: "stop" | "warning") => {
    const range = ranges.get(key);
    if (!range) return;
    (
      sheet as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(address, {
      type: "list",
      allowBlank: !column.required,
      formulae: [range],
      showErrorMessage: true,
      errorStyle,
      errorTitle: column.zh[0] ?? column.key,
      error: "请从下拉列表中选择 / choose from the list",
    });
  };
  const rules = sheet as unknown as {
    dataValidations: { add(a: string, v: ExcelJS.DataValidation): void };
  };
  if (k.type === "enum" && !k.multi) list(column.key, "stop");
  else if (k.type === "region") list("region", "warning");
  else if (k.type === "programme") list("programme", "warning");
  else if (k.type === "date") {
    rules.dataValidations.add(address, {
      type: "date",
      operator: "greaterThan",
      allowBlank: true,
      formulae: [new Date(Date.UTC(1990, 0, 1))],
      showErrorMessage: true,
      errorStyle: "warning",
      error: "请填写日期，如 2024-12-31 / a date",
    });
  } else if (k.type === "integer") {
    rules.dataValidations.add(address, {
      type: "whole",
      operator: "greaterThanOrEqual",
      allowBlank: !column.required,
      formulae: [k.min],
      showErrorMessage: true,
      errorStyle: "warning",
      error: `请填写不小于 ${k.min} 的整数 / a whole number`,
    });
  }
}

function addInstructions(workbook: ExcelJS.Workbook, spec: DatasetSpec) {
  const sheet = workbook.addWorksheet("填写说明");
  sheet.columns = [
    { header: "列名", width: 24 },
    { header: "是否必填", width: 10 },
    { header: "类型与单位", width: 36 },
    { header: "可选值", width: 40 },
    { header: "说明", width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of spec.columns) {
    const options = c.kind.type === "enum" ? c.kind.values.map((v) => v.zh).join("、") : "";
    const row = sheet.addRow([]);
    const texts = [headerText(c), c.required ? "是" : "否", typeInWords(c), options, c.note];
    texts.forEach((text, i) => {
      const cell = row.getCell(i + 1);
      setText(cell, text);
      cell.alignment = { wrapText: true, vertical: "top" };
    });
  }
  sheet.addRow([]);
  for (const line of [
    "1. 金额默认万元、面积按表头单位；可把表头中的单位改为（元）或（平方米），系统按表头换算，精确到分。",
    "2. 「合计」「小计」行、空行和「填写说明」「示例」行不会导入。",
    "3. 一次导入全部成功或全部不写入；有错误时会列出每一处问题（工作表、行、列、值、原因）。",
    "4. 同一文件重复导入不会产生变化；已导入的行按关键列（地区及名称等）更新。",
  ]) {
    // Unwrapped: the line runs on over the empty cells to its right (a merge would change the
    // grid an importer reads back).
    sheet.addRow([line]);
  }
  fitRowHeights(sheet);
  printSetup(sheet, { columns: 5, titleRows: [1, 1] });
}

async function buildWorkbook(
  spec: DatasetSpec,
  rows: readonly DataFileRow[],
  options: { year: number; scopeName: string; example: boolean; lists: Lists },
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "绩效 Jixiao";
  const sheet = workbook.addWorksheet(spec.sheet, {
    views: [{ state: "frozen", xSplit: 2, ySplit: HEADER_ROW }],
  });
  const columns = spec.columns;
  const last = columns.length + 1;
  sheet.columns = [{ width: 7 }, ...columns.map((c) => ({ width: columnWidth(c), style: {} }))];

  // Column formats first: setting one restyles the cells already in the column.
  columns.forEach((c, i) => {
    const format = columnFormat(c);
    if (format) sheet.getColumn(i + 2).numFmt = format;
  });

  merge(sheet, 1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  setText(title, `${spec.zh}（${options.year}年度 · ${options.scopeName}）`);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };

  const header = sheet.getRow(HEADER_ROW);
  header.values = ["序号", ...columns.map(headerText)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  for (let c = 1; c <= last; c += 1) {
    const cell = header.getCell(c);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = border;
  }

  const notes = sheet.getRow(NOTES_ROW);
  notes.values = [
    "填写说明",
    ...columns.map((c) => `${c.required ? "必填；" : ""}${c.note || typeInWords(c)}`),
  ];
  notes.font = { size: 9, color: { argb: "FF7F7F7F" } };
  notes.alignment = { wrapText: true, vertical: "top" };

  // Names wrap too: a programme name (2024年城镇老旧小区改造专项资金) is wider than its column.
  const wraps = (c: ColumnSpec) =>
    c.kind.type === "text" ||
    c.kind.type === "enum" ||
    c.kind.type === "programme" ||
    c.kind.type === "region";
  let next = NOTES_ROW + 1;
  if (options.example) {
    const example = sheet.getRow(next);
    example.getCell(1).value = "示例";
    example.getCell(1).alignment = { vertical: "top" };
    columns.forEach((c, i) => {
      const cell = example.getCell(i + 2);
      // As a user would type it: numbers as numbers, dates as dates, the labels of an enum.
      if (c.kind.type !== "enum") writeValue(cell, c, c.example);
      else if (c.example !== "") setText(cell, c.example);
      cell.alignment = { wrapText: wraps(c), vertical: "top" };
    });
    example.font = { italic: true, color: { argb: "FF7F7F7F" } };
    next += 1;
  }
  const firstData = next;
  rows.forEach((row, i) => {
    const line = sheet.getRow(firstData + i);
    line.getCell(1).value = i + 1;
    line.getCell(1).alignment = { vertical: "top" };
    columns.forEach((c, j) => {
      const cell = line.getCell(j + 2);
      if (c.kind.type === "region") setText(cell, row.regionName);
      else writeValue(cell, c, row.values[c.key] ?? null);
      cell.alignment = { wrapText: wraps(c), vertical: "top" };
    });
  });
  fitRowHeights(sheet, 1, firstData + rows.length - 1);
  printSetup(sheet, { columns: last, titleRows: [HEADER_ROW, HEADER_ROW] });

  const ranges = writeOptionLists(workbook, spec, options.lists);
  const lastRow = options.example
    ? firstData + TEMPLATE_ROWS - 1
    : firstData + rows.length + SPARE_ROWS;
  columns.forEach((c, i) => {
    addValidation(sheet, c, sheet.getColumn(i + 2).letter, firstData, lastRow, ranges);
  });
  addInstructions(workbook, spec);
  // The options sheet stays hidden and last; the data sheet opens first.
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  return writeWorkbook(workbook);
}

/** The import template: title, headers, notes, an example row and drop-down lists. */
export function writeTemplate(spec: DatasetSpec, options: TemplateOptions): Promise<Uint8Array> {
  return buildWorkbook(spec, [], {
    year: options.year,
    scopeName: options.scopeName,
    example: true,
    lists: { regions: options.regionNames, programmes: options.programmeNames },
  });
}

/** Rows of a data set in the template's layout, so the file imports back unchanged. */
export function writeDataFile(
  spec: DatasetSpec,
  rows: readonly DataFileRow[],
  options: DataFileOptions,
): Promise<Uint8Array> {
  const regions = [...new Set(rows.map((r) => r.regionName))];
  const programmes = [
    ...new Set(rows.map((r) => r.values.programme).filter((p): p is string => !!p)),
  ];
  return buildWorkbook(spec, rows, {
    year: options.year,
    scopeName: options.scopeName,
    example: false,
    lists: { regions, programmes },
  });
}
