import { areaList } from "@vant/area-data";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildZip, rowBomb } from "../../test/helpers/zip-bomb.ts";
import { parseSheet } from "../domain/datasets/parse-sheet.ts";
import { findDataset } from "../domain/datasets/specs/index.ts";
import type { ParseContext, RegionRef } from "../domain/datasets/types.ts";
import { DomainError } from "../domain/errors.ts";
import { buildRegionRows } from "../domain/regions.ts";
import { generate } from "../gen/index.ts";
import { readWorkbook, readWorkbookWithExcelJS } from "./read.ts";
import { writeDataFile, writeTemplate } from "./write.ts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Parts {
  sheets: { name: string; xml: string; state?: string }[];
  strings?: string;
  styles?: string;
  workbookPr?: string;
}

/** An .xlsx from hand-written XML parts, for what exceljs never writes (inline strings, prefixes…). */
function xlsxOf(parts: Parts): Promise<Buffer> {
  const sheetTags = parts.sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const rels = parts.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  return buildZip([
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${parts.workbookPr ?? ""}<sheets>${sheetTags}</sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
      ),
    },
    ...(parts.styles
      ? [
          {
            name: "xl/styles.xml",
            data: Buffer.from(`<styleSheet xmlns="${MAIN}">${parts.styles}</styleSheet>`),
          },
        ]
      : []),
    ...(parts.strings
      ? [
          {
            name: "xl/sharedStrings.xml",
            data: Buffer.from(`<sst xmlns="${MAIN}">${parts.strings}</sst>`),
          },
        ]
      : []),
    ...parts.sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${s.xml}</sheetData></worksheet>`,
      ),
    })),
  ]);
}

async function caught(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.catch((e: unknown) => e);
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  return err;
}

describe("streamed reading: the same grids as exceljs", () => {
  it("reads a merged two-row header, shared and rich strings, dates, percents, formulas and a hidden sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表2-3");
    sheet.getCell("A1").value = "地市";
    sheet.mergeCells("A1:A2");
    sheet.getCell("B1").value = "改造计划";
    sheet.mergeCells("B1:C1");
    sheet.getCell("D1").value = "完成情况";
    sheet.mergeCells("D1:E1");
    sheet.getCell("B2").value = { richText: [{ text: "户数" }, { text: "（户）" }] };
    sheet.getCell("C2").value = "楼栋数";
    sheet.getCell("D2").value = "户数（户）";
    sheet.getCell("E2").value = "开工日期";
    sheet.getCell("A3").value = "汕头市";
    sheet.getCell("B3").value = { formula: "19000+136", result: 19136 };
    sheet.getCell("C3").value = { formula: "500+38" };
    sheet.getCell("D3").value = 0.9325;
    sheet.getCell("D3").numFmt = "0.00%";
    sheet.getCell("E3").value = new Date(Date.UTC(2024, 2, 1));
    sheet.getCell("A4").value = "汕头市";
    sheet.getCell("B4").value = true;
    sheet.getCell("C4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    sheet.getCell("D4").value = 'a < b & "c"';
    sheet.getCell("E4").value = { text: "链接", hyperlink: "https://example.org" };
    sheet.getCell("A6").value = "  两端空格  ";
    sheet.getCell("B6").value = "换行\n第二行";
    const options = workbook.addWorksheet("选项", { state: "hidden" });
    options.getCell("A1").value = "中央补助";
    const notes = workbook.addWorksheet("填写说明");
    notes.getCell("A1").value = "说明";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const grids = await readWorkbook(bytes, "广东.xlsx");
    expect(grids).toEqual(await readWorkbookWithExcelJS(bytes, "广东.xlsx"));
    expect(grids.map((g) => g.name)).toEqual(["表2-3", "填写说明", "选项"]);
    expect(grids[0]?.rows).toEqual([
      ["地市", "改造计划", "改造计划", "完成情况", "完成情况"],
      ["地市", "户数（户）", "楼栋数", "户数（户）", "开工日期"],
      ["汕头市", 19136, null, "93.25%", new Date(Date.UTC(2024, 2, 1))],
      ["汕头市", true, "#N/A", 'a < b & "c"', "链接"],
      [],
      ["  两端空格  ", "换行\n第二行"],
    ]);
    expect(grids[0]?.formulasWithoutResult).toEqual([{ row: 3, column: 3 }]);
  });

  it("reads a template written by Jixiao exactly as exceljs does", async () => {
    const spec = findDataset("communities");
    if (!spec) throw new Error("communities");
    const bytes = await writeTemplate(spec, {
      year: 2024,
      scopeName: "广东省",
      regionNames: ["广东省", "汕头市"],
      programmeNames: ["2024年城镇老旧小区改造专项资金"],
    });
    const grids = await readWorkbook(bytes, "模板.xlsx");
    expect(grids).toEqual(await readWorkbookWithExcelJS(bytes, "模板.xlsx"));
    expect(grids[0]?.rows[0]?.[0]).toBe("小区项目台账（2024年度 · 广东省）");
  });
  it("reads every data set's generated file (with 1% wrong cells) exactly as exceljs does", async () => {
    const generated = generate(buildRegionRows(areaList), {
      counties: 4,
      communitiesPerCounty: 6,
      year: 2024,
      seed: 7,
      errorRate: 0.01,
    });
    expect(generated.files.length).toBeGreaterThanOrEqual(6);
    for (const file of generated.files) {
      const spec = findDataset(file.dataset);
      if (!spec) throw new Error(file.dataset);
      const bytes = await writeDataFile(spec, file.rows, { year: 2024, scopeName: "全国" });
      const grids = await readWorkbook(bytes, `${file.dataset}.xlsx`);
      expect(grids, file.dataset).toEqual(await readWorkbookWithExcelJS(bytes, "x.xlsx"));
      expect(grids[0]?.rows.length, file.dataset).toBeGreaterThan(3);
    }
  });
});

describe("streamed reading: XML that exceljs does not write", () => {
  it("reads inline strings, prefixed names, entities, _x000D_ escapes, CDATA and phonetic runs", async () => {
    const strings =
      '<si><t>地区</t></si><si><r><t>金额</t></r><r><t xml:space="preserve">（万元）</t></r><rPh sb="0" eb="2"><t>きんがく</t></rPh></si><si><t>行一_x000D_行二</t></si>';
    const xml =
      '<x:row r="1" xmlns:x="m"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>&#27733;&#x5934;市 &amp; 潮州</t></is></c><c r="B2"><v>12.5</v></c><c r="C2" t="s"><v>2</v></c></row>' +
      '<row r="3"><c r="A3" t="str"><f>A2</f><v><![CDATA[<汕头>]]></v></c><c r="C3" t=\'b\'><v>0</v></c></row>';
    const bytes = await xlsxOf({ strings, sheets: [{ name: "数据", xml }] });
    const [grid] = await readWorkbook(bytes, "手写.xlsx");
    expect(grid?.rows).toEqual([
      ["地区", "金额（万元）"],
      ["汕头市 & 潮州", 12.5, "行一\r行二"],
      ["<汕头>", null, false],
    ]);
  });

  it("turns date serials into dates by the cell's style (1900 and 1904 systems), built-in formats too", async () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="166"/><xf numFmtId="10"/></cellXfs>';
    const xml =
      '<row r="1"><c r="A1" s="1"><v>45352</v></c><c r="B1" s="2"><v>45657.5</v></c><c r="C1" s="3"><v>0.1921</v></c><c r="D1"><v>45352</v></c></row>';
    const grid = async (workbookPr?: string) =>
      (
        await readWorkbook(
          await xlsxOf({
            styles,
            sheets: [{ name: "数据", xml }],
            ...(workbookPr && { workbookPr }),
          }),
          "日期.xlsx",
        )
      )[0]?.rows[0];
    expect(await grid()).toEqual([
      new Date(Date.UTC(2024, 2, 1)),
      new Date(Date.UTC(2024, 11, 31, 12)),
      "19.21%",
      45352,
    ]);
    expect((await grid('<workbookPr date1904="1"/>'))?.[0]).toEqual(new Date(Date.UTC(2028, 2, 2)));
  });

  it("places cells without a reference after the previous one, and rows without a number after the last", async () => {
    const xml = '<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>';
    const [grid] = await readWorkbook(await xlsxOf({ sheets: [{ name: "数据", xml }] }), "x.xlsx");
    expect(grid?.rows).toEqual([[], [null, 1, 2], [3]]);
  });
});

describe("streamed reading: damaged and hostile files", () => {
  it("refuses a DTD (entity expansion) and cut-off XML as unreadable, naming the file", async () => {
    const dtd = await buildZip([
      {
        name: "xl/workbook.xml",
        data: Buffer.from(
          `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><workbook xmlns="${MAIN}"><sheets/></workbook>`,
        ),
      },
    ]);
    const cut = await xlsxOf({ sheets: [{ name: "数据", xml: '<row r="1"><c r="A1"><v>1</v>' }] });
    const badString = await xlsxOf({
      sheets: [{ name: "数据", xml: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' }],
      strings: "<si><t>仅一项</t></si>",
    });
    // A worksheet cut inside a row, and a shared string that does not exist.
    for (const bytes of [dtd, cut, badString]) {
      const err = await caught(readWorkbook(bytes, "坏.xlsx"));
      expect(err.code).toBe("file.unreadable");
      expect(err.messageIn("zh-CN")).toBe(
        "无法读取文件 坏.xlsx：不是有效的 .xlsx 文件（请在 Excel 或 WPS 中另存为 .xlsx）/ not a valid .xlsx file",
      );
    }
  });

  it("refuses a zip bomb at the guard, before any XML is parsed", async () => {
    const err = await caught(readWorkbook(await rowBomb(400, { lieAboutSize: true }), "炸弹.xlsx"));
    expect(err.code).toBe("file.too_large");
    expect(err.details).toMatchObject({ measure: "rows", limit: 200_000 });
  });
});

describe("streamed reading into the checks", () => {
  it("names a bad cell by sheet, row, column and header", async () => {
    const spec = findDataset("funds");
    if (!spec) throw new Error("funds");
    const template = await writeTemplate(spec, {
      year: 2024,
      scopeName: "广东省",
      regionNames: ["广东省", "汕头市"],
      programmeNames: ["2024年城镇老旧小区改造专项资金"],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("资金来源") as ExcelJS.Worksheet;
    sheet.getRow(5).values = [
      "1",
      "汕头市",
      "2024年城镇老旧小区改造专项资金",
      "中央补助",
      "十二万",
    ];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const gd: RegionRef = {
      code: "440000",
      name: "广东省",
      path: "/000000/440000/",
      level: "province",
    };
    const context: ParseContext = {
      file: "资金.xlsx",
      year: 2024,
      regions: [
        gd,
        { code: "440500", name: "汕头市", path: "/000000/440000/440500/", level: "city" },
      ],
      scope: gd,
      programmes: [
        {
          id: 7,
          name: "2024年城镇老旧小区改造专项资金",
          regionCode: "440000",
          regionPath: gd.path,
        },
      ],
    };
    const parsed = parseSheet(spec, await readWorkbook(bytes, "资金.xlsx"), context);
    expect(parsed.issueCount).toBe(1);
    expect(parsed.issues[0]).toMatchObject({
      sheet: "资金来源",
      row: 5,
      column: "E",
      field: "金额（万元）*",
      value: "十二万",
      code: "cell.number",
    });
  });
});
