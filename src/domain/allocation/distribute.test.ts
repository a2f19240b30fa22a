import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "../decimal.ts";
import { allocate } from "./allocate.ts";
import { AllocationError } from "./allocation-issues.ts";
import type { AllocationModel } from "./model-schema.ts";
import { testData, testModel } from "./test-models.ts";
import { validateAllocation } from "./validate-allocation.ts";

const xs = (a: number, b: number, c: number) => testData({ A: { x: a }, B: { x: b }, C: { x: c } });
const amounts = (model: AllocationModel, data = xs(80, 10, 10)) =>
  allocate(model, data).regions.map((r) => r.amount);

describe("floors and caps", () => {
  it("fixes a region above its cap and shares the rest again by the formula", () => {
    const result = allocate(testModel({ caps: { A: "500" } }), xs(80, 10, 10));
    expect(result.regions.map((r) => [r.amount, r.floorOrCap])).toEqual([
      ["500", "cap"],
      ["250", undefined],
      ["250", undefined],
    ]);
    expect(result.rounds).toBe(2);
    expect(result.regions[0]?.shares).toEqual({ x: "500" });
    expect(result.regions[0]?.derivation["zh-CN"]).toContain(
      "公式测算800元，高于封顶额，按封顶额500元核定，各因素按比例折算",
    );
    expect(result.regions[1]?.derivation["zh-CN"]).toBe(
      "第2轮测算：扣除保底、封顶地区后的剩余资金500元；因素甲因素：10÷20×100%×500元=250元；测算数250元；按元取整（最大余额法）为250元，调整0元。",
    );
  });

  it("raises regions below the floor to it, the others giving way", () => {
    expect(amounts(testModel({ floor: "50" }), xs(98, 1, 1))).toEqual(["900", "50", "50"]);
  });

  it("fixes caps first when their excess outweighs the floors' deficit, then looks again", () => {
    // Round 1: 700, 250, 50 — excess 100 over A's cap, deficit 50 under C's floor: fix A.
    // Round 2: 400 between B and C as 25 : 5 — 333.33 and 66.67: C below its floor, fix it.
    // Round 3: B takes the 300 left.
    const model = testModel({ caps: { A: "600" }, floors: { C: "100" } });
    const result = allocate(model, xs(70, 25, 5));
    expect(result.regions.map((r) => [r.amount, r.floorOrCap])).toEqual([
      ["600", "cap"],
      ["300", undefined],
      ["100", "floor"],
    ]);
    expect(result.rounds).toBe(3);
  });

  it("caps again when the money a cap frees pushes another region over", () => {
    const result = allocate(testModel({ cap: "400" }), xs(50, 40, 10));
    expect(result.regions.map((r) => r.amount)).toEqual(["400", "400", "200"]);
    expect(result.rounds).toBe(3);
  });

  it("gives a factor's weight to the others when every region with a value in it is fixed", () => {
    const model = testModel({
      caps: { A: "400" },
      factors: [
        { key: "p", name: "因素乙", weight: "50", source: { kind: "entered" } },
        { key: "q", name: "因素丙", weight: "50", source: { kind: "entered" } },
      ],
    });
    const data = testData({ A: { p: 1, q: 1 }, B: { p: 0, q: 1 }, C: { p: 0, q: 1 } });
    const result = allocate(model, data);
    // A: 500 + 166.67 > 400; B and C share the 600 left by q alone.
    expect(result.regions.map((r) => r.amount)).toEqual(["400", "300", "300"]);
    expect(result.regions[0]?.shares).toEqual({ p: "300", q: "100" });
    expect(result.regions[1]?.derivation["zh-CN"]).toContain(
      "因素丙因素：1÷2×100%×600元=300元（权重50%按仍参与分配的因素折算）",
    );
  });

  it("keeps the rounded amounts within their bounds and adding up exactly", () => {
    // Round 1: 500.5 over A's cap; round 2: 668 as 3 : 2 — 400.8 and 267.2, rounded 401 and 267.
    const model = testModel({ total: "1001", caps: { A: "333" }, floors: { C: "170" } });
    const result = allocate(model, xs(5, 3, 2));
    expect(result.regions.map((r) => r.amount)).toEqual(["333", "401", "267"]);
    expect(result.totals.allocated).toBe("1001");
  });

  it("says when the money left cannot be placed", () => {
    const run = () => allocate(testModel({ caps: { A: "500" } }), xs(1, 0, 0));
    expect(run).toThrow(AllocationError);
    expect(run).toThrow(
      "caps: after floors and caps, 500 yuan cannot be placed: the regions left have only zero factor values, or the floors and caps cannot all be met",
    );
  });

  it("refuses bounds that cannot work", () => {
    const codes = (model: AllocationModel) => {
      const result = validateAllocation(model, xs(1, 1, 1));
      return result.ok ? [] : result.issues.map((i) => i.code);
    };
    expect(codes(testModel({ floors: { A: "300" }, caps: { A: "200" } }))).toEqual([
      "allocation.floor_above_cap",
    ]);
    expect(codes(testModel({ cap: "300" }))).toEqual(["allocation.caps_below"]);
    expect(codes(testModel({ cap: "333", rounding: "百元" }))).toEqual([
      "allocation.bound_not_multiple",
      "allocation.caps_below",
    ]);
    expect(codes(testModel({ floors: { Z: "1" } }))).toEqual(["allocation.unknown_bound_region"]);
  });

  it("honours random floors and caps and still adds up exactly", () => {
    const arb = fc
      .record({
        units: fc.integer({ min: 50, max: 5000 }),
        rounding: fc.constantFrom("元" as const, "百元" as const),
        regions: fc.array(
          fc.record({
            value: fc.integer({ min: 1, max: 1000 }),
            second: fc.integer({ min: 0, max: 50 }),
            floor: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
            cap: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
      })
      .map(({ units, rounding, regions }) => {
        const unit = rounding === "元" ? 1 : 100;
        // Scale bounds to the amount, keep floor ≤ cap, and keep Σ floors ≤ total ≤ Σ caps.
        const per = Math.max(1, Math.floor(units / regions.length));
        let floors = 0;
        let caps = 0;
        const bounded = regions.map((r) => {
          const floor = r.floor === undefined ? undefined : Math.floor((r.floor * per) / 100);
          let cap = r.cap === undefined ? undefined : Math.floor((r.cap * per) / 100);
          if (cap !== undefined && floor !== undefined && cap < floor) cap = floor;
          floors += floor ?? 0;
          caps += cap ?? Number.POSITIVE_INFINITY;
          return { ...r, floor, cap };
        });
        const total = Math.max(floors, Math.min(units, caps));
        return { unit, rounding, total, regions: bounded };
      });
    fc.assert(
      fc.property(arb, ({ unit, rounding, total, regions }) => {
        const codes = regions.map((_, i) => `R${String(i).padStart(3, "0")}`);
        const model = testModel({
          total: String(total * unit),
          rounding,
          factors: [
            { key: "x", name: "甲", weight: "70", source: { kind: "entered" } },
            { key: "y", name: "乙", weight: "30", source: { kind: "entered" } },
          ],
          regions: codes.map((code) => ({ code, name: code })),
          floors: Object.fromEntries(
            regions.flatMap((r, i) =>
              r.floor === undefined ? [] : [[codes[i], String(r.floor * unit)]],
            ),
          ),
          caps: Object.fromEntries(
            regions.flatMap((r, i) =>
              r.cap === undefined ? [] : [[codes[i], String(r.cap * unit)]],
            ),
          ),
        });
        const data = testData(
          Object.fromEntries(regions.map((r, i) => [codes[i], { x: r.value, y: r.second + 1 }])),
        );
        const result = allocate(model, data);
        let sum = dec(0);
        for (const [i, region] of result.regions.entries()) {
          const amount = dec(region.amount);
          sum = sum.plus(amount);
          const { floor, cap } = regions[i] ?? {};
          if (floor !== undefined) expect(amount.gte(floor * unit)).toBe(true);
          if (cap !== undefined) expect(amount.lte(cap * unit)).toBe(true);
          expect(amount.mod(unit).isZero()).toBe(true);
        }
        expect(sum.eq(total * unit)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
