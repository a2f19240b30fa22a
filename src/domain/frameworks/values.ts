/** Zod schemas of the values framework and input files are made of: decimals, codes, bilingual text. */
import { z } from "zod";
import { DECIMAL_PATTERN, type Decimal, dec } from "../decimal.ts";
import type { Locale } from "../errors.ts";

/** Marks a custom issue so that the issue formatter finds its code and parameters. */
export const ISSUE_TAG = "jixiao";

interface DecimalBounds {
  /** Smallest allowed value. */
  min?: number;
  /** Whether `min` itself is refused (a target must be above 0). */
  minExclusive?: boolean;
  max?: number;
  integer?: boolean;
  /** Issue code used when `min` is broken, instead of the generic one. */
  minIssue?: string;
  description?: string;
}

/**
 * A decimal written as a number (62395, 341.4058) or a string ("341.4058"), parsed into a Decimal.
 * Text such as "六万" or "62,395" is refused with the not_a_number issue.
 */
export function decimalValue(bounds: DecimalBounds = {}) {
  // Bounds are checked after parsing, so a number and a decimal string get the same message;
  // the JSON Schema still shows them to editors through the metadata below.
  const shown: Record<string, number> = {};
  if (bounds.min !== undefined)
    shown[bounds.minExclusive ? "exclusiveMinimum" : "minimum"] = bounds.min;
  if (bounds.max !== undefined) shown.maximum = bounds.max;
  if (bounds.integer) shown.multipleOf = 1;
  const text = z.string().regex(DECIMAL_PATTERN, { error: `${ISSUE_TAG}:not_a_number` });
  return z
    .union([z.number(), text])
    .transform((raw, ctx): Decimal => {
      const value = dec(raw);
      const fail = (code: string, params: Record<string, string | number>) => {
        ctx.issues.push({ code: "custom", input: raw, message: `${ISSUE_TAG}:${code}`, params });
        return z.NEVER;
      };
      if (bounds.min !== undefined) {
        const below = bounds.minExclusive ? value.lte(bounds.min) : value.lt(bounds.min);
        if (below) {
          return fail(
            bounds.minIssue ?? (bounds.minExclusive ? "min_exclusive" : "min_inclusive"),
            {
              value: String(raw),
              minimum: bounds.min,
            },
          );
        }
      }
      if (bounds.max !== undefined && value.gt(bounds.max)) {
        return fail("max_inclusive", { value: String(raw), maximum: bounds.max });
      }
      if (bounds.integer && !value.isInteger()) return fail("not_integer", { value: String(raw) });
      return value;
    })
    .meta({
      ...shown,
      description:
        bounds.description ??
        'A decimal number, written as a number or as a string such as "341.4058" (no units, no thousands separators).',
    });
}

/** A score, points or deduction: a decimal ≥ 0. */
export const NonNegative = decimalValue({ min: 0 });
/** Points of an indicator, a step, a divisor: a decimal > 0. */
export const Positive = decimalValue({ min: 0, minExclusive: true });

/** Text in Chinese, or in Chinese and English: "资金筹集" or { zh-CN: 资金筹集, en-US: Fund raising }. */
export const Text = z
  .union([
    z.string().min(1),
    z.strictObject({ "zh-CN": z.string().min(1), "en-US": z.string().min(1).optional() }),
  ])
  .meta({
    id: "Text",
    description:
      'Text: a string (used in both languages) or { "zh-CN": "…", "en-US": "…" } (English optional).',
  });
export type Text = z.output<typeof Text>;

/** The text in a language; Chinese where no English was written. */
export function textIn(text: Text, locale: Locale): string {
  if (typeof text === "string") return text;
  return locale === "en-US" ? (text["en-US"] ?? text["zh-CN"]) : text["zh-CN"];
}

/** True when the text has its own English wording. */
export function hasEnglish(text: Text): boolean {
  return typeof text !== "string" && text["en-US"] !== undefined;
}

/** An indicator, item or part code: letters, digits, dot, dash, underscore (A, A.1, A.1.2, zjcj). */
export const Code = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u, { error: `${ISSUE_TAG}:bad_code` })
  .meta({ description: "A code: letters, digits, '.', '-', '_' (at most 40), e.g. A.1.2." });

/** A framework code: lower-case letters, digits and dashes (zhumadian-2020). */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: `${ISSUE_TAG}:bad_slug` })
  .meta({ description: "Lower-case letters, digits and '-', e.g. zhumadian-2020." });
