/** Whether an accepted answer counts as a valid questionnaire (有效问卷), and an evaluator's override of that judgement. */
import { Decimal } from "../decimal.ts";
import { type NormalisedAnswer, shownQuestions } from "./check-answer.ts";
import type { Questionnaire } from "./questionnaire-schema.ts";

export const VALIDITY_REASONS = [
  "too-fast",
  "straight-lining",
  "incomplete",
  "honeypot",
  "duplicate",
] as const;
export type ValidityReasonCode = (typeof VALIDITY_REASONS)[number];

export interface ValidityReason {
  code: ValidityReasonCode;
  zh: string;
  en: string;
}

export interface ValidityRules {
  /** Fewer seconds between start and submission is too fast to have read the questions; default 60. */
  minSeconds?: number;
  /** Straight-lining counts only from this many rating answers on; default 6. */
  straightLineMin?: number;
  /** The share of shown questions that must be answered, a fraction; default 0.8. */
  minAnsweredShare?: number | string;
}

export const DEFAULT_VALIDITY_RULES = {
  minSeconds: 60,
  straightLineMin: 6,
  minAnsweredShare: "0.8",
} as const;

export interface Validity {
  valid: boolean;
  reasons: ValidityReason[];
}

/** An evaluator's decision that overrides the rules, kept as data so that the report can show it. */
export interface ValidityOverride {
  valid: boolean;
  by: string;
  reason: string;
}

export interface EffectiveValidity extends Validity {
  /** The judgement of the rules, whatever the override says. */
  judged: Validity;
  override?: ValidityOverride;
}

/**
 * What the collector knows of an answer beyond its content: it repeats an earlier answer of the same
 * device (the signed cookie) or the same paper questionnaire number, given as the earlier receipt.
 */
export interface AnswerCircumstances {
  duplicateOf?: { by: "device" | "paper"; receipt: string };
}

/** Applies the rules to an accepted answer; every rule that fails gives its reason. */
export function judgeValidity(
  questionnaire: Questionnaire,
  answer: NormalisedAnswer,
  rules: ValidityRules = {},
  circumstances: AnswerCircumstances = {},
): Validity {
  const minSeconds = rules.minSeconds ?? DEFAULT_VALIDITY_RULES.minSeconds;
  const straightLineMin = rules.straightLineMin ?? DEFAULT_VALIDITY_RULES.straightLineMin;
  const minShare = new Decimal(rules.minAnsweredShare ?? DEFAULT_VALIDITY_RULES.minAnsweredShare);
  const reasons: ValidityReason[] = [];

  // Milliseconds compared as integers: no rounding of seconds can let a 59.9-second answer through.
  const elapsed = Date.parse(answer.submittedAt) - Date.parse(answer.startedAt);
  if (elapsed < minSeconds * 1000)
    reasons.push({
      code: "too-fast",
      zh: `答题用时 ${formatSeconds(elapsed)} 秒，少于 ${minSeconds} 秒`,
      en: `answered in ${formatSeconds(elapsed)} s, less than ${minSeconds} s`,
    });

  const shown = shownQuestions(questionnaire, answer);
  const ratings = shown
    .filter((q) => q.kind === "rating")
    .map((q) => answer.answers[q.key])
    .filter((v): v is string => typeof v === "string");
  if (ratings.length >= straightLineMin && ratings.every((v) => v === ratings[0]))
    reasons.push({
      code: "straight-lining",
      zh: `${ratings.length} 道量表题全部选择同一选项`,
      en: `the same option for all ${ratings.length} rating questions`,
    });

  const answeredCount = shown.filter((q) => answer.answers[q.key] !== undefined).length;
  if (shown.length > 0 && new Decimal(answeredCount).lt(minShare.times(shown.length)))
    reasons.push({
      code: "incomplete",
      zh: `仅回答了 ${shown.length} 道题中的 ${answeredCount} 道，少于 ${minShare.times(100).toString()}%`,
      en: `answered ${answeredCount} of ${shown.length} questions, less than ${minShare.times(100).toString()}%`,
    });

  if ((answer.honeypot ?? "").trim() !== "")
    reasons.push({
      code: "honeypot",
      zh: "填写了对真人隐藏的校验字段（疑似机器填写）",
      en: "filled in the field hidden from people (likely a bot)",
    });

  const duplicate = circumstances.duplicateOf;
  if (duplicate)
    reasons.push(
      duplicate.by === "device"
        ? {
            code: "duplicate",
            zh: `同一设备重复提交（首次提交回执 ${duplicate.receipt}）`,
            en: `a second answer from the same device (first receipt ${duplicate.receipt})`,
          }
        : {
            code: "duplicate",
            zh: `纸质问卷编号重复录入（首次录入回执 ${duplicate.receipt}）`,
            en: `the paper questionnaire number was entered before (receipt ${duplicate.receipt})`,
          },
    );

  return { valid: reasons.length === 0, reasons };
}

/** The validity that counts: the evaluator's override when there is one, else the rules' judgement. */
export function effectiveValidity(
  judged: Validity,
  override?: ValidityOverride,
): EffectiveValidity {
  if (!override) return { ...judged, judged };
  return { valid: override.valid, reasons: judged.reasons, judged, override };
}

function formatSeconds(ms: number): string {
  return new Decimal(ms).div(1000).toString();
}
