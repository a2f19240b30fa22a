/** Money units of a model and rounding units of its result, each as an exact number of 元. */
import { type Decimal, dec } from "../decimal.ts";
import { YUAN_PER_WAN } from "../money.ts";
import type { MoneyUnit, RoundingUnit } from "./model-schema.ts";

const YUAN_PER_MONEY_UNIT: Record<MoneyUnit, Decimal> = { 元: dec(1), 万元: YUAN_PER_WAN };

const YUAN_PER_ROUNDING_UNIT: Record<RoundingUnit, Decimal> = {
  元: dec(1),
  百元: dec(100),
  千元: dec(1000),
  万元: YUAN_PER_WAN,
};

const ROUNDING_UNIT_EN: Record<RoundingUnit, string> = {
  元: "yuan",
  百元: "hundred yuan",
  千元: "thousand yuan",
  万元: "10,000 yuan",
};

/** An amount written in the model's unit, in 元: exact, since a unit is a power of ten. */
export function toYuan(amount: Decimal, unit: MoneyUnit): Decimal {
  return unit === "元" ? amount : amount.times(YUAN_PER_MONEY_UNIT[unit]);
}

export function yuanPerRoundingUnit(unit: RoundingUnit): Decimal {
  return YUAN_PER_ROUNDING_UNIT[unit];
}

/** The rounding unit in words: 百元 / hundred yuan. */
export function roundingUnitWords(unit: RoundingUnit, locale: "zh-CN" | "en-US"): string {
  return locale === "zh-CN" ? unit : ROUNDING_UNIT_EN[unit];
}
