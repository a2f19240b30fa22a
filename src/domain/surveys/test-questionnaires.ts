/** Questionnaires and answers shared by the survey tests. */
import standard from "../../../surveys/old-community-satisfaction.json" with { type: "json" };
import { checkAnswer, type NormalisedAnswer } from "./check-answer.ts";
import type { Questionnaire, SatisfactionMethod } from "./questionnaire-schema.ts";
import { prepareQuestionnaire } from "./validate-questionnaire.ts";

export const standardJson: unknown = standard;
export const template: Questionnaire = prepareQuestionnaire(
  standard,
  "old-community-satisfaction.json",
);

/** A small questionnaire: the community, an overall rating, one aspect. */
export function tiny(method: SatisfactionMethod = "share"): Questionnaire {
  return prepareQuestionnaire({
    code: "tiny",
    title: "小区改造满意度",
    intro: "匿名填写",
    version: 1,
    sections: [
      {
        key: "main",
        title: "评价",
        questions: [
          { key: "community", kind: "text", title: "小区", demographic: "community" },
          { key: "overall", kind: "rating", title: "总体满意度", required: true },
          { key: "lift", kind: "rating", title: "加装电梯" },
        ],
      },
    ],
    satisfaction: { questions: ["overall", "lift"], method, overall: "overall" },
  });
}

/** A raw answer as a browser sends it, started at 10:00 and taking `seconds`. */
export function raw(
  answers: Record<string, unknown>,
  seconds = 300,
  version = 1,
): Record<string, unknown> {
  const start = Date.parse("2021-06-01T10:00:00Z");
  return {
    questionnaireVersion: version,
    answers,
    startedAt: new Date(start).toISOString(),
    submittedAt: new Date(start + seconds * 1000).toISOString(),
  };
}

export function accepted(
  questionnaire: Questionnaire,
  answers: Record<string, unknown>,
  seconds = 300,
): NormalisedAnswer {
  return checkAnswer(questionnaire, raw(answers, seconds, questionnaire.version));
}

/** The eight aspect ratings of the standard questionnaire: its satisfaction questions but the overall one. */
export const ASPECTS: readonly string[] = template.satisfaction.questions.filter(
  (key) => key !== template.satisfaction.overall,
);
const VARIED = ["satisfied", "very-satisfied", "basically-satisfied", "dissatisfied"];

/** A complete answer to the standard questionnaire whose overall rating is `overall`; aspects vary. */
export function fullAnswer(
  overall: string,
  seconds = 300,
  community = "湖滨小区",
): Record<string, unknown> {
  return raw(
    {
      community,
      building: "3幢",
      "age-band": "60-74",
      tenure: "owner",
      overall,
      ...Object.fromEntries(ASPECTS.map((key, i) => [key, VARIED[i % VARIED.length]])),
      improve: ["parking-charging", "management"],
    },
    seconds,
  );
}
