import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { findDataset } from "../domain/datasets/specs/index.ts";
import { DomainError } from "../domain/errors.ts";
import { readWorkbook } from "./read.ts";
import { writeTemplate } from "./write.ts";

async function bytesOf(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet("表2-3"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("readWorkbook", () => {
  it("fills merged cells, keeps percent cells as text, reads formulas by their result", async () => {
    const bytes = await bytesOf((sheet) => {
      sheet.getCell("A1").value = "地市";
      sheet.mergeCells("A1:A2");
      sheet.getCell("B1").value = "改造计划";
      sheet.mergeCells("B1:C1");
      sheet.getCell("B2").value = { richText: [{ text: "户数" }, { text: "（户）" }] };
      sheet.getCell("C2").value = "楼栋数";
      sheet.getCell("A3").value = "汕头市";
      sheet.getCell("B3").value = { formula: "19000+136", result: 19136 };
      sheet.getCell("C3").value = { formula: "500+38" };
      sheet.getCell("D3").value = 0.9325;
      sheet.getCell("D3").numFmt = "0.00%";
      sheet.getCell("E3").value = new Date(Date.UTC(2024, 11, 31));
      sheet.getCell("A6").value = null;
    });
    const [grid] = await readWorkbook(bytes, "广东.xlsx");
    expect(grid?.rows).toEqual([
      ["地市", "改造计划", "改造计划"],
      ["地市", "户数（户）", "楼栋数"],
      ["汕头市", 19136, null, "93.25%", new Date(Date.UTC(2024, 11, 31))],
    ]);
    expect(grid?.formulasWithoutResult).toEqual([{ row: 3, column: 3 }]);
  });

  it("refuses what is not an .xlsx, naming the file", async () => {
    for (const bytes of [
      new Uint8Array(),
      new TextEncoder().encode("地区,金额\n"),
      new Uint8Array([0x50, 0x4b, 1, 2]),
    ]) {
      const err = await readWorkbook(bytes, "资金.xls").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).messageIn("zh-CN")).toBe(
        "无法读取文件 资金.xls：不是有效的 .xlsx 文件（请在 Excel 或 WPS 中另存为 .xlsx）/ not a valid .xlsx file",
      );
    }
  });
});

describe("writeTemplate", () => {
  it("writes title, headers with units, notes, an example row, drop-downs and instructions", async () => {
    const spec = findDataset("funds");
    if (!spec) throw new Error("funds");
    const bytes = await writeTemplate(spec, {
      year: 2024,
      scopeName: "广东省",
      regionNames: ["广东省", "汕头市"],
      programmeNames: ["2024年城镇老旧小区改造专项资金"],
    });
    const grids = await readWorkbook(bytes, "模板.xlsx");
    expect(grids.map((g) => g.name)).toEqual(["资金来源", "填写说明", "选项"]);
    const rows = grids[0]?.rows ?? [];
    expect(rows[0]?.[0]).toBe("资金来源（2024年度 · 广东省）");
    expect(rows[1]).toEqual([
      "序号",
      "地区*",
      "项目名称*",
      "资金来源*",
      "金额（万元）*",
      "文号",
      "下达日期",
    ]);
    expect(rows[2]?.[0]).toBe("填写说明");
    expect(rows[3]?.slice(0, 5)).toEqual([
      "示例",
      "杭州市",
      "2024年城镇老旧小区改造专项资金",
      "中央补助",
      72272.36,
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("选项")?.state).toBe("hidden");
    const sheet = workbook.getWorksheet("资金来源") as ExcelJS.Worksheet & {
      dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> };
    };
    const rules = Object.entries(sheet.dataValidations.model);
    const sourceRule = rules.find(([range]) => range.startsWith("D5"));
    expect(sourceRule?.[1]).toMatchObject({ type: "list", formulae: ["选项!$C$2:$C$12"] });
  });
});
