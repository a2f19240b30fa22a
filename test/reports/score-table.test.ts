// The indicator score table (评分表) of the Zhumadian and Hangzhou seeds, as a model, a .docx and an
// .xlsx: every row's points, score and reason, the merged level cells, and the total with its grade.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { placeCells, scoreTableDocument, type TableBlock } from "../../src/domain/reports/index.ts";
import { renderDocx } from "../../src/render/docx.ts";
import { renderXlsx } from "../../src/render/xlsx.ts";
import { readFrameworkFile } from "../../src/services/evaluations/framework-files.ts";
import { FRAMEWORKS_DIR, scoreBuiltin } from "../scoring/builtin-helpers.ts";

function zhumadian() {
  const framework = readFrameworkFile(`${FRAMEWORKS_DIR}zhumadian-2020/framework.yaml`);
  return scoreTableDocument(framework, scoreBuiltin("zhumadian-2020"), { unit: "驻马店市" });
}

const tableOf = (doc: ReturnType<typeof zhumadian>) =>
  doc.blocks.find((b): b is TableBlock => b.kind === "table") as TableBlock;

/** The grid as text, row by row, spans resolved (a merged cell's text in its first place only). */
function grid(table: TableBlock): string[][] {
  const all = [...table.header, ...table.rows];
  const out = all.map(() => Array.from({ length: table.columns.length }, () => ""));
  for (const { cell, row, col } of placeCells(all)) {
    const line = out[row];
    if (line) line[col] = cell.text;
  }
  return out;
}

describe("the indicator score table", () => {
  it("gives Zhumadian's annex: 4 groups merged over their 12 indicators, the seed's scores, total 98.1 优", () => {
    const doc = zhumadian();
    expect(doc.title).toContain(
      "中央和省级城镇保障性安居工程财政资金用于城镇老旧小区改造绩效评价指标表",
    );
    const rows = grid(tableOf(doc));
    expect(rows[0]?.slice(0, 5)).toEqual(["评价指标", "", "", "", "评分标准"]);
    expect(rows[1]?.slice(0, 4)).toEqual(["一级指标", "分值", "二级指标", "分值"]);
    // 一级指标 | 分值 | 二级指标 | 分值 | 得分, as the seed's table prints them.
    expect(rows.slice(2).map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      ["资金管理", "25", "资金筹集", "10", "9.1"],
      ["", "", "资金分配", "5", "5"],
      ["", "", "资金使用管理", "10", "10"],
      ["项目管理", "10", "政策公开", "5", "5"],
      ["", "", "评价报告报送及时、完整性", "5", "5"],
      ["产出效益", "60", "改造户数计划完成率", "15", "15"],
      ["", "", "改造面积计划完成率", "15", "15"],
      ["", "", "改造楼栋计划完成率", "5", "5"],
      ["", "", "改造小区计划完成率", "5", "5"],
      ["", "", "配建养老服务设施面积完成率", "10", "9"],
      ["", "", "工程质量", "10", "10"],
      ["服务对象满意度", "5", "老旧小区居民满意度", "5", "5"],
      ["合计", "", "", "100", "98.1"],
    ]);
    expect(rows.at(-1)?.[6]).toBe("评价等级：优");
    expect(rows[11]?.[6]).toContain("62395");
  });

  it("gives Hangzhou's three levels, the leaf rows' scores adding to 90.7", () => {
    const framework = readFrameworkFile(`${FRAMEWORKS_DIR}hangzhou-2020/framework.yaml`);
    const doc = scoreTableDocument(framework, scoreBuiltin("hangzhou-2020"), { unit: "杭州市" });
    const table = tableOf(doc);
    expect(table.columns.map((c) => c.title).slice(0, 6)).toEqual([
      "一级指标",
      "分值",
      "二级指标",
      "分值",
      "三级指标",
      "分值",
    ]);
    const rows = grid(table);
    expect(rows.at(-1)?.slice(5, 8)).toEqual(["100", "", "90.7"]);
    const satisfaction = rows.find((r) => r.some((t) => t.includes("满意度")) && r[7] === "6.6");
    expect(satisfaction).toBeDefined();
  });

  it("writes a .docx whose XML holds every row, the merges and 98.1, in 仿宋_GB2312 on A4 landscape", async () => {
    const bytes = await renderDocx(zhumadian());
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toContain("98.1");
    expect(texts).toContain("评价等级：优");
    expect(texts).toContain("配建养老服务设施面积完成率");
    expect(texts.filter((t) => t === "资金管理")).toHaveLength(1);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    const footer = Object.keys(zip.files).find((f) => /^word\/footer\d*\.xml$/.test(f)) ?? "";
    expect(await zip.file(footer)?.async("string")).toContain("PAGE");
  });

  it("writes an .xlsx with numbers as numbers, merged level cells and the total", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(zhumadian())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("评分表");
    if (!sheet) throw new Error("no sheet 评分表");
    // Row 1 the title, rows 2–3 the header, rows 4–15 the indicators, row 16 the total.
    expect(sheet.getCell("A4").value).toBe("资金管理");
    expect(sheet.getCell("A4").isMerged).toBe(true);
    expect(sheet.getCell("A6").master.address).toBe("A4");
    expect(sheet.getCell("F4").value).toBe(9.1);
    expect(sheet.getCell("F4").numFmt).toBe("0.0");
    expect(sheet.getCell("F13").value).toBe(9);
    expect(sheet.getCell("F16").value).toBe(98.1);
    expect(sheet.getCell("D16").value).toBe(100);
  });
});
