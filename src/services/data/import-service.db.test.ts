import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { community, dataFile, spec } from "../../../test/helpers/data-files.ts";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { addUser } from "../../../test/helpers/fixtures.ts";
import type { Database } from "../../db/index.ts";
import { DomainError } from "../../domain/errors.ts";
import { readWorkbook, writeTemplate } from "../../xlsx/index.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { systemContext } from "../context.ts";
import { communityTotals, exportDataset, listDataRows, updateDataRow } from "./data-service.ts";
import { commitImport, importFile, previewImport } from "./import-service.ts";
import { getRegion } from "./region-service.ts";

const YICHENG = "411702"; // 驿城区
const XIPING = "411721"; // 西平县, its sibling
const system = systemContext("test");

async function rowCount(database: Database, table: string): Promise<number> {
  const result = await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n);
}

async function actorOf(database: Database, username: string, role: Actor["role"], region: string) {
  const user = await addUser(database, username, role, region);
  const { path } = await getRegion(database.db, region);
  const ctx: ServiceContext = {
    actor: { userId: user.id, username, role, regionCode: region, regionPath: path },
    ip: null,
    requestId: null,
  };
  return ctx;
}

async function caught(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error("expected a DomainError");
}

const communities = (...names: string[]) =>
  dataFile(
    "communities",
    names.map((n) => community("驿城区", n)),
    { year: 2020, scopeName: "驿城区" },
  );

const input = (bytes: Uint8Array, fileName = "小区.xlsx", regionCode = YICHENG) => ({
  dataset: "communities",
  regionCode,
  year: 2020,
  fileName,
  bytes,
});

describeOnBothDatabases("importing a data file", (db) => {
  let county: ServiceContext;

  beforeAll(async () => {
    county = await actorOf(db(), "yicheng.clerk", "implementer", YICHENG);
  });

  // Every test starts without community projects, of any year, whatever the tests before imported.
  beforeEach(async () => {
    await db().db.execute(sql`delete from community_projects`);
  });

  /** 驿城区's communities imported from a file of the standard row (320 households, 28500 m², 60.5 万元). */
  const imported = async (...names: string[]) =>
    importFile(db().db, county, input(await communities(...names)));

  it("imports every row in canonical units, and a second import of the same file changes nothing", async () => {
    const bytes = await communities("纺织厂家属院", "人民路12号院");
    const first = await importFile(db().db, county, input(bytes));
    expect(first).toMatchObject({ added: 2, changed: 0, unchanged: 0, status: "committed" });
    const stored = await db().db.execute(
      sql`select area_m2::text as area, invest_local_yuan::text as local, content from community_projects order by name`,
    );
    // 28500 m² and 60.5 万元 = 605000 元, as typed in the file.
    expect((stored as unknown as { rows: unknown[] }).rows).toEqual([
      { area: "28500.00", local: "605000.00", content: "basic,improvement" },
      { area: "28500.00", local: "605000.00", content: "basic,improvement" },
    ]);
    const again = await importFile(db().db, county, input(bytes));
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 2 });
  });

  it("lists every problem of a wrong file at once and writes nothing", async () => {
    const before = await rowCount(db(), "community_projects");
    const imports = await rowCount(db(), "data_imports");
    const bytes = await dataFile(
      "communities",
      [
        community("驿城区", "好的小区"),
        community("西平县", "别人的小区"),
        community("驿城区", "坏数字小区", { households: "三百" }),
        community("驿城区", "", {}),
      ],
      { year: 2020, scopeName: "驿城区" },
    );
    const err = await caught(importFile(db().db, county, input(bytes, "坏文件.xlsx")));
    expect(err.code).toBe("import.invalid");
    expect(err.messageIn("zh-CN")).toBe("文件 坏文件.xlsx 有 3 处错误，整个文件未导入：");
    const issues = (err.details as { issues: { row: number; code: string; zh: string }[] }).issues;
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [5, "region.out_of_scope"],
      [6, "cell.integer"],
      [7, "cell.required"],
    ]);
    expect(issues[1]?.zh).toContain("三百");
    expect(await rowCount(db(), "community_projects")).toBe(before);
    expect(await rowCount(db(), "data_imports")).toBe(imports);
  });

  it("previews the changes, then commits them; a stale preview is refused", async () => {
    await imported("纺织厂家属院", "人民路12号院");
    const changed = await dataFile(
      "communities",
      [community("驿城区", "纺织厂家属院", { households: "330" }), community("驿城区", "新华里")],
      { year: 2020, scopeName: "驿城区" },
    );
    const preview = await previewImport(db().db, county, input(changed));
    expect(preview).toMatchObject({ status: "previewed", added: 1, changed: 1, unchanged: 0 });
    const change = preview.changes.find((c) => c.kind === "changed");
    expect(change).toMatchObject({
      key: "驿城区 / 纺织厂家属院",
      fields: [{ key: "households", before: "320", after: "330" }],
    });
    expect(await rowCount(db(), "community_projects")).toBe(2);

    const committed = await commitImport(db().db, county, preview.importId);
    expect(committed).toMatchObject({ status: "committed", added: 1, changed: 1 });
    expect(await rowCount(db(), "community_projects")).toBe(3);
    expect((await caught(commitImport(db().db, county, preview.importId))).code).toBe(
      "import.already_committed",
    );

    const later = await dataFile(
      "communities",
      [community("驿城区", "纺织厂家属院", { households: "340" })],
      { year: 2020, scopeName: "驿城区" },
    );
    const stale = await previewImport(db().db, county, input(later));
    await importFile(
      db().db,
      county,
      input(
        await dataFile(
          "communities",
          [community("驿城区", "纺织厂家属院", { households: "350" })],
          {
            year: 2020,
            scopeName: "驿城区",
          },
        ),
      ),
    );
    expect((await caught(commitImport(db().db, county, stale.importId))).code).toBe("import.stale");
  });

  it("rolls back everything when the import fails after some rows were written", async () => {
    const before = await rowCount(db(), "community_projects");
    const names = Array.from({ length: 7000 }, (_, i) => `测试小区${i + 1}`);
    const bytes = await communities(...names);
    let written = 0;
    const err = importFile(db().db, system, input(bytes, "大文件.xlsx"), {
      afterChunk: (n) => {
        written = n;
        throw new Error("injected failure after the first chunk");
      },
    });
    await expect(err).rejects.toThrow("injected failure");
    expect(written).toBe(5000);
    expect(await rowCount(db(), "community_projects")).toBe(before);
  });

  it("refuses a county user's import into the sibling county", async () => {
    const bytes = await dataFile("communities", [community("西平县", "别人的小区")], {
      year: 2020,
      scopeName: "西平县",
    });
    const err = await caught(importFile(db().db, county, input(bytes, "x.xlsx", XIPING)));
    expect(err.code).toBe("access.region");
  });

  it("corrects a cell inline with the audit trail, and refuses key columns and bad values", async () => {
    await imported("纺织厂家属院", "人民路12号院", "新华里");
    const page = await listDataRows(db().db, county, "communities", {
      year: 2020,
      q: "新华里",
      page: 1,
      pageSize: 20,
    });
    const row = page.items[0];
    expect(row?.values).toMatchObject({ name: "新华里", area: "28500", investLocal: "60.5" });
    const updated = await updateDataRow(db().db, county, "communities", row?.id ?? 0, {
      investLocal: "1,234.5",
    });
    expect(updated.values.investLocal).toBe("1234.5");
    const audit = await db().db.execute(
      sql`select before, after from audit_log where action = 'data.update' order by id desc limit 1`,
    );
    expect((audit as unknown as { rows: unknown[] }).rows[0]).toEqual({
      before: { investLocal: "605000.00" },
      after: { investLocal: "12345000" },
    });
    const key = await caught(
      updateDataRow(db().db, county, "communities", row?.id ?? 0, { name: "改名" }),
    );
    expect(key.code).toBe("data.key_not_editable");
    const bad = await caught(
      updateDataRow(db().db, county, "communities", row?.id ?? 0, { households: "-3" }),
    );
    expect(bad.code).toBe("data.invalid_value");
  });

  it("computes region totals from the community projects, per child region", async () => {
    await imported("纺织厂家属院", "人民路12号院", "新华里");
    const totals = await communityTotals(db().db, system, { regionCode: "411700", year: 2020 });
    const rows = await db().db.execute(
      sql`select count(*)::int as n, sum(households)::int as households from community_projects where year = 2020`,
    );
    const expected = (rows as unknown as { rows: { n: number; households: number }[] }).rows[0];
    expect(totals.total).toMatchObject({
      regionCode: "411700",
      communities: expected?.n,
      households: expected?.households,
    });
    expect(totals.children.map((c) => [c.regionCode, c.regionName, c.communities])).toEqual([
      ["411702", "驿城区", expected?.n],
    ]);
    // 60.5 + 180 + 40 + 15 万元 per community, the inline correction of 新华里 aside.
    expect(totals.children[0]?.investment).toBe(totals.total.investment);
  });

  it("round-trips template → filled file → import → export with the same values", async () => {
    const template = await writeTemplate(spec("communities"), {
      year: 2021,
      scopeName: "驿城区",
      regionNames: ["驿城区"],
      programmeNames: [],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("小区项目台账");
    if (!sheet) throw new Error("template sheet missing");
    const headers = Array.from(sheet.getRow(2).values as unknown[], (v) => String(v ?? ""));
    const colOf = (prefix: string) => headers.findIndex((h) => h.startsWith(prefix));
    const fill = (r: number, values: Record<string, string | number | Date>) => {
      for (const [prefix, value] of Object.entries(values))
        sheet.getRow(r).getCell(colOf(prefix)).value = value;
    };
    // As a clerk types in Excel: numbers, a date cell, labels from the drop-downs.
    fill(5, {
      地区: "驿城区",
      小区名称: "铁路新村",
      户数: 412,
      楼栋数: 15,
      建筑面积: 35120.5,
      改造内容: "基础类、完善类、提升类",
      中央补助: 210.25,
      居民出资: 12,
      开工日期: new Date(Date.UTC(2021, 3, 8)),
      状态: "在建",
    });
    fill(6, {
      地区: "411702",
      小区名称: '=HYPERLINK("x")',
      户数: "1,204",
      楼栋数: "３６",
      建筑面积: "96,000",
      改造内容: "基础类",
      状态: "未开工",
    });
    // Texts a spreadsheet would take for formulas; the last as an older Jixiao exported it, with a
    // guard apostrophe that the importer still drops.
    const rest = { 改造内容: "基础类", 状态: "未开工" };
    fill(7, {
      地区: "驿城区",
      小区名称: "+86 解放路",
      户数: 10,
      楼栋数: 1,
      建筑面积: 800,
      ...rest,
    });
    fill(8, { 地区: "驿城区", 小区名称: "-A区", 户数: 20, 楼栋数: 2, 建筑面积: 1600, ...rest });
    fill(9, {
      地区: "驿城区",
      小区名称: "'@旧版导出",
      户数: 30,
      楼栋数: 3,
      建筑面积: 2400,
      ...rest,
    });
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const imported = await importFile(db().db, county, {
      ...input(filled, "填好的模板.xlsx"),
      year: 2021,
    });
    expect(imported.added).toBe(5);

    const exported = await exportDataset(db().db, county, "communities", {
      regionCode: YICHENG,
      year: 2021,
    });
    expect(exported.rows).toBe(5);
    const grids = await readWorkbook(exported.bytes, exported.fileName);
    const grid = grids.find((g) => g.name === "小区项目台账");
    const dataRows = (grid?.rows ?? [])
      .slice(3)
      .map((r) => r.slice(1, 8))
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    // The same texts, quote-prefixed in the file (office.test.ts), no apostrophe in the text.
    expect(dataRows).toEqual([
      ["驿城区", "-A区", null, null, 20, 2, 1600],
      ["驿城区", "@旧版导出", null, null, 30, 3, 2400],
      ["驿城区", "+86 解放路", null, null, 10, 1, 800],
      ["驿城区", '=HYPERLINK("x")', null, null, 1204, 36, 96000],
      ["驿城区", "铁路新村", null, null, 412, 15, 35120.5],
    ]);
    const reimport = await importFile(db().db, county, {
      ...input(exported.bytes, exported.fileName),
      year: 2021,
    });
    expect(reimport).toMatchObject({ added: 0, changed: 0, unchanged: 5 });
  });
});

describe("error messages name the file", () => {
  it("says which file is not an xlsx", async () => {
    const err = await caught(readWorkbook(new TextEncoder().encode("a,b\n1,2"), "数据.csv"));
    expect(err.code).toBe("file.unreadable");
    expect(err.messageIn("zh-CN")).toContain("数据.csv");
  });
});
