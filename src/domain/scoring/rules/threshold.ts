/** Threshold: full marks at or beyond a threshold, a stepped or proportional deduction short of it, capped. */
import { ONE } from "../../decimal.ts";
import type { ThresholdRule, ValueFacts } from "../../frameworks/index.ts";
import { textIn } from "../../frameworks/index.ts";
import { say } from "../messages.ts";
import { fig, step, tf, unitText } from "../reason.ts";
import { finish, finishDeduction } from "../settle.ts";
import { countingClause, deductionClause, steppedDeduction } from "../stepped-deduction.ts";
import type { RuleContext, RuleResult, TraceStep } from "../types.ts";

export function scoreThreshold(
  rule: ThresholdRule,
  facts: ValueFacts,
  ctx: RuleContext,
): RuleResult {
  const trace: TraceStep[] = [];
  const { locale, points } = ctx;
  const unit = unitText(rule.unit, locale);
  // A gap between two rates is in percentage points, not in per cent.
  const gapUnit = unit === "%" ? say("percentage_points", locale) : unit;
  const atLeast = rule.direction === "at-least";
  const clauses = [
    say("value_facts", locale, {
      label: rule.label ? textIn(rule.label, locale) : say("default_value", locale),
      value: fig(facts.value, 10),
      unit,
    }),
  ];
  const threshold = fig(rule.threshold, 10);
  const met = atLeast ? facts.value.gte(rule.threshold) : facts.value.lte(rule.threshold);
  if (met) {
    clauses.push(say(atLeast ? "threshold_met" : "threshold_within", locale, { threshold, unit }));
    return finish(ctx, points, clauses, trace);
  }
  const gap = atLeast
    ? step(
        trace,
        "gap = threshold − value",
        () => `${tf(rule.threshold)} − ${tf(facts.value)}`,
        rule.threshold.minus(facts.value),
      )
    : step(
        trace,
        "gap = value − threshold",
        () => `${tf(facts.value)} − ${tf(rule.threshold)}`,
        facts.value.minus(rule.threshold),
      );
  const d = steppedDeduction(gap, rule.step, rule.deduction, rule.cap, rule.counting, trace);
  clauses.push(
    say(atLeast ? "threshold_below" : "threshold_above", locale, {
      threshold,
      unit,
      gap: fig(gap, 4),
      gapUnit,
    }),
  );
  if (!rule.step.eq(ONE) || !rule.deduction.eq(ONE)) {
    clauses.push(
      say(atLeast ? "per_step_below" : "per_step_above", locale, {
        step: fig(rule.step),
        gapUnit,
        deduction: fig(rule.deduction),
      }),
    );
  }
  clauses.push(countingClause(d, rule.step, rule.counting, locale));
  clauses.push(deductionClause(d, rule.cap, locale));
  return finishDeduction(ctx, d.deduction, clauses, trace);
}
