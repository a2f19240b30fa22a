/** Validates a questionnaire: the shape (zod), then keys, skip logic, scales, personal data, the rate's questions. */
import type { IssuePath } from "../frameworks/index.ts";
import { textIn } from "../frameworks/index.ts";
import {
  isChoice,
  optionKeys,
  type Question,
  type Questionnaire,
  QuestionnaireSchema,
  questionsOf,
  scaleOf,
} from "./questionnaire-schema.ts";
import {
  SurveyError,
  type SurveyIssue,
  type SurveyIssueCode,
  type SurveyIssueParams,
  shapeIssues,
  surveyIssue,
} from "./survey-issues.ts";

export type ValidatedQuestionnaire =
  | { ok: true; value: Questionnaire }
  | { ok: false; issues: SurveyIssue[] };

/** Checks a questionnaire as parsed from JSON; never throws for bad input. */
export function validateQuestionnaire(json: unknown): ValidatedQuestionnaire {
  const parsed = QuestionnaireSchema.safeParse(json, { reportInput: true });
  if (!parsed.success)
    return { ok: false, issues: shapeIssues(parsed.error.issues, "survey.shape") };
  const issues = checkQuestionnaire(parsed.data);
  return issues.length === 0 ? { ok: true, value: parsed.data } : { ok: false, issues };
}

/** Like validateQuestionnaire, but throws a SurveyError (`survey.invalid`) naming `file`. */
export function prepareQuestionnaire(json: unknown, file?: string): Questionnaire {
  const result = validateQuestionnaire(json);
  if (!result.ok) throw new SurveyError("survey.invalid", result.issues, file);
  return result.value;
}

// Titles that ask for a name or a phone number; 名称 (a community's name) is not a person's name.
const PERSONAL_TITLE = /姓名|手机|电话|联系方式|phone|mobile|your name|full name/i;

/** The checks of a questionnaire whose shape is right; lists every problem. */
export function checkQuestionnaire(q: Questionnaire): SurveyIssue[] {
  const issues: SurveyIssue[] = [];
  const add = (path: IssuePath, code: SurveyIssueCode, params: SurveyIssueParams = {}) => {
    issues.push(surveyIssue(path, code, params));
  };

  const sectionSeen = new Set<string>();
  q.sections.forEach((s, i) => {
    if (sectionSeen.has(s.key))
      add(["sections", i, "key"], "survey.duplicate_section", { key: s.key });
    sectionSeen.add(s.key);
  });

  // Questions in order with their paths; `position` tells whether a showIf target comes earlier.
  const placed = q.sections.flatMap((s, i) =>
    s.questions.map((question, j) => ({ question, path: ["sections", i, "questions", j] })),
  );
  const position = new Map<string, number>();
  placed.forEach(({ question, path }, index) => {
    if (position.has(question.key))
      add([...path, "key"], "survey.duplicate_question", { key: question.key });
    else position.set(question.key, index);
  });
  const byKey = new Map(questionsOf(q).map((x) => [x.key, x] as const));

  const demographicOf = new Map<string, string>();
  const declared = new Set(q.personalData?.collects ?? []);
  placed.forEach(({ question, path }, index) => {
    checkOptions(question, path, add);
    if (question.showIf) {
      const target = byKey.get(question.showIf.question);
      const at = [...path, "showIf", "question"];
      const params = { question: question.key, target: question.showIf.question };
      if (!target) add(at, "survey.show_if_unknown_question", params);
      else if ((position.get(target.key) ?? index) >= index)
        add(at, "survey.show_if_not_earlier", params);
      else if (!isChoice(target)) add(at, "survey.show_if_not_choice", params);
      else {
        const keys = optionKeys(target);
        question.showIf.anyOf.forEach((key, k) => {
          if (!keys.includes(key))
            add([...path, "showIf", "anyOf", k], "survey.show_if_unknown_option", {
              ...params,
              key,
              options: keys.join(", "),
            });
        });
      }
    }
    if (question.demographic) {
      const other = demographicOf.get(question.demographic);
      if (other !== undefined)
        add([...path, "demographic"], "survey.duplicate_demographic", {
          question: question.key,
          other,
          demographic: question.demographic,
        });
      else demographicOf.set(question.demographic, question.key);
      if (question.kind !== "single" && question.kind !== "text")
        add([...path, "demographic"], "survey.demographic_kind", { question: question.key });
    }
    if (question.personal) {
      if (!declared.has(question.personal))
        add([...path, "personal"], "survey.personal_undeclared", {
          question: question.key,
          field: question.personal,
        });
    } else if (
      PERSONAL_TITLE.test(textIn(question.title, "zh-CN")) ||
      PERSONAL_TITLE.test(textIn(question.title, "en-US"))
    ) {
      add([...path, "title"], "survey.personal_unmarked", {
        question: question.key,
        title: textIn(question.title, "zh-CN"),
      });
    }
  });

  if (q.personalData && q.personalData.purpose.trim() === "")
    add(["personalData", "purpose"], "survey.personal_data_purpose", {
      fields: q.personalData.collects.join(", "),
    });

  checkSatisfaction(q, byKey, add);
  return issues;
}

type Add = (path: IssuePath, code: SurveyIssueCode, params?: SurveyIssueParams) => void;

function checkOptions(question: Question, path: IssuePath, add: Add): void {
  const unique = (keys: readonly string[], at: IssuePath) => {
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (seen.has(key))
        add([...at, i, "key"], "survey.duplicate_option", { question: question.key, key });
      seen.add(key);
    });
  };
  switch (question.kind) {
    case "single":
    case "multiple":
      unique(
        question.options.map((o) => o.key),
        [...path, "options"],
      );
      if (
        question.kind === "multiple" &&
        question.maxChoices !== undefined &&
        question.maxChoices > question.options.length
      )
        add([...path, "maxChoices"], "survey.max_choices", {
          question: question.key,
          max: question.maxChoices,
          count: question.options.length,
        });
      return;
    case "rating": {
      const scale = scaleOf(question);
      unique(
        scale.map((o) => o.key),
        [...path, "scale"],
      );
      const scores = new Set<number>();
      scale.forEach((o, i) => {
        // Two options with one score would make the mean score say less than the answers did.
        if (scores.has(o.score))
          add([...path, "scale", i, "score"], "survey.duplicate_score", {
            question: question.key,
            score: o.score,
          });
        scores.add(o.score);
      });
      if (question.scale && !question.satisfied)
        add([...path, "satisfied"], "survey.satisfied_required", { question: question.key });
      const keys = scale.map((o) => o.key);
      (question.satisfied ?? []).forEach((key, i) => {
        if (!keys.includes(key))
          add([...path, "satisfied", i], "survey.satisfied_unknown_option", {
            question: question.key,
            key,
            options: keys.join(", "),
          });
      });
      return;
    }
    case "number":
      if (question.min !== undefined && question.max !== undefined && question.min > question.max)
        add([...path, "min"], "survey.number_range", {
          question: question.key,
          min: question.min,
          max: question.max,
        });
      return;
    case "text":
      return;
  }
}

function checkSatisfaction(q: Questionnaire, byKey: Map<string, Question>, add: Add): void {
  const spec = q.satisfaction;
  const tops: { key: string; path: IssuePath; max: number }[] = [];
  const rating = (key: string, path: IssuePath) => {
    const question = byKey.get(key);
    if (!question) add(path, "survey.satisfaction_unknown_question", { question: key });
    else if (question.kind !== "rating")
      add(path, "survey.satisfaction_not_rating", { question: key });
    else tops.push({ key, path, max: Math.max(...scaleOf(question).map((o) => o.score)) });
  };
  const seen = new Set<string>();
  spec.questions.forEach((key, i) => {
    if (seen.has(key))
      add(["satisfaction", "questions", i], "survey.satisfaction_duplicate", { question: key });
    else rating(key, ["satisfaction", "questions", i]);
    seen.add(key);
  });
  if (spec.overall !== undefined && !seen.has(spec.overall))
    rating(spec.overall, ["satisfaction", "overall"]);
  // A mean score is divided by one top score, so every question must share it.
  const first = tops[0];
  if (spec.method === "mean-score" && first) {
    for (const top of tops.slice(1)) {
      if (top.max !== first.max)
        add(top.path, "survey.satisfaction_scale_max", {
          question: top.key,
          max: top.max,
          expected: first.max,
        });
    }
  }
}
