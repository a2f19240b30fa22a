/** Checks one respondent's answer against its questionnaire and returns it normalised, or refuses it listing every problem. */
import { z } from "zod";
import { DECIMAL_PATTERN, Decimal } from "../decimal.ts";
import { textIn } from "../frameworks/index.ts";
import {
  type ChoiceQuestion,
  optionKeys,
  type Question,
  type Questionnaire,
  questionsOf,
} from "./questionnaire-schema.ts";
import {
  SurveyError,
  type SurveyIssue,
  type SurveyIssueCode,
  type SurveyIssueParams,
  shapeIssues,
  surveyIssue,
} from "./survey-issues.ts";

/** What a respondent's browser sends: an option key, a list of them, a number, text, or null for none. */
export const AnswerValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
export type AnswerValue = z.output<typeof AnswerValue>;

export const SurveyAnswerSchema = z
  .strictObject({
    questionnaireVersion: z.int(),
    answers: z.record(z.string(), AnswerValue),
    startedAt: z.iso.datetime({ offset: true }),
    submittedAt: z.iso.datetime({ offset: true }),
    honeypot: z.string().optional().meta({
      description: "A field hidden from people; a bot that fills it makes the answer invalid.",
    }),
  })
  .meta({ id: "SurveyAnswer" });
export type SurveyAnswer = z.output<typeof SurveyAnswerSchema>;

/**
 * An accepted answer: only answered questions, in the questionnaire's order; option keys for choice
 * and rating questions, a list for multiple choice, a decimal string for numbers, trimmed text.
 */
export interface NormalisedAnswer {
  questionnaireVersion: number;
  answers: Record<string, string | string[]>;
  startedAt: string;
  submittedAt: string;
  honeypot?: string;
}

/** Accepts an answer or throws a SurveyError `survey.answer_invalid` naming each question at fault. */
export function checkAnswer(questionnaire: Questionnaire, answer: unknown): NormalisedAnswer {
  const parsed = SurveyAnswerSchema.safeParse(answer, { reportInput: true });
  if (!parsed.success)
    throw new SurveyError(
      "survey.answer_invalid",
      shapeIssues(parsed.error.issues, "survey.answer_shape"),
    );
  const given = parsed.data;
  const issues: SurveyIssue[] = [];
  const add = (path: (string | number)[], code: SurveyIssueCode, params: SurveyIssueParams) => {
    issues.push(surveyIssue(path, code, params));
  };

  if (given.questionnaireVersion !== questionnaire.version)
    add(["questionnaireVersion"], "survey.answer_wrong_version", {
      given: given.questionnaireVersion,
      version: questionnaire.version,
    });
  if (Date.parse(given.submittedAt) < Date.parse(given.startedAt))
    add(["submittedAt"], "survey.answer_times", {
      startedAt: given.startedAt,
      submittedAt: given.submittedAt,
    });

  const questions = questionsOf(questionnaire);
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(given.answers)) {
    if (!known.has(key)) add(["answers", key], "survey.answer_unknown_question", { question: key });
  }

  const normalised: Record<string, string | string[]> = {};
  for (const question of questions) {
    const raw = given.answers[question.key];
    const named = { question: question.key, title: textIn(question.title, "zh-CN") };
    const at = ["answers", question.key];
    const value =
      raw === undefined || raw === null
        ? undefined
        : normaliseValue(question, raw, (code, params = {}) =>
            add(at, code, { ...named, ...params }),
          );
    const shown = isShown(question, normalised);
    if (value === undefined) {
      if (shown && question.required && !answered(raw)) add(at, "survey.answer_required", named);
      continue;
    }
    if (!shown) add(at, "survey.answer_hidden", named);
    else normalised[question.key] = value;
  }

  if (issues.length > 0) throw new SurveyError("survey.answer_invalid", issues);
  const result: NormalisedAnswer = {
    questionnaireVersion: given.questionnaireVersion,
    answers: normalised,
    startedAt: given.startedAt,
    submittedAt: given.submittedAt,
  };
  if (given.honeypot !== undefined) result.honeypot = given.honeypot;
  return result;
}

/** Whether a question is shown, given the answers to the questions before it (hidden ones have none). */
export function isShown(
  question: Question,
  answers: Readonly<NormalisedAnswer["answers"]>,
): boolean {
  if (!question.showIf) return true;
  const chosen = answers[question.showIf.question];
  if (chosen === undefined) return false;
  const keys = Array.isArray(chosen) ? chosen : [chosen];
  return keys.some((k) => question.showIf?.anyOf.includes(k));
}

/** The keys of the questions an accepted answer was shown, in order. */
export function shownQuestions(questionnaire: Questionnaire, answer: NormalisedAnswer): Question[] {
  return questionsOf(questionnaire).filter((q) => isShown(q, answer.answers));
}

/** Something was given: a blank text or an empty list counts as no answer (and is not "required" twice). */
function answered(raw: AnswerValue | undefined): boolean {
  if (raw === undefined || raw === null) return false;
  if (typeof raw === "string") return raw.trim() !== "";
  if (Array.isArray(raw)) return raw.length > 0;
  return true;
}

const EXPECTED: Record<Question["kind"], { en: string; zh: string }> = {
  single: { en: "one option key", zh: "一个选项代码" },
  rating: { en: "one option key", zh: "一个选项代码" },
  multiple: { en: "a list of option keys", zh: "选项代码列表" },
  number: { en: "a number", zh: "数字" },
  text: { en: "text", zh: "文字" },
};

type Report = (code: SurveyIssueCode, params?: SurveyIssueParams) => void;

/** The normalised value, or undefined when it is blank or wrong (wrong ones are reported). */
function normaliseValue(
  question: Question,
  raw: string | number | string[],
  report: Report,
): string | string[] | undefined {
  const wrongType = () => {
    const words = EXPECTED[question.kind];
    report("survey.answer_wrong_type", { expected: words.en, expected_zh: words.zh });
    return undefined;
  };
  switch (question.kind) {
    case "single":
    case "rating":
      if (typeof raw !== "string") return wrongType();
      if (raw.trim() === "") return undefined;
      return knownOption(question, raw, report) ? raw : undefined;
    case "multiple": {
      if (!Array.isArray(raw)) return wrongType();
      if (raw.length === 0) return undefined;
      let ok = true;
      const seen = new Set<string>();
      for (const key of raw) {
        if (seen.has(key)) {
          report("survey.answer_repeated_option", { key });
          ok = false;
        }
        seen.add(key);
        if (!knownOption(question, key, report)) ok = false;
      }
      if (question.maxChoices !== undefined && raw.length > question.maxChoices) {
        report("survey.answer_too_many", { max: question.maxChoices, count: raw.length });
        ok = false;
      }
      // Stored in the questionnaire's option order, so equal choices compare equal.
      const order = optionKeys(question);
      return ok ? [...raw].sort((a, b) => order.indexOf(a) - order.indexOf(b)) : undefined;
    }
    case "number": {
      if (Array.isArray(raw) || (typeof raw === "number" && !Number.isFinite(raw)))
        return wrongType();
      const text = typeof raw === "number" ? String(raw) : raw.trim();
      if (text === "") return undefined;
      // String(1e21) has an exponent; Decimal reads it, and a plain string is what gets stored.
      const readable = typeof raw === "number" || DECIMAL_PATTERN.test(text);
      if (!readable) {
        report("survey.answer_not_a_number", { value: text });
        return undefined;
      }
      const value = new Decimal(text);
      let ok = true;
      if (question.integer && !value.isInteger()) {
        report("survey.answer_not_integer", { value: value.toString() });
        ok = false;
      }
      if (question.min !== undefined && value.lt(question.min)) {
        report("survey.answer_below_min", { value: value.toString(), min: question.min });
        ok = false;
      }
      if (question.max !== undefined && value.gt(question.max)) {
        report("survey.answer_above_max", { value: value.toString(), max: question.max });
        ok = false;
      }
      return ok ? value.toString() : undefined;
    }
    case "text": {
      if (typeof raw !== "string") return wrongType();
      const text = raw.trim();
      if (text === "") return undefined;
      // Characters as a reader counts them: code points, so one 𠮷 is one character.
      const length = [...text].length;
      if (length > question.maxLength) {
        report("survey.answer_too_long", { length, max: question.maxLength });
        return undefined;
      }
      return text;
    }
  }
}

function knownOption(question: ChoiceQuestion, key: string, report: Report): boolean {
  const keys = optionKeys(question);
  if (keys.includes(key)) return true;
  report("survey.answer_unknown_option", { key, options: keys.join(", ") });
  return false;
}
