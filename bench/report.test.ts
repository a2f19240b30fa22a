// The report benchmark's document is a real one: every county's row reaches the docx and the xlsx.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../src/render/docx.ts";
import { renderXlsx } from "../src/render/xlsx.ts";
import { provinceDocument } from "./report.ts";

describe("bench/report's province document", () => {
  it("puts all 200 counties, ranked, into the docx table and the worksheet", async () => {
    const doc = provinceDocument(200);
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(201);
    expect(xml).toContain(">第200县<");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(doc)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("分地区评价");
    // Title, header, then 200 rows: the last county on row 202, its score a number.
    expect(sheet?.getCell("B202").value).toBe("第200县");
    expect(typeof sheet?.getCell("C202").value).toBe("number");
  });
});
