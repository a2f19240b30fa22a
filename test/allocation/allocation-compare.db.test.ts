// 方案对比 of the demo's Guangdong 2024 plan over HTTP: a scenario with other weights (面积50%、户数30%)
// against the base, each city's change in 元 and in % checked with decimal.js from the two amounts;
// the compared amounts identical to the digit to each plan computed alone; the changes add up to 0.
import { beforeAll, expect, it } from "vitest";
import { Decimal } from "../../src/domain/decimal.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";
import { addUser } from "../helpers/fixtures.ts";
import { type ApiClient, signedIn, testApp } from "../helpers/http.ts";

interface Compared {
  plans: { id: number; name: string; distributable: string; distributableChange: string | null }[];
  regions: {
    code: string;
    name: string;
    amounts: (string | null)[];
    changes: (string | null)[];
    changePercents: (string | null)[];
  }[];
}

/** change ÷ base × 100, half-up to 2 places: what the comparison must say. */
const percent = (change: string, base: string) =>
  new Decimal(change).div(base).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

describeOnBothDatabases("allocation compare", "demo", (db) => {
  let dept: ApiClient;
  let base = 0;
  let scenario = 0;

  beforeAll(async () => {
    const app = testApp(db());
    await addUser(db(), "gd.dept", "department", "440000");
    dept = await signedIn(app.app, "gd.dept");
    const listed = await dept.request("GET", "/api/allocations?year=2024");
    base = (listed.json.items as { id: number }[])[0]?.id ?? 0;
    const copied = await dept.request("POST", `/api/allocations/${base}/copy`, {
      body: { name: "方案二：面积50%、户数30%" },
    });
    scenario = copied.json.id as number;
    const plan = (await dept.request("GET", `/api/allocations/${scenario}`)).json;
    const weights = ["50", "30", "10", "10"];
    const factors = (plan.model.factors as object[]).map((f, i) => ({ ...f, weight: weights[i] }));
    const saved = await dept.request("PUT", `/api/allocations/${scenario}`, {
      body: { version: plan.version, model: { ...plan.model, factors } },
    });
    expect(saved.status).toBe(200);
  }, 120_000);

  it("gives each city's change against the base in 元 and in %", async () => {
    const res = await dept.request("GET", `/api/allocations/compare?ids=${base},${scenario}`);
    expect(res.status).toBe(200);
    const compared = res.json as Compared;
    expect(compared.plans.map((p) => p.distributable)).toEqual(["186720000", "186720000"]);
    expect(compared.plans.map((p) => p.distributableChange)).toEqual(["0", "0"]);
    expect(compared.regions).toHaveLength(15);
    for (const r of compared.regions) {
      const [first, second] = r.amounts as [string, string];
      const change = new Decimal(second).minus(first).toString();
      expect(r.changes).toEqual(["0", change]);
      expect(r.changePercents).toEqual(["0.00", percent(change, first)]);
    }
    // The same money moves between cities.
    const total = compared.regions.reduce((s, r) => s.plus(r.changes[1] ?? "0"), new Decimal(0));
    expect(total.toString()).toBe("0");
    // 汕头市: 33,946,341 元 in the base (9 × 优 1 × 储备一般 1).
    const shantou = compared.regions.find((r) => r.code === "440500");
    expect(shantou?.amounts[0]).toBe("33946341");
    expect(shantou).toEqual(SHANTOU);
  });

  it("compares amounts identical to the digit to each plan computed alone", async () => {
    const compared = (await dept.request("GET", `/api/allocations/compare?ids=${base},${scenario}`))
      .json as Compared;
    for (const [i, id] of [base, scenario].entries()) {
      const alone = (await dept.request("GET", `/api/allocations/${id}`)).json;
      const amounts = new Map(
        (alone.result.regions as { code: string; amount: string }[]).map((r) => [r.code, r.amount]),
      );
      for (const r of compared.regions) expect(r.amounts[i]).toBe(amounts.get(r.code));
    }
  });

  it("compares a plan with itself as no change, and refuses a plan it cannot see", async () => {
    const same = (await dept.request("GET", `/api/allocations/compare?ids=${base},${base}`))
      .json as Compared;
    expect(same.regions.every((r) => r.changes[1] === "0" && r.changePercents[1] === "0.00")).toBe(
      true,
    );
    const missing = await dept.request("GET", `/api/allocations/compare?ids=${base},999999`);
    expect(missing.status).toBe(404);
  });
});

/** 汕头市 loses 197,426 元 (−19.74 万元): −197426 ÷ 33946341 × 100 = −0.5815… → −0.58%. */
const SHANTOU = {
  code: "440500",
  name: "汕头市",
  amounts: ["33946341", "33748915"],
  changes: ["0", "-197426"],
  changePercents: ["0.00", "-0.58"],
};
