/** The last steps of every rule: clamp into [0, points], round by the named policy, say the score. */
import { type Decimal, describePolicy, roundBy, ZERO } from "../decimal.ts";
import { say } from "./messages.ts";
import { fig, sentence, step, tf } from "./reason.ts";
import type { RuleContext, RuleResult, TraceStep } from "./types.ts";

export interface Settled {
  score: Decimal;
  /** Clauses that say what clamping and rounding did; empty when they changed nothing. */
  notes: string[];
}

/**
 * Clamps and rounds `raw`. When `rawShown` the reason already shows the unrounded figure, so the
 * rounding note names only the policy: …=6.62分，四舍五入保留一位小数，得6.6分.
 */
export function settle(
  ctx: RuleContext,
  raw: Decimal,
  trace: TraceStep[],
  rawShown = false,
): Settled {
  const notes: string[] = [];
  // Full marks need no clamping, and rounding could only be undone by the clamp to the points.
  if (raw === ctx.points) return { score: raw, notes };
  let value = raw;
  if (raw.lt(ZERO)) {
    value = step(trace, "score = max(0, score)", () => `max(0, ${tf(raw)})`, ZERO);
    notes.push(say("clamped_low", ctx.locale));
  } else if (raw.gt(ctx.points)) {
    value = step(
      trace,
      "score = min(points, score)",
      () => `min(${tf(ctx.points)}, ${tf(raw)})`,
      ctx.points,
    );
    notes.push(say("clamped_high", ctx.locale, { points: fig(ctx.points) }));
  }
  let score = roundBy(value, ctx.rounding);
  // Points finer than the policy (21.45 at one decimal) must not round full marks above themselves.
  if (score.gt(ctx.points)) score = ctx.points;
  if (!score.eq(value)) {
    step(trace, `score = ${ctx.rounding}(score)`, () => `${ctx.rounding}(${tf(value)})`, score);
    // Said only when it shows: 3.99999… rounded to 4 reads as 4 → 4; the trace still has the step.
    const raw = fig(value, 6);
    if (raw !== fig(score, 10)) {
      const policy = describePolicy(ctx.rounding, ctx.locale);
      notes.push(rawShown ? policy : say("rounded", ctx.locale, { raw, policy }));
    }
  }
  return { score, notes };
}

/** Settles and builds the reason: the rule's clauses, then the notes, then 得X分. */
export function finish(
  ctx: RuleContext,
  raw: Decimal,
  clauses: string[],
  trace: TraceStep[],
  rawShown = false,
): RuleResult {
  const { score, notes } = settle(ctx, raw, trace, rawShown);
  const all = [...clauses, ...notes, say("score", ctx.locale, { score: fig(score, 10) })];
  return { score, reason: sentence(all, ctx.locale, { capitalize: !ctx.nested }), trace };
}

/** The common ending of the deduction rules: full points less the deduction, settled, with the reason. */
export function finishDeduction(
  ctx: RuleContext,
  deduction: Decimal,
  clauses: string[],
  trace: TraceStep[],
): RuleResult {
  const raw = step(
    trace,
    "score = points − deduction",
    () => `${tf(ctx.points)} − ${tf(deduction)}`,
    ctx.points.minus(deduction),
  );
  return finish(ctx, raw, clauses, trace);
}
