/** The shape of a resident satisfaction questionnaire (满意度问卷): sections, questions, skip logic, the rate's definition. */
import { z } from "zod";
import { Code, Text } from "../frameworks/index.ts";
import { DEFAULT_SATISFIED, DEFAULT_SCALE } from "./default-scale.ts";

export const DEMOGRAPHICS = ["community", "building", "age-band", "tenure"] as const;
export type Demographic = (typeof DEMOGRAPHICS)[number];

export const PERSONAL_FIELDS = ["name", "phone"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export const ChoiceOption = z.strictObject({ key: Code, label: Text });
export type ChoiceOption = z.output<typeof ChoiceOption>;

export const RatingOption = z.strictObject({
  key: Code,
  label: Text,
  score: z.int().min(0).max(100).meta({ description: "The option's score, e.g. 5 for 非常满意." }),
});
export type RatingOption = z.output<typeof RatingOption>;

export { DEFAULT_SATISFIED, DEFAULT_SCALE };

export const ShowIf = z
  .strictObject({
    question: Code.meta({ description: "An earlier choice or rating question." }),
    anyOf: z.array(Code).min(1).meta({ description: "Shown when any of these options is chosen." }),
  })
  .meta({ description: "Skip logic: the question is shown only after one of these answers." });
export type ShowIf = z.output<typeof ShowIf>;

const questionFields = {
  key: Code,
  title: Text,
  help: Text.optional(),
  required: z.boolean().default(false),
  showIf: ShowIf.optional(),
  demographic: z.enum(DEMOGRAPHICS).optional().meta({
    description: "Marks the question that tells the respondent's 小区, 楼栋, 年龄段 or 业主/租户.",
  }),
  personal: z.enum(PERSONAL_FIELDS).optional().meta({
    description:
      "The question asks for a name or phone: only allowed when personalData declares it.",
  }),
};

export const SingleQuestion = z.strictObject({
  ...questionFields,
  kind: z.literal("single"),
  options: z.array(ChoiceOption).min(2),
});
export const MultipleQuestion = z.strictObject({
  ...questionFields,
  kind: z.literal("multiple"),
  options: z.array(ChoiceOption).min(2),
  maxChoices: z.int().min(1).optional(),
});
export const RatingQuestion = z.strictObject({
  ...questionFields,
  kind: z.literal("rating"),
  scale: z.array(RatingOption).min(2).optional().meta({
    description: "Default: 非常满意 5 / 满意 4 / 基本满意 3 / 不满意 2 / 非常不满意 1.",
  }),
  satisfied: z.array(Code).min(1).optional().meta({
    description:
      "Option keys counted as satisfied; default 非常满意, 满意, 基本满意 (required with a scale of one's own).",
  }),
});
export const NumberQuestion = z.strictObject({
  ...questionFields,
  kind: z.literal("number"),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(false),
  unit: Text.optional(),
});
export const TextQuestion = z.strictObject({
  ...questionFields,
  kind: z.literal("text"),
  maxLength: z.int().min(1).max(500).default(200),
});

export const Question = z.discriminatedUnion("kind", [
  SingleQuestion,
  MultipleQuestion,
  RatingQuestion,
  NumberQuestion,
  TextQuestion,
]);
export type Question = z.output<typeof Question>;
export type SingleQuestion = z.output<typeof SingleQuestion>;
export type MultipleQuestion = z.output<typeof MultipleQuestion>;
export type RatingQuestion = z.output<typeof RatingQuestion>;
export type NumberQuestion = z.output<typeof NumberQuestion>;
export type TextQuestion = z.output<typeof TextQuestion>;
/** A question answered by choosing option keys. */
export type ChoiceQuestion = SingleQuestion | MultipleQuestion | RatingQuestion;

export const Section = z.strictObject({
  key: Code,
  title: Text,
  questions: z.array(Question).min(1),
});
export type Section = z.output<typeof Section>;

export const PersonalData = z
  .strictObject({
    collects: z.array(z.enum(PERSONAL_FIELDS)).min(1),
    purpose: z.string().meta({ description: "Why they are collected; must not be empty." }),
  })
  .meta({ description: "Names or phones the questionnaire collects, and why." });
export type PersonalData = z.output<typeof PersonalData>;

export const SATISFACTION_METHODS = ["share", "mean-score"] as const;
export type SatisfactionMethod = (typeof SATISFACTION_METHODS)[number];

export const SatisfactionSpec = z.strictObject({
  questions: z.array(Code).min(1).meta({ description: "The rating questions of the rate." }),
  method: z.enum(SATISFACTION_METHODS).meta({
    description:
      "share: satisfied answers ÷ answers; mean-score: the mean score ÷ the scale's top score.",
  }),
  overall: Code.optional().meta({
    description: "The overall rating question; needed to count per questionnaire.",
  }),
});
export type SatisfactionSpec = z.output<typeof SatisfactionSpec>;

export const QuestionnaireSchema = z
  .strictObject({
    code: Code,
    title: Text.meta({ description: "问卷标题 (zh)." }),
    intro: Text,
    version: z.int().min(1),
    personalData: PersonalData.optional(),
    sections: z.array(Section).min(1),
    satisfaction: SatisfactionSpec,
  })
  .meta({ id: "Questionnaire" });
export type Questionnaire = z.output<typeof QuestionnaireSchema>;

/** The scale a rating question uses: its own or the default five points. */
export function scaleOf(question: RatingQuestion): readonly RatingOption[] {
  return question.scale ?? DEFAULT_SCALE;
}

/** The option keys a rating question counts as satisfied. */
export function satisfiedOf(question: RatingQuestion): readonly string[] {
  return question.satisfied ?? DEFAULT_SATISFIED;
}

/** The option keys a choice or rating question offers. */
export function optionKeys(question: ChoiceQuestion): string[] {
  return question.kind === "rating"
    ? scaleOf(question).map((o) => o.key)
    : question.options.map((o) => o.key);
}

/** Every question in order, sections flattened. */
export function questionsOf(questionnaire: Questionnaire): Question[] {
  return questionnaire.sections.flatMap((s) => s.questions);
}

export function isChoice(question: Question): question is ChoiceQuestion {
  return question.kind === "single" || question.kind === "multiple" || question.kind === "rating";
}
