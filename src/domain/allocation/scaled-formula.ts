/**
 * The formula's hot loop in scaled integers: a region's amount Σ_f value_f × rate_f, worked out with
 * BigInt exactly as decimal.js works it out, digit for digit.
 *
 * decimal.js rounds the exact result of every times and plus to `precision` significant digits
 * (here 40, half-up). So does this: each product and each running sum is computed exactly as
 * coefficient × 10^exponent, then rounded to 40 significant digits half-up. For positive operands
 * of at most 40 digits, as here, decimal.js's plus is exact before its rounding too (a far smaller
 * operand it shortens lies wholly below the first discarded digit, which is all half-up looks at).
 * Zero or negative figures, and any other rounding setting, are left to decimal.js: the caller gets
 * undefined and takes the Decimal path. properties.test.ts checks both paths agree.
 */
import { Decimal } from "../decimal.ts";

/** A positive decimal as c × 10^x. */
export interface Scaled {
  c: bigint;
  x: number;
}

const PRECISION = Decimal.precision;
const HALF_UP = Decimal.rounding === Decimal.ROUND_HALF_UP;
const WORD = 10_000_000n;

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push((POW10[POW10.length - 1] as bigint) * 10n);
  return POW10[n] as bigint;
}
const LIMIT = pow10(PRECISION);

/** Digits of a base-1e7 word (1 to 9,999,999). */
function wordDigits(word: number): number {
  let digits = 1;
  for (let limit = 10; word >= limit && digits < 7; limit *= 10) digits += 1;
  return digits;
}

/** `value` as c × 10^x when it is positive and finite; undefined otherwise (zero, negative, ±0). */
export function scaledOf(value: Decimal): Scaled | undefined {
  const words = value.d;
  if (!HALF_UP || value.s !== 1 || !words || words.length === 0) return undefined;
  const first = words[0] ?? 0;
  if (first === 0) return undefined;
  let c = BigInt(first);
  for (let i = 1; i < words.length; i += 1) c = c * WORD + BigInt(words[i] ?? 0);
  // decimal.js: the first word's last digit is at 10^(e − its digits + 1), each further word 7 lower.
  return { c, x: value.e - wordDigits(first) + 1 - 7 * (words.length - 1) };
}

/** The number of digits of c > 0 once it has more than PRECISION: PRECISION + 1 or more. */
function excessDigits(c: bigint): number {
  let n = PRECISION + 1;
  while (c >= pow10(n)) n += 1;
  return n - PRECISION;
}

/**
 * Σ_f values_f × rates_f, each product and each running sum rounded to PRECISION digits half-up,
 * as a Decimal: the same Decimal as values[0].times(rates[0]).plus(values[1].times(rates[1]))….
 */
export function scaledDot(values: readonly Scaled[], rates: readonly Scaled[]): Decimal {
  let ac = 0n;
  let ax = 0;
  for (let f = 0; f < rates.length; f += 1) {
    const v = values[f] as Scaled;
    const k = rates[f] as Scaled;
    let pc = v.c * k.c;
    let px = v.x + k.x;
    if (pc >= LIMIT) {
      const s = excessDigits(pc);
      const unit = pow10(s);
      pc = (pc + unit / 2n) / unit;
      px += s;
    }
    if (f === 0) {
      ac = pc;
      ax = px;
      continue;
    }
    if (ax > px) {
      ac = ac * pow10(ax - px) + pc;
      ax = px;
    } else {
      ac += px > ax ? pc * pow10(px - ax) : pc;
    }
    if (ac >= LIMIT) {
      const s = excessDigits(ac);
      const unit = pow10(s);
      ac = (ac + unit / 2n) / unit;
      ax += s;
    }
  }
  return new Decimal(`${ac}e${ax}`);
}
