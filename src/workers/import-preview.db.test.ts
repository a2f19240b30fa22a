// An import's preview is the same whether its file is read in a worker thread or on the main thread.
import { afterAll, expect, it } from "vitest";
import { community, dataFile } from "../../test/helpers/data-files.ts";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { refusalError } from "../../test/helpers/refusals.ts";
import { systemContext } from "../services/context.ts";
import { commitImport, previewImport } from "../services/data/import-service.ts";
import { closeWorkers, configureWorkers } from "./pool.ts";

const system = systemContext("test");

afterAll(async () => {
  await configureWorkers(undefined);
  await closeWorkers();
});

const input = (bytes: Uint8Array) => ({
  dataset: "communities",
  regionCode: "411702",
  year: 2020,
  fileName: "小区.xlsx",
  bytes,
});

describeOnBothDatabases("import preview in a worker thread", (db) => {
  it("previews a file exactly as the main thread does, and commits it", async () => {
    const rows = Array.from({ length: 2300 }, (_, i) =>
      community("驿城区", `小区${i + 1}`, { households: String(200 + i) }),
    );
    const bytes = await dataFile("communities", rows, { year: 2020, scopeName: "驿城区" });
    await configureWorkers(0);
    const here = await previewImport(db().db, system, input(bytes));
    await configureWorkers(1);
    const there = await previewImport(db().db, system, input(bytes));
    expect(here.added).toBe(2300);
    expect(here.changes).toHaveLength(500);
    expect({ ...there, importId: 0 }).toEqual({ ...here, importId: 0 });
    const committed = await commitImport(db().db, system, there.importId);
    expect(committed.added).toBe(2300);
    // Written rows come back from the stored table through the worker's diff as unchanged.
    const again = await previewImport(db().db, system, input(bytes));
    expect([again.added, again.changed, again.unchanged]).toEqual([0, 0, 2300]);
  });

  it("refuses a wrong file with the same problems and details on both paths", async () => {
    const wrong = [
      community("西平县", "别人的小区"),
      community("驿城区", "坏小区", { households: "三百" }),
    ];
    const bytes = await dataFile("communities", wrong, { year: 2020, scopeName: "驿城区" });
    await configureWorkers(0);
    const here = await refusalError(previewImport(db().db, system, input(bytes)));
    await configureWorkers(1);
    const there = await refusalError(previewImport(db().db, system, input(bytes)));
    expect(there.code).toBe("import.invalid");
    expect(there.params).toEqual(here.params);
    expect(there.details).toEqual(here.details);
    expect(there.messageIn("zh-CN")).toBe(here.messageIn("zh-CN"));
  });

  it("refuses a file that is not an .xlsx with file.unreadable from the thread", async () => {
    await configureWorkers(1);
    const err = await refusalError(
      previewImport(db().db, system, input(new TextEncoder().encode("PK, but no zip"))),
    );
    expect(err.code).toBe("file.unreadable");
    expect(err.params.file).toBe("小区.xlsx");
  });
});
