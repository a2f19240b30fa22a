/** Per-incident deduction, capped; a grave case (性质恶劣) deducts its fixed amount at once. */
import type { IncidentFacts, IncidentsRule } from "../../frameworks/index.ts";
import { textIn } from "../../frameworks/index.ts";
import { say } from "../messages.ts";
import { fig, step, tf } from "../reason.ts";
import { finish, finishDeduction } from "../settle.ts";
import type { RuleContext, RuleResult, TraceStep } from "../types.ts";

export function scoreIncidents(
  rule: IncidentsRule,
  facts: IncidentFacts,
  ctx: RuleContext,
): RuleResult {
  const trace: TraceStep[] = [];
  const { locale, points } = ctx;
  const label = rule.label ? textIn(rule.label, locale) : say("default_incident", locale);
  if (facts.grave) {
    const grave = rule.grave?.deduction ?? points;
    step(trace, "deduction = grave deduction", () => tf(grave), grave);
    const raw = step(
      trace,
      "score = points − deduction",
      () => `${tf(points)} − ${tf(grave)}`,
      points.minus(grave),
    );
    return finish(
      ctx,
      raw,
      [say("incidents_grave", locale, { label, deduction: fig(grave) })],
      trace,
    );
  }
  if (facts.count.isZero()) {
    return finish(ctx, points, [say("incidents_none", locale, { label })], trace);
  }
  const uncapped = facts.count.times(rule.deduction);
  const capped = uncapped.gt(rule.cap);
  const deduction = step(
    trace,
    "deduction = min(cap, count × deduction)",
    () => `min(${tf(rule.cap)}, ${tf(facts.count)} × ${tf(rule.deduction)})`,
    capped ? rule.cap : uncapped,
  );
  const clauses = [
    say("incidents_some", locale, {
      label,
      count: fig(facts.count),
      deduction: fig(rule.deduction),
    }),
    capped
      ? say("deducted_capped", locale, { deduction: fig(deduction), cap: fig(rule.cap) })
      : say("deducted", locale, { deduction: fig(deduction) }),
  ];
  return finishDeduction(ctx, deduction, clauses, trace);
}
