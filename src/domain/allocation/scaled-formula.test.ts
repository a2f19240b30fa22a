import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, ZERO } from "../decimal.ts";
import { scaledDot, scaledOf } from "./scaled-formula.ts";

/** A positive decimal of 1–45 significant digits, anywhere from 10^-30 to 10^30. */
const positiveArb = fc
  .tuple(
    fc.bigInt({ min: 1n, max: 10n ** 45n }),
    fc.integer({ min: -60, max: 20 }),
    fc.constantFrom(1n, 9n, 99999n, 10n ** 7n - 1n, 10n ** 40n - 1n, 5n * 10n ** 39n),
    fc.boolean(),
  )
  .map(([c, x, edge, useEdge]) => new Decimal(`${useEdge ? edge : c}e${x}`));

/** A rate as the formula makes one: a quotient rounded to 40 digits, times a composite. */
const rateArb = fc
  .tuple(positiveArb, positiveArb, positiveArb)
  .map(([a, b, composite]) => a.div(b).times(composite));

describe("scaledDot", () => {
  it("gives the very Decimal that decimal.js's chain of times and plus gives", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.tuple(
              fc.array(positiveArb, { minLength: n, maxLength: n }),
              fc.array(rateArb, { minLength: n, maxLength: n }),
            ),
          ),
        ([values, rates]) => {
          let expected: Decimal | undefined;
          for (const [f, value] of values.entries()) {
            const share = value.times(rates[f] ?? ZERO);
            expected = expected === undefined ? share : expected.plus(share);
          }
          const scaled = (list: Decimal[]) => list.map((v) => scaledOf(v) ?? { c: 0n, x: 0 });
          const actual = scaledDot(scaled(values), scaled(rates));
          expect(actual.toString()).toBe(expected?.toString());
          expect(actual.eq(expected ?? ZERO)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("leaves zero and negative figures to decimal.js", () => {
    expect(scaledOf(ZERO)).toBeUndefined();
    expect(scaledOf(new Decimal("-0"))).toBeUndefined();
    expect(scaledOf(new Decimal("-1.5"))).toBeUndefined();
    expect(scaledOf(new Decimal("123.45"))).toEqual({ c: 1234500000n, x: -7 });
  });
});
