// The worker threads give exactly what the main thread gives, and a DomainError keeps its code.
import { areaList } from "@vant/area-data";
import { afterAll, describe, expect, it } from "vitest";
import { community, dataFile } from "../../test/helpers/data-files.ts";
import type { ParseContext } from "../domain/datasets/types.ts";
import { DomainError } from "../domain/errors.ts";
import { buildRegionRows } from "../domain/regions.ts";
import type { ReportDocument } from "../domain/reports/index.ts";
import { closeWorkers, configureWorkers, runTask, workerThreads } from "./pool.ts";

const regions = buildRegionRows(areaList).map((r) => ({
  code: r.code,
  name: r.name,
  path: r.path,
  level: r.level,
}));
const scope = regions.find((r) => r.code === "411702");
if (!scope) throw new Error("驿城区 missing from the region list");
const context: ParseContext = { file: "台账.xlsx", year: 2020, regions, scope, programmes: [] };

async function parseBothWays(bytes: Uint8Array) {
  await configureWorkers(0);
  const here = await runTask("parseImport", {
    dataset: "communities",
    fileName: "台账.xlsx",
    bytes,
    context,
  });
  await configureWorkers(1);
  const copy = new Uint8Array(bytes);
  const there = await runTask(
    "parseImport",
    { dataset: "communities", fileName: "台账.xlsx", bytes: copy, context },
    [copy.buffer],
  );
  return { here, there };
}

afterAll(async () => {
  await configureWorkers(undefined);
  await closeWorkers();
});

describe("worker pool", () => {
  it("reads and checks a data file in a thread exactly as on the main thread", async () => {
    // 3,000 rows: more than one slice of 2,000 crosses the thread.
    const rows = Array.from({ length: 3000 }, (_, i) =>
      community("驿城区", `小区${i + 1}`, { households: String(100 + i) }),
    );
    const { here, there } = await parseBothWays(
      await dataFile("communities", rows, { year: 2020, scopeName: "驿城区" }),
    );
    expect(here.rows).toHaveLength(3000);
    expect(here.issues).toEqual([]);
    expect(there.rows).toEqual(here.rows);
    expect(there.skipped).toEqual(here.skipped);
    expect(there.issues).toEqual(here.issues);
    expect(there.rows[2999]?.values.households).toBe("3099");
  });

  it("gives the same problems, cell by cell, for a wrong file", async () => {
    const wrong = [
      community("西平县", "别人的小区"),
      community("驿城区", "坏小区", { households: "三百" }),
      community("驿城区", "好小区"),
    ];
    const { here, there } = await parseBothWays(
      await dataFile("communities", wrong, { year: 2020, scopeName: "驿城区" }),
    );
    expect(here.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, "B", "region.out_of_scope"],
      [5, "F", "cell.integer"],
    ]);
    expect(there.issues).toEqual(here.issues);
    expect(there.rows).toEqual(here.rows);
  });

  it("diffs checked rows against stored ones as on the main thread", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      line: i + 4,
      regionCode: "411702",
      values: { regionCode: "411702", name: `小区${i}`, households: String(i) },
    }));
    // Every other row stored, a third of those with other households: added, changed, unchanged.
    const stored = rows
      .filter((_, i) => i % 2 === 0)
      .map((r, i) => ({
        id: i + 1,
        regionCode: r.regionCode,
        values: { ...r.values, households: i % 3 === 0 ? "9999" : (r.values.households ?? null) },
      }));
    await configureWorkers(0);
    const here = await runTask("diff", { dataset: "communities", rows, stored });
    await configureWorkers(1);
    const there = await runTask("diff", { dataset: "communities", rows, stored });
    expect(here.diff.added).toHaveLength(1250);
    expect(here.diff.changed).toHaveLength(417);
    expect(there).toEqual(here);
  });

  it("throws a worker's DomainError here with the same code, params and message", async () => {
    await configureWorkers(1);
    const notXlsx = new TextEncoder().encode("PK but not a zip at all");
    const thrown = await runTask("parseImport", {
      dataset: "communities",
      fileName: "假的.xlsx",
      bytes: notXlsx,
      context,
    }).catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(DomainError);
    const e = thrown as DomainError;
    expect(e.code).toBe("file.unreadable");
    expect(e.params.file).toBe("假的.xlsx");
    expect(e.messageIn("zh-CN")).toContain("假的.xlsx");
  });

  it("keeps a DomainError's details across the thread", async () => {
    await configureWorkers(1);
    const thrown = await runTask("parseImport", {
      dataset: "no-such-set",
      fileName: "a.xlsx",
      bytes: new Uint8Array(4),
      context,
    }).catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(DomainError);
    const e = thrown as DomainError;
    expect(e.code).toBe("dataset.unknown");
    expect(e.params.name).toBe("no-such-set");
    expect(e.details).toEqual({ field: "dataset", value: "no-such-set" });
  });

  it("answers any other error as an Error, not a DomainError", async () => {
    await configureWorkers(1);
    const thrown = await runTask("renderDocument", {
      doc: {} as ReportDocument,
      format: "docx",
    }).catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(DomainError);
  });

  it("moves a rendered file's bytes back", async () => {
    await configureWorkers(1);
    const bytes = await runTask("writeDataFile", {
      dataset: "communities",
      rows: [community("驿城区", "纺织厂家属院")],
      options: { year: 2020, scopeName: "驿城区" },
    });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
  });

  it("takes its size from JIXIAO_WORKERS", async () => {
    const before = process.env.JIXIAO_WORKERS;
    await configureWorkers(undefined);
    try {
      process.env.JIXIAO_WORKERS = "0";
      expect(workerThreads()).toBe(0);
      process.env.JIXIAO_WORKERS = "3";
      expect(workerThreads()).toBe(3);
    } finally {
      if (before === undefined) delete process.env.JIXIAO_WORKERS;
      else process.env.JIXIAO_WORKERS = before;
    }
  });
});
