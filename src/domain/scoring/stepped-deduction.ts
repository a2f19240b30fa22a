/** Deduction per step of shortfall, counted by a named policy and capped: the core of several rules. */
import { type CountingPolicy, type Decimal, describePolicy, ONE, roundBy } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import { say } from "./messages.ts";
import { fig, step, tf } from "./reason.ts";
import type { TraceStep } from "./types.ts";

export interface SteppedDeduction {
  /** How far from the target or threshold, exactly. */
  gap: Decimal;
  /** Steps counted after the counting policy: floor-integer(1.1486 ÷ 1) = 1. */
  steps: Decimal;
  deduction: Decimal;
  capped: boolean;
}

export function steppedDeduction(
  gap: Decimal,
  size: Decimal,
  perStep: Decimal,
  cap: Decimal,
  counting: CountingPolicy,
  trace: TraceStep[],
): SteppedDeduction {
  const steps = step(
    trace,
    `steps = ${counting}(gap ÷ step)`,
    () => `${counting}(${tf(gap)} ÷ ${tf(size)})`,
    roundBy(gap.div(size), counting),
  );
  // Counted continuously, the deduction is gap × deduction ÷ step, multiplied before it is divided:
  // 14.9641 ÷ 0.76 has no end, but 14.9641 × 0.38 ÷ 0.76 is 7.48205 exactly, and the steps taken
  // first to 40 digits gave 7.48204999… (扣7.482分 where the rule deducts 7.4821, a property run).
  const continuous = counting === "continuous";
  const uncapped = continuous ? gap.times(perStep).div(size) : steps.times(perStep);
  const capped = uncapped.gt(cap);
  const deduction = step(
    trace,
    continuous
      ? "deduction = min(cap, gap × deduction ÷ step)"
      : "deduction = min(cap, steps × deduction)",
    () =>
      continuous
        ? `min(${tf(cap)}, ${tf(gap)} × ${tf(perStep)} ÷ ${tf(size)})`
        : `min(${tf(cap)}, ${tf(steps)} × ${tf(perStep)})`,
    capped ? cap : uncapped,
  );
  return { gap, steps, deduction, capped };
}

/** 扣1分 / 扣5分（最多扣5分） / 不扣分. */
export function deductionClause(d: SteppedDeduction, cap: Decimal, locale: Locale): string {
  if (d.deduction.isZero()) return say("no_deduction", locale);
  return d.capped
    ? say("deducted_capped", locale, { deduction: fig(d.deduction), cap: fig(cap) })
    : say("deducted", locale, { deduction: fig(d.deduction) });
}

/**
 * How many steps were counted, when the figures alone do not show it: with whole-number counting
 * and steps wider than one point (计2档), or with continuous counting (按比例连续计算).
 */
export function countingClause(
  d: SteppedDeduction,
  size: Decimal,
  counting: CountingPolicy,
  locale: Locale,
): string {
  if (size.eq(ONE)) return "";
  if (counting === "continuous") return say("counted_continuous", locale);
  return say("counted_steps", locale, {
    steps: fig(d.steps),
    policy: describePolicy(counting, locale),
  });
}
