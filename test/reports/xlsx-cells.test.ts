// The reports as workbooks, cell by cell: numbers (得分率, ranks, spend rates, 落后) are numbers with
// formats that print the published decimals, captions numbered 表1, 表2 …, rows as tall as their
// text, A4 print setup with repeated headers, and formula-like text quote-prefixed.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  monitoringSummaryDocument,
  type ReportDocument,
  taskReportDocument,
} from "../../src/domain/reports/index.ts";
import { renderXlsx } from "../../src/render/xlsx.ts";
import { lineCount, rowHeight } from "../../src/xlsx/index.ts";
import {
  zhumadianDashboard,
  zhumadianReport as zhumadianEvaluationReport,
} from "../helpers/report-fixtures.ts";
import { hasBareTrailingPoint, isQuotePrefixed, stylesOf } from "../helpers/xlsx-styles.ts";

// Zhumadian 2020: 15129 万元 central funds, 14584 万元 spent; two counties, one behind schedule.
const dashboard = zhumadianDashboard("625000");

/** Zhumadian's 2020 evaluation report: the seed's scores (98.1 优) and its annex score table. */
const zhumadianReport = () => zhumadianEvaluationReport(dashboard);

const captions = (doc: ReportDocument) =>
  doc.blocks.flatMap((b) => (b.kind === "table" ? [b.caption] : []));

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

const valueAndFormat = (sheet: ExcelJS.Worksheet, address: string) => [
  sheet.getCell(address).value,
  sheet.getCell(address).numFmt,
];

describe("the evaluation report as a workbook", () => {
  it("numbers its tables in document order, the annex table titled by the annex's name", () => {
    expect(captions(zhumadianReport())).toEqual([
      "表1 各一级指标得分情况",
      "表2 分地区评价得分及排名",
      "绩效评价指标评分表",
    ]);
  });

  it("writes 得分率 as percentages, scores and ranks as numbers", async () => {
    const bytes = await renderXlsx(zhumadianReport());
    const book = await load(bytes);
    const groups = sheetOf(book, "评价结论");
    expect(groups.getCell("A1").value).toBe("表1 各一级指标得分情况");
    // Zhumadian seed: 资金管理 24.1 of 25 = 96.40%; the total 98.1 of 100 = 98.10%.
    expect(groups.getCell("A3").value).toBe("资金管理");
    expect(valueAndFormat(groups, "C3")).toEqual([24.1, "0.0"]);
    expect(valueAndFormat(groups, "D3")).toEqual([0.964, "0.00%"]);
    expect(groups.getCell("D3").type).toBe(ExcelJS.ValueType.Number);
    expect(groups.getCell("A7").value).toBe("合计");
    expect(valueAndFormat(groups, "D7")).toEqual([0.981, "0.00%"]);
    const ranks = sheetOf(book, "分地区评价情况");
    expect(valueAndFormat(ranks, "A3")).toEqual([1, "0"]);
    expect(valueAndFormat(ranks, "A4")).toEqual([2, "0"]);
    expect(valueAndFormat(ranks, "C4")).toEqual([98.1, "0.0"]);
    const { formats } = await stylesOf(bytes);
    expect(formats.filter(hasBareTrailingPoint)).toEqual([]);
  });

  it("sizes the score table's rows for its criteria and prints it landscape on A4, headers repeated", async () => {
    const doc = zhumadianReport();
    const book = await load(await renderXlsx(doc));
    const sheet = sheetOf(book, "评分表");
    expect(sheet.getCell("A1").value).toBe("绩效评价指标评分表");
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "2:3",
    });
    // Every indicator row is as tall as its 评分标准 (column G) and 评分理由 (column I) need.
    for (let r = 4; r <= 15; r += 1) {
      const row = sheet.getRow(r);
      const need = Math.max(
        ...["G", "I"].map((col) => {
          const text = String(row.getCell(col).value ?? "");
          return rowHeight(lineCount(text, sheet.getColumn(col).width ?? 0));
        }),
      );
      expect(row.height, `row ${r}`).toBeGreaterThanOrEqual(need);
    }
    // 资金筹集's 评分标准 takes several lines.
    expect(sheet.getRow(4).height).toBeGreaterThanOrEqual(rowHeight(3));
  });
});

describe("the monitoring summary as a workbook", () => {
  it("numbers its tables, with the unit of the amounts", () => {
    expect(captions(monitoringSummaryDocument(dashboard))).toEqual([
      "表1 分地区资金支出情况（按支出率排名，金额单位：万元）",
      "表2 改造任务计划与完成情况",
    ]);
  });

  it("writes 排名, 支出率, 时间进度, 落后 and 完成率 as numbers", async () => {
    const bytes = await renderXlsx(monitoringSummaryDocument(dashboard));
    const book = await load(bytes);
    const spend = sheetOf(book, "分地区支出");
    // 西平县 spent all (100%), 驿城区 62.5 of 100 万元 at a 100% schedule: 37.5 points behind.
    expect([2, 3].map((r) => spend.getCell(r, 2).value)).toEqual(["地区", "西平县"]);
    expect(valueAndFormat(spend, "A3")).toEqual([1, "0"]);
    expect(valueAndFormat(spend, "A4")).toEqual([2, "0"]);
    expect(valueAndFormat(spend, "C4")).toEqual([100, "0"]);
    expect(valueAndFormat(spend, "E4")).toEqual([0.625, "0.00%"]);
    expect(valueAndFormat(spend, "F4")).toEqual([1, "0.00%"]);
    expect(valueAndFormat(spend, "G4")).toEqual([37.5, "0.00"]);
    const plan = sheetOf(book, "计划与完成");
    // 350 of 342 communities: 102.34%.
    expect(valueAndFormat(plan, "C3")).toEqual([342, "0"]);
    expect(valueAndFormat(plan, "E3")).toEqual([1.0234, "0.00%"]);
    let texts = 0;
    for (const sheet of [spend, plan]) {
      sheet.eachRow((row, r) => {
        if (r < 3) return;
        row.eachCell((cell) => {
          // Only names, labels and the 预警 words are text; every figure is a number.
          if (typeof cell.value === "string" && /\d/.test(cell.value)) texts += 1;
        });
      });
    }
    expect(texts).toBe(0);
    const { formats } = await stylesOf(bytes);
    expect(formats.filter(hasBareTrailingPoint)).toEqual([]);
    expect(spend.pageSetup.orientation).toBe("portrait");
    expect(spend.pageSetup.printTitlesRow).toBe("2:2");
  });
});

describe("the task report as a workbook", () => {
  const doc = taskReportDocument({
    taskName: "2020年度绩效评价",
    year: 2020,
    region: "河南省",
    typeZh: "绩效评价",
    frameworkName: "驻马店指标",
    deadline: null,
    groups: [{ code: "A", name: "决策", points: "20" }],
    indicators: [{ code: "A.1", name: "资金筹集", points: "10" }],
    sheets: [
      {
        rank: 1,
        region: "甲市",
        status: "approved",
        total: "91.5",
        grade: "优",
        groups: { A: "18.5" },
        lost: { "A.1": "1.5" },
      },
      {
        rank: 2,
        region: "乙市",
        status: "approved",
        total: "85",
        grade: "良",
        groups: { A: "20" },
        lost: {},
      },
    ],
    rollUp: null,
  });

  it("numbers its tables and writes 排名, scores and counts as numbers", async () => {
    expect(captions(doc)).toEqual([
      "表1 分地区评价得分及排名",
      "表2 各指标扣分情况（已审核2个地区，按扣分地区数排列）",
    ]);
    const book = await load(await renderXlsx(doc));
    const ranks = sheetOf(book, "分地区评价情况");
    expect(valueAndFormat(ranks, "A3")).toEqual([1, "0"]);
    expect(valueAndFormat(ranks, "C3")).toEqual([18.5, "0.0"]);
    expect(valueAndFormat(ranks, "D4")).toEqual([85, "0"]);
    const lost = sheetOf(book, "主要扣分指标");
    expect([lost.getCell("B3").value, lost.getCell("C3").value, lost.getCell("D3").value]).toEqual([
      10, 1, 1.5,
    ]);
  });
});

describe("text that looks like a formula", () => {
  it("is a quote-prefixed text cell in a report table, with no apostrophe", async () => {
    const doc: ReportDocument = {
      title: "自评表",
      orientation: "portrait",
      blocks: [
        {
          kind: "table",
          name: "绩效自评表",
          caption: "表1 项目绩效自评表",
          columns: [
            { title: "指标", width: 20 },
            { title: "目标值", width: 12 },
            { title: "实际完成值", width: 12 },
          ],
          header: [[{ text: "指标" }, { text: "目标值" }, { text: "实际完成值" }]],
          rows: [
            [
              { text: "改造户数" },
              { text: "=33623户" },
              { text: "33623户", value: "33623", suffix: "户" },
            ],
            [{ text: "满意度" }, { text: "≥90%" }, { text: "96.4%", value: "96.4", percent: true }],
          ],
        },
      ],
    };
    const bytes = await renderXlsx(doc);
    const sheet = sheetOf(await load(bytes), "绩效自评表");
    expect(sheet.getCell("B3").value).toBe("=33623户");
    expect(sheet.getCell("B3").type).toBe(ExcelJS.ValueType.String);
    expect(await isQuotePrefixed(bytes, "sheet1.xml", "B3")).toBe(true);
    expect(await isQuotePrefixed(bytes, "sheet1.xml", "B4")).toBe(false);
    // 实际完成值: the number with its unit in the format, the rate as a percentage.
    expect(valueAndFormat(sheet, "C3")).toEqual([33623, '0"户"']);
    expect(valueAndFormat(sheet, "C4")).toEqual([0.964, "0.0%"]);
  });
});
