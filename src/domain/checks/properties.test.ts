// Properties: consistent data sets give no 错误; breaking one figure gives exactly the 错误 for it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkData, childrenOf, row } from "../../../test/helpers/check-data.ts";
import { Decimal } from "../decimal.ts";
import { checkOptions, runChecks } from "./index.ts";
import type { CheckRow, RowsByDataset } from "./types.ts";

const CITIES = childrenOf("440000").map((r) => r.code);
const options = checkOptions({ asOf: "2024-12-31" });
const MEASURES = ["Communities", "Buildings", "Households", "Area"] as const;

const cityArb = fc.record({
  plan: fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 4, maxLength: 4 }),
  actual: fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 4, maxLength: 4 }),
  budgetCents: fc.integer({ min: 100, max: 10_000_000_000 }),
});
const indicatorArb = fc
  .tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 2000 }))
  .map(([points, score]) => ({ points, score: Math.min(points, score) }));

const world = fc.record({
  // Every city reports: with some missing, a 合计 gives a coverage finding instead (sums.test.ts).
  cities: fc.array(cityArb, { minLength: CITIES.length, maxLength: CITIES.length }),
  ownCents: fc.integer({ min: 0, max: 100_000_000 }),
  execution: fc.record({
    initial: fc.integer({ min: 0, max: 10_000_000 }),
    adjustment: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    appropriated: fc.integer({ min: 0, max: 10_000_000 }),
    paidShare: fc.integer({ min: 0, max: 100 }),
    carriedShare: fc.integer({ min: 0, max: 100 }),
  }),
  groups: fc.array(fc.array(indicatorArb, { minLength: 1, maxLength: 6 }), {
    minLength: 1,
    maxLength: 5,
  }),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

const cents = (n: number | Decimal) => new Decimal(n).div(100).toFixed();
/** Scores in hundredths of a point. */
const points = (n: number) => new Decimal(n).div(100).toFixed();

/** A consistent year: sums, identities, rates and the score table all agree. */
function build(w: World): RowsByDataset {
  const cities = w.cities.map((c, i) => ({ ...c, code: CITIES[i] as string }));
  const task = (code: string, plan: number[], actual: number[]) =>
    row(code, {
      stage: "started",
      asOf: "2024-12-31",
      ...Object.fromEntries(MEASURES.map((m, i) => [`plan${m}`, String(plan[i])])),
      ...Object.fromEntries(MEASURES.map((m, i) => [`actual${m}`, String(actual[i])])),
    });
  const sum = (k: "plan" | "actual", i: number) => cities.reduce((a, c) => a + (c[k][i] ?? 0), 0);
  const province = task(
    "440000",
    MEASURES.map((_, i) => sum("plan", i)),
    MEASURES.map((_, i) => sum("actual", i)),
  );
  const allocation = (code: string, budget: number) =>
    row(code, {
      programme: "1",
      asOf: "2024-12-31",
      budget: cents(budget),
      arrived: cents(budget),
      spent: cents(budget),
      publishedSpendRate: budget === 0 ? null : "100",
    });
  const total = cities.reduce((a, c) => a + c.budgetCents, w.ownCents);
  const e = w.execution;
  const paid = Math.floor((e.appropriated * e.paidShare) / 100);
  const carried = Math.floor(((e.appropriated - paid) * e.carriedShare) / 100);
  const scores: CheckRow[] = [];
  let grand = 0;
  w.groups.forEach((indicators, g) => {
    const groupPoints = indicators.reduce((a, x) => a + x.points, 0);
    const groupScore = indicators.reduce((a, x) => a + x.score, 0);
    grand += groupScore;
    const level1 = `组${g + 1}`;
    scores.push(
      row("440000", {
        programme: "1",
        level1,
        level2: null,
        indicator: null,
        points: points(groupPoints),
        score: points(groupScore),
      }),
    );
    for (const [i, x] of indicators.entries()) {
      scores.push(
        row("440000", {
          programme: "1",
          level1,
          level2: `指标${i + 1}`,
          indicator: null,
          points: points(x.points),
          score: points(x.score),
        }),
      );
    }
  });
  return {
    programmes: [
      { id: 1, regionCode: "440000", values: { name: "专项资金", publishedScore: points(grand) } },
    ],
    funds: [row("440000", { programme: "1", source: "provincial", amount: cents(total) })],
    allocations: [
      ...cities.map((c) => allocation(c.code, c.budgetCents)),
      allocation("440000", w.ownCents),
    ],
    "plan-actual": [province, ...cities.map((c) => task(c.code, c.plan, c.actual))],
    "budget-execution": [
      row("440000", {
        programme: "1",
        initialBudget: cents(e.initial),
        adjustment: cents(e.adjustment),
        appropriated: cents(e.appropriated),
        quotaBalance: cents(e.initial + e.adjustment - e.appropriated),
        paid: cents(paid),
        carriedOver: cents(carried),
        recovered: cents(e.appropriated - paid - carried),
      }),
    ],
    scores,
  };
}

const errors = (rows: RowsByDataset) =>
  runChecks(checkData(rows), options).findings.filter((f) => f.severity === "error");

/** Adds `delta` to one value of one row, in place of the row. */
function bump(rows: RowsByDataset, dataset: string, index: number, key: string, delta: Decimal) {
  const list = [...(rows[dataset] ?? [])];
  const target = list[index] as CheckRow;
  list[index] = {
    ...target,
    values: {
      ...target.values,
      [key]: new Decimal(target.values[key] ?? "0").plus(delta).toFixed(),
    },
  };
  return { rows: { ...rows, [dataset]: list }, row: target };
}

describe("checker properties", () => {
  it("a consistent data set has no 错误", () => {
    fc.assert(
      fc.property(world, (w) => {
        expect(errors(build(w))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  const breakings = [
    {
      name: "a city's plan (sum.regions)",
      dataset: "plan-actual",
      key: "planHouseholds",
      rule: "sum.regions",
      pick: (n: number) => 1 + (n % 2),
      at: "province",
    },
    {
      name: "the funds (sum.allocations)",
      dataset: "funds",
      key: "amount",
      rule: "sum.allocations",
      pick: () => 0,
      at: "first-allocation",
    },
    {
      name: "the unused quota (identity.quota-balance)",
      dataset: "budget-execution",
      key: "quotaBalance",
      rule: "identity.quota-balance",
      pick: () => 0,
      at: "self",
    },
    {
      name: "a published spend rate (rate.spend)",
      dataset: "allocations",
      key: "publishedSpendRate",
      rule: "rate.spend",
      pick: () => 0,
      at: "self",
    },
  ] as const;

  for (const b of breakings) {
    it(`breaking ${b.name} gives exactly that 错误`, () => {
      fc.assert(
        fc.property(world, fc.integer({ min: 1, max: 1000 }), fc.nat(), (w, d, n) => {
          const consistent = build(w);
          const index = b.pick(n) % (consistent[b.dataset]?.length ?? 1);
          const delta = new Decimal(d).div(b.key === "planHouseholds" ? 1 : 100);
          const { rows, row: broken } = bump(consistent, b.dataset, index, b.key, delta);
          const found = errors(rows);
          expect(found.map((f) => f.rule)).toEqual([b.rule]);
          const expectedRow =
            b.at === "province"
              ? consistent["plan-actual"]?.[0]?.id
              : b.at === "first-allocation"
                ? consistent.allocations?.[0]?.id
                : broken.id;
          expect(found[0]?.rowId).toBe(expectedRow);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("lowering an indicator's score under its published group score gives exactly sum.scores", () => {
    fc.assert(
      fc.property(world, fc.nat(), (w, n) => {
        const consistent = build(w);
        const scores = consistent.scores ?? [];
        const leaves = scores
          .map((r, i) => ({ r, i }))
          .filter(({ r }) => r.values.level2 !== null && r.values.score !== "0");
        fc.pre(leaves.length > 0);
        const leaf = leaves[n % leaves.length] as { r: CheckRow; i: number };
        const { rows } = bump(consistent, "scores", leaf.i, "score", new Decimal("-0.01"));
        const found = errors(rows);
        expect(found.map((f) => f.rule)).toEqual(["sum.scores"]);
        const group = scores.find(
          (r) => r.values.level1 === leaf.r.values.level1 && r.values.level2 === null,
        );
        expect(found[0]?.rowId).toBe(group?.id);
      }),
      { numRuns: 150 },
    );
  });
});
