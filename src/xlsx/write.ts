/** Writes data-set templates and data files in one layout: title, headers with units, notes, rows. */
import ExcelJS from "exceljs";
import type { ColumnSpec, DatasetSpec } from "../domain/datasets/types.ts";
import { neutralise } from "./neutralise.ts";

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

function toNumber(text: string): number {
  return Number(text);
}

/** A date cell for a real calendar date; anything else (2024-02-30) stays text for the importer to refuse. */
function toDate(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return text;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text ? date : text;
}

/** A display value as the cell Excel should hold (numbers as numbers, dates as dates). */
function cellValue(column: ColumnSpec, text: string | null, regionName: string): ExcelJS.CellValue {
  const k = column.kind;
  if (k.type === "region") return neutralise(regionName);
  if (text === null || text === "") return null;
  switch (k.type) {
    case "quantity":
    case "percent":
    case "integer":
    case "year":
      return /^-?\d+(\.\d+)?$/.test(text) ? toNumber(text) : neutralise(text);
    case "date":
      return toDate(text);
    case "enum": {
      const codes = text.split(",");
      const labels = codes.map((code) => k.values.find((v) => v.code === code)?.zh ?? code);
      return neutralise(labels.join("、"));
    }
    default:
      return neutralise(text);
  }
}

/** An example text typed as a user would: numbers as numbers, dates as dates. */
function exampleValue(column: ColumnSpec): ExcelJS.CellValue {
  const text = column.example;
  if (text === "") return null;
  const k = column.kind;
  if (k.type === "date") return toDate(text);
  if (
    (k.type === "quantity" || k.type === "integer" || k.type === "year") &&
    /^-?\d+(\.\d+)?$/.test(text)
  ) {
    return toNumber(text);
  }
  return text;
}

function numberFormat(column: ColumnSpec): string | undefined {
  const k = column.kind;
  if (k.type === "quantity" && k.family === "money") return "#,##0.00####";
  if (k.type === "quantity") return "#,##0.######";
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
      sheet.getCell(i + 2, col).value = v;
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
    sheet.addRow([headerText(c), c.required ? "是" : "否", typeInWords(c), options, c.note]);
  }
  sheet.addRow([]);
  for (const line of [
    "1. 金额默认万元、面积按表头单位；可把表头中的单位改为（元）或（平方米），系统按表头换算，精确到分。",
    "2. 「合计」「小计」行、空行和「填写说明」「示例」行不会导入。",
    "3. 一次导入全部成功或全部不写入；有错误时会列出每一处问题（工作表、行、列、值、原因）。",
    "4. 同一文件重复导入不会产生变化；已导入的行按关键列（地区及名称等）更新。",
  ]) {
    sheet.addRow([line]);
  }
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
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const columns = spec.columns;
  const last = columns.length + 1;
  sheet.columns = [{ width: 7 }, ...columns.map((c) => ({ width: columnWidth(c), style: {} }))];

  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = `${spec.zh}（${options.year}年度 · ${options.scopeName}）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 26;

  const header = sheet.getRow(HEADER_ROW);
  header.values = ["序号", ...columns.map(headerText)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  header.height = 32;
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

  let next = NOTES_ROW + 1;
  if (options.example) {
    const example = sheet.getRow(next);
    example.values = ["示例", ...columns.map(exampleValue)];
    example.font = { italic: true, color: { argb: "FF7F7F7F" } };
    next += 1;
  }
  const firstData = next;
  rows.forEach((row, i) => {
    const line = sheet.getRow(firstData + i);
    line.values = [
      i + 1,
      ...columns.map((c) => cellValue(c, row.values[c.key] ?? null, row.regionName)),
    ];
  });
  columns.forEach((c, i) => {
    const format = numberFormat(c);
    if (format) sheet.getColumn(i + 2).numFmt = format;
  });

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
  return new Uint8Array(await workbook.xlsx.writeBuffer());
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
