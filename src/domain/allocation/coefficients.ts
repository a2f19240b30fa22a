/** Picks a region's tier in each coefficient table: entered, by last year's grade or score, or the default. */
import type { Decimal } from "../decimal.ts";
import type { Grade } from "./model-schema.ts";
import type {
  CoefficientChoice,
  CoefficientSource,
  DefaultReason,
  PreparedTable,
} from "./prepared-allocation.ts";

export type { CoefficientChoice, CoefficientSource, DefaultReason };

/** What a region's data say about its coefficients. */
export interface CoefficientInputs {
  tiers?: Readonly<Record<string, string>> | undefined;
  grade?: Grade | undefined;
  score?: Decimal | undefined;
}

/** An entered label that is absent or not a tier of the table: a problem, not a default. */
export type TierProblem = { problem: "missing-tier" } | { problem: "unknown-tier"; label: string };

/** The region's tier in `table`, or why there is none. */
export function chooseTier(
  table: PreparedTable,
  inputs: CoefficientInputs,
): CoefficientChoice | TierProblem {
  const { rule } = table;
  switch (rule.kind) {
    case "entered": {
      const label = inputs.tiers?.[table.key];
      return label === undefined ? { problem: "missing-tier" } : pick(table, label, "entered");
    }
    case "grade":
      return inputs.grade === undefined
        ? pick(table, rule.default, "default", "no-grade")
        : pick(table, rule.map[inputs.grade], "grade");
    case "score": {
      const { score } = inputs;
      if (score === undefined) return pick(table, rule.default, "default", "no-score");
      const band = rule.bands.find((b) => score.gte(b.min));
      return band
        ? pick(table, band.label, "score")
        : pick(table, rule.default, "default", "below-bands");
    }
  }
}

/** The one choice object for this way of taking `label`, made on first use. */
function pick(
  table: PreparedTable,
  label: string,
  source: CoefficientSource,
  defaultReason?: DefaultReason,
): CoefficientChoice | TierProblem {
  // A default always has its reason, and reasons and sources are distinct words: one key, no text built.
  const way = defaultReason ?? source;
  let byLabel = table.choices.get(way);
  if (byLabel === undefined) {
    byLabel = new Map();
    table.choices.set(way, byLabel);
  }
  const known = byLabel.get(label);
  if (known) return known;
  const value = table.tiers.get(label);
  if (value === undefined) return { problem: "unknown-tier", label };
  const choice: CoefficientChoice = { table: table.key, label, value, source };
  if (defaultReason) choice.defaultReason = defaultReason;
  byLabel.set(label, choice);
  return choice;
}
