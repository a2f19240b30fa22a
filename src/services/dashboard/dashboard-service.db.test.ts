// The dashboard over the demo data: Guangdong's 15 cities by spend, Zhumadian's year, drill-down and access.
import { expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { DomainError } from "../../domain/errors.ts";
import { systemContext } from "../context.ts";
import { getDashboard } from "./dashboard-service.ts";

const system = systemContext("test");

describeOnBothDatabases("the dashboard", "demo", (db) => {
  it("shows Guangdong 2024: funds, 19.21% spent against the schedule, the 15 cities ranked, alerts", async () => {
    const d = await getDashboard(db().db, system, { regionCode: "440000", year: 2024 });
    expect(d.scope).toEqual({ code: "440000", name: "广东省", level: "province" });
    expect(d.funds).toEqual([
      {
        source: "provincial",
        zh: "省级补助",
        en: "provincial subsidy",
        amount: "18860",
        share: "100.00",
      },
    ]);
    expect(d.spend).toEqual([
      { asOf: "2024-12-31", budget: "18860", spent: "3623.35", rate: "19.21", schedule: "100.00" },
    ]);
    const cities = d.regions.filter((r) => !r.own);
    expect(cities).toHaveLength(21);
    const spending = cities.filter((r) => r.spendRate !== null);
    expect(spending).toHaveLength(15);
    expect(spending[0]?.spendRate).toBe("62.50");
    expect(spending.at(-1)?.spendRate).toBe("0.87");
    expect(d.alerts).toHaveLength(15);
    expect(d.alerts.every((a) => a.severity === "error")).toBe(true);
    expect(d.alerts[0]).toMatchObject({ spendRate: "0.87", schedule: "100.00", gap: "99.13" });
    // 开工 against the plan: the province's own row stands for its cities.
    expect(d.planActual.map((s) => s.stage)).toEqual(["started"]);
    const started = d.planActual[0]?.measures.find((m) => m.key === "Communities");
    expect(started).toEqual({
      key: "Communities",
      zh: "小区数",
      unit: "个",
      plan: "700",
      actual: "1161",
      rate: "165.86",
    });
  });

  it("drills down from Henan to Zhumadian and shows its approved evaluation result", async () => {
    const henan = await getDashboard(db().db, system, { regionCode: "410000", year: 2020 });
    const zhumadian = henan.regions.find((r) => r.code === "411700");
    expect(zhumadian).toMatchObject({
      name: "驻马店市",
      hasChildren: true,
      budget: "15129",
      spent: "15129",
      spendRate: "100.00",
      score: "98.1",
      grade: "优",
      // The demo evaluation's approved sheet (98.1 from the data) stands before the published total.
      scoreSource: "evaluation",
      scoreRank: 1,
    });
    const city = await getDashboard(db().db, system, { regionCode: "411700", year: 2020 });
    expect(city.trail.map((r) => r.name)).toEqual(["全国", "河南省"]);
    expect(city.funds).toEqual([
      {
        source: "superior",
        zh: "上级补助",
        en: "subsidy from above (levels not split)",
        amount: "15129",
        share: "100.00",
      },
    ]);
    expect(city.regions[0]).toMatchObject({
      name: "驻马店市（本级）",
      own: true,
      spendRate: "100.00",
    });
  });

  it("keeps a county user inside the county: no sibling, no way up", async () => {
    await addUser(db(), "xiping.viewer", "viewer", "411721");
    const county = await actingAs(db(), "xiping.viewer");
    const own = await getDashboard(db().db, county, { year: 2020 });
    expect(own.scope.name).toBe("西平县");
    expect(own.trail).toEqual([]);
    const refused = await getDashboard(db().db, county, { regionCode: "411702", year: 2020 }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("access.region");
  });
});
