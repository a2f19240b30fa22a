// An export opened and saved again in LibreOffice (as a user does in Excel or WPS before sending it
// back) imports with no change at all: every demo export, and a community file whose names start
// with =, + and - (written as quote-prefixed text, not formulas, with no apostrophe to be seen).
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { exportDataset } from "../../src/services/data/data-service.ts";
import { importFile, previewImport } from "../../src/services/data/import-service.ts";
import { systemContext } from "../../src/services/index.ts";
import { community, dataFile } from "../helpers/data-files.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";
import { convertWithOffice, removeConverted } from "../helpers/office.ts";

const ctx = systemContext("test");
const manifest = JSON.parse(readFileSync("demo/manifest.json", "utf8")) as {
  regionCode: string;
  year: number;
  files: string[];
}[];

/** Names that a spreadsheet would take for formulas if they were not written as text. */
const HOSTILE = ["=33623户", "+86 解放路", "-A区", "@小区", '=HYPERLINK("x")'];

describeOnBothDatabases("exports re-saved by LibreOffice", "demo", (db) => {
  const exports: Record<string, Uint8Array> = {};
  const where = new Map<string, { dataset: string; regionCode: string; year: number }>();
  let resaved: Record<string, string> = {};

  beforeAll(async () => {
    const hostile = await dataFile(
      "communities",
      HOSTILE.map((name) => community("驿城区", name, { address: name })),
      { year: 2020, scopeName: "驿城区" },
    );
    const imported = await importFile(db().db, ctx, {
      dataset: "communities",
      regionCode: "411702",
      year: 2020,
      fileName: "小区.xlsx",
      bytes: hostile,
    });
    expect(imported.added).toBe(HOSTILE.length);
    const sources = [
      ...manifest.flatMap((m) =>
        m.files.map((f) => ({
          dataset: f.replace(/\.xlsx$/, ""),
          regionCode: m.regionCode,
          year: m.year,
        })),
      ),
      { dataset: "communities", regionCode: "411702", year: 2020 },
    ];
    for (const source of sources) {
      const file = await exportDataset(db().db, ctx, source.dataset, source);
      const name = `${source.regionCode}-${source.dataset}.xlsx`;
      exports[name] = file.bytes;
      where.set(name, source);
    }
    resaved = await convertWithOffice(exports, "xlsx");
  });

  afterAll(() => removeConverted(resaved));

  it("imports every re-saved export with 0 added and 0 changed", async () => {
    expect(Object.keys(resaved).sort()).toEqual(Object.keys(exports).sort());
    const outcomes = [];
    for (const [name, path] of Object.entries(resaved)) {
      const source = where.get(name);
      if (!source) throw new Error(name);
      const preview = await previewImport(db().db, ctx, {
        ...source,
        fileName: name,
        bytes: new Uint8Array(readFileSync(path)),
      });
      // A refused file throws `import.invalid` with its problems: the test fails naming them.
      outcomes.push({
        name,
        added: preview.added,
        changed: preview.changed,
        changes: preview.changes.slice(0, 2),
        unchanged: preview.unchanged > 0,
      });
    }
    expect(outcomes).toEqual(
      outcomes.map((o) => ({ name: o.name, added: 0, changed: 0, changes: [], unchanged: true })),
    );
  });

  it("keeps the =, + and - names as text: no formula, no apostrophe, in Jixiao's file and LibreOffice's", async () => {
    for (const bytes of [
      exports["411702-communities.xlsx"],
      resaved["411702-communities.xlsx"] && readFileSync(resaved["411702-communities.xlsx"]),
    ]) {
      if (!bytes) throw new Error("the communities export is missing");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const names: unknown[] = [];
      sheet?.eachRow((row, r) => {
        // LibreOffice writes its strings as rich text: the plain text is what a reader sees.
        if (r > 3) names.push(row.getCell(3).text);
      });
      expect([...names].sort()).toEqual([...HOSTILE].sort());
    }
  });
});
