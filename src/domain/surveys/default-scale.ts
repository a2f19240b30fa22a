/**
 * The usual five-point scale as plain data, without the questionnaire's zod schema, so that the web
 * builder shows it without loading the schema library. questionnaire-schema.ts checks it fits.
 */
import type { Bilingual } from "../bilingual.ts";

/** One option of a rating scale. */
export interface ScaleOption {
  key: string;
  label: Bilingual;
  score: number;
}

/** The usual five-point scale of 满意度 surveys, used by a rating question that gives none. */
export const DEFAULT_SCALE: readonly ScaleOption[] = [
  { key: "very-satisfied", label: { "zh-CN": "非常满意", "en-US": "Very satisfied" }, score: 5 },
  { key: "satisfied", label: { "zh-CN": "满意", "en-US": "Satisfied" }, score: 4 },
  {
    key: "basically-satisfied",
    label: { "zh-CN": "基本满意", "en-US": "Basically satisfied" },
    score: 3,
  },
  { key: "dissatisfied", label: { "zh-CN": "不满意", "en-US": "Dissatisfied" }, score: 2 },
  {
    key: "very-dissatisfied",
    label: { "zh-CN": "非常不满意", "en-US": "Very dissatisfied" },
    score: 1,
  },
];

/** Options of the default scale that count as satisfied: 非常满意, 满意, 基本满意. */
export const DEFAULT_SATISFIED: readonly string[] = [
  "very-satisfied",
  "satisfied",
  "basically-satisfied",
];
