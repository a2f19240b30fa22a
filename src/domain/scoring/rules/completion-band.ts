/** Completion band: full marks within [lower, upper] % of target, a share of the points off per point outside. */
import { CENT, describePolicy, roundBy, ZERO } from "../../decimal.ts";
import type { CompletionBandRule, RatioFacts } from "../../frameworks/index.ts";
import { startRatio } from "../completion-ratio.ts";
import { say } from "../messages.ts";
import { fig, step, tf } from "../reason.ts";
import { finish, finishDeduction } from "../settle.ts";
import type { RuleContext, RuleResult } from "../types.ts";

export function scoreCompletionBand(
  rule: CompletionBandRule,
  facts: RatioFacts,
  ctx: RuleContext,
): RuleResult {
  const { locale, points } = ctx;
  const { trace, ratio, clauses } = startRatio(rule, facts, locale);
  const below = ratio.lt(rule.lower);
  const above = rule.upper !== undefined && ratio.gt(rule.upper);
  if (!below && !above) {
    clauses.push(
      rule.upper === undefined
        ? say("band_at_least", locale, { lower: fig(rule.lower) })
        : say("band_within", locale, { lower: fig(rule.lower), upper: fig(rule.upper) }),
    );
    return finish(ctx, points, clauses, trace);
  }
  const edge = below ? rule.lower : (rule.upper ?? rule.lower);
  const penalty = below ? rule.belowPenalty : (rule.abovePenalty ?? ZERO);
  const gap = below
    ? step(
        trace,
        "gap = lower − ratio",
        () => `${tf(rule.lower)} − ${tf(ratio)}`,
        rule.lower.minus(ratio),
      )
    : step(trace, "gap = ratio − upper", () => `${tf(ratio)} − ${tf(edge)}`, ratio.minus(edge));
  const counted = step(
    trace,
    `points short = ${rule.counting}(gap)`,
    () => `${rule.counting}(${tf(gap)})`,
    roundBy(gap, rule.counting),
  );
  const deduction = step(
    trace,
    "deduction = points × penalty% × points short",
    () => `${tf(points)} × ${tf(penalty)}% × ${tf(counted)}`,
    points.times(penalty).times(CENT).times(counted),
  );
  const shown = rule.counting === "continuous" ? fig(gap, 2) : fig(counted);
  clauses.push(
    below
      ? say("band_below", locale, { lower: fig(rule.lower), gap: shown, penalty: fig(penalty) })
      : say("band_above", locale, { upper: fig(edge), gap: shown, penalty: fig(penalty) }),
  );
  if (rule.counting !== "continuous" && !counted.eq(gap)) {
    clauses.push(
      say("counted_steps", locale, {
        steps: fig(counted),
        policy: describePolicy(rule.counting, locale),
      }),
    );
  }
  clauses.push(
    deduction.isZero()
      ? say("no_deduction", locale)
      : say("deducted", locale, { deduction: fig(deduction) }),
  );
  return finishDeduction(ctx, deduction, clauses, trace);
}
