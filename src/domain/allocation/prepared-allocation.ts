/** A validated allocation, its figures as Decimals in 元: what validation hands to the computation. */
import type { Decimal } from "../decimal.ts";
import type { Text } from "../frameworks/index.ts";
import type {
  AllocationData,
  AllocationModel,
  FactorSource,
  Grade,
  RoundingUnit,
} from "./model-schema.ts";

export type CoefficientSource = "entered" | "grade" | "score" | "default";

/** Why a region got a table's default tier: it had no grade or score, or its score is below every band. */
export type DefaultReason = "no-grade" | "no-score" | "below-bands";

/** A tier taken from a table: shared by every region that takes it the same way. */
export interface CoefficientChoice {
  table: string;
  label: string;
  value: Decimal;
  source: CoefficientSource;
  /** Set with source "default". */
  defaultReason?: DefaultReason;
}

export interface PreparedFactor {
  key: string;
  name: Text;
  unit: Text | undefined;
  /** In percent, as written: 40 for 40%. */
  weight: Decimal;
  source: FactorSource;
}

export type PreparedRule =
  | { kind: "entered" }
  | { kind: "grade"; map: Record<Grade, string>; default: string }
  /** Bands from the highest min down, so the first band a score reaches is its own. */
  | { kind: "score"; bands: { min: Decimal; label: string }[]; default: string };

export interface PreparedTable {
  key: string;
  name: Text;
  tiers: ReadonlyMap<string, Decimal>;
  rule: PreparedRule;
  /**
   * The choices made from this table so far, shared by the regions that make them: by the way the
   * tier was taken (entered, grade, score, or the default's reason), then by label.
   */
  choices: Map<string, Map<string, CoefficientChoice>>;
}

export interface PreparedRegion {
  code: string;
  name: string;
  /** One value per factor, in the model's factor order. */
  values: Decimal[];
  /** One choice per coefficient table, in the model's table order. */
  choices: CoefficientChoice[];
  /** Last year's evaluation grade and score, as the data give them. */
  grade: Grade | undefined;
  score: Decimal | undefined;
  /** The product of the chosen values; 1 without tables. Regions in the same tiers share one object. */
  composite: Decimal;
  floor: Decimal | undefined;
  cap: Decimal | undefined;
}

export interface PreparedAllocation {
  model: AllocationModel;
  data: AllocationData;
  /** All in 元. */
  total: Decimal;
  heldBack: { name: Text; amount: Decimal }[];
  heldBackSum: Decimal;
  distributable: Decimal;
  rounding: RoundingUnit;
  /** The rounding unit in 元 (1, 100, 1000, 10000). */
  unit: Decimal;
  factors: PreparedFactor[];
  tables: PreparedTable[];
  regions: PreparedRegion[];
  /** Per factor, Σ (value × composite) over all regions: the formula's divisors, worked out once. */
  sums: Decimal[];
}
