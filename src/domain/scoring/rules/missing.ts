/** Missing data: 0 points with 无法提供具体数值且无说明, unless an explanation and a score are recorded. */
import type { Decimal } from "../../decimal.ts";
import { ZERO } from "../../decimal.ts";
import { issue, type Text, textIn, ValidationError } from "../../frameworks/index.ts";
import { say } from "../messages.ts";
import { clause, step, tf } from "../reason.ts";
import { finish } from "../settle.ts";
import type { RuleContext, RuleResult, TraceStep } from "../types.ts";

export interface MissingFacts {
  explanation?: Text;
  score?: Decimal;
}

export function scoreMissing(facts: MissingFacts, ctx: RuleContext): RuleResult {
  const trace: TraceStep[] = [];
  if (facts.explanation === undefined) {
    step(trace, "score = 0 (no value, no explanation)", () => "0", ZERO);
    return finish(ctx, ZERO, [say("missing", ctx.locale)], trace);
  }
  if (facts.score === undefined) {
    throw new ValidationError("input", [issue(["score"], "explanation_needs_score")]);
  }
  const given = facts.score;
  const raw = step(trace, "score = evaluator's score", () => tf(given), given);
  const explanation = clause(textIn(facts.explanation, ctx.locale));
  return finish(ctx, raw, [say("missing_explained", ctx.locale, { explanation })], trace);
}
