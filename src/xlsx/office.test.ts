// The shared spreadsheet rules: text widths and row heights, number formats, print setup, and
// formula-like text written as quote-prefixed text cells (no apostrophe) in every workbook.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { community, spec } from "../../test/helpers/data-files.ts";
import { hasBareTrailingPoint, isQuotePrefixed, stylesOf } from "../../test/helpers/xlsx-styles.ts";
import {
  decimalFormat,
  lineCount,
  markQuotePrefix,
  percentFormat,
  percentNumber,
  rowHeight,
  textWidth,
  writeWorkbook,
} from "./office.ts";
import { tableSheet } from "./table-sheet.ts";
import { writeDataFile, writeTemplate } from "./write.ts";

describe("text width and row height", () => {
  it("counts CJK characters as two units, Latin as one", () => {
    expect(textWidth("A区")).toBe(3);
    expect(textWidth("城镇老旧小区")).toBe(12);
    expect(textWidth("98.1%")).toBe(5);
  });

  it("wraps at the column width, per line break, larger fonts taking more lines", () => {
    // 40 CJK characters = 80 units in a 21-unit column: (21 − 1) × 0.95 = 19 units a line → 5 lines.
    expect(lineCount("一".repeat(40), 21)).toBe(5);
    expect(lineCount("一二\n三四\n五", 21)).toBe(3);
    expect(lineCount("一".repeat(40), 21, 11, false)).toBe(1);
    expect(lineCount("一".repeat(8), 10, 14)).toBeGreaterThan(lineCount("一".repeat(8), 10, 11));
    expect(rowHeight(5)).toBeGreaterThan(5 * 11);
    expect(rowHeight(1)).toBeGreaterThanOrEqual(15);
  });
});

describe("number formats", () => {
  it("prints the decimals of the decimal string and never a bare point", () => {
    expect(decimalFormat("98.1")).toBe("0.0");
    expect(decimalFormat("100")).toBe("0");
    expect(decimalFormat("63120.00", true)).toBe("#,##0.00");
    expect(percentFormat("96.40")).toBe("0.00%");
    expect(percentFormat("40")).toBe("0%");
    expect(hasBareTrailingPoint("#,##0.######")).toBe(true);
    expect(hasBareTrailingPoint("#,##0.00####")).toBe(false);
    expect(hasBareTrailingPoint('0"个"')).toBe(false);
  });

  it("shifts the point in decimal: 96.4% is the double nearest 0.964", () => {
    expect(percentNumber("96.4")).toBe(0.964);
    expect(percentNumber("19.21")).toBe(0.1921);
    expect(percentNumber("0.07")).toBe(0.0007);
  });
});

describe("quote prefix", () => {
  it("marks the cell formats with the text format, in cellXfs only", () => {
    const xml =
      '<styleSheet><cellStyleXfs count="1"><xf numFmtId="49" fontId="0"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="49" fontId="1" applyNumberFormat="1"/>' +
      '<xf numFmtId="49" fontId="2"><alignment wrapText="1"/></xf></cellXfs></styleSheet>';
    expect(markQuotePrefix(xml)).toBe(
      '<styleSheet><cellStyleXfs count="1"><xf numFmtId="49" fontId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="49" fontId="1" applyNumberFormat="1" quotePrefix="1"/>' +
        '<xf numFmtId="49" fontId="2" quotePrefix="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>',
    );
  });

  it("writes formula-like text as quote-prefixed text, without an apostrophe", async () => {
    const workbook = new ExcelJS.Workbook();
    tableSheet(
      workbook,
      "表",
      "=标题",
      ["名称", "电话", "权重", "说明"],
      [
        ["-A区", "+86 解放路", { percent: "40" }, "=1+1"],
        ["-12.5", "普通文本", { percent: "12.5" }, "@备注"],
      ],
      [12, 14, 10, 20],
      ["+ 注：一条说明"],
    );
    const bytes = await writeWorkbook(workbook);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("表");
    if (!sheet) throw new Error("no sheet");
    expect([
      sheet.getCell("A3").value,
      sheet.getCell("B3").value,
      sheet.getCell("D3").value,
    ]).toEqual(["-A区", "+86 解放路", "=1+1"]);
    expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    for (const address of ["A1", "A3", "B3", "D3", "D4", "A6"]) {
      expect(await isQuotePrefixed(bytes, "sheet1.xml", address), address).toBe(true);
    }
    // A plain number's text and ordinary text need no guard.
    expect(await isQuotePrefixed(bytes, "sheet1.xml", "A4")).toBe(false);
    expect(await isQuotePrefixed(bytes, "sheet1.xml", "B4")).toBe(false);
    expect(sheet.getCell("A4").value).toBe("-12.5");
    // Weights as numbers: 40% is 0.4 shown "0%", 12.5% is 0.125 shown "0.0%".
    expect([sheet.getCell("C3").value, sheet.getCell("C3").numFmt]).toEqual([0.4, "0%"]);
    expect([sheet.getCell("C4").value, sheet.getCell("C4").numFmt]).toEqual([0.125, "0.0%"]);
  });

  it("leaves a workbook without formula-like text as exceljs wrote it", async () => {
    const workbook = new ExcelJS.Workbook();
    tableSheet(workbook, "表", "标题", ["名称"], [["甲"]], [10]);
    const { xfs } = await stylesOf(await writeWorkbook(workbook));
    expect(xfs.some((xf) => xf.includes("quotePrefix"))).toBe(false);
  });
});

describe("the table sheet", () => {
  it("sets row heights for wrapped and merged text, A4 print setup and the repeated header", async () => {
    const long = "各地区按因素法测算分配金额，".repeat(6);
    const workbook = new ExcelJS.Workbook();
    tableSheet(
      workbook,
      "表",
      "资金分配模型参数",
      ["类别", "说明"],
      [["因素", long]],
      [10, 20],
      [long],
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeWorkbook(workbook)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("表");
    if (!sheet) throw new Error("no sheet");
    // 84 CJK characters = 168 units in a 20-unit column: ⌈168 ÷ 18.05⌉ = 10 lines.
    expect(lineCount(long, 20)).toBe(10);
    expect(sheet.getRow(3).height).toBeGreaterThanOrEqual(rowHeight(10));
    // The note is merged over both columns (30 units): fewer lines, still its own height.
    expect(sheet.getRow(5).height).toBeGreaterThanOrEqual(rowHeight(lineCount(long, 30)));
    expect(sheet.getRow(5).height).toBeLessThan(sheet.getRow(3).height ?? 0);
    expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(rowHeight(1, 14));
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "2:2",
    });
  });

  it("turns a wide table to landscape", async () => {
    const workbook = new ExcelJS.Workbook();
    tableSheet(workbook, "表", "宽表", ["甲", "乙", "丙"], [["1", "2", "3"]], [40, 50, 40]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeWorkbook(workbook)) as unknown as ArrayBuffer);
    expect(book.getWorksheet("表")?.pageSetup.orientation).toBe("landscape");
  });
});

describe("data-set templates and exports", () => {
  it("prints no bare trailing point, sizes the 填写说明 row and repeats the header", async () => {
    const communities = spec("communities");
    const template = await writeTemplate(communities, {
      year: 2021,
      scopeName: "驿城区",
      regionNames: ["驿城区"],
      programmeNames: [],
    });
    expect((await stylesOf(template)).formats.filter(hasBareTrailingPoint)).toEqual([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(communities.sheet);
    if (!sheet) throw new Error("no data sheet");
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: "2:2" });
    // Row 3 is 填写说明: each column's note at size 9, wrapped in its column.
    let need = 0;
    sheet.getRow(3).eachCell((cell, c) => {
      const text = String(cell.value ?? "");
      need = Math.max(need, rowHeight(lineCount(text, sheet.getColumn(c).width ?? 0, 9), 9));
    });
    expect(need).toBeGreaterThan(rowHeight(1, 9));
    expect(sheet.getRow(3).height).toBeGreaterThanOrEqual(need);
    const notes = book.getWorksheet("填写说明");
    if (!notes) throw new Error("no 填写说明");
    notes.eachRow((row, r) => {
      expect(row.height, `填写说明 row ${r}`).toBeGreaterThanOrEqual(rowHeight(1));
    });
  });

  it("exports amounts and areas as numbers shown with their own decimals, texts quote-prefixed", async () => {
    const communities = spec("communities");
    const bytes = await writeDataFile(
      communities,
      [
        community("-A区", "+86 解放路", { area: "35120.5", investCentral: "210.25" }),
        community("驿城区", '=HYPERLINK("x")', { area: "63120", investCentral: "12" }),
      ],
      { year: 2021, scopeName: "驿城区" },
    );
    expect((await stylesOf(bytes)).formats.filter(hasBareTrailingPoint)).toEqual([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(communities.sheet);
    if (!sheet) throw new Error("no data sheet");
    const headers = Array.from(sheet.getRow(2).values as unknown[], (v) => String(v ?? ""));
    const col = (prefix: string) => headers.findIndex((h) => h.startsWith(prefix));
    expect([sheet.getCell(4, col("地区")).value, sheet.getCell(4, col("小区名称")).value]).toEqual([
      "-A区",
      "+86 解放路",
    ]);
    for (const [r, c] of [
      [4, col("地区")],
      [4, col("小区名称")],
      [5, col("小区名称")],
    ] as const) {
      const address = sheet.getCell(r, c).address;
      expect(await isQuotePrefixed(bytes, "sheet1.xml", address), address).toBe(true);
    }
    const area = col("建筑面积");
    const central = col("中央补助");
    expect([sheet.getCell(4, area).value, sheet.getCell(4, area).numFmt]).toEqual([
      35120.5,
      "#,##0.0",
    ]);
    expect([sheet.getCell(5, area).value, sheet.getCell(5, area).numFmt]).toEqual([63120, "#,##0"]);
    expect([sheet.getCell(5, central).value, sheet.getCell(5, central).numFmt]).toEqual([
      12,
      "#,##0.00",
    ]);
    expect(sheet.getRow(4).height).toBeGreaterThanOrEqual(rowHeight(1));
  });
});
