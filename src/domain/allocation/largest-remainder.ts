/**
 * Rounding by the largest-remainder method (最大余额法): every amount is rounded down to the unit,
 * then the units still missing from the target go, one each, to the largest remainders.
 *
 * Ties, deterministic: larger remainder first, then larger raw amount, then region code ascending
 * (plain string order). Remainders are compared to 20 decimal places, so a tie that exact arithmetic
 * gives is not broken by the 40-digit working precision.
 */
import { Decimal } from "../decimal.ts";

/** Places to which remainders are compared: far finer than a fen, far coarser than the working precision. */
export const REMAINDER_PLACES = 20;

export interface RoundedAmounts {
  /** In the order of the raw amounts. */
  amounts: Decimal[];
  /** raw − rounded-down amount, per amount: the rounding adjustment is −remainder, or unit − remainder. */
  remainders: Decimal[];
  /** Indexes of the amounts that received one of the units handed out by remainder. */
  roundedUp: ReadonlySet<number>;
  /** Σ amounts, worked out as Σ rounded-down + units handed out: equal to the target. */
  total: Decimal;
}

/**
 * Rounds `raws` (≥ 0) to multiples of `unit` so that they add up exactly to `target`, itself a multiple
 * of `unit` equal to Σ raws up to the working precision.
 */
export function roundLargestRemainder(
  raws: readonly Decimal[],
  codes: readonly string[],
  unit: Decimal,
  target: Decimal,
): RoundedAmounts {
  const isYuan = unit.eq(1);
  const down = raws.map((raw) =>
    isYuan ? raw.toDecimalPlaces(0, Decimal.ROUND_FLOOR) : raw.divToInt(unit).times(unit),
  );
  let floorSum = new Decimal(0);
  for (const d of down) floorSum = floorSum.plus(d);
  const missing = target.minus(floorSum).div(unit);
  if (!missing.isInteger() || missing.isNeg() || missing.gt(raws.length)) {
    throw new Error(
      `allocation: ${target} cannot be reached from amounts rounded down to ${floorSum} in units of ${unit}`,
    );
  }
  const count = missing.toNumber();
  const up = new Set<number>();
  const remainders = raws.map((raw, i) => raw.minus(down[i] ?? 0));
  if (count > 0) {
    const keys = remainders.map((r) => r.toDecimalPlaces(REMAINDER_PLACES, Decimal.ROUND_HALF_UP));
    const order = raws.map((_, i) => i);
    order.sort((a, b) => {
      const byRemainder = (keys[b] as Decimal).comparedTo(keys[a] as Decimal);
      if (byRemainder !== 0) return byRemainder;
      const byRaw = (raws[b] as Decimal).comparedTo(raws[a] as Decimal);
      if (byRaw !== 0) return byRaw;
      const codeA = codes[a] ?? "";
      const codeB = codes[b] ?? "";
      return codeA < codeB ? -1 : codeA > codeB ? 1 : 0;
    });
    for (const i of order.slice(0, count)) up.add(i);
  }
  const amounts = down.map((d, i) => (up.has(i) ? d.plus(unit) : d));
  return { amounts, remainders, roundedUp: up, total: floorSum.plus(unit.times(count)) };
}
