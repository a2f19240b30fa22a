// What `jixiao gen` writes imports cleanly through the real importer, and its deliberate errors are
// exactly the problems the importer reports.
import { areaList } from "@vant/area-data";
import { describe, expect, it } from "vitest";
import { findDataset } from "../../src/domain/datasets/specs/index.ts";
import { DomainError } from "../../src/domain/errors.ts";
import { buildRegionRows } from "../../src/domain/regions.ts";
import { generate } from "../../src/gen/index.ts";
import { importFile, systemContext } from "../../src/services/index.ts";
import { writeDataFile } from "../../src/xlsx/index.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";

const REGIONS = buildRegionRows(areaList);
const ctx = systemContext("test");

async function bytes(dataset: string, rows: Parameters<typeof writeDataFile>[1]) {
  const spec = findDataset(dataset);
  if (!spec) throw new Error(dataset);
  return writeDataFile(spec, rows, { year: 2024, scopeName: "全国" });
}

describeOnBothDatabases("generated files", (db) => {
  it("import in manifest order with every row added", async () => {
    const g = generate(REGIONS, {
      counties: 30,
      communitiesPerCounty: 6,
      year: 2024,
      seed: 11,
      errorRate: 0,
    });
    for (const file of g.files) {
      const result = await importFile(db().db, ctx, {
        dataset: file.dataset,
        regionCode: "000000",
        year: 2024,
        fileName: `${file.dataset}.xlsx`,
        bytes: await bytes(file.dataset, file.rows),
      });
      expect(result.added, file.dataset).toBe(file.rows.length);
    }
  });

  describe("with deliberate errors", () => {
    it("are refused with one problem on each row the manifest names", async () => {
      const g = generate(REGIONS, {
        counties: 20,
        communitiesPerCounty: 8,
        year: 2024,
        seed: 5,
        errorRate: 0.08,
      });
      const communities = g.files.find((f) => f.dataset === "communities");
      if (!communities) throw new Error("communities");
      const err = await importFile(db().db, ctx, {
        dataset: "communities",
        regionCode: "000000",
        year: 2024,
        fileName: "communities.xlsx",
        bytes: await bytes("communities", communities.rows),
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      const issues = ((err as DomainError).details as { issues: { row: number }[] }).issues;
      expect(g.errors.length).toBeGreaterThan(3);
      expect(issues.map((i) => i.row).sort((a, b) => a - b)).toEqual(
        g.errors.map((e) => e.row).sort((a, b) => a - b),
      );
    });
  });
});
