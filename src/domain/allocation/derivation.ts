/** Writes how a region's amount was reached, in words: each factor's part, the coefficients, floors or caps, rounding. */
import type { Bilingual } from "../bilingual.ts";
import { type Decimal, formatPlain, ZERO } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import { textIn } from "../frameworks/index.ts";
import type { RegionFlag } from "./allocation-result.ts";
import type { CoefficientChoice } from "./coefficients.ts";
import { words } from "./derivation-messages.ts";
import type { RegionDistribution } from "./distribute.ts";
import type { PreparedAllocation, PreparedRegion } from "./prepared-allocation.ts";
import { roundingUnitWords } from "./units.ts";

/** Money in a sentence: to the fen, no trailing zeros. */
const money = (value: Decimal) => formatPlain(value, 2);
/** A value, coefficient or sum in a sentence: exact up to 10 decimals. */
const figure = (value: Decimal) => formatPlain(value, 10);
const signed = (value: Decimal) => (value.gt(0) ? `+${money(value)}` : money(value));

/** How a region's raw amount was rounded. */
export interface RegionRounding {
  amount: Decimal;
  /** raw − the amount rounded down to the unit. */
  remainder: Decimal;
  /** Whether the region received a unit by largest remainder. */
  up: boolean;
}

export interface DerivationInput {
  prepared: PreparedAllocation;
  region: PreparedRegion;
  distribution: RegionDistribution;
  rounding: RegionRounding;
}

/** A region's derivation in both languages. */
export function derive(input: DerivationInput): Bilingual {
  return { "zh-CN": deriveIn(input, "zh-CN"), "en-US": deriveIn(input, "en-US") };
}

function deriveIn(input: DerivationInput, locale: Locale): string {
  const { prepared, region, distribution, rounding } = input;
  const { amount } = rounding;
  const adjustment = rounding.up
    ? prepared.unit.minus(rounding.remainder)
    : rounding.remainder.neg();
  const { round, shares } = distribution.formula;
  const zh = locale === "zh-CN";
  const times = zh ? "×" : " × ";
  const clauses: string[] = [];

  const pool = money(round.pool);
  clauses.push(
    round.round === 1
      ? words("pool_distributable", locale, { pool })
      : words("pool_remainder", locale, { pool, round: round.round }),
  );
  const hasTables = prepared.tables.length > 0;
  const timesComposite = hasTables ? `${times}${figure(region.composite)}` : "";
  for (const [f, factor] of prepared.factors.entries()) {
    const weight = round.weights[f] ?? factor.weight;
    let clause = words("factor_part", locale, {
      factor: textIn(factor.name, locale),
      value: figure(region.values[f] ?? ZERO),
      unit: factor.unit ? `${zh ? "" : " "}${textIn(factor.unit, locale)}` : "",
      timesComposite,
      sum: figure(round.sums[f] ?? ZERO),
      weight: formatPlain(weight, 6),
      pool,
      share: money(shares[f] ?? ZERO),
    });
    if (!weight.eq(factor.weight) && !weight.isZero()) {
      clause += words("weight_rescaled", locale, { declared: figure(factor.weight) });
    }
    clauses.push(clause);
  }
  if (hasTables) {
    clauses.push(
      words("composite", locale, {
        product: region.choices.map((c) => figure(c.value)).join(times),
        composite: figure(region.composite),
        parts: region.choices
          .map((c) => tierWords(prepared, region, c, locale))
          .join(zh ? "，" : ", "),
      }),
    );
  }
  if (distribution.bound) {
    clauses.push(
      words(distribution.bound === "cap" ? "bound_cap" : "bound_floor", locale, {
        formula: money(distribution.formula.amount),
        bound: money(distribution.raw),
      }),
    );
  } else {
    clauses.push(words("raw", locale, { raw: money(distribution.raw) }));
  }
  clauses.push(
    words("rounding", locale, {
      unit: roundingUnitWords(prepared.rounding, locale),
      amount: money(amount),
      adjustment: signed(adjustment),
    }),
  );
  const text = clauses.join(zh ? "；" : "; ");
  return zh ? `${text}。` : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function tableName(prepared: PreparedAllocation, key: string, locale: Locale): string {
  const table = prepared.tables.find((t) => t.key === key);
  return table ? textIn(table.name, locale) : key;
}

function tierWords(
  prepared: PreparedAllocation,
  region: PreparedRegion,
  choice: CoefficientChoice,
  locale: Locale,
) {
  const params = {
    table: tableName(prepared, choice.table, locale),
    label: choice.label,
    value: figure(choice.value),
    grade: region.grade ?? "",
    score: region.score ? figure(region.score) : "",
  };
  switch (choice.source) {
    case "entered":
      return words("tier_entered", locale, params);
    case "grade":
      return words("tier_grade", locale, params);
    case "score":
      return words("tier_score", locale, params);
    case "default":
      return words(`tier_${choice.defaultReason ?? "no-grade"}`, locale, params);
  }
}

/** The flags of a region: one per tier taken by default. */
export function regionFlags(prepared: PreparedAllocation, region: PreparedRegion): RegionFlag[] {
  const flags: RegionFlag[] = [];
  for (const choice of region.choices) {
    if (choice.source !== "default") continue;
    const reason = choice.defaultReason ?? "no-grade";
    const params = (locale: Locale) => ({
      region: region.code,
      regionName: region.name,
      table: tableName(prepared, choice.table, locale),
      label: choice.label,
      score: region.score ? figure(region.score) : "",
    });
    flags.push({
      code: "default-tier",
      table: choice.table,
      label: choice.label,
      reason,
      message: {
        "zh-CN": words(`flag_${reason}`, "zh-CN", params("zh-CN")),
        "en-US": words(`flag_${reason}`, "en-US", params("en-US")),
      },
    });
  }
  return flags;
}
