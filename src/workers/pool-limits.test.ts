// A thread that runs out of heap or exits mid-task answers a DomainError (413 / 503), never a 500.
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { community } from "../../test/helpers/data-files.ts";
import { DomainError } from "../domain/errors.ts";
import { closeWorkers, configureWorkers, runTask } from "./pool.ts";

const hungry = new URL("../../test/workers/hungry-worker.mjs", import.meta.url).href;

afterAll(async () => {
  await configureWorkers(undefined);
  await closeWorkers();
});

async function cellsOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const cells: unknown[] = [sheet.name];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells.push([r, c, cell.value, cell.numFmt ?? null]);
      });
    });
    return cells;
  });
}

describe("worker limits", () => {
  it("writes an export in a thread cell for cell as on the main thread", async () => {
    // 2,500 rows: more than one slice crosses the thread.
    const input = {
      dataset: "communities",
      rows: Array.from({ length: 2500 }, (_, i) =>
        community("驿城区", `小区${i + 1}`, { households: String(100 + i) }),
      ),
      options: { year: 2020, scopeName: "驿城区" },
    };
    await configureWorkers(0);
    const here = await cellsOf(await runTask("writeDataFile", input));
    await configureWorkers(1);
    const there = await cellsOf(await runTask("writeDataFile", input));
    expect(there).toEqual(here);
    expect(JSON.stringify(here)).toContain("小区2500");
  });

  it("answers task.too_large (413) when a thread runs out of heap", async () => {
    await configureWorkers(1, { filename: hungry, maxOldGenerationSizeMb: 16 });
    const thrown = await runTask("diff", { dataset: "communities", rows: [], stored: [] }).catch(
      (err: unknown) => err,
    );
    expect(thrown).toBeInstanceOf(DomainError);
    const e = thrown as DomainError;
    expect(e.code).toBe("task.too_large");
    expect(e.params.limit).toBe("16 MB");
    expect(e.details).toEqual({ task: "diff" });
    expect(e.messageIn("zh-CN")).toContain("16 MB");
    expect(e.messageIn("en-US")).toContain("more memory than the limit (16 MB)");
  });

  it("answers task.interrupted (503) when a thread exits mid-task, and the next task runs", async () => {
    await configureWorkers(1, { filename: hungry });
    const thrown = await runTask("exit" as "diff", {
      dataset: "communities",
      rows: [],
      stored: [],
    }).catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe("task.interrupted");
    // The pool replaces the thread: the real entry answers again afterwards.
    await configureWorkers(1);
    const { diff } = await runTask("diff", { dataset: "communities", rows: [], stored: [] });
    expect(diff.added).toEqual([]);
  });
});
