/** Expert score: an evaluator's score within [0, points], always with the reason they wrote. */
import { ZERO } from "../../decimal.ts";
import type { ExpertFacts, ExpertRule } from "../../frameworks/index.ts";
import { issue, textIn, ValidationError } from "../../frameworks/index.ts";
import { say } from "../messages.ts";
import { clause, step, tf } from "../reason.ts";
import { finish } from "../settle.ts";
import type { RuleContext, RuleResult, TraceStep } from "../types.ts";

export function scoreExpert(_rule: ExpertRule, facts: ExpertFacts, ctx: RuleContext): RuleResult {
  const trace: TraceStep[] = [];
  const reason = clause(textIn(facts.reason, ctx.locale));
  if (reason === "") throw new ValidationError("input", [issue(["reason"], "reason_required")]);
  if (facts.score.gt(ctx.points) || facts.score.lt(ZERO)) {
    throw new ValidationError("input", [
      issue(["score"], "score_above_points", {
        score: facts.score.toString(),
        points: ctx.points.toString(),
      }),
    ]);
  }
  const raw = step(trace, "score = evaluator's score", () => tf(facts.score), facts.score);
  return finish(ctx, raw, [say("expert", ctx.locale, { reason })], trace);
}
