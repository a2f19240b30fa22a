/** Composite: an indicator scored by several sub-rules, added up or each deducting from the whole. */
import { ZERO } from "../../decimal.ts";
import type { CompositeFacts, CompositeRule } from "../../frameworks/index.ts";
import { issue, textIn, ValidationError } from "../../frameworks/index.ts";
import { say } from "../messages.ts";
import { fig, prefixed, sentence, step, tf } from "../reason.ts";
import { settle } from "../settle.ts";
import type { RuleContext, RuleResult, TraceStep } from "../types.ts";
import type { ScoreRule } from "./score-rule-type.ts";

export function scoreComposite(
  rule: CompositeRule,
  facts: CompositeFacts,
  ctx: RuleContext,
  scoreRule: ScoreRule,
): RuleResult {
  const trace: TraceStep[] = [];
  const { locale, points } = ctx;
  const parts = rule.parts.map((part) => {
    const partFacts = facts.parts[part.code];
    if (partFacts === undefined) {
      throw new ValidationError("input", [issue(["parts", part.code], "required")]);
    }
    const result = scoreRule(part.rule, partFacts, { ...ctx, points: part.points, nested: true });
    for (const s of result.trace) trace.push(prefixed(s, part.code));
    return { part, result };
  });
  const clauses = parts.map(({ part, result }) =>
    say("composite_part", locale, { name: textIn(part.name, locale), reason: result.reason }),
  );
  if (rule.combine === "sum") {
    const raw = step(
      trace,
      "score = Σ part scores",
      () => parts.map(({ result }) => tf(result.score)).join(" + "),
      parts.reduce((sum, { result }) => sum.plus(result.score), ZERO),
    );
    const { score, notes } = settle(ctx, raw, trace);
    const closing = sentence(
      [...notes, say("composite_sum", locale, { score: fig(score, 10) })],
      locale,
      {
        capitalize: false,
      },
    );
    return { score, reason: joinParts([...clauses, closing], ctx), trace };
  }
  const deduction = step(
    trace,
    "deduction = Σ (part points − part score)",
    () => parts.map(({ part, result }) => `(${tf(part.points)} − ${tf(result.score)})`).join(" + "),
    parts.reduce((sum, { part, result }) => sum.plus(part.points.minus(result.score)), ZERO),
  );
  const raw = step(
    trace,
    "score = points − deduction",
    () => `${tf(points)} − ${tf(deduction)}`,
    points.minus(deduction),
  );
  const { score, notes } = settle(ctx, raw, trace);
  const closing = sentence(
    [
      ...notes,
      say("composite_deduct", locale, {
        points: fig(points),
        deduction: fig(deduction),
        score: fig(score, 10),
      }),
    ],
    locale,
    { capitalize: false },
  );
  return { score, reason: joinParts([...clauses, closing], ctx), trace };
}

/** Parts are separated by "；" / "; ", a level above the clauses inside each part. */
function joinParts(clauses: string[], ctx: RuleContext): string {
  return sentence(clauses, ctx.locale, {
    separator: ctx.locale === "zh-CN" ? "；" : "; ",
    capitalize: !ctx.nested,
  });
}
