import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastAllocationData } from "./fast-shape.ts";
import { AllocationData } from "./model-schema.ts";

describe("fastAllocationData", () => {
  /** Mostly what zod accepts, now and then one thing it refuses, so both answers are exercised. */
  const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
    fc.oneof({ arbitrary: good, weight: 30 }, { arbitrary: bad, weight: 1 });
  const regionArb = fc.record(
    {
      factors: fc.dictionary(
        fc.constantFrom("area", "households", "x"),
        mostly(
          fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.double({ noNaN: true })),
          fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, true, {}),
        ),
      ),
      tiers: fc.dictionary(fc.string(), mostly(fc.string(), fc.integer())),
      grade: mostly(fc.constantFrom("优", "良", "中", "差"), fc.constantFrom("甲", undefined)),
      score: mostly(
        fc.oneof(fc.string(), fc.integer()),
        fc.constantFrom(true, undefined, Number.NaN),
      ),
    },
    { requiredKeys: ["factors"] },
  );
  const dataArb = fc.tuple(
    fc.dictionary(
      fc.string(),
      mostly(
        regionArb,
        fc.oneof(
          fc.constantFrom(null, [], "x"),
          fc.record({ factors: fc.constant({}), extra: fc.integer() }),
        ),
      ),
      { maxKeys: 5 },
    ),
    mostly(fc.constant(true), fc.constant(false)),
  );

  it("accepts only what zod accepts, and then exactly what zod returns", () => {
    fc.assert(
      fc.property(dataArb, ([regions, wrapped]) => {
        const data: unknown = wrapped ? { regions } : regions;
        const fast = fastAllocationData(data);
        const parsed = AllocationData.safeParse(data);
        if (fast !== undefined) {
          expect(parsed.success).toBe(true);
          expect(fast).toEqual(parsed.data);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("takes plain valid data, and leaves anything odd to zod", () => {
    const valid = { regions: { A: { factors: { x: "1.5", y: 2, z: null }, grade: "优" } } };
    expect(fastAllocationData(valid)).toBe(valid);
    expect(fastAllocationData({ regions: { A: { factors: { x: Number.NaN } } } })).toBeUndefined();
    expect(
      fastAllocationData({ regions: { A: { factors: {}, score: undefined } } }),
    ).toBeUndefined();
    expect(
      fastAllocationData({ regions: { A: { factors: { [Symbol("s")]: 1 } } } }),
    ).toBeUndefined();
    expect(fastAllocationData(JSON.parse('{"regions":{"__proto__":{}}}'))).toBeUndefined();
  });
});
