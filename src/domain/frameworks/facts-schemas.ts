/** What an input file records for an indicator, per rule type: the `facts:` of an input entry. */
import { z } from "zod";
import type { RuleType } from "./rule-schemas.ts";
import { decimalValue, NonNegative, Text } from "./values.ts";

export const RatioFacts = z.strictObject({
  actual: NonNegative.meta({ description: "The value achieved: 62395." }),
  target: decimalValue({ min: 0, minExclusive: true, minIssue: "target_not_positive" }).meta({
    description: "The target or plan, above 0: 63120.",
  }),
});

export const ValueFacts = z.strictObject({
  value: decimalValue().meta({ description: "The measured value: 16.4 (a rate in %)." }),
});

export const CountFacts = z.strictObject({
  count: NonNegative.meta({ description: "How many units: days late, items not published." }),
});

export const GradeFacts = z.strictObject({
  grade: z.string().min(1).meta({ description: "One of the rule's grade labels: 好." }),
});

export const ChecklistFacts = z.strictObject({
  items: z
    .record(z.string(), z.boolean())
    .meta({ description: "Each item code with true (done) or false (not done)." }),
});

export const IncidentFacts = z.strictObject({
  count: decimalValue({ min: 0, integer: true }).meta({ description: "Incidents found." }),
  grave: z.boolean().optional().meta({ description: "true if one is grave (性质恶劣)." }),
});

export const ProportionalFacts = z
  .strictObject({
    rate: NonNegative.optional().meta({ description: "The rate in %, 0–100: 82.75." }),
    actual: NonNegative.optional(),
    target: decimalValue({
      min: 0,
      minExclusive: true,
      minIssue: "target_not_positive",
    }).optional(),
  })
  .check((ctx) => {
    const { rate, actual, target } = ctx.value;
    const ratio = actual !== undefined && target !== undefined;
    const partial = (actual === undefined) !== (target === undefined);
    if ((rate === undefined) === !ratio || partial) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: "jixiao:rate_or_ratio" });
    }
  });

export const CompositeFacts = z.strictObject({
  parts: z
    .record(z.string(), z.unknown())
    .meta({ description: "Each part code with the facts of that part's rule." }),
});

export const ExpertFacts = z.strictObject({
  score: NonNegative.meta({ description: "The evaluator's score, within [0, points]." }),
  reason: Text.meta({ description: "Why: the findings the score rests on." }),
});

/** The facts schema of each rule type. */
export const FACTS_SCHEMAS = {
  "completion-band": RatioFacts,
  shortfall: RatioFacts,
  threshold: ValueFacts,
  "lower-is-better": RatioFacts,
  "per-unit": CountFacts,
  "grade-map": GradeFacts,
  checklist: ChecklistFacts,
  incidents: IncidentFacts,
  proportional: ProportionalFacts,
  composite: CompositeFacts,
  expert: ExpertFacts,
} as const satisfies Record<RuleType, z.ZodType>;

export type RatioFacts = z.output<typeof RatioFacts>;
export type ValueFacts = z.output<typeof ValueFacts>;
export type CountFacts = z.output<typeof CountFacts>;
export type GradeFacts = z.output<typeof GradeFacts>;
export type ChecklistFacts = z.output<typeof ChecklistFacts>;
export type IncidentFacts = z.output<typeof IncidentFacts>;
export type ProportionalFacts = z.output<typeof ProportionalFacts>;
export type ExpertFacts = z.output<typeof ExpertFacts>;
/** The facts a rule type's schema gives (a composite's parts still unchecked). */
export type FactsOf<T extends RuleType> = z.output<(typeof FACTS_SCHEMAS)[T]>;

/** Composite facts once each part's facts are validated against its own rule. */
export interface CompositeFacts {
  parts: Record<string, ParsedFacts>;
}

export type ParsedFacts =
  | RatioFacts
  | ValueFacts
  | CountFacts
  | GradeFacts
  | ChecklistFacts
  | IncidentFacts
  | ProportionalFacts
  | CompositeFacts
  | ExpertFacts;
