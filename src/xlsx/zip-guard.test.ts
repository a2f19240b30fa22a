import { describe, expect, it } from "vitest";
import {
  buildZip,
  rowBomb,
  rowXml,
  SHEET_FOOT,
  SHEET_HEAD,
  textBomb,
  xlsxOfRows,
} from "../../test/helpers/zip-bomb.ts";
import { DomainError } from "../domain/errors.ts";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "../domain/upload-limits.ts";
import { readWorkbook } from "./read.ts";
import { inspectXlsx, TagCounter } from "./zip-guard.ts";

const MB = 1024 * 1024;

async function refusal(bytes: Uint8Array, limits?: UploadLimits): Promise<DomainError> {
  const err = await inspectXlsx(bytes, "县级数据.xlsx", limits).catch((e: unknown) => e);
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  return err;
}

function rows(from: number, count: number, width = 3): Buffer {
  const lines: string[] = [];
  for (let i = from; i < from + count; i += 1) {
    lines.push(rowXml(i, [`地区${i}`, ...Array.from({ length: width - 1 }, (_, j) => i * j)]));
  }
  return Buffer.from(lines.join(""));
}

const limits = (patch: Partial<UploadLimits>): UploadLimits => ({
  ...DEFAULT_UPLOAD_LIMITS,
  ...patch,
});

describe("inspectXlsx: zip bombs", () => {
  it("refuses a 1.6 MB file whose sheet inflates to 400 MB of rows, at the row limit", async () => {
    const bytes = await rowBomb(400, { lieAboutSize: true });
    expect(bytes.length).toBeLessThan(2 * MB);
    const err = await refusal(bytes);
    expect(err.code).toBe("file.too_large");
    expect(err.details).toEqual({
      file: "县级数据.xlsx",
      measure: "rows",
      limit: 200_000,
      setting: "JIXIAO_IMPORT_MAX_ROWS",
    });
    expect(err.messageIn("zh-CN")).toBe(
      "文件 县级数据.xlsx 工作表的行数超过上限（200,000 行），未读取；请拆分后分批上传，或请管理员调高 JIXIAO_IMPORT_MAX_ROWS",
    );
    expect(err.messageIn("en-US")).toBe(
      "File 县级数据.xlsx: the number of worksheet rows exceeds the limit (200,000 rows); nothing was read. Split it, or ask the administrator to raise JIXIAO_IMPORT_MAX_ROWS",
    );
  });

  it("counts the bytes actually inflated: headers that claim 1 KB do not hide 400 MB of text", async () => {
    const bytes = await textBomb(400, { lieAboutSize: true });
    expect(bytes.length).toBeLessThan(MB);
    const err = await refusal(bytes);
    expect(err.details).toMatchObject({ measure: "expanded", limit: 200 * MB });
    expect(err.messageIn("zh-CN")).toBe(
      "文件 县级数据.xlsx 解压后超过上限（200 MB），未读取；请拆分后分批上传，或请管理员调高 JIXIAO_UPLOAD_MAX_EXPANDED_MB",
    );
    // Under the limit a lying file is inflated to its end and counted exactly.
    const smaller = await textBomb(40, { lieAboutSize: true });
    const census = await inspectXlsx(smaller, "x.xlsx", limits({ maxExpandedBytes: 41 * MB }));
    expect(census.expandedBytes).toBeGreaterThan(40 * MB);
    expect(census.expandedBytes).toBeLessThan(41 * MB);
    expect(census.rows).toBe(1);
  });

  it("inflates what a directory entry hides too", async () => {
    const hidden = await buildZip([
      {
        name: "xl/media/",
        data: { repeat: Buffer.alloc(MB, "a"), times: 300 },
        lieAboutSize: true,
      },
    ]);
    expect((await refusal(hidden)).details).toMatchObject({ measure: "expanded" });
  });

  it("believes honest headers that declare too much, without inflating", async () => {
    const err = await refusal(await textBomb(300));
    expect(err.details).toMatchObject({ measure: "expanded" });
  });

  it("names a lowered size limit in the message", async () => {
    const err = await refusal(await textBomb(3), limits({ maxExpandedBytes: 2 * MB }));
    expect(err.messageIn("en-US")).toContain("exceeds the limit (2 MB)");
  });
});

describe("inspectXlsx: rows, cells, parts", () => {
  it("counts every row and cell, across chunk boundaries, stored or deflated", async () => {
    // Rows of varying length put the tags at every offset of the 64 KB chunks.
    const sheet = Buffer.concat([
      SHEET_HEAD,
      Buffer.from('<cols><col min="1" max="3" width="9"/></cols><customSheetView/>'),
      rows(1, 40_000),
      SHEET_FOOT,
    ]);
    for (const stored of [true, false]) {
      const bytes = await buildZip([{ name: "xl/worksheets/sheet1.xml", data: sheet, stored }]);
      const census = await inspectXlsx(bytes, "x.xlsx");
      expect(census).toEqual({
        entries: 1,
        expandedBytes: sheet.length,
        rows: 40_000,
        cells: 120_000,
        strings: 0,
      });
    }
  });

  it("refuses one row more than a lowered limit, and takes the limit itself", async () => {
    const small = limits({ maxRows: 50 });
    expect((await inspectXlsx(await xlsxOfRows(rows(1, 50)), "x.xlsx", small)).rows).toBe(50);
    const err = await refusal(await xlsxOfRows(rows(1, 51)), small);
    expect(err.details).toMatchObject({ measure: "rows", limit: 50 });
    expect(err.messageIn("zh-CN")).toContain("工作表的行数超过上限（50 行）");
  });

  it("holds the real default: 200,000 rows pass, 201,000 do not", async () => {
    const thousand = rows(1, 1000, 2);
    const at = await xlsxOfRows({ repeat: thousand, times: 200 });
    expect((await inspectXlsx(at, "x.xlsx")).rows).toBe(200_000);
    const over = await xlsxOfRows({ repeat: thousand, times: 201 });
    expect((await refusal(over)).details).toMatchObject({ measure: "rows", limit: 200_000 });
  });

  it("refuses too many cells, and too many shared strings", async () => {
    const err = await refusal(await xlsxOfRows(rows(1, 10, 10)), limits({ maxCells: 99 }));
    expect(err.details).toMatchObject({ measure: "cells", limit: 99 });
    expect(err.messageIn("en-US")).toContain("(99 cells)");
    const strings = Buffer.from(`<sst>${"<si><t>x</t></si>".repeat(100)}</sst>`);
    const bytes = await buildZip([{ name: "xl/sharedStrings.xml", data: strings }]);
    expect((await inspectXlsx(bytes, "x.xlsx", limits({ maxCells: 100 }))).strings).toBe(100);
    const over = await refusal(bytes, limits({ maxCells: 99 }));
    expect(over.details).toMatchObject({ measure: "cells" });
  });

  it("refuses a zip of too many parts before reading any", async () => {
    const parts = Array.from({ length: 30 }, (_, i) => ({
      name: `xl/media/image${i}.png`,
      data: Buffer.from("x"),
    }));
    const err = await refusal(await buildZip(parts), limits({ maxEntries: 20 }));
    expect(err.details).toMatchObject({ measure: "entries", limit: 20 });
    expect(err.messageIn("zh-CN")).toContain("压缩包内的文件数超过上限（20 个）");
  });
});

describe("TagCounter", () => {
  it("counts a tag split across two chunks at any byte exactly once", () => {
    const xml = '<row r="1"><c r="A1"/><cols/><c\n>x</c></row><row>';
    for (let cut = 0; cut <= xml.length; cut += 1) {
      const counter = new TagCounter(["<row", "<c"]);
      counter.push(Buffer.from(xml.slice(0, cut), "latin1"));
      counter.push(Buffer.from(xml.slice(cut), "latin1"));
      counter.push(Buffer.from(" ", "latin1"));
      expect(counter.counts).toEqual([2, 2]);
    }
  });
});

describe("inspectXlsx: damaged files", () => {
  it("answers file.unreadable for a truncated zip, garbage after PK, or broken deflate data", async () => {
    const good = await xlsxOfRows(rows(1, 100));
    const broken = Buffer.from(good);
    // Inside the sheet's compressed data (the last part before the central directory).
    const sheetAt = broken.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + 40;
    broken.fill(0xff, sheetAt, sheetAt + 200);
    for (const bytes of [
      good.subarray(0, good.length - 30),
      Buffer.concat([Buffer.from("PK"), Buffer.alloc(2000, 7)]),
      broken,
    ]) {
      const err = await refusal(bytes);
      expect(err.code).toBe("file.unreadable");
      expect(err.messageIn("zh-CN")).toBe(
        "无法读取文件 县级数据.xlsx：不是有效的 .xlsx 文件（请在 Excel 或 WPS 中另存为 .xlsx）/ not a valid .xlsx file",
      );
    }
  });
});

describe("readWorkbook behind the guard", () => {
  it("refuses the bomb before exceljs, and reads a file within the limits", async () => {
    const err = await readWorkbook(await rowBomb(400, { lieAboutSize: true }), "炸弹.xlsx").catch(
      (e: unknown) => e,
    );
    expect((err as DomainError).code).toBe("file.too_large");
    const small = await xlsxOfRows(Buffer.from(rowXml(1, ["地区", "金额"]) + rowXml(2, ["甲", 5])));
    const [grid] = await readWorkbook(small, "小.xlsx", limits({ maxRows: 2 }));
    expect(grid?.rows).toEqual([
      ["地区", "金额"],
      ["甲", 5],
    ]);
    const over = await readWorkbook(small, "小.xlsx", limits({ maxRows: 1 })).catch((e) => e);
    expect((over as DomainError).details).toMatchObject({ measure: "rows", limit: 1 });
  });
});
