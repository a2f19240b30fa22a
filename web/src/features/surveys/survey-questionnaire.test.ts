import { describe, expect, it } from "vitest";
import { QuestionnaireSchema } from "../../../../src/shared/questionnaire.ts";
import standard from "../../../../surveys/old-community-satisfaction.json" with { type: "json" };
import { ApiError } from "../../api/client.ts";
import {
  DEFAULT_SATISFIED,
  DEFAULT_SCALE,
  pathParts,
  percentToShare,
  placedIssues,
  type QuestionnaireDraft,
  questionOfKind,
  renameQuestion,
  shareToPercent,
  withText,
} from "./survey-questionnaire.ts";

const q = standard as QuestionnaireDraft;

describe("the builder's questionnaire helpers", () => {
  it("offers the domain's default five-point scale, which the questionnaire schema accepts", () => {
    expect(DEFAULT_SCALE.map((o) => [o.key, o.label, o.score])).toEqual([
      ["very-satisfied", { "zh-CN": "非常满意", "en-US": "Very satisfied" }, 5],
      ["satisfied", { "zh-CN": "满意", "en-US": "Satisfied" }, 4],
      ["basically-satisfied", { "zh-CN": "基本满意", "en-US": "Basically satisfied" }, 3],
      ["dissatisfied", { "zh-CN": "不满意", "en-US": "Dissatisfied" }, 2],
      ["very-dissatisfied", { "zh-CN": "非常不满意", "en-US": "Very dissatisfied" }, 1],
    ]);
    expect(DEFAULT_SATISFIED).toEqual(["very-satisfied", "satisfied", "basically-satisfied"]);
    const rating = q.sections
      .flatMap((section) => section.questions)
      .find((question) => question.kind === "rating");
    const parsed = QuestionnaireSchema.safeParse({
      ...q,
      sections: [
        {
          ...q.sections[0],
          questions: [{ ...rating, scale: DEFAULT_SCALE, satisfied: DEFAULT_SATISFIED }],
        },
      ],
    });
    expect(parsed.success).toBe(true);
  });

  it("reads the server's issue paths", () => {
    expect(pathParts("sections[1].questions[0].showIf.question")).toEqual([
      "sections",
      1,
      "questions",
      0,
      "showIf",
      "question",
    ]);
    expect(pathParts('answers["age-band"]')).toEqual(["answers", "age-band"]);
  });

  it("places each refused answer's problem by its line of the message", () => {
    const error = new ApiError(
      422,
      "survey.answer_invalid",
      '答卷有 2 处问题，未接收：\n  answers["age-band"]: 必答题「您的年龄段」（age-band）未作答\n  answers.overall: 必答题「总体」（overall）未作答',
      {
        issues: [
          { path: 'answers["age-band"]', code: "survey.answer_required", params: {} },
          { path: "answers.overall", code: "survey.answer_required", params: {} },
        ],
      },
    );
    expect(placedIssues(error).map((i) => [i.parts[1], i.message])).toEqual([
      ["age-band", "必答题「您的年龄段」（age-band）未作答"],
      ["overall", "必答题「总体」（overall）未作答"],
    ]);
  });

  it("renames a question with its skip logic and the rate's references", () => {
    const renamed = renameQuestion(q, { section: 1, question: 0 }, "overall-2");
    expect(renamed.sections[1]?.questions[1]?.showIf?.question).toBe("overall-2");
    expect(renamed.satisfaction.overall).toBe("overall-2");
    expect(renamed.satisfaction.questions[0]).toBe("overall-2");
  });

  it("leaves references alone while a typed key equals another one", () => {
    const twice = renameQuestion(q, { section: 0, question: 3 }, "age-band");
    const again = renameQuestion(twice, { section: 0, question: 3 }, "age-band2");
    expect(again.sections[0]?.questions.map((x) => x.key)).toEqual([
      "community",
      "building",
      "age-band",
      "age-band2",
    ]);
  });

  it("changes a kind keeping the common fields, and drops an empty English text", () => {
    const from = q.sections[0]?.questions[2];
    if (!from) throw new Error("no age question");
    const multiple = questionOfKind("multiple", from);
    expect(multiple).toMatchObject({ key: "age-band", kind: "multiple", required: true });
    expect("options" in multiple && multiple.options.length).toBe(5);
    expect(withText({ "zh-CN": "标题", "en-US": "Title" }, "en-US", "")).toEqual({
      "zh-CN": "标题",
    });
  });
});

describe("the least share answered, asked as a percentage", () => {
  it("shows the stored share as a percentage and stores the percentage typed as the share", () => {
    expect(shareToPercent("0.6")).toBe("60");
    expect(shareToPercent("0.8")).toBe("80");
    expect(shareToPercent("1")).toBe("100");
    expect(shareToPercent("0.0625")).toBe("6.25");
    expect(percentToShare("60")).toBe("0.6");
    expect(percentToShare("62.5")).toBe("0.625");
    expect(percentToShare("0")).toBe("0");
    expect(percentToShare("100")).toBe("1");
    // Exactly, without binary floating point: 0.07 × 100 is not 7.000000000000001.
    expect(shareToPercent("0.07")).toBe("7");
    expect(percentToShare("33.333")).toBe("0.3333");
  });

  it("gives back the same share after a round trip through the form", () => {
    for (const share of ["0", "0.05", "0.6", "0.6667", "0.99", "1"])
      expect(percentToShare(shareToPercent(share))).toBe(share);
  });
});
