/** The allocation model as the plan pages read and edit it, and the words for its rounding units. */
import type { AllocationModel, RoundingUnit } from "../../../../src/shared/allocation-model.ts";
import type { AllocationPlanDetailT } from "../../../../src/shared/allocation-schemas.ts";
import type { Text } from "../../../../src/shared/frameworks.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { MessageKey } from "../../i18n/zh-CN.ts";

export type { AllocationModel, RoundingUnit };

/** The plan's model: the server sends it as a plain record, validated when it was stored. */
export function modelOf(plan: AllocationPlanDetailT): AllocationModel {
  return plan.model as unknown as AllocationModel;
}

/** Every rounding unit (a Record, so a unit added to the domain fails the type check here). */
export const ROUNDING_LABELS: Record<RoundingUnit, MessageKey> = {
  元: "alloc.rounding.yuan",
  百元: "alloc.rounding.hundred",
  千元: "alloc.rounding.thousand",
  万元: "alloc.rounding.wan",
};
export const ROUNDING_UNITS = Object.keys(ROUNDING_LABELS) as RoundingUnit[];

/** A name written as text or as { zh-CN, en-US }: in the locale, Chinese where no English was written. */
export function textOf(text: Text | undefined, locale: Locale): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return locale === "en-US" ? (text["en-US"] ?? text["zh-CN"]) : text["zh-CN"];
}
