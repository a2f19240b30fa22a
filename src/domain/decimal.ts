/** Decimal numbers for money, rates and scores, and the named rounding policies they all go through. */
import { Decimal as DecimalJs } from "decimal.js";

/**
 * The one Decimal constructor of Jixiao: 40 significant digits (a quotient such as 62395 ÷ 63120
 * keeps far more digits than any published figure), half-up by default, never exponent notation.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);
/** 0.01: multiplying by it is exact and cheaper than dividing by 100. */
export const CENT = new Decimal("0.01");

/** A plain decimal as written in a file: optional minus, digits, optional fraction. No exponent, no separators. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** A number or a decimal string from a file or a request; anything else is refused. */
export function dec(value: number | string | Decimal): Decimal {
  if (value instanceof DecimalJs) return new Decimal(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return new Decimal(value);
  }
  if (!DECIMAL_PATTERN.test(value)) throw new RangeError(`not a decimal number: ${value}`);
  return new Decimal(value);
}

/**
 * Named rounding policies. Scores use the `half-up-*` and `truncate-*` ones; a count of shortfall
 * points (how many "percentage points short" a rule deducts for) uses the `*-integer` ones or
 * `continuous` (no rounding: 1.15 points short deducts for 1.15).
 */
export const ROUNDING_POLICIES = [
  "continuous",
  "half-up-integer",
  "half-up-1",
  "half-up-2",
  "truncate-1",
  "truncate-2",
  "floor-integer",
  "ceil-integer",
] as const;
export type RoundingPolicy = (typeof ROUNDING_POLICIES)[number];

/** Policies that count whole steps: the ones a shortfall may be counted with. */
export const COUNTING_POLICIES = [
  "continuous",
  "floor-integer",
  "ceil-integer",
  "half-up-integer",
] as const satisfies readonly RoundingPolicy[];
export type CountingPolicy = (typeof COUNTING_POLICIES)[number];

interface PolicySpec {
  places: number | null;
  mode: DecimalJs.Rounding;
  zh: string;
  en: string;
}

const POLICY_SPECS: Record<RoundingPolicy, PolicySpec> = {
  continuous: { places: null, mode: DecimalJs.ROUND_HALF_UP, zh: "不取整", en: "not rounded" },
  "half-up-integer": {
    places: 0,
    mode: DecimalJs.ROUND_HALF_UP,
    zh: "四舍五入取整",
    en: "rounded half-up to a whole number",
  },
  "half-up-1": {
    places: 1,
    mode: DecimalJs.ROUND_HALF_UP,
    zh: "四舍五入保留一位小数",
    en: "rounded half-up to one decimal",
  },
  "half-up-2": {
    places: 2,
    mode: DecimalJs.ROUND_HALF_UP,
    zh: "四舍五入保留两位小数",
    en: "rounded half-up to two decimals",
  },
  "truncate-1": {
    places: 1,
    mode: DecimalJs.ROUND_DOWN,
    zh: "截尾保留一位小数",
    en: "truncated to one decimal",
  },
  "truncate-2": {
    places: 2,
    mode: DecimalJs.ROUND_DOWN,
    zh: "截尾保留两位小数",
    en: "truncated to two decimals",
  },
  "floor-integer": {
    places: 0,
    mode: DecimalJs.ROUND_FLOOR,
    zh: "向下取整",
    en: "rounded down to a whole number",
  },
  "ceil-integer": {
    places: 0,
    mode: DecimalJs.ROUND_CEIL,
    zh: "向上取整",
    en: "rounded up to a whole number",
  },
};

export function isRoundingPolicy(name: string): name is RoundingPolicy {
  return Object.hasOwn(POLICY_SPECS, name);
}

/** Applies a named policy; `continuous` returns the value unchanged. */
export function roundBy(value: Decimal, policy: RoundingPolicy): Decimal {
  const spec = POLICY_SPECS[policy];
  if (spec.places === null || value.decimalPlaces() <= spec.places) return value;
  return value.toDecimalPlaces(spec.places, spec.mode);
}

/** Decimal places a policy publishes, or null for `continuous`. */
export function policyPlaces(policy: RoundingPolicy): number | null {
  return POLICY_SPECS[policy].places;
}

/** The policy in words, for reasons: 四舍五入保留一位小数 / rounded half-up to one decimal. */
export function describePolicy(policy: RoundingPolicy, locale: "zh-CN" | "en-US"): string {
  const spec = POLICY_SPECS[policy];
  return locale === "zh-CN" ? spec.zh : spec.en;
}

/** True when the value already has no more decimals than the policy publishes. */
export function fitsPolicy(value: Decimal, policy: RoundingPolicy): boolean {
  const places = policyPlaces(policy);
  return places === null || value.decimalPlaces() <= places;
}

/**
 * Formats with exactly `places` decimals (half-up), trailing zeros kept: 6.6 → "6.60" at 2.
 * The one place where a Decimal becomes fixed-point text.
 */
export function formatFixed(value: Decimal, places: number): string {
  const text = plain(value.toDecimalPlaces(places, DecimalJs.ROUND_HALF_UP));
  if (places === 0) return text;
  const [whole, fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(places, "0")}`;
}

/** Formats with the decimals a policy publishes; `continuous` gives the shortest exact text. */
export function formatByPolicy(value: Decimal, policy: RoundingPolicy): string {
  const places = policyPlaces(policy);
  return places === null ? plain(value) : formatFixed(roundBy(value, policy), places);
}

/** Shortest exact text, at most `maxPlaces` decimals (half-up), no trailing zeros: 101.20 → "101.2". */
export function formatPlain(value: Decimal, maxPlaces = 10): string {
  // Most figures already fit: skip the rounding copy, the costly part of formatting.
  if (value.decimalPlaces() <= maxPlaces) return plain(value);
  return plain(value.toDecimalPlaces(maxPlaces, DecimalJs.ROUND_HALF_UP));
}

/** A percentage with two decimals, as score rates and completion rates are published: "98.85". */
export function formatPercent(fraction: Decimal): string {
  return formatFixed(fraction.times(HUNDRED), 2);
}

/** A decimal as the reports print it: no exponent, no trailing zeros ("18860", "3623.35"), never "-0". */
export function plain(value: Decimal): string {
  // Decimal keeps the sign of a negative zero in toString's cousins; a published figure never shows it.
  return value.isZero() ? "0" : value.toString();
}
