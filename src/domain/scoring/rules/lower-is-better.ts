/** Lower is better (a cost against its budget): full marks at or under target, a deduction per step over. */
import { HUNDRED, ONE } from "../../decimal.ts";
import type { LowerIsBetterRule, RatioFacts } from "../../frameworks/index.ts";
import { startRatio } from "../completion-ratio.ts";
import { say } from "../messages.ts";
import { fig, step, tf } from "../reason.ts";
import { finish, finishDeduction } from "../settle.ts";
import { countingClause, deductionClause, steppedDeduction } from "../stepped-deduction.ts";
import type { RuleContext, RuleResult } from "../types.ts";

export function scoreLowerIsBetter(
  rule: LowerIsBetterRule,
  facts: RatioFacts,
  ctx: RuleContext,
): RuleResult {
  const { locale, points } = ctx;
  const { trace, ratio, clauses } = startRatio(rule, facts, locale, "share");
  if (ratio.lte(HUNDRED)) {
    clauses.push(say("within_target", locale));
    return finish(ctx, points, clauses, trace);
  }
  const gap = step(trace, "gap = ratio − 100", () => `${tf(ratio)} − 100`, ratio.minus(HUNDRED));
  const d = steppedDeduction(gap, rule.step, rule.deduction, rule.cap, rule.counting, trace);
  clauses.push(say("over_target", locale, { gap: fig(gap, 2) }));
  if (!rule.step.eq(ONE) || !rule.deduction.eq(ONE)) {
    clauses.push(
      say("per_step_above", locale, {
        step: fig(rule.step),
        gapUnit: say("percentage_points", locale),
        deduction: fig(rule.deduction),
      }),
    );
  }
  clauses.push(countingClause(d, rule.step, rule.counting, locale));
  clauses.push(deductionClause(d, rule.cap, locale));
  return finishDeduction(ctx, d.deduction, clauses, trace);
}
