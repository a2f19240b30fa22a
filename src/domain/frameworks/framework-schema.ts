/** The shape of an indicator framework file (指标体系): metadata, rounding, grades, the indicator tree. */
import { z } from "zod";
import { RoundingPolicyName, Rule } from "./rule-schemas.ts";
import { Code, decimalValue, Positive, Slug, Text } from "./values.ts";

/** Deepest indicator tree allowed: 一级 → 二级 → 三级 → 四级. */
export const MAX_DEPTH = 4;

/** Where an indicator's facts come from in Jixiao's data, so that an evaluation fills them itself. */
const BindingPart = Code.optional().meta({
  description: "For a composite rule: the part whose facts the data give.",
});

export const DataBinding = z
  .discriminatedUnion("source", [
    z.strictObject({
      source: z.literal("plan-actual"),
      stage: z.enum(["started", "completed"]).meta({ description: "开工 or 竣工" }),
      measure: z
        .enum(["Communities", "Buildings", "Households", "Area", "ElderlyArea"])
        .meta({ description: "The measure of 计划与完成: actual against plan." }),
      part: BindingPart,
    }),
    z.strictObject({ source: z.literal("spend-rate"), part: BindingPart }),
    z.strictObject({ source: z.literal("satisfaction"), part: BindingPart }),
  ])
  .meta({
    id: "DataBinding",
    description:
      "plan-actual: actual and plan of a measure of 计划与完成 at the region's latest date; spend-rate: 实际支出 ÷ 预算指标 of 资金下达与支出, in %; satisfaction: the region's satisfaction rate in %.",
  });
export type DataBinding = z.output<typeof DataBinding>;

export const Indicator = z
  .strictObject({
    code: Code,
    name: Text,
    points: Positive.meta({ description: "分值/权重: the most this indicator can score." }),
    explanation: Text.optional().meta({ description: "指标解释: what the indicator measures." }),
    dataSource: Text.optional().meta({ description: "数据来源: where the figures come from." }),
    criteria: Text.optional().meta({ description: "评分标准: the scoring rule as users read it." }),
    target: Text.optional().meta({
      description:
        "目标值 as a self-evaluation form prints it (合规, =100%), for an indicator whose target is not in the declared targets data.",
    }),
    aggregate: z.enum(["sum", "scaled"]).optional().meta({
      description:
        "Only for an indicator with children. sum (default): its points equal the children's sum and its score is their sum; scaled: the children's sum is scaled to its points.",
    }),
    rule: Rule.optional().meta({ description: "The machine rule; required without children." }),
    data: DataBinding.optional().meta({
      description: "Where an evaluation reads this indicator's facts from Jixiao's data.",
    }),
    get children() {
      return z.array(Indicator).min(1).optional();
    },
  })
  .meta({ id: "Indicator" });

export type Indicator = z.output<typeof Indicator>;

export const EVALUATION_TYPES = [
  "self-evaluation",
  "department",
  "finance",
  "third-party",
  "tracking",
] as const;

export const RoundingSettings = z
  .union([
    RoundingPolicyName,
    z.strictObject({
      indicator: RoundingPolicyName,
      group: RoundingPolicyName,
      total: RoundingPolicyName,
    }),
  ])
  .transform((r) => (typeof r === "string" ? { indicator: r, group: r, total: r } : r))
  .meta({
    description:
      "One policy for indicator scores, group scores and the total, or one for each. A group is the sum of its rounded children, the total the sum of the rounded groups.",
  });
export type RoundingSettings = z.output<typeof RoundingSettings>;

export const GradeBand = z.strictObject({
  label: z.string().min(1).meta({ description: "优" }),
  en: z.string().min(1).optional().meta({ description: "excellent" }),
  min: decimalValue({ min: 0 }).meta({ description: "Lowest value of the band, inclusive." }),
});

export const DEFAULT_GRADE_BANDS = [
  { label: "优", en: "excellent", min: 90 },
  { label: "良", en: "good", min: 80 },
  { label: "中", en: "fair", min: 60 },
  { label: "差", en: "poor", min: 0 },
];

export const Grades = z
  .strictObject({
    basis: z.enum(["total", "rate"]).default("total").meta({
      description:
        "total: bands compare the total; rate: they compare total ÷ points × 100 (for a framework not worth 100).",
    }),
    bands: z.array(GradeBand).min(1).meta({
      description:
        "From the highest band down; each band's min is inclusive; the last starts at 0.",
    }),
  })
  .meta({ id: "Grades" });

export const Framework = z
  .strictObject({
    $schema: z.string().optional().meta({ description: "Path of this JSON Schema, for editors." }),
    code: Slug,
    name: Text,
    version: z.string().min(1).meta({ description: 'Version text: "1.0" (quoted in YAML).' }),
    year: z.number().int().min(1990).max(2100),
    evaluationType: z.enum(EVALUATION_TYPES).meta({
      description:
        "self-evaluation 自评, department 部门评价, finance 财政评价, third-party 第三方评价, tracking 跟踪问效.",
    }),
    description: Text.optional(),
    source: Text.optional().meta({ description: "Where the framework comes from." }),
    points: Positive.meta({ description: "Total points: the level-1 points add up to this." }),
    weightRule: z.enum(["free", "equal-share"]).default("free").meta({
      description:
        "free: each indicator has its own points; equal-share: the framework's own rule says each indicator of a group gets the group's points ÷ the number of its indicators (Suzhou form, 填表说明 3). The checker reports a group that breaks it.",
    }),
    rounding: RoundingSettings,
    grades: Grades.prefault({ bands: DEFAULT_GRADE_BANDS }).meta({
      description: "Grade bands; 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below, on the total, if absent.",
    }),
    indicators: z.array(Indicator).min(1),
  })
  .meta({ id: "Framework", title: "Jixiao indicator framework" });

export type Framework = z.output<typeof Framework>;
export type GradeBand = z.output<typeof GradeBand>;
