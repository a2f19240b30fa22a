/** Cross-tabulation: how the valid answers to one choice question split by a demographic (小区, 年龄段…). */
import { DomainError } from "../errors.ts";
import type { NormalisedAnswer } from "./check-answer.ts";
import {
  type Demographic,
  isChoice,
  optionKeys,
  type Questionnaire,
  questionsOf,
} from "./questionnaire-schema.ts";
import type { JudgedAnswer } from "./satisfaction-rate.ts";

export interface CrossTabRow {
  /** The demographic answer (an option key, or the text typed); null for those who did not say. */
  value: string | null;
  /** Option key → how many chose it; every option is present, zeros included. */
  counts: Record<string, number>;
  /** Questionnaires of this row that answered the question (a multiple choice counts once). */
  respondents: number;
}

export interface CrossTab {
  question: string;
  demographic: Demographic;
  demographicQuestion: string;
  options: string[];
  rows: CrossTabRow[];
}

/**
 * Counts per option per demographic value over the VALID answers. Rows follow the demographic
 * question's own option order (30 岁以下, 30–44 岁 …) when it is a choice, typed values (楼栋,
 * 小区) in natural order (2幢 before 10幢), values outside the options after them, and those who did
 * not say last.
 */
export function crossTab(
  questionnaire: Questionnaire,
  answers: readonly JudgedAnswer[],
  questionKey: string,
  demographic: Demographic,
): CrossTab {
  const questions = questionsOf(questionnaire);
  const question = questions.find((q) => q.key === questionKey);
  if (!question || !isChoice(question))
    throw new DomainError("survey.not_choice_question", { question: questionKey });
  const by = questions.find((q) => q.demographic === demographic);
  if (!by) throw new DomainError("survey.no_demographic", { demographic });

  const options = optionKeys(question);
  const rows = new Map<string | null, CrossTabRow>();
  for (const { answer, valid } of answers) {
    if (!valid) continue;
    const chosen = chosenKeys(answer, questionKey);
    if (chosen.length === 0) continue;
    const said = answer.answers[by.key];
    const value = typeof said === "string" ? said : null;
    let row = rows.get(value);
    if (!row) {
      row = { value, counts: Object.fromEntries(options.map((o) => [o, 0])), respondents: 0 };
      rows.set(value, row);
    }
    row.respondents += 1;
    for (const key of chosen) row.counts[key] = (row.counts[key] ?? 0) + 1;
  }
  return {
    question: questionKey,
    demographic,
    demographicQuestion: by.key,
    options,
    rows: [...rows.values()].sort(byDemographicOrder(isChoice(by) ? optionKeys(by) : [])),
  };
}

const natural = new Intl.Collator("zh-CN", { numeric: true });

/** Option order first, then other values in natural order, then null (did not say). */
function byDemographicOrder(order: readonly string[]) {
  const rank = (value: string | null) => {
    if (value === null) return order.length + 1;
    const at = order.indexOf(value);
    return at === -1 ? order.length : at;
  };
  return (a: CrossTabRow, b: CrossTabRow) =>
    rank(a.value) - rank(b.value) ||
    (a.value !== null && b.value !== null ? natural.compare(a.value, b.value) : 0);
}

function chosenKeys(answer: NormalisedAnswer, key: string): string[] {
  const value = answer.answers[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
