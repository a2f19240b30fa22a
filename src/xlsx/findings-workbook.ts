/**
 * The checker's findings as a workbook: one row per finding (level, region, rule in words, data
 * set, field, message, the data row's id), and a second sheet with the figures each finding quotes,
 * numbers as numbers. Headers and words in the user's language.
 */
import ExcelJS from "exceljs";
import {
  CATEGORY_TITLES,
  FIGURE_TITLES,
  type Finding,
  findingLevel,
  LEVEL_TITLES,
  ruleInfo,
} from "../domain/checks/index.ts";
import { findDataset } from "../domain/datasets/specs/index.ts";
import { decimalFormat, writeWorkbook } from "./office.ts";
import { type TableValue, tableSheet } from "./table-sheet.ts";

export type ExportLocale = "zh-CN" | "en-US";

const DECIMAL = /^-?\d+(\.\d+)?$/;

const HEADERS = {
  "zh-CN": {
    findings: [
      "序号",
      "级别",
      "类别",
      "地区代码",
      "地区",
      "项目",
      "规则",
      "说明",
      "数据集",
      "字段",
      "数据行",
    ],
    figures: ["序号", "地区", "规则", "数据名称", "数值"],
    sheets: ["检查结果", "涉及数据"],
  },
  "en-US": {
    findings: [
      "No.",
      "Level",
      "Category",
      "Region code",
      "Region",
      "Programme",
      "Rule",
      "Message",
      "Data set",
      "Field",
      "Data row",
    ],
    figures: ["No.", "Region", "Rule", "Figure", "Value"],
    sheets: ["Findings", "Figures"],
  },
} as const;

/** A figure as a cell: a decimal string becomes a number (shown with its own decimals), else text. */
function figureCell(value: string): TableValue {
  return DECIMAL.test(value) ? { number: value, format: decimalFormat(value) } : value;
}

export interface FindingsWorkbookOptions {
  locale: ExportLocale;
  /** 「驻马店市 2020 年度数据检查结果」 */
  title: string;
  /** What the filters kept, in words, under the table. */
  notes?: string[];
}

export async function findingsWorkbook(
  findings: readonly Finding[],
  options: FindingsWorkbookOptions,
): Promise<Uint8Array> {
  const zh = options.locale === "zh-CN";
  const words = (t: { zh: string; en: string }) => (zh ? t.zh : t.en);
  const h = HEADERS[options.locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jixiao";
  const rows: TableValue[][] = findings.map((f, i) => {
    const spec = findDataset(f.dataset);
    const column = spec?.columns.find((c) => c.key === f.field);
    const rule = ruleInfo(f.rule);
    return [
      i + 1,
      words(LEVEL_TITLES[findingLevel(f)]),
      words(CATEGORY_TITLES[f.category]),
      f.regionCode,
      f.regionName,
      f.programme,
      rule ? words(rule.title) : f.rule,
      words(f.message),
      spec ? (zh ? spec.zh : spec.en) : f.dataset,
      column ? (zh ? (column.zh[0] ?? column.key) : column.en) : f.field,
      f.rowId,
    ];
  });
  tableSheet(
    workbook,
    h.sheets[0],
    options.title,
    [...h.findings],
    rows,
    [6, 10, 10, 10, 12, 24, 28, 70, 14, 16, 10],
    options.notes ?? [],
  );
  const figures: TableValue[][] = [];
  findings.forEach((f, i) => {
    const rule = ruleInfo(f.rule);
    for (const [key, value] of Object.entries(f.figures)) {
      const title = FIGURE_TITLES[key];
      figures.push([
        i + 1,
        f.regionName,
        rule ? words(rule.title) : f.rule,
        title ? words(title) : key,
        figureCell(value),
      ]);
    }
  });
  tableSheet(workbook, h.sheets[1], options.title, [...h.figures], figures, [6, 12, 28, 24, 16]);
  return writeWorkbook(workbook);
}
