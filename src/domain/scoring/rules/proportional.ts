/** Proportional: score = points × rate, rounded by the named policy (8 × 82.75% = 6.62 → 6.6). */
import { HUNDRED } from "../../decimal.ts";
import type { ProportionalFacts, ProportionalRule } from "../../frameworks/index.ts";
import { issue, textIn, ValidationError } from "../../frameworks/index.ts";
import { completionRatio, ratioClause } from "../completion-ratio.ts";
import { say } from "../messages.ts";
import { fig, step, tf } from "../reason.ts";
import { finish } from "../settle.ts";
import type { RuleContext, RuleResult, TraceStep } from "../types.ts";

export function scoreProportional(
  rule: ProportionalRule,
  facts: ProportionalFacts,
  ctx: RuleContext,
): RuleResult {
  const trace: TraceStep[] = [];
  const { locale, points } = ctx;
  const clauses: string[] = [];
  let rate: typeof points;
  if (facts.rate !== undefined) {
    rate = facts.rate;
    if (rate.gt(HUNDRED)) {
      throw new ValidationError("input", [
        issue(["rate"], "rate_above_100", { value: rate.toString() }),
      ]);
    }
    clauses.push(
      say("proportional_rate", locale, {
        label: rule.label ? textIn(rule.label, locale) : say("default_rate", locale),
        rate: fig(rate, 10),
      }),
    );
  } else if (facts.actual !== undefined && facts.target !== undefined) {
    const ratioFacts = { actual: facts.actual, target: facts.target };
    const ratio = completionRatio(ratioFacts, trace);
    clauses.push(ratioClause(rule, ratioFacts, ratio, locale));
    // Higher is better up to the target: more than 100% does not earn more than the points.
    rate = ratio.gt(HUNDRED)
      ? step(trace, "rate = min(100, ratio)", () => `min(100, ${tf(ratio)})`, HUNDRED)
      : ratio;
    if (ratio.gt(HUNDRED)) clauses.push(say("proportional_capped", locale));
  } else {
    throw new ValidationError("input", [issue([], "rate_or_ratio")]);
  }
  const raw = step(
    trace,
    "score = points × rate ÷ 100",
    () => `${tf(points)} × ${tf(rate)} ÷ 100`,
    points.times(rate).div(HUNDRED),
  );
  clauses.push(
    say("proportional_product", locale, {
      points: fig(points),
      rate: fig(rate, 2),
      raw: fig(raw, 4),
    }),
  );
  return finish(ctx, raw, clauses, trace, true);
}
