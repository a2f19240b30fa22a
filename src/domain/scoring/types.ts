/** What a rule is given and what it returns: a score, a reason in words, and the arithmetic behind it. */
import type { Decimal, RoundingPolicy } from "../decimal.ts";
import type { Locale } from "../errors.ts";

/** One arithmetic step: `shortfall = 100 − ratio`, `100 − 98.8513941698`, `1.1486058302`. */
export interface TraceStep {
  /** What is computed, in symbols: `steps = floor-integer(shortfall ÷ step)`. */
  readonly op: string;
  /** The same with the figures put in. */
  readonly expr: string;
  readonly value: string;
}

export interface RuleResult {
  /** Within [0, points], rounded by the indicator's policy. */
  score: Decimal;
  /** A sentence built from the real figures, ending with the score: …扣1分，得9分. */
  reason: string;
  trace: TraceStep[];
}

export interface RuleContext {
  /** The points this rule scores out of (an indicator's, or a composite part's). */
  points: Decimal;
  rounding: RoundingPolicy;
  locale: Locale;
  /** Set for a composite's parts: their reasons continue the composite's sentence. */
  nested?: boolean;
}
