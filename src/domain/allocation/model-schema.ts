/** The shape of an allocation by the factor method (因素法): the model, its per-region data, the file holding both. */
import { z } from "zod";
import { Code, Text } from "../frameworks/index.ts";

/** Units the model's money (total, held back, floors, caps) may be written in; all become 元 inside. */
export const MONEY_UNITS = ["元", "万元"] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/** Units the allocated amounts are rounded to. */
export const ROUNDING_UNITS = ["元", "百元", "千元", "万元"] as const;
export type RoundingUnit = (typeof ROUNDING_UNITS)[number];

/** Last year's evaluation grades (财预〔2020〕10号: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60). */
export const GRADES = ["优", "良", "中", "差"] as const;
export type Grade = (typeof GRADES)[number];

/**
 * A decimal as written in a file: a string such as "166.88" (preferred) or a plain JSON number, read
 * by its shortest spelling. Checked when the model is validated, so a message can name the region
 * and the factor instead of a path.
 */
export const DecimalText = z.union([z.string(), z.number()]).meta({
  description:
    'A decimal number, preferably as a string such as "166.88" (no units, no thousands separators).',
});
export type DecimalText = z.output<typeof DecimalText>;

const Label = z.string().min(1);

export const FactorSource = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("entered") }),
    z.strictObject({
      kind: z.literal("dataset"),
      dataset: z.string().min(1).meta({ description: "A data set name, e.g. plan-actual." }),
      field: z.string().min(1).meta({ description: "A field of that data set, e.g. planArea." }),
    }),
  ])
  .meta({
    description:
      "entered: the values are typed in; dataset: the service reads them from a data set (the domain only records where).",
  });
export type FactorSource = z.output<typeof FactorSource>;

export const Factor = z.strictObject({
  key: Code,
  name: Text.meta({ description: "因素名称, e.g. 改造建筑面积." }),
  unit: Text.optional().meta({
    description: "The unit of the values, for the derivation (万平方米).",
  }),
  weight: DecimalText.meta({ description: "权重 in percent (40 for 40%); all add up to 100." }),
  source: FactorSource,
});
export type Factor = z.output<typeof Factor>;

export const Tier = z.strictObject({ label: Label, value: DecimalText });
export type Tier = z.output<typeof Tier>;

export const CoefficientRule = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("entered") }),
    z.strictObject({
      kind: z.literal("grade"),
      map: z.strictObject({ 优: Label, 良: Label, 中: Label, 差: Label }),
      default: Label.meta({ description: "The tier of a region without a grade (flagged)." }),
    }),
    z.strictObject({
      kind: z.literal("score"),
      bands: z
        .array(z.strictObject({ min: DecimalText, label: Label }))
        .min(1)
        .meta({ description: "A score ≥ min takes the label; the highest such min wins." }),
      default: Label.meta({
        description: "The tier of a region without a score, or below every band (flagged).",
      }),
    }),
  ])
  .meta({
    description:
      "entered: each region's tier label is in its data; grade: last year's grade picks the tier; score: last year's score picks the tier by bands.",
  });
export type CoefficientRule = z.output<typeof CoefficientRule>;

export const CoefficientTable = z.strictObject({
  key: Code,
  name: Text,
  tiers: z.array(Tier).min(1),
  rule: CoefficientRule,
});
export type CoefficientTable = z.output<typeof CoefficientTable>;

export const AllocationRegion = z.strictObject({ code: Code, name: z.string().min(1) });
export type AllocationRegion = z.output<typeof AllocationRegion>;

export const HeldBack = z.strictObject({ name: Text, amount: DecimalText });
export type HeldBack = z.output<typeof HeldBack>;

const AmountByRegion = z.record(z.string(), DecimalText);

/** The fields of a model, shared by the model alone and by a file that also holds the data. */
const modelFields = {
  name: Text,
  year: z.int().min(1900).max(2200),
  note: z.string().optional().meta({ description: "Where the figures come from; caveats." }),
  unit: z.enum(MONEY_UNITS).meta({
    description: "The unit of total, heldBack, floor(s) and cap(s); amounts are computed in 元.",
  }),
  total: DecimalText.meta({ description: "资金总额." }),
  heldBack: z.array(HeldBack).optional().meta({
    description: "省本级, reserves…: subtracted from the total before distribution.",
  }),
  factors: z.array(Factor).min(1),
  coefficients: z.array(CoefficientTable).optional().meta({
    description: "A region's composite coefficient is the product of its value in each table.",
  }),
  floor: DecimalText.optional().meta({ description: "A floor for every region without its own." }),
  cap: DecimalText.optional().meta({ description: "A cap for every region without its own." }),
  floors: AmountByRegion.optional().meta({ description: "Region code → floor (保底)." }),
  caps: AmountByRegion.optional().meta({ description: "Region code → cap (封顶)." }),
  rounding: z.enum(ROUNDING_UNITS).meta({ description: "The unit the amounts are rounded to." }),
  regions: z.array(AllocationRegion),
};

export const AllocationModel = z.strictObject(modelFields).meta({ id: "AllocationModel" });
export type AllocationModel = z.output<typeof AllocationModel>;

export const RegionData = z.strictObject({
  factors: z.record(z.string(), DecimalText.nullable()).meta({
    description: "Factor key → value (≥ 0); null or absent is missing.",
  }),
  tiers: z.record(z.string(), z.string()).optional().meta({
    description: "Coefficient table key → tier label, for tables whose rule is entered.",
  }),
  grade: z.enum(GRADES).optional().meta({ description: "Last year's evaluation grade." }),
  score: DecimalText.optional().meta({ description: "Last year's evaluation score." }),
});
export type RegionData = z.output<typeof RegionData>;

export const AllocationData = z
  .strictObject({ regions: z.record(z.string(), RegionData) })
  .meta({ id: "AllocationData", description: "Per region code: factor values, tiers, grade." });
export type AllocationData = z.output<typeof AllocationData>;

/** A model and its data in one file: the model's fields at the top, the data under `data`. */
export const AllocationFile = z
  .strictObject({ ...modelFields, data: AllocationData })
  .meta({ id: "AllocationFile" });
export type AllocationFile = z.output<typeof AllocationFile>;
