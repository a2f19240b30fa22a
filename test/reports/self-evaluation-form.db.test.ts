// The 绩效自评表 in the Suzhou layout, from the demo's Suzhou 2020 data and a sheet filled with the
// form's 实际完成值 (seed: suzhou-2020-self-evaluation.txt), and Zhumadian's from its demo sheet.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { parse } from "yaml";
import type { TableBlock, TableCell } from "../../src/domain/reports/index.ts";
import { renderReport } from "../../src/render/index.ts";
import type { ServiceContext } from "../../src/services/context.ts";
import {
  createTask,
  getTask,
  listTasks,
  saveSheet,
  systemContext,
} from "../../src/services/index.ts";
import { sheetReportDocument } from "../../src/services/reports/report-service.ts";
import { lineCount, rowHeight } from "../../src/xlsx/index.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";
import { actingAs, addUser } from "../helpers/fixtures.ts";
import { hasBareTrailingPoint, isQuotePrefixed, stylesOf } from "../helpers/xlsx-styles.ts";

const texts = (row: readonly TableCell[] | undefined) => (row ?? []).map((c) => c.text);
const noPdf = {
  render: async () => {
    throw new Error("no pdf here");
  },
  close: async () => undefined,
};

describeOnBothDatabases("self-evaluation form", "demo", (db) => {
  let suzhou: ServiceContext;
  let suzhouSheet: number;
  let zhumadianSheet: number;

  beforeAll(async () => {
    await addUser(db(), "sz.housing", "department", "320500");
    suzhou = await actingAs(db(), "sz.housing");
    const task = await createTask(db().db, suzhou, {
      name: "2020年全国城镇老旧小区改造试点城市项目绩效自评",
      year: 2020,
      type: "self",
      frameworkCode: "suzhou-2020",
      regionCode: "320500",
      regions: ["320500"],
      deadline: "2021-03-31",
    });
    const sheet = (await getTask(db().db, suzhou, task.id)).sheets[0];
    if (!sheet) throw new Error("no sheet");
    suzhouSheet = sheet.id;
    const input = parse(
      readFileSync(
        join(import.meta.dirname, "../../frameworks/suzhou-2020/example-input.yaml"),
        "utf8",
      ),
    ) as { indicators: Record<string, { facts: Record<string, unknown> }> };
    const entries = Object.fromEntries(
      Object.entries(input.indicators).map(([code, e]) => [
        code,
        { facts: e.facts, reason: "按自评表填报" },
      ]),
    );
    await saveSheet(db().db, suzhou, suzhouSheet, { version: sheet.version, entries });
    const demo = (await listTasks(db().db, systemContext("test"), {})).find((t) =>
      t.name.includes("驻马店"),
    );
    const city = (await getTask(db().db, systemContext("test"), demo?.id ?? 0)).sheets.find(
      (s) => s.regionCode === "411700",
    );
    zhumadianSheet = city?.id ?? 0;
  });

  it("prints Suzhou's project, budget execution and its identities, and the sub-items with 合计 200.00", async () => {
    const { doc, fileStem } = await sheetReportDocument(
      db().db,
      suzhou,
      suzhouSheet,
      "self-evaluation-form",
    );
    expect(fileStem).toBe("苏州市2020年绩效自评表");
    const form = doc.blocks.find((b): b is TableBlock => b.kind === "table");
    const rows = form?.rows ?? [];
    expect(texts(rows[0])).toEqual([
      "项目名称",
      "全国城镇老旧小区改造试点城市项目",
      "项目年份",
      "2020",
    ]);
    expect(texts(rows[1])).toEqual(["项目主管部门（单位）", "苏州市住房和城乡建设局"]);
    // 年初预算数, 调整数, 财政拨款数, 指标结余数 = 1700 − 1500 − 200.
    expect(texts(rows[3])).toEqual(["1700.00", "-1500.00", "200.00", "0.00"]);
    // 财政拨款数, 实际支付数, 资金结余、结转数 = 200 − 200, 结转数, 财政收回数.
    expect(texts(rows[5])).toEqual(["200.00", "200.00", "0.00", "0.00", "0.00"]);
    expect(texts(rows[7])).toEqual(["合计", "200.00"]);
    expect(rows.slice(8, 11).map(texts)).toEqual([
      ["会议、考察经费", "8.80"],
      ["项目宣传推广经费", "47.20"],
      ["技术研究专项经费", "144.00"],
    ]);
  });

  // 实际完成值 prints the figure alone ("16个"), not the seed's "=16 个" (issue 19: 「=33623户」).
  it("prints each indicator with 目标值, 权重, 实际完成值 and 自评分 as the seed, totalling 80.00 (the framework publishes two decimals)", async () => {
    const { doc } = await sheetReportDocument(db().db, suzhou, suzhouSheet, "self-evaluation-form");
    const form = doc.blocks.find((b): b is TableBlock => b.kind === "table");
    const rows = (form?.rows ?? []).map(texts);
    const at = rows.findIndex((r) => r[0] === "项目" && r[6] === "自评分");
    expect(rows[at + 1]).toEqual([
      "项目绩效实现情况（80分）",
      "投入目标（24分）",
      "资金使用合规性",
      "合规",
      "3",
      "好",
      "3",
    ]);
    expect(rows[at + 4]).toEqual(["预算执行率", "=100%", "8", "100%", "8"]);
    expect(rows[at + 7]).toEqual([
      "产出目标（24分）",
      "改造小区数量",
      "=13个",
      "4.8",
      "16个",
      "4.8",
    ]);
    expect(rows[at + 12]).toEqual([
      "结果目标（26分）",
      "实施改造小区前期工作",
      "≥5个",
      "13",
      "16个",
      "13",
    ]);
    expect(rows[at + 13]).toEqual(["改造小区群众满意度", "≥95%", "13", "98%", "13"]);
    expect(rows[at + 15]).toEqual(["及时报送进度，加强宣传报道", "≥3期", "3", "7期", "3"]);
    expect(rows[at + 16]).toEqual(["合计", "80", "等级：优", "80.00"]);
  });

  it("takes 项目概况, 总目标 and 年度绩效目标 from the declaration and generates the rest", async () => {
    const { doc } = await sheetReportDocument(db().db, suzhou, suzhouSheet, "self-evaluation-form");
    const story = doc.blocks.filter((b): b is TableBlock => b.kind === "table")[1];
    const rows = story?.rows ?? [];
    expect(rows.map((r) => r[0]?.text)).toEqual([
      "项目概况",
      "项目总目标",
      "年度绩效目标",
      "项目实施情况",
      "项目管理成效",
      "项目管理存在的问题及原因",
      "进一步加强项目管理的建议",
    ]);
    expect(rows[1]?.[1]?.text).toMatch(/^通过试点工作的确立，使我市在统筹协调机制/);
    expect(rows[4]?.[1]).toMatchObject({
      key: "form.effects",
      text: "项目绩效自评得分80.00分（满分80分），等级为“优”。其中投入目标得24分（分值24分），产出目标得24分（分值24分），结果目标得26分（分值26分），影响力目标得6分（分值6分）。",
    });
    expect(rows[4]?.[1]?.edited).toBeUndefined();
  });

  it("writes it as xlsx with the amounts as numbers", async () => {
    const { doc } = await sheetReportDocument(db().db, suzhou, suzhouSheet, "self-evaluation-form");
    const bytes = await renderReport(doc, "xlsx", noPdf);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("绩效自评表");
    const values: unknown[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((c) => {
        values.push(c.value);
      });
    });
    expect(values).toContain(1700);
    expect(values).toContain(-1500);
    expect(values).toContain(144);
    expect(sheet?.getCell("A1").value).toBe("表1 项目绩效自评表（金额单位：万元）");
    // 目标值 "=13个" stays text, quote-prefixed so that editing it never makes a formula.
    const formulaLike: string[] = [];
    const figures: string[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((c) => {
        if (typeof c.value === "string" && c.value.startsWith("=")) formulaLike.push(c.address);
        // A figure printed as text ("16个", "96.4%") would be a number with its unit in the format.
        if (typeof c.value === "string" && /^-?\d+(\.\d+)?[%个户栋项次]?$/.test(c.value)) {
          figures.push(`${c.address} ${c.value}`);
        }
      });
    });
    expect(formulaLike.length).toBeGreaterThan(0);
    for (const address of formulaLike) {
      expect(await isQuotePrefixed(bytes, "sheet1.xml", address), address).toBe(true);
    }
    expect(figures).toEqual([]);
    const { formats } = await stylesOf(bytes);
    expect(formats.filter(hasBareTrailingPoint)).toEqual([]);
    // 项目基本情况: merged texts, every row as tall as its text at the merged width.
    const story = workbook.getWorksheet("项目基本情况");
    if (!story) throw new Error("no sheet 项目基本情况");
    const merged = (story.getColumn(3).width ?? 0) * 5;
    story.eachRow((row, r) => {
      if (r < 2) return;
      const text = String(row.getCell(3).value ?? "");
      expect(row.height, `row ${r}`).toBeGreaterThanOrEqual(rowHeight(lineCount(text, merged)));
    });
  });

  it("gives 驻马店市 the form from its demo sheet: funds by source, spend from the allocations, targets declared", async () => {
    const { doc } = await sheetReportDocument(
      db().db,
      systemContext("test"),
      zhumadianSheet,
      "self-evaluation-form",
    );
    const rows = (doc.blocks.find((b): b is TableBlock => b.kind === "table")?.rows ?? []).map(
      texts,
    );
    expect(rows[0]).toEqual(["项目名称", "驻马店市2020年老旧小区改造项目", "项目年份", "2020"]);
    // No budget-execution rows: 财政拨款数 and 实际支付数 from the allocations, said so under the table.
    expect(rows[5]).toEqual(["15129.00", "15129.00", "0.00", "0.00", "0.00"]);
    const note = doc.blocks.find((b) => b.kind === "paragraph" && b.text.startsWith("注："));
    expect(note).toMatchObject({ text: expect.stringContaining("未导入「预算执行」数据") });
    expect(rows).toContainEqual(["合计", "15129.00"]);
    const elderly = rows.find((r) => r.includes("配建养老服务设施面积完成率"));
    expect(elderly).toEqual([
      "配建养老服务设施面积完成率",
      "≥63120平方米",
      "10",
      "62395平方米",
      "9",
    ]);
    expect(rows.at(-1)).toEqual(["合计", "100", "等级：优", "98.1"]);
  });
});
