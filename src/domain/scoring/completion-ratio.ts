/** Completion in percent, actual ÷ target × 100, and the clause that states it with its figures. */
import { type Decimal, HUNDRED, ZERO } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import { issue, type RatioFacts, type Text, textIn, ValidationError } from "../frameworks/index.ts";
import { say } from "./messages.ts";
import { fig, step, tf, unitText } from "./reason.ts";
import type { TraceStep } from "./types.ts";

export function completionRatio(facts: RatioFacts, trace: TraceStep[]): Decimal {
  // Validation refuses such a target; this guard keeps a direct caller from dividing by zero.
  if (!facts.target.gt(ZERO)) {
    throw new ValidationError("input", [
      issue(["target"], "target_not_positive", { value: facts.target.toString() }),
    ]);
  }
  return step(
    trace,
    "ratio = actual ÷ target × 100",
    () => `${tf(facts.actual)} ÷ ${tf(facts.target)} × 100`,
    facts.actual.div(facts.target).times(HUNDRED),
  );
}

interface RatioWords {
  unit?: Text;
  labels?: { actual?: Text; target?: Text };
}

/**
 * 实际开工62395平方米，年度计划63120平方米，完成98.85%; for a cost against its standard
 * (`share`): 实际单台补助36.8万元，标准35万元，为标准的105.14%.
 */
export function ratioClause(
  words: RatioWords,
  facts: RatioFacts,
  ratio: Decimal,
  locale: Locale,
  wording: "completion" | "share" = "completion",
) {
  const unit = unitText(words.unit, locale);
  return say(wording === "share" ? "ratio_share" : "ratio_facts", locale, {
    actualLabel: words.labels?.actual
      ? textIn(words.labels.actual, locale)
      : say("default_actual", locale),
    targetLabel: words.labels?.target
      ? textIn(words.labels.target, locale)
      : say("default_target", locale),
    actual: fig(facts.actual, 10),
    target: fig(facts.target, 10),
    unit,
    ratio: fig(ratio, 2),
  });
}

/** How every ratio rule starts: a fresh trace, the ratio worked out in it, the clause that states it. */
export function startRatio(
  words: RatioWords,
  facts: RatioFacts,
  locale: Locale,
  wording: "completion" | "share" = "completion",
) {
  const trace: TraceStep[] = [];
  const ratio = completionRatio(facts, trace);
  return { trace, ratio, clauses: [ratioClause(words, facts, ratio, locale, wording)] };
}
