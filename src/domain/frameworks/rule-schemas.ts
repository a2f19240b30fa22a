/** The machine rules an indicator can be scored by, as zod schemas: the `rule:` of a framework file. */
import { z } from "zod";
import { COUNTING_POLICIES, ROUNDING_POLICIES } from "../decimal.ts";
import { Code, decimalValue, NonNegative, Positive, Text } from "./values.ts";

export const RoundingPolicyName = z.enum(ROUNDING_POLICIES).meta({
  description:
    "A named rounding policy: continuous, half-up-integer, half-up-1, half-up-2, truncate-1, truncate-2, floor-integer, ceil-integer.",
});

export const CountingPolicyName = z.enum(COUNTING_POLICIES).meta({
  description:
    "How a shortfall is counted before it is multiplied: floor-integer (1.15 points short counts as 1), ceil-integer (as 2), half-up-integer (as 1), continuous (as 1.15).",
});

const rounding = RoundingPolicyName.optional().meta({
  description: "Rounding of this indicator's score; the framework's indicator rounding if absent.",
});

/** Words of the reason sentence: 实际开工 62395 平方米，年度计划 63120 平方米. */
const RatioLabels = z
  .strictObject({ actual: Text.optional(), target: Text.optional() })
  .meta({ description: "How the reason names the actual value and the target." });

const unit = Text.optional().meta({
  description: "Unit written after the figures: 户, 平方米, 天.",
});

export const CompletionBandRule = z
  .strictObject({
    type: z.literal("completion-band"),
    lower: Positive.meta({
      description: "Completion (% of target) from which full marks are given.",
    }),
    upper: Positive.optional().meta({
      description: "Completion (%) up to which full marks are given; no upper end if absent.",
    }),
    belowPenalty: NonNegative.meta({
      description: "Per percentage point below `lower`, deduct this % of the points.",
    }),
    abovePenalty: NonNegative.optional().meta({
      description: "Per percentage point above `upper`, deduct this % of the points.",
    }),
    counting: CountingPolicyName,
    actualMax: Positive.optional().meta({
      description: "The highest value `actual` can take (100 for a rate); above it is an error.",
    }),
    unit,
    labels: RatioLabels.optional(),
    rounding,
  })
  .meta({
    id: "CompletionBandRule",
    description:
      "Completion band: ratio = actual ÷ target; full marks within [lower, upper] %, a share of the points deducted per percentage point outside.",
  });

export const ShortfallRule = z
  .strictObject({
    type: z.literal("shortfall"),
    step: Positive.meta({ description: "Percentage points per deduction step." }),
    deduction: Positive.meta({ description: "Points deducted per step." }),
    cap: Positive.meta({ description: "Most points deducted in all." }),
    counting: CountingPolicyName,
    actualMax: Positive.optional(),
    unit,
    labels: RatioLabels.optional(),
    rounding,
  })
  .meta({
    id: "ShortfallRule",
    description:
      "Shortfall deduction: full marks when actual ≥ target, otherwise `deduction` points per `step` percentage points short, counted by `counting`, at most `cap`.",
  });

export const ThresholdRule = z
  .strictObject({
    type: z.literal("threshold"),
    threshold: decimalValue().meta({
      description: "The value at or beyond which full marks are given.",
    }),
    direction: z
      .enum(["at-least", "at-most"])
      .default("at-least")
      .meta({ description: "at-least: higher is better (default); at-most: lower is better." }),
    step: Positive.meta({
      description: "Units (percentage points for a rate) per deduction step.",
    }),
    deduction: Positive.meta({ description: "Points deducted per step." }),
    cap: Positive,
    counting: CountingPolicyName,
    valueMin: decimalValue()
      .optional()
      .meta({ description: "Lowest possible value (0 for a rate)." }),
    valueMax: decimalValue()
      .optional()
      .meta({ description: "Highest possible value (100 for a rate)." }),
    label: Text.optional().meta({ description: "What the value is: 社会筹资占改造项目资金比例." }),
    unit,
    rounding,
  })
  .meta({
    id: "ThresholdRule",
    description:
      "Threshold: full marks at or above `threshold` (at or below for at-most); below it `deduction` per `step`, at most `cap`. Stepped with an integer counting, proportional with continuous.",
  });

export const LowerIsBetterRule = z
  .strictObject({
    type: z.literal("lower-is-better"),
    step: Positive.meta({ description: "Percentage points over the target per deduction step." }),
    deduction: Positive,
    cap: Positive,
    counting: CountingPolicyName,
    unit,
    labels: RatioLabels.optional(),
    rounding,
  })
  .meta({
    id: "LowerIsBetterRule",
    description:
      "Lower is better (a cost against its budget): full marks when actual ≤ target, otherwise `deduction` per `step` percentage points over, at most `cap`.",
  });

export const PerUnitRule = z
  .strictObject({
    type: z.literal("per-unit"),
    deduction: Positive.meta({ description: "Points deducted per unit (per day late, per item)." }),
    cap: Positive,
    free: NonNegative.optional().meta({ description: "Units tolerated before deducting (0)." }),
    wholeUnits: z.boolean().default(true).meta({ description: "Whether the count must be whole." }),
    label: Text.optional().meta({ description: "What is counted: 报送逾期." }),
    unit,
    rounding,
  })
  .meta({
    id: "PerUnitRule",
    description:
      "Per-unit penalty: `deduction` per unit counted (days late, items missing), at most `cap`.",
  });

export const GradeOption = z.strictObject({
  label: z.string().min(1).meta({ description: "The grade as entered: 好." }),
  en: z.string().min(1).optional().meta({ description: "The grade in English: good." }),
  ratio: decimalValue({ min: 0, max: 1 }).meta({ description: "Share of the points, 0 to 1." }),
});

export const DEFAULT_GRADE_OPTIONS = [
  { label: "好", en: "good", ratio: 1 },
  { label: "较好", en: "fairly good", ratio: 0.8 },
  { label: "一般", en: "average", ratio: 0.6 },
  { label: "较差", en: "fairly poor", ratio: 0.4 },
  { label: "差", en: "poor", ratio: 0.2 },
] as const;

export const GradeMapRule = z
  .strictObject({
    type: z.literal("grade-map"),
    grades: z
      .array(GradeOption)
      .min(1)
      .prefault(DEFAULT_GRADE_OPTIONS.map((g) => ({ ...g })))
      .meta({
        description:
          "Grades and their share of the points; 好/较好/一般/较差/差 → 100/80/60/40/20% if absent.",
      }),
    rounding,
  })
  .meta({
    id: "GradeMapRule",
    description: "Grade map: a qualitative grade gives a share of the points.",
  });

export const ChecklistItem = z.strictObject({
  code: Code,
  label: Text,
  points: Positive,
});

export const ChecklistRule = z
  .strictObject({
    type: z.literal("checklist"),
    items: z.array(ChecklistItem).min(1),
    rounding,
  })
  .meta({
    id: "ChecklistRule",
    description:
      "Checklist: yes/no items, each worth its points; the items' points add up to the indicator's.",
  });

export const IncidentsRule = z
  .strictObject({
    type: z.literal("incidents"),
    deduction: Positive.meta({ description: "Points deducted per incident found." }),
    cap: Positive,
    grave: z
      .strictObject({ deduction: Positive.meta({ description: "Points deducted at once." }) })
      .optional()
      .meta({ description: "A grave case (性质恶劣) deducts this at once." }),
    label: Text.optional().meta({ description: "What an incident is: 违规违纪行为." }),
    rounding,
  })
  .meta({
    id: "IncidentsRule",
    description: "Per-incident deduction, capped; a grave case deducts `grave.deduction` at once.",
  });

export const ProportionalRule = z
  .strictObject({
    type: z.literal("proportional"),
    label: Text.optional().meta({ description: "What the rate is: 综合满意度." }),
    labels: RatioLabels.optional(),
    unit,
    rounding,
  })
  .meta({
    id: "ProportionalRule",
    description:
      "Proportional: score = points × rate (a rate in %, or actual ÷ target capped at 100%), rounded by the indicator's policy.",
  });

export const ExpertRule = z.strictObject({ type: z.literal("expert"), rounding }).meta({
  id: "ExpertRule",
  description: "Expert score: entered by an evaluator within [0, points], with a mandatory reason.",
});

export const CompositePart = z
  .strictObject({
    code: Code,
    name: Text,
    points: Positive,
    get rule() {
      return Rule;
    },
  })
  .meta({ id: "CompositePart" });

export const CompositeRule = z
  .strictObject({
    type: z.literal("composite"),
    combine: z.enum(["sum", "deduct"]).meta({
      description:
        "sum: the parts' points add up to the indicator's and their scores are added; deduct: each part's shortfall from its points is deducted from the indicator's points.",
    }),
    parts: z.array(CompositePart).min(1),
    rounding,
  })
  .meta({ id: "CompositeRule", description: "Composite: the score comes from several sub-rules." });

export const Rule = z
  .discriminatedUnion("type", [
    CompletionBandRule,
    ShortfallRule,
    ThresholdRule,
    LowerIsBetterRule,
    PerUnitRule,
    GradeMapRule,
    ChecklistRule,
    IncidentsRule,
    ProportionalRule,
    CompositeRule,
    ExpertRule,
  ])
  .meta({ id: "Rule" });

export type Rule = z.output<typeof Rule>;
export type RuleType = Rule["type"];
export type CompletionBandRule = z.output<typeof CompletionBandRule>;
export type ShortfallRule = z.output<typeof ShortfallRule>;
export type ThresholdRule = z.output<typeof ThresholdRule>;
export type LowerIsBetterRule = z.output<typeof LowerIsBetterRule>;
export type PerUnitRule = z.output<typeof PerUnitRule>;
export type GradeMapRule = z.output<typeof GradeMapRule>;
export type ChecklistRule = z.output<typeof ChecklistRule>;
export type IncidentsRule = z.output<typeof IncidentsRule>;
export type ProportionalRule = z.output<typeof ProportionalRule>;
export type CompositeRule = z.output<typeof CompositeRule>;
export type CompositePart = z.output<typeof CompositePart>;
export type ExpertRule = z.output<typeof ExpertRule>;

export const RULE_TYPES = Rule.options.map((o) => o.shape.type.value);
