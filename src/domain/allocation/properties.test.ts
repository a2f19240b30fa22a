import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "../decimal.ts";
import { allocate } from "./allocate.ts";
import type {
  AllocationData,
  AllocationModel,
  CoefficientTable,
  MoneyUnit,
  RoundingUnit,
} from "./model-schema.ts";

const YUAN: Record<RoundingUnit, number> = { 元: 1, 百元: 100, 千元: 1000, 万元: 10000 };

/** A decimal string with up to `places` decimals from an integer count of the smallest step. */
const decimalText = (steps: number, places: number) =>
  dec(steps)
    .div(10 ** places)
    .toString();

/** Weights in hundredths that add up to exactly 100: the gaps between sorted cut points. */
const weightsArb = (count: number) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: count - 1, maxLength: count - 1 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10000];
      return points.slice(1).map((p, i) => decimalText(p - (points[i] ?? 0), 2));
    });

const tableArb = (key: string) =>
  fc.array(fc.integer({ min: 50, max: 1200 }), { minLength: 1, maxLength: 4 }).map(
    (values): CoefficientTable => ({
      key,
      name: `系数${key}`,
      tiers: values.map((v, i) => ({ label: `T${i}`, value: decimalText(v, 2) })),
      rule: { kind: "entered" },
    }),
  );

/** Any model the validator accepts: 1–200 regions, 1–5 factors, 0–3 tables, any units. */
const caseArb = fc
  .record({
    // Mostly small, sometimes up to 200: thousands of cases in a few seconds.
    regionCount: fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 20 }), weight: 4 },
      { arbitrary: fc.integer({ min: 21, max: 200 }), weight: 1 },
    ),
    factorCount: fc.integer({ min: 1, max: 5 }),
    tableCount: fc.integer({ min: 0, max: 3 }),
    unit: fc.constantFrom<MoneyUnit>("元", "万元"),
    rounding: fc.constantFrom<RoundingUnit>("元", "百元", "千元", "万元"),
    units: fc.integer({ min: 0, max: 2_000_000 }),
    heldBackFen: fc.integer({ min: 0, max: 10_000_000 }),
    places: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer(),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      weights: weightsArb(shape.factorCount),
      tables: fc.tuple(...Array.from({ length: shape.tableCount }, (_, t) => tableArb(`c${t}`))),
      // Zeros are frequent; one region per factor is forced non-zero below.
      values: fc.array(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 })), {
          minLength: shape.factorCount,
          maxLength: shape.factorCount,
        }),
        { minLength: shape.regionCount, maxLength: shape.regionCount },
      ),
      tiers: fc.array(fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), {
        minLength: shape.regionCount,
        maxLength: shape.regionCount,
      }),
      nonZero: fc.array(fc.nat(), { minLength: shape.factorCount, maxLength: shape.factorCount }),
    }),
  )
  .map(({ shape, weights, tables, values, tiers, nonZero }) => {
    const codes = Array.from({ length: shape.regionCount }, (_, i) => String(440000 + i * 7));
    for (const [f, pick] of nonZero.entries()) {
      const row = values[pick % shape.regionCount];
      if (row && row[f] === 0) row[f] = 1 + (pick % 997);
    }
    const toModelUnit = (yuan: ReturnType<typeof dec>) =>
      (shape.unit === "万元" ? yuan.div(10000) : yuan).toString();
    const distributable = dec(shape.units).times(YUAN[shape.rounding]);
    const heldBack = dec(shape.heldBackFen).div(100);
    const model: AllocationModel = {
      name: "随机模型",
      year: 2024,
      unit: shape.unit,
      total: toModelUnit(distributable.plus(heldBack)),
      heldBack: [{ name: "预留", amount: toModelUnit(heldBack) }],
      factors: weights.map((weight, f) => ({
        key: `f${f}`,
        name: `因素${f}`,
        weight,
        source: { kind: "entered" },
      })),
      coefficients: tables,
      rounding: shape.rounding,
      regions: codes.map((code) => ({ code, name: `地区${code}` })),
    };
    const data: AllocationData = { regions: {} };
    for (const [r, code] of codes.entries()) {
      data.regions[code] = {
        factors: Object.fromEntries(
          (values[r] ?? []).map((v, f) => [`f${f}`, decimalText(v, shape.places)]),
        ),
        tiers: Object.fromEntries(
          tables.map((t, i) => [
            t.key,
            t.tiers[(tiers[r]?.[i] ?? 0) % t.tiers.length]?.label ?? "",
          ]),
        ),
      };
    }
    return { model, data, distributable, unit: YUAN[shape.rounding] };
  });

describe("allocation properties", () => {
  it("always allocates exactly the distributable amount, in multiples of the rounding unit", () => {
    fc.assert(
      fc.property(caseArb, ({ model, data, distributable, unit }) => {
        const result = allocate(model, data);
        let sum = dec(0);
        for (const region of result.regions) {
          const amount = dec(region.amount);
          expect(amount.isNeg()).toBe(false);
          expect(amount.mod(unit).isZero()).toBe(true);
          // Largest remainder never moves an amount a whole unit from its raw figure.
          expect(amount.minus(region.raw).abs().lt(unit)).toBe(true);
          sum = sum.plus(amount);
        }
        expect(sum.eq(distributable)).toBe(true);
        expect(result.totals.allocated).toBe(result.totals.distributable);
        expect(dec(result.totals.distributable).eq(distributable)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never lowers a region's amount when one of its factor values rises", () => {
    const arb = caseArb.chain((c) =>
      fc.record({
        c: fc.constant(c),
        region: fc.nat({ max: c.model.regions.length - 1 }),
        factor: fc.nat({ max: c.model.factors.length - 1 }),
        raise: fc.integer({ min: 1, max: 3_000_000 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ c, region, factor, raise }) => {
        const code = c.model.regions[region]?.code ?? "";
        const key = c.model.factors[factor]?.key ?? "";
        const before = allocate(c.model, c.data).regions[region]?.amount ?? "";
        const regionData = c.data.regions[code];
        const old = regionData?.factors[key] ?? "0";
        const raised: AllocationData = {
          regions: {
            ...c.data.regions,
            [code]: {
              ...regionData,
              factors: { ...regionData?.factors, [key]: dec(old).plus(raise).toString() },
            },
          },
        };
        const after = allocate(c.model, raised).regions[region]?.amount ?? "";
        expect(dec(after).gte(before), `${code} ${key}: ${before} → ${after}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
