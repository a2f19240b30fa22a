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

/**
 * How far apart two floating-point images must be, relative to the larger (and at least absolutely),
 * for their order to be the exact order of the remainders rounded to REMAINDER_PLACES: the images
 * are within a few units in the 16th digit of the remainders, the rounding moves them by 5e-21.
 */
const CERTAIN = 1e-9;

/**
 * A Decimal as a float from its first three base-1e7 words (decimal.js's documented `d`, `e`, `s`):
 * 21 digits and more, within a few ulps, without writing the 40 digits out as text.
 */
function approximate(value: Decimal): number {
  const words = value.d;
  if (!words || words.length === 0) return value.toNumber();
  const first = words[0] ?? 0;
  if (first === 0) return 0;
  // The first word holds the digits from 10^e down: its own length gives the power of its last digit.
  const power = value.e - digitsOf(first) + 1;
  const mantissa = first + (words[1] ?? 0) / 1e7 + (words[2] ?? 0) / 1e14;
  const x = power >= 0 ? mantissa * 10 ** power : mantissa / 10 ** -power;
  return value.s < 0 ? -x : x;
}

/** Digits of a base-1e7 word (1 to 9,999,999). */
function digitsOf(word: number): number {
  let digits = 1;
  for (let limit = 10; word >= limit && digits < 7; limit *= 10) digits += 1;
  return digits;
}

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
    // Sorted by a floating-point image of each remainder; two remainders whose images are too close
    // for that to be certain are compared exactly, by the rule above. Same order, far fewer Decimals.
    const approx = remainders.map(approximate);
    const keys: (Decimal | undefined)[] = new Array(raws.length);
    const key = (i: number) => {
      let k = keys[i];
      if (k === undefined) {
        k = (remainders[i] as Decimal).toDecimalPlaces(REMAINDER_PLACES, Decimal.ROUND_HALF_UP);
        keys[i] = k;
      }
      return k;
    };
    const order = raws.map((_, i) => i);
    order.sort((a, b) => {
      const xa = approx[a] as number;
      const xb = approx[b] as number;
      if (Math.abs(xa - xb) > CERTAIN * Math.max(1, Math.abs(xa), Math.abs(xb))) return xb - xa;
      const byRemainder = key(b).comparedTo(key(a));
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
