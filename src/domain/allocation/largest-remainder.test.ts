import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, dec } from "../decimal.ts";
import { allocate } from "./allocate.ts";
import { REMAINDER_PLACES, roundLargestRemainder } from "./largest-remainder.ts";
import { testData, testModel } from "./test-models.ts";

const round = (raws: string[], codes: string[], unit = "1") => {
  const total = raws.reduce((s, r) => s.plus(r), dec(0));
  const rounded = roundLargestRemainder(raws.map(dec), codes, dec(unit), total.toDecimalPlaces(0));
  return rounded.amounts.map((a) => a.toString());
};

describe("roundLargestRemainder", () => {
  it("hands the missing units to the largest remainders", () => {
    // 10.6 + 5.3 + 4.1 = 20: rounded down 19, one unit to the largest remainder (.6).
    expect(round(["10.6", "5.3", "4.1"], ["A", "B", "C"])).toEqual(["11", "5", "4"]);
  });

  it("breaks a tie of equal remainders by the larger raw amount first", () => {
    // 1.5 + 2.5 = 4: one unit missing, both remainders .5; 2.5 is larger.
    expect(round(["1.5", "2.5"], ["A", "B"])).toEqual(["1", "3"]);
    expect(round(["2.5", "1.5"], ["A", "B"])).toEqual(["3", "1"]);
  });

  it("breaks a tie of equal remainders and equal raw amounts by region code, ascending", () => {
    expect(round(["1.5", "1.5"], ["B", "A"])).toEqual(["1", "2"]);
    expect(round(["1.5", "1.5"], ["A", "B"])).toEqual(["2", "1"]);
    // Plain string order: "110" before "12".
    expect(round(["0.5", "0.5", "1"], ["12", "110", "2"])).toEqual(["0", "1", "1"]);
  });

  it("sees a tie that the 40-digit working precision would otherwise break", () => {
    // One third and four thirds, as 40 significant digits: remainders differ in the 40th place.
    const third = dec(1).div(3);
    const fourThirds = dec(4).div(3);
    const rest = dec(10).minus(third).minus(fourThirds);
    const rounded = roundLargestRemainder(
      [third, fourThirds, rest],
      ["B", "A", "C"],
      dec(1),
      dec(10),
    );
    // rest = 8.333…: all three remainders are one third; the larger raw amount wins first.
    expect(rounded.amounts.map((a) => a.toString())).toEqual(["0", "1", "9"]);
  });

  it("rounds to a unit above the yuan", () => {
    expect(round(["1250", "1750", "7000"], ["A", "B", "C"], "100")).toEqual([
      "1200",
      "1800",
      "7000",
    ]);
  });
});

describe("ties in an allocation", () => {
  it("resolves equal shares by region code", () => {
    // 3 元 between two equal regions: 1.5 each; A before B.
    const model = testModel({
      total: "3",
      regions: [
        { code: "B", name: "乙地" },
        { code: "A", name: "甲地" },
      ],
    });
    const result = allocate(model, testData({ A: { x: 7 }, B: { x: 7 } }));
    expect(result.regions.map((r) => [r.code, r.amount, r.roundingAdjustment])).toEqual([
      ["B", "1", "-0.5"],
      ["A", "2", "0.5"],
    ]);
  });

  it("resolves equal remainders by the larger raw amount", () => {
    // 4 元 as 3 : 5 → 1.5 and 2.5; the unit goes to 2.5.
    const model = testModel({ total: "4", regions: testModel().regions.slice(0, 2) });
    const result = allocate(model, testData({ A: { x: 3 }, B: { x: 5 } }));
    expect(result.regions.map((r) => r.amount)).toEqual(["1", "3"]);
  });
});

describe("roundLargestRemainder's floating-point order", () => {
  /** The order by exact keys alone, as before the floating-point images. */
  const exactUp = (raws: Decimal[], codes: string[], count: number) => {
    const keys = raws.map((raw) =>
      raw
        .minus(raw.toDecimalPlaces(0, Decimal.ROUND_FLOOR))
        .toDecimalPlaces(REMAINDER_PLACES, Decimal.ROUND_HALF_UP),
    );
    const order = raws.map((_, i) => i);
    order.sort((a, b) => {
      const byKey = (keys[b] as Decimal).comparedTo(keys[a] as Decimal);
      if (byKey !== 0) return byKey;
      const byRaw = (raws[b] as Decimal).comparedTo(raws[a] as Decimal);
      if (byRaw !== 0) return byRaw;
      return (codes[a] ?? "") < (codes[b] ?? "") ? -1 : 1;
    });
    return new Set(order.slice(0, count));
  };

  it("hands out the units exactly as the exact comparison would, near ties included", () => {
    // Remainders that differ only past the 16th digit, or past the 20th, or not at all.
    const rawArb = fc
      .tuple(
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom("5", "49999999999999999999", "5000000000000000000001", "1", "0"),
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.boolean(),
      )
      .map(([whole, head, tail, noisy]) => new Decimal(`${whole}.${head}${noisy ? tail : ""}`));
    fc.assert(
      fc.property(fc.array(rawArb, { minLength: 1, maxLength: 60 }), (raws) => {
        const codes = raws.map((_, i) => `R${String(i).padStart(3, "0")}`);
        let floors = new Decimal(0);
        for (const raw of raws) floors = floors.plus(raw.toDecimalPlaces(0, Decimal.ROUND_FLOOR));
        const count = Math.floor(raws.length / 2);
        const rounded = roundLargestRemainder(raws, codes, new Decimal(1), floors.plus(count));
        expect([...rounded.roundedUp].sort((a, b) => a - b)).toEqual(
          [...exactUp(raws, codes, count)].sort((a, b) => a - b),
        );
      }),
      { numRuns: 1500 },
    );
  });
});
