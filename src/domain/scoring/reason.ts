/** Small helpers that turn figures into the words of a reason sentence and the steps of a trace. */
import { type Decimal, formatPlain } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import { type Text, textIn } from "../frameworks/index.ts";
import type { TraceStep } from "./types.ts";

/** A figure as a reason shows it: exact up to `maxPlaces` decimals, no trailing zeros (101.2, 9, 0.9). */
export function fig(value: Decimal, maxPlaces = 4): string {
  return formatPlain(value, maxPlaces);
}

/** A unit after a figure: "62395平方米" in Chinese, "62395 m²" in English, "16.4%" in both. */
export function unitText(unit: Text | undefined, locale: Locale): string {
  if (unit === undefined) return "";
  const word = textIn(unit, locale);
  return locale === "en-US" && !word.startsWith("%") ? ` ${word}` : word;
}

export interface SentenceOptions {
  separator?: string;
  /** Capitalise an English sentence's first letter; not for one that continues another. */
  capitalize?: boolean;
}

/** Joins clauses into one sentence: "，" in Chinese, ", " in English. */
export function sentence(
  clauses: readonly string[],
  locale: Locale,
  options: SentenceOptions = {},
): string {
  const separator = options.separator ?? (locale === "zh-CN" ? "，" : ", ");
  const joined = clauses.filter((c) => c !== "").join(separator);
  const capitalize = options.capitalize ?? true;
  return locale === "en-US" && capitalize
    ? joined.charAt(0).toUpperCase() + joined.slice(1)
    : joined;
}

/** Text entered by a person, without its final full stop, so it can be followed by more clauses. */
export function clause(text: string): string {
  return text.trim().replace(/[。．.；;，,]+$/u, "");
}

/**
 * One arithmetic step, formatted only when read: a trace is kept for every indicator of every
 * county, but read for few of them, and formatting is what scoring costs most.
 */
class LazyStep implements TraceStep {
  readonly op: string;
  #expr: string | (() => string);
  readonly #value: Decimal;

  constructor(op: string, expr: string | (() => string), value: Decimal) {
    this.op = op;
    this.#expr = expr;
    this.#value = value;
  }

  get expr(): string {
    if (typeof this.#expr === "function") this.#expr = this.#expr();
    return this.#expr;
  }

  get value(): string {
    return formatPlain(this.#value, 10);
  }

  toJSON(): { op: string; expr: string; value: string } {
    return { op: this.op, expr: this.expr, value: this.value };
  }
}

/** Records a step and returns its value, so a computation reads as `x = step(trace, …, value)`. */
export function step(
  trace: TraceStep[],
  op: string,
  expr: string | (() => string),
  value: Decimal,
): Decimal {
  trace.push(new LazyStep(op, expr, value));
  return value;
}

/** The same step under a composite's part: `social: gap = threshold − value`. */
export function prefixed(inner: TraceStep, prefix: string): TraceStep {
  return {
    op: `${prefix}: ${inner.op}`,
    get expr() {
      return inner.expr;
    },
    get value() {
      return inner.value;
    },
    toJSON() {
      return { op: this.op, expr: inner.expr, value: inner.value };
    },
  } as TraceStep;
}

/** A figure inside a trace expression. */
export function tf(value: Decimal): string {
  return formatPlain(value, 10);
}
