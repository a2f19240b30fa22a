/** Every rule type, and the dispatcher that scores an indicator's validated facts by its rule. */
import type {
  ChecklistFacts,
  CompositeFacts,
  CountFacts,
  ExpertFacts,
  GradeFacts,
  IncidentFacts,
  ParsedFacts,
  ProportionalFacts,
  RatioFacts,
  Rule,
  ValueFacts,
} from "../../frameworks/index.ts";
import type { RuleContext, RuleResult } from "../types.ts";
import { scoreChecklist } from "./checklist.ts";
import { scoreCompletionBand } from "./completion-band.ts";
import { scoreComposite } from "./composite.ts";
import { scoreExpert } from "./expert.ts";
import { scoreGradeMap } from "./grade-map.ts";
import { scoreIncidents } from "./incidents.ts";
import { scoreLowerIsBetter } from "./lower-is-better.ts";
import { scorePerUnit } from "./per-unit.ts";
import { scoreProportional } from "./proportional.ts";
import { scoreShortfall } from "./shortfall.ts";
import { scoreThreshold } from "./threshold.ts";

export { scoreChecklist } from "./checklist.ts";
export { scoreCompletionBand } from "./completion-band.ts";
export { scoreComposite } from "./composite.ts";
export { scoreExpert } from "./expert.ts";
export { scoreGradeMap } from "./grade-map.ts";
export { scoreIncidents } from "./incidents.ts";
export { scoreLowerIsBetter } from "./lower-is-better.ts";
export { type MissingFacts, scoreMissing } from "./missing.ts";
export { scorePerUnit } from "./per-unit.ts";
export { scoreProportional } from "./proportional.ts";
export { scoreShortfall } from "./shortfall.ts";
export { scoreThreshold } from "./threshold.ts";

/** Scores facts that validateFacts accepted for this rule (the facts' shape follows the rule's type). */
export function scoreRule(rule: Rule, facts: ParsedFacts, ctx: RuleContext): RuleResult {
  const scoped = rule.rounding ? { ...ctx, rounding: rule.rounding } : ctx;
  switch (rule.type) {
    case "completion-band":
      return scoreCompletionBand(rule, facts as RatioFacts, scoped);
    case "shortfall":
      return scoreShortfall(rule, facts as RatioFacts, scoped);
    case "threshold":
      return scoreThreshold(rule, facts as ValueFacts, scoped);
    case "lower-is-better":
      return scoreLowerIsBetter(rule, facts as RatioFacts, scoped);
    case "per-unit":
      return scorePerUnit(rule, facts as CountFacts, scoped);
    case "grade-map":
      return scoreGradeMap(rule, facts as GradeFacts, scoped);
    case "checklist":
      return scoreChecklist(rule, facts as ChecklistFacts, scoped);
    case "incidents":
      return scoreIncidents(rule, facts as IncidentFacts, scoped);
    case "proportional":
      return scoreProportional(rule, facts as ProportionalFacts, scoped);
    case "composite":
      return scoreComposite(rule, facts as CompositeFacts, scoped, scoreRule);
    case "expert":
      return scoreExpert(rule, facts as ExpertFacts, scoped);
  }
}
