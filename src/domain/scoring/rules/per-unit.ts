/** Per-unit penalty: so many points off per day late or per item missing, after any free units, capped. */
import { ZERO } from "../../decimal.ts";
import type { CountFacts, PerUnitRule } from "../../frameworks/index.ts";
import { textIn } from "../../frameworks/index.ts";
import { say } from "../messages.ts";
import { fig, step, tf, unitText } from "../reason.ts";
import { finishDeduction } from "../settle.ts";
import type { RuleContext, RuleResult, TraceStep } from "../types.ts";

export function scorePerUnit(rule: PerUnitRule, facts: CountFacts, ctx: RuleContext): RuleResult {
  const trace: TraceStep[] = [];
  const { locale } = ctx;
  const unit = unitText(rule.unit, locale);
  const free = rule.free ?? ZERO;
  const clauses = [
    say("count_facts", locale, {
      label: rule.label ? textIn(rule.label, locale) : say("default_count", locale),
      count: fig(facts.count, 10),
      unit,
    }),
  ];
  if (free.gt(ZERO)) clauses.push(say("free_units", locale, { free: fig(free), unit }));
  const counted = step(
    trace,
    "units = max(0, count − free)",
    () => `max(0, ${tf(facts.count)} − ${tf(free)})`,
    facts.count.gt(free) ? facts.count.minus(free) : ZERO,
  );
  const uncapped = counted.times(rule.deduction);
  const capped = uncapped.gt(rule.cap);
  const deduction = step(
    trace,
    "deduction = min(cap, units × deduction)",
    () => `min(${tf(rule.cap)}, ${tf(counted)} × ${tf(rule.deduction)})`,
    capped ? rule.cap : uncapped,
  );
  if (deduction.isZero()) {
    clauses.push(say("no_deduction", locale));
  } else {
    clauses.push(
      rule.unit
        ? say("per_unit", locale, {
            unit: textIn(rule.unit, locale),
            deduction: fig(rule.deduction),
          })
        : say("per_unit_plain", locale, { deduction: fig(rule.deduction) }),
    );
    clauses.push(
      capped
        ? say("deducted_capped", locale, { deduction: fig(deduction), cap: fig(rule.cap) })
        : say("deducted", locale, { deduction: fig(deduction) }),
    );
  }
  return finishDeduction(ctx, deduction, clauses, trace);
}
