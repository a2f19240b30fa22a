/** Exact sums, comparisons and rounding of decimal strings for the allocation pages: BigInt, never a float. */
import { formatWanText } from "../../../../src/shared/money.ts";
import { groupDigits } from "../../format/decimal-text.ts";

interface Fixed {
  /** The digits as an integer: the value times 10^scale. */
  units: bigint;
  scale: number;
}

/** A plain decimal as the server reads it: optional minus, digits, optional fraction. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text.trim());
}

function parse(text: string): Fixed | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const fraction = m[3] ?? "";
  const units = BigInt(`${m[2] ?? "0"}${fraction}`);
  return { units: m[1] === "-" ? -units : units, scale: fraction.length };
}

function scaled(value: Fixed, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** The exact sum, or null when any term is not a decimal. */
export function sumDecimals(texts: readonly string[]): string | null {
  const values: Fixed[] = [];
  for (const text of texts) {
    const value = parse(text);
    if (!value) return null;
    values.push(value);
  }
  const scale = Math.max(0, ...values.map((v) => v.scale));
  const total = values.reduce((sum, v) => sum + scaled(v, scale), 0n);
  return format(total, scale);
}

/** a − b exactly, or null when either is not a decimal. */
export function subtractDecimals(a: string, b: string): string | null {
  const y = parse(b);
  if (!y) return null;
  return sumDecimals([a, format(-y.units, y.scale)]);
}

/** −1, 0 or 1 as a is below, equal to or above b; null when either is not a decimal. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 | null {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  const scale = Math.max(x.scale, y.scale);
  const d = scaled(x, scale) - scaled(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Rounded half away from zero to exactly `places` decimals ("2.5" → "3", "1.005" → "1.01"); the text itself when not a decimal. */
export function roundDecimal(text: string, places: number): string {
  const value = parse(text);
  if (!value) return text;
  if (value.scale <= places) return format(scaled(value, places), places);
  const divisor = 10n ** BigInt(value.scale - places);
  const negative = value.units < 0n;
  const magnitude = negative ? -value.units : value.units;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return format(negative ? -quotient : quotient, places);
}

/** An amount in 元 shown in 万元 with 2 decimals and thousands separators; "—" for none. */
export function wanText(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === "") return "—";
  return groupDigits(formatWanText(yuan, "half-up-2"));
}

/** An amount in 元 with thousands separators, to `places` decimals when given; "—" for none. */
export function yuanText(yuan: string | null | undefined, places?: number): string {
  if (yuan === null || yuan === undefined || yuan === "") return "—";
  return groupDigits(places === undefined ? yuan : roundDecimal(yuan, places));
}
