/** Shortfall deduction: full marks at or above plan, else k points per step short, counted and capped. */
import { describePolicy, HUNDRED, ONE } from "../../decimal.ts";
import type { RatioFacts, ShortfallRule } from "../../frameworks/index.ts";
import { startRatio } from "../completion-ratio.ts";
import { say } from "../messages.ts";
import { fig, step, tf } from "../reason.ts";
import { finish, finishDeduction } from "../settle.ts";
import { countingClause, deductionClause, steppedDeduction } from "../stepped-deduction.ts";
import type { RuleContext, RuleResult } from "../types.ts";

export function scoreShortfall(
  rule: ShortfallRule,
  facts: RatioFacts,
  ctx: RuleContext,
): RuleResult {
  const { locale, points } = ctx;
  const { trace, ratio, clauses } = startRatio(rule, facts, locale);
  if (ratio.gte(HUNDRED)) {
    clauses.push(say("target_met", locale));
    return finish(ctx, points, clauses, trace);
  }
  const gap = step(trace, "gap = 100 − ratio", () => `100 − ${tf(ratio)}`, HUNDRED.minus(ratio));
  const d = steppedDeduction(gap, rule.step, rule.deduction, rule.cap, rule.counting, trace);
  // "每低一个百分点" read with whole points: the report says 低一个百分点 for 1.15 points short.
  const wholePoints = rule.step.eq(ONE) && rule.counting !== "continuous" && d.steps.gte(ONE);
  clauses.push(say("below_target", locale, { gap: wholePoints ? fig(d.steps) : fig(gap, 2) }));
  if (!rule.step.eq(ONE) || !rule.deduction.eq(ONE)) {
    clauses.push(
      say("per_step_below", locale, {
        step: fig(rule.step),
        gapUnit: say("percentage_points", locale),
        deduction: fig(rule.deduction),
      }),
    );
  }
  clauses.push(countingClause(d, rule.step, rule.counting, locale));
  if (!wholePoints && rule.step.eq(ONE) && rule.counting !== "continuous") {
    clauses.push(
      say("counted_steps", locale, {
        steps: fig(d.steps),
        policy: describePolicy(rule.counting, locale),
      }),
    );
  }
  clauses.push(deductionClause(d, rule.cap, locale));
  return finishDeduction(ctx, d.deduction, clauses, trace);
}
