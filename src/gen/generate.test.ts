import { areaList } from "@vant/area-data";
import { describe, expect, it } from "vitest";
import { buildRegionRows } from "../domain/regions.ts";
import { generate } from "./generate.ts";

const REGIONS = buildRegionRows(areaList);
const options = { counties: 40, communitiesPerCounty: 10, year: 2024, seed: 7, errorRate: 0 };
const communitiesOf = (g: ReturnType<typeof generate>) =>
  g.files.find((f) => f.dataset === "communities")?.rows ?? [];

describe("generate", () => {
  it("is deterministic: the same seed gives the same rows, another seed other rows", () => {
    expect(generate(REGIONS, options)).toEqual(generate(REGIONS, options));
    expect(communitiesOf(generate(REGIONS, { ...options, seed: 8 }))).not.toEqual(
      communitiesOf(generate(REGIONS, options)),
    );
  });

  it("uses real county codes and plausible figures", () => {
    const g = generate(REGIONS, options);
    expect(g.counties).toBe(40);
    const codes = new Set(REGIONS.filter((r) => r.level === "county").map((r) => r.code));
    const rows = communitiesOf(g);
    expect(rows.length).toBe(g.communities);
    // 40 counties × 10 on average, each county 5–15.
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.length).toBeLessThanOrEqual(600);
    for (const row of rows) {
      const code = /（(\d{6})）$/.exec(row.regionName)?.[1] ?? "";
      expect(codes.has(code), row.regionName).toBe(true);
      const households = Number(row.values.households);
      expect(households).toBeGreaterThanOrEqual(30);
      expect(households).toBeLessThanOrEqual(3000);
      const perHousehold = Number(row.values.area) / households;
      expect(perHousehold).toBeGreaterThanOrEqual(75);
      expect(perHousehold).toBeLessThanOrEqual(95);
      expect(row.values.content?.startsWith("basic")).toBe(true);
      const built = Number(row.values.builtYear);
      expect(built).toBeGreaterThanOrEqual(1975);
      expect(built).toBeLessThanOrEqual(2005);
      if (row.values.startedOn && row.values.approvedOn) {
        expect(row.values.startedOn > row.values.approvedOn).toBe(true);
      }
    }
    const names = rows.map((r) => `${r.regionName}/${r.values.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it("injects exactly the errors it lists, on the rows it names", () => {
    const g = generate(REGIONS, { ...options, errorRate: 0.1 });
    const rows = communitiesOf(g);
    expect(g.errors.length).toBeGreaterThan(10);
    for (const e of g.errors) {
      const row = rows[e.row - 4];
      if (!row) throw new Error(`no row ${e.row}`);
      if (e.column === "households") expect(row.values.households).toBe("三百");
      else if (e.column === "region") expect(row.regionName).toBe("不存在县");
      else if (e.column === "content") expect(row.values.content).toBe("豪华类");
      else if (e.column === "investCentral") expect(row.values.investCentral).toBe("-5");
      else if (e.column === "startedOn") expect(row.values.startedOn).toBe("2024-02-30");
      else if (e.what === "缺少小区名称") expect(row.values.name).toBeNull();
      else expect(rows[e.row - 5]?.values.name).toBe(row.values.name);
    }
  });
});
