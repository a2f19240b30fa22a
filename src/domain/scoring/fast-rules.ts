/**
 * The hot path of scoring: the common rules in exact rational arithmetic on safe integers, giving the
 * same score and the same reason as the decimal.js rules (a property test holds them to it); the
 * score alone when scoring, the reason when it is read. Any figure that would leave the safe-integer
 * range throws Overflow and the caller scores (or words) by the decimal rules instead; so do rule
 * types and contexts this file does not know.
 */
import {
  type CountingPolicy,
  Decimal,
  describePolicy,
  policyPlaces,
  ROUNDING_POLICIES,
  type RoundingPolicy,
} from "../decimal.ts";
import type { Locale } from "../errors.ts";
import {
  type GradeFacts,
  type IncidentFacts,
  type ParsedFacts,
  type ProportionalFacts,
  type RatioFacts,
  type Rule,
  textIn,
  type ValueFacts,
} from "../frameworks/index.ts";
import { bind, say } from "./messages.ts";
import { fig, unitText } from "./reason.ts";

/** An exact rational n ÷ d, d > 0, both safe integers. */
interface Q {
  n: number;
  d: number;
}

/** Thrown when a figure leaves the safe-integer range: the decimal rules take over. */
export class Overflow extends Error {}
const OVERFLOW = new Overflow("fast scoring: a figure left the safe-integer range");

function safe(x: number): number {
  if (!Number.isSafeInteger(x)) throw OVERFLOW;
  return x;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = b;
  // Past 2^31 `%` works on doubles (a slow fmod call); below it, on int32s, kept apart so that
  // the large case does not slow the common one down.
  while (x > 0x7fffffff || y > 0x7fffffff) {
    if (y === 0) return x;
    const t = x % y;
    x = y;
    y = t;
  }
  let xi = x | 0;
  let yi = y | 0;
  while (yi !== 0) {
    const t = xi % yi;
    xi = yi;
    yi = t;
  }
  return xi;
}

function q(n: number, d = 1): Q {
  if (d === 1 || n === 0) return { n: n === 0 ? 0 : n, d: 1 };
  const g = gcd(n, d);
  return g === 1 ? { n, d } : { n: n / g, d: d / g };
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Digits of a base-1e7 limb, 1 ≤ limb < 1e7, without making its text. */
function digitCount(limb: number): number {
  let digits = 1;
  while (digits < 7 && limb >= (POW10[digits] ?? Number.POSITIVE_INFINITY)) digits += 1;
  return digits;
}

/** A Decimal as a rational, from its base-1e7 limbs; throws Overflow past 14 digits. */
function fromDecimal(x: Decimal): Q {
  const limbs = x.d;
  if (!limbs || limbs.length > 2) throw OVERFLOW;
  const first = limbs[0] ?? 0;
  if (first === 0) return { n: 0, d: 1 };
  const last = limbs.length === 2 ? (limbs[1] ?? 0) : 0;
  const int = limbs.length === 2 ? first * 1e7 + last : first;
  const digits = digitCount(first) + 7 * (limbs.length - 1);
  const exp = x.e + 1 - digits;
  const n = x.s * int;
  if (exp >= 0) return { n: safe(n * (POW10[exp] ?? Number.NaN)), d: 1 };
  const d = POW10[-exp];
  if (d === undefined) throw OVERFLOW;
  return q(n, d);
}

const mul = (a: Q, b: Q) => q(safe(a.n * b.n), safe(a.d * b.d));
const add = (a: Q, b: Q) =>
  a.d === b.d
    ? q(safe(a.n + b.n), a.d)
    : q(safe(safe(a.n * b.d) + safe(b.n * a.d)), safe(a.d * b.d));
const sub = (a: Q, b: Q) => add(a, { n: -b.n, d: b.d });
const div = (a: Q, b: Q) => {
  if (b.n === 0) throw OVERFLOW;
  const sign = b.n < 0 ? -1 : 1;
  return q(safe(a.n * b.d * sign), safe(a.d * Math.abs(b.n)));
};
const cmp = (a: Q, b: Q) => {
  const l = safe(a.n * b.d);
  const r = safe(b.n * a.d);
  return l < r ? -1 : l > r ? 1 : 0;
};
const isZero = (a: Q) => a.n === 0;

/** floor(a ÷ b) for safe integers, b > 0, without trusting the float quotient. */
function floorDiv(a: number, b: number): number {
  const r = ((a % b) + b) % b;
  return (a - r) / b;
}

type Mode = "half-up" | "down" | "floor" | "ceil";

/** The integer a ÷ b rounds to in a mode (half-up away from zero, as Decimal's ROUND_HALF_UP). */
function roundDiv(a: number, b: number, mode: Mode): number {
  const neg = a < 0;
  const abs = Math.abs(a);
  switch (mode) {
    case "floor":
      return floorDiv(a, b);
    case "ceil":
      return -floorDiv(-a, b);
    case "down": {
      const m = floorDiv(abs, b);
      return neg ? -m : m;
    }
    case "half-up": {
      const m = floorDiv(safe(2 * abs + b), 2 * b);
      return neg ? -m : m;
    }
  }
}

const POLICY_MODES: Record<RoundingPolicy, Mode> = {
  continuous: "half-up",
  "half-up-integer": "half-up",
  "half-up-1": "half-up",
  "half-up-2": "half-up",
  "truncate-1": "down",
  "truncate-2": "down",
  "floor-integer": "floor",
  "ceil-integer": "ceil",
};

/** roundBy in rationals for one policy, its places and mode looked up once. */
type Rounder = (x: Q) => Q;

function rounder(policy: RoundingPolicy): Rounder {
  const places = policyPlaces(policy);
  // `continuous` keeps the value.
  if (places === null) return (x) => x;
  const scale = POW10[places];
  if (scale === undefined) throw new RangeError(`no scale for ${places} places`);
  const mode = POLICY_MODES[policy];
  return (x) => (x.d === 1 ? x : q(roundDiv(safe(x.n * scale), x.d, mode), scale));
}

const ROUNDERS = Object.fromEntries(ROUNDING_POLICIES.map((p) => [p, rounder(p)])) as Record<
  RoundingPolicy,
  Rounder
>;

/** roundBy in rationals: `continuous` keeps the value. */
function roundByQ(x: Q, policy: RoundingPolicy): Q {
  return ROUNDERS[policy](x);
}

/** Decimal places of n ÷ d (reduced) when d is 2^a × 5^b: max(a, b); -1 when it does not end. */
function terminatingPlaces(d: number): number {
  let twos = 0;
  let fives = 0;
  let rest = d;
  while (rest % 2 === 0) {
    rest /= 2;
    twos += 1;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives += 1;
  }
  return rest === 1 ? Math.max(twos, fives) : -1;
}

/** m ÷ 10^places as text, m's last digit not 0 unless places is 0. */
function scaledText(m: number, places: number): string {
  if (m === 0) return "0";
  const digits = String(Math.abs(m));
  let text: string;
  if (places === 0) text = digits;
  else if (digits.length > places) {
    text = `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  } else text = `0.${"0".repeat(places - digits.length)}${digits}`;
  return m < 0 ? `-${text}` : text;
}

/** fig in rationals: exact up to `maxPlaces` decimals (half-up), no trailing zeros, never "-0". */
function figQ(x: Q, maxPlaces = 4): string {
  if (x.d === 1) return scaledText(x.n, 0);
  const exact = terminatingPlaces(x.d);
  if (exact >= 0 && exact <= maxPlaces) {
    return scaledText(safe(x.n * ((POW10[exact] ?? Number.NaN) / x.d)), exact);
  }
  const scale = POW10[maxPlaces];
  if (scale === undefined) throw OVERFLOW;
  let m = roundDiv(safe(x.n * scale), x.d, "half-up");
  let places = maxPlaces;
  while (places > 0 && m % 10 === 0) {
    m /= 10;
    places -= 1;
  }
  return scaledText(m, places);
}

const HUNDRED: Q = { n: 100, d: 1 };
const ONE: Q = { n: 1, d: 1 };
const ZERO: Q = { n: 0, d: 1 };

/** A score as an exact rational, for adding up a group's scores without Decimal. */
export type Exact = Q;

/**
 * Whether a score has an exact text of at most 10 decimals (the one figQ(score, 10) shows, as
 * reasons say it); a `continuous` 2/3 has none, and only decimal.js can hold it.
 */
function hasExactText(score: Q): boolean {
  // A reduced d is 2^a × 5^b with a, b ≤ 10 just when it divides 10^10.
  return score.d === 1 || 1e10 % score.d === 0;
}

/** A score's exact text; Overflow when it has none (see hasExactText). */
export function exactText(score: Exact): string {
  if (!hasExactText(score)) throw OVERFLOW;
  return figQ(score, 10);
}

/**
 * A group's or the total's score from its parts' exact scores: their sum rounded by `policy` and
 * kept within the points; undefined when decimal.js must do it.
 */
export function exactSum(
  parts: readonly Exact[],
  points: Decimal,
  policy: RoundingPolicy,
): Exact | undefined {
  try {
    let sum = ZERO;
    for (const part of parts) sum = add(sum, part);
    const max = fromDecimal(points);
    let value = roundByQ(sum, policy);
    if (cmp(value, max) > 0) value = max;
    return hasExactText(value) ? value : undefined;
  } catch (error) {
    if (error instanceof Overflow) return undefined;
    throw error;
  }
}

/**
 * A compiled rule for one indicator and locale. `score` gives the settled score and nothing else:
 * scoring every county needs no words. `reason` gives the sentence, when it is read; it works the
 * figures out again by the same code. Both throw Overflow when decimal.js must score these facts.
 */
export interface FastRule {
  score(facts: ParsedFacts): Exact;
  reason(facts: ParsedFacts): string;
}

/** One rule's arithmetic; it adds its clauses to `words` unless that is null (score only). */
type Run = (facts: ParsedFacts, words: string[] | null) => Q;

interface Ctx {
  points: Q;
  pointsText: string;
  scoreText: (params: Record<string, string>) => string;
  rounding: RoundingPolicy;
  round: Rounder;
  locale: Locale;
}

/** settle() and finish() of the decimal rules, in rationals: the score, its clauses added to `words`. */
function finish(ctx: Ctx, raw: Q | null, words: string[] | null, rawShown = false): Q {
  const { locale, points } = ctx;
  // null: full marks, passed as the points themselves, which settle leaves alone.
  let score = points;
  let value = points;
  if (raw !== null) {
    value = raw;
    if (raw.n < 0) {
      value = ZERO;
      words?.push(say("clamped_low", locale));
    } else if (cmp(raw, points) > 0) {
      value = points;
      words?.push(say("clamped_high", locale, { points: ctx.pointsText }));
    }
    score = ctx.round(value);
    if (cmp(score, points) > 0) score = points;
  }
  if (words === null) {
    if (!hasExactText(score)) throw OVERFLOW;
    return score;
  }
  const text = exactText(score);
  if (raw !== null && cmp(score, value) !== 0) {
    const shown = figQ(value, 6);
    if (shown !== text) {
      const policy = describePolicy(ctx.rounding, locale);
      words.push(rawShown ? policy : say("rounded", locale, { raw: shown, policy }));
    }
  }
  words.push(ctx.scoreText({ score: text }));
  return score;
}

/** sentence() of a top-level rule, without the intermediate array. */
function join(clauses: readonly string[], locale: Locale): string {
  const separator = locale === "zh-CN" ? "，" : ", ";
  let out = "";
  for (const clause of clauses) {
    if (clause === "") continue;
    out = out === "" ? clause : out + separator + clause;
  }
  return locale === "en-US" ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

interface Stepped {
  steps: Q;
  deduction: Q;
  capped: boolean;
}

function stepped(gap: Q, size: Q, perStep: Q, cap: Q, counting: CountingPolicy): Stepped {
  const steps = roundByQ(div(gap, size), counting);
  const uncapped = mul(steps, perStep);
  const capped = cmp(uncapped, cap) > 0;
  return { steps, deduction: capped ? cap : uncapped, capped };
}

function deductionClause(d: Stepped, capText: string, locale: Locale): string {
  if (isZero(d.deduction)) return say("no_deduction", locale);
  return d.capped
    ? say("deducted_capped", locale, { deduction: figQ(d.deduction), cap: capText })
    : say("deducted", locale, { deduction: figQ(d.deduction) });
}

/** A stepped deduction's figures as fractions, and whether it counts whole points one by one. */
function steppingOf(rule: { step: Decimal; deduction: Decimal; cap: Decimal }) {
  const step = fromDecimal(rule.step);
  const perStep = fromDecimal(rule.deduction);
  const stepIsOne = cmp(step, ONE) === 0;
  return {
    step,
    perStep,
    cap: fromDecimal(rule.cap),
    stepIsOne,
    plainSteps: stepIsOne && cmp(perStep, ONE) === 0,
  };
}

function countingClause(d: Stepped, stepIsOne: boolean, counting: CountingPolicy, locale: Locale) {
  if (stepIsOne) return "";
  if (counting === "continuous") return say("counted_continuous", locale);
  return say("counted_steps", locale, {
    steps: figQ(d.steps),
    policy: describePolicy(counting, locale),
  });
}

interface RatioWords {
  unit?: Parameters<typeof unitText>[0];
  labels?: { actual?: Parameters<typeof textIn>[0]; target?: Parameters<typeof textIn>[0] };
}

/** ratioClause() with its words worked out once. */
function ratioWords(words: RatioWords, locale: Locale) {
  const unit = unitText(words.unit, locale);
  const actualLabel = words.labels?.actual
    ? textIn(words.labels.actual, locale)
    : say("default_actual", locale);
  const targetLabel = words.labels?.target
    ? textIn(words.labels.target, locale)
    : say("default_target", locale);
  const fill = bind("ratio_facts", locale, { actualLabel, targetLabel, unit });
  return (actual: Q, target: Q, ratio: Q) =>
    fill({ actual: figQ(actual, 10), target: figQ(target, 10), ratio: figQ(ratio, 2) });
}

/** actual ÷ target × 100, with the two facts as rationals for the reason. */
function ratioOf(facts: { actual: Decimal; target: Decimal }): { actual: Q; target: Q; ratio: Q } {
  const actual = fromDecimal(facts.actual);
  const target = fromDecimal(facts.target);
  if (target.n <= 0) throw OVERFLOW;
  return { actual, target, ratio: mul(div(actual, target), HUNDRED) };
}

/**
 * Compiles one indicator's rule for a locale, its constants turned into rationals and words once;
 * undefined for the rules the fast path leaves to decimal.js.
 */
export function compileFastRule(
  rule: Rule,
  points: Decimal,
  rounding: RoundingPolicy,
  locale: Locale,
): FastRule | undefined {
  let run: Run | undefined;
  try {
    run = compile(rule, points, rule.rounding ?? rounding, locale);
  } catch (error) {
    if (error instanceof Overflow) return undefined;
    throw error;
  }
  if (!run) return undefined;
  const scoreOnly = run;
  return {
    score: (facts) => scoreOnly(facts, null),
    reason: (facts) => {
      const words: string[] = [];
      scoreOnly(facts, words);
      return join(words, locale);
    },
  };
}

function compile(
  rule: Rule,
  pointsDec: Decimal,
  rounding: RoundingPolicy,
  locale: Locale,
): Run | undefined {
  const ctx: Ctx = {
    points: fromDecimal(pointsDec),
    pointsText: fig(pointsDec),
    scoreText: bind("score", locale, {}),
    rounding,
    round: ROUNDERS[rounding],
    locale,
  };
  const points = ctx.points;
  switch (rule.type) {
    case "shortfall": {
      const clause = ratioWords(rule, locale);
      const { step, perStep, cap, stepIsOne, plainSteps } = steppingOf(rule);
      const perStepText = plainSteps
        ? ""
        : say("per_step_below", locale, {
            step: fig(rule.step),
            gapUnit: say("percentage_points", locale),
            deduction: fig(rule.deduction),
          });
      const capText = fig(rule.cap);
      const { counting } = rule;
      return (raw, words) => {
        const facts = raw as RatioFacts;
        const { actual, target, ratio } = ratioOf(facts);
        words?.push(clause(actual, target, ratio));
        if (cmp(ratio, HUNDRED) >= 0) {
          words?.push(say("target_met", locale));
          return finish(ctx, null, words);
        }
        const gap = sub(HUNDRED, ratio);
        const d = stepped(gap, step, perStep, cap, counting);
        if (words !== null) {
          const wholePoints = stepIsOne && counting !== "continuous" && cmp(d.steps, ONE) >= 0;
          words.push(
            say("below_target", locale, { gap: wholePoints ? figQ(d.steps) : figQ(gap, 2) }),
          );
          if (!plainSteps) words.push(perStepText);
          words.push(countingClause(d, stepIsOne, counting, locale));
          if (!wholePoints && stepIsOne && counting !== "continuous") {
            words.push(
              say("counted_steps", locale, {
                steps: figQ(d.steps),
                policy: describePolicy(counting, locale),
              }),
            );
          }
          words.push(deductionClause(d, capText, locale));
        }
        return finish(ctx, sub(points, d.deduction), words);
      };
    }
    case "completion-band": {
      const clause = ratioWords(rule, locale);
      const lower = fromDecimal(rule.lower);
      const upper = rule.upper === undefined ? undefined : fromDecimal(rule.upper);
      const belowPenalty = fromDecimal(rule.belowPenalty);
      const abovePenalty = rule.abovePenalty === undefined ? ZERO : fromDecimal(rule.abovePenalty);
      const lowerText = fig(rule.lower);
      const upperText = rule.upper === undefined ? lowerText : fig(rule.upper);
      const within =
        rule.upper === undefined
          ? say("band_at_least", locale, { lower: lowerText })
          : say("band_within", locale, { lower: lowerText, upper: upperText });
      const belowText = fig(rule.belowPenalty);
      const aboveText = fig(rule.abovePenalty ?? new Decimal(0));
      const { counting } = rule;
      const perCent = mul(points, { n: 1, d: 100 });
      // points × penalty% per point below or above: worked out once.
      const belowRate = mul(perCent, belowPenalty);
      const aboveRate = mul(perCent, abovePenalty);
      return (raw, words) => {
        const facts = raw as RatioFacts;
        const { actual, target, ratio } = ratioOf(facts);
        words?.push(clause(actual, target, ratio));
        const below = cmp(ratio, lower) < 0;
        const above = upper !== undefined && cmp(ratio, upper) > 0;
        if (!below && !above) {
          words?.push(within);
          return finish(ctx, null, words);
        }
        const gap = below ? sub(lower, ratio) : sub(ratio, upper ?? lower);
        const counted = roundByQ(gap, counting);
        const deduction = mul(below ? belowRate : aboveRate, counted);
        if (words !== null) {
          const shown = counting === "continuous" ? figQ(gap, 2) : figQ(counted);
          words.push(
            below
              ? say("band_below", locale, { lower: lowerText, gap: shown, penalty: belowText })
              : say("band_above", locale, { upper: upperText, gap: shown, penalty: aboveText }),
          );
          if (counting !== "continuous" && cmp(counted, gap) !== 0) {
            words.push(
              say("counted_steps", locale, {
                steps: figQ(counted),
                policy: describePolicy(counting, locale),
              }),
            );
          }
          words.push(
            isZero(deduction)
              ? say("no_deduction", locale)
              : say("deducted", locale, { deduction: figQ(deduction) }),
          );
        }
        return finish(ctx, sub(points, deduction), words);
      };
    }
    case "threshold": {
      const unit = unitText(rule.unit, locale);
      const gapUnit = unit === "%" ? say("percentage_points", locale) : unit;
      const atLeast = rule.direction === "at-least";
      const label = rule.label ? textIn(rule.label, locale) : say("default_value", locale);
      const thresholdText = fig(rule.threshold, 10);
      const threshold = fromDecimal(rule.threshold);
      const { step, perStep, cap, stepIsOne, plainSteps } = steppingOf(rule);
      const perStepText = plainSteps
        ? ""
        : say(atLeast ? "per_step_below" : "per_step_above", locale, {
            step: fig(rule.step),
            gapUnit,
            deduction: fig(rule.deduction),
          });
      const valueFacts = bind("value_facts", locale, { label, unit });
      const metText = say(atLeast ? "threshold_met" : "threshold_within", locale, {
        threshold: thresholdText,
        unit,
      });
      const capText = fig(rule.cap);
      const { counting } = rule;
      return (raw, words) => {
        const facts = raw as ValueFacts;
        const value = fromDecimal(facts.value);
        words?.push(valueFacts({ value: figQ(value, 10) }));
        const c = cmp(value, threshold);
        if (atLeast ? c >= 0 : c <= 0) {
          words?.push(metText);
          return finish(ctx, null, words);
        }
        const gap = atLeast ? sub(threshold, value) : sub(value, threshold);
        const d = stepped(gap, step, perStep, cap, counting);
        if (words !== null) {
          words.push(
            say(atLeast ? "threshold_below" : "threshold_above", locale, {
              threshold: thresholdText,
              unit,
              gap: figQ(gap, 4),
              gapUnit,
            }),
          );
          if (!plainSteps) words.push(perStepText);
          words.push(countingClause(d, stepIsOne, counting, locale));
          words.push(deductionClause(d, capText, locale));
        }
        return finish(ctx, sub(points, d.deduction), words);
      };
    }
    case "incidents": {
      const label = rule.label ? textIn(rule.label, locale) : say("default_incident", locale);
      const graveDec = rule.grave?.deduction ?? pointsDec;
      const grave = fromDecimal(graveDec);
      const graveText = say("incidents_grave", locale, { label, deduction: fig(graveDec) });
      const noneText = say("incidents_none", locale, { label });
      const perIncident = fromDecimal(rule.deduction);
      const perIncidentText = fig(rule.deduction);
      const cap = fromDecimal(rule.cap);
      const capText = fig(rule.cap);
      return (raw, words) => {
        const facts = raw as IncidentFacts;
        if (facts.grave) {
          words?.push(graveText);
          return finish(ctx, sub(points, grave), words);
        }
        const count = fromDecimal(facts.count);
        if (isZero(count)) {
          words?.push(noneText);
          return finish(ctx, null, words);
        }
        const uncapped = mul(count, perIncident);
        const capped = cmp(uncapped, cap) > 0;
        const deduction = capped ? cap : uncapped;
        if (words !== null) {
          words.push(
            say("incidents_some", locale, {
              label,
              count: figQ(count),
              deduction: perIncidentText,
            }),
            capped
              ? say("deducted_capped", locale, { deduction: figQ(deduction), cap: capText })
              : say("deducted", locale, { deduction: figQ(deduction) }),
          );
        }
        return finish(ctx, sub(points, deduction), words);
      };
    }
    case "grade-map": {
      const grades = new Map<string, { raw: Q; text: string }>();
      for (const g of rule.grades) {
        // The first grade of a label wins, as rule.grades.find does.
        if (grades.has(g.label)) continue;
        const gradeEn = locale === "en-US" && g.en ? ` (${g.en})` : "";
        const text = say("grade", locale, {
          grade: g.label,
          gradeEn,
          percent: fig(g.ratio.times(100), 2),
        });
        grades.set(g.label, { raw: mul(points, fromDecimal(g.ratio)), text });
      }
      return (raw, words) => {
        const grade = grades.get((raw as GradeFacts).grade);
        // Validation refuses an unknown grade; the decimal rule words the error for a direct caller.
        if (!grade) throw OVERFLOW;
        words?.push(grade.text);
        return finish(ctx, grade.raw, words);
      };
    }
    case "proportional": {
      const clause = ratioWords(rule, locale);
      const label = rule.label ? textIn(rule.label, locale) : say("default_rate", locale);
      const capped = say("proportional_capped", locale);
      const rateText = bind("proportional_rate", locale, { label });
      const product = bind("proportional_product", locale, { points: ctx.pointsText });
      // points ÷ 100, by which a rate in percent is multiplied: worked out once.
      const perCent = div(points, HUNDRED);
      return (given, words) => {
        const facts = given as ProportionalFacts;
        let rate: Q;
        if (facts.rate !== undefined) {
          rate = fromDecimal(facts.rate);
          if (cmp(rate, HUNDRED) > 0) throw OVERFLOW;
          words?.push(rateText({ rate: figQ(rate, 10) }));
        } else if (facts.actual !== undefined && facts.target !== undefined) {
          const { actual, target, ratio } = ratioOf({ actual: facts.actual, target: facts.target });
          words?.push(clause(actual, target, ratio));
          rate = cmp(ratio, HUNDRED) > 0 ? HUNDRED : ratio;
          if (cmp(ratio, HUNDRED) > 0) words?.push(capped);
        } else {
          throw OVERFLOW;
        }
        const raw = mul(perCent, rate);
        words?.push(product({ rate: figQ(rate, 2), raw: figQ(raw, 4) }));
        return finish(ctx, raw, words, true);
      };
    }
    default:
      return undefined;
  }
}
