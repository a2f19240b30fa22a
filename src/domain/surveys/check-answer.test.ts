import { describe, expect, it } from "vitest";
import { checkAnswer } from "./check-answer.ts";
import type { SurveyError } from "./survey-issues.ts";
import { formatSurveyIssue } from "./survey-issues.ts";
import { fullAnswer, raw, template } from "./test-questionnaires.ts";
import { prepareQuestionnaire } from "./validate-questionnaire.ts";

/** The refusal's problems as "code path: Chinese message". */
function refusal(answer: unknown, questionnaire = template): string[] {
  try {
    checkAnswer(questionnaire, answer);
  } catch (err) {
    expect((err as SurveyError).code).toBe("survey.answer_invalid");
    return (err as SurveyError).issues.map((i) => `${i.code} ${formatSurveyIssue(i, "zh-CN")}`);
  }
  throw new Error("the answer was accepted");
}

/** A complete answer with some answers changed (undefined removes one). */
function withAnswers(changes: Record<string, unknown>): Record<string, unknown> {
  const answer = fullAnswer("satisfied");
  const answers = { ...(answer.answers as Record<string, unknown>), ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete answers[key];
  return { ...answer, answers };
}

describe("checkAnswer", () => {
  it("accepts a complete answer and normalises it", () => {
    const answer = withAnswers({
      building: "  ",
      suggestion: "  多装几个充电桩  ",
      improve: ["management", "parking-charging"],
    });
    const accepted = checkAnswer(template, answer);
    expect(accepted.answers.building).toBeUndefined();
    expect(accepted.answers.suggestion).toBe("多装几个充电桩");
    // In the questionnaire's option order, whatever order they were ticked in.
    expect(accepted.answers.improve).toEqual(["parking-charging", "management"]);
    expect(Object.keys(accepted.answers)[0]).toBe("community");
  });

  it("refuses a tampered question id", () => {
    expect(refusal(withAnswers({ "overall-2": "satisfied" }))).toEqual([
      'survey.answer_unknown_question answers["overall-2"]: 问卷中没有题目 overall-2（题目编号被修改？）',
    ]);
  });

  it("refuses an option the question does not have, and a value of the wrong type", () => {
    expect(refusal(withAnswers({ overall: "ecstatic", tenure: ["owner"] }))).toEqual([
      "survey.answer_wrong_type answers.tenure: 题目「您是本小区的」（tenure）的答案应为一个选项代码",
      "survey.answer_unknown_option answers.overall: 题目「您对本小区改造的总体满意程度」（overall）没有选项 ecstatic（可选：very-satisfied, satisfied, basically-satisfied, dissatisfied, very-dissatisfied）",
    ]);
  });

  it("refuses more choices than allowed, and an option chosen twice", () => {
    const problems = refusal(
      withAnswers({ improve: ["parking-charging", "management", "environment", "environment"] }),
    );
    expect(problems).toEqual([
      "survey.answer_repeated_option answers.improve: 题目「您认为最需要改进的方面（最多选 3 项）」（improve）重复选择了选项 environment",
      "survey.answer_too_many answers.improve: 题目「您认为最需要改进的方面（最多选 3 项）」（improve）最多选 3 项，选了 4 项",
    ]);
  });

  it("refuses an oversized text, counting characters not bytes", () => {
    expect(checkAnswer(template, withAnswers({ suggestion: "好".repeat(300) }))).toBeDefined();
    expect(refusal(withAnswers({ suggestion: "好".repeat(301) }))).toEqual([
      "survey.answer_too_long answers.suggestion: 题目「您对小区改造还有哪些意见和建议？」（suggestion）的答案有 301 个字，超过上限 300 字",
    ]);
  });

  it("refuses an answer to a question hidden by skip logic", () => {
    expect(refusal(withAnswers({ "overall-reason": "太吵" }))).toEqual([
      'survey.answer_hidden answers["overall-reason"]: 题目「您不满意的主要原因是什么？」（overall-reason）按前面的回答不应显示，却有答案',
    ]);
    const shown = checkAnswer(
      template,
      withAnswers({ overall: "dissatisfied", "overall-reason": "太吵" }),
    );
    expect(shown.answers["overall-reason"]).toBe("太吵");
  });

  it("refuses a required question left unanswered, blank or absent", () => {
    expect(refusal(withAnswers({ overall: undefined, community: " " }))).toEqual([
      "survey.answer_required answers.community: 必答题「您居住的小区」（community）未作答",
      "survey.answer_required answers.overall: 必答题「您对本小区改造的总体满意程度」（overall）未作答",
    ]);
  });

  it("refuses an answer to another version of the questionnaire", () => {
    expect(refusal({ ...fullAnswer("satisfied"), questionnaireVersion: 2 })).toEqual([
      "survey.answer_wrong_version questionnaireVersion: 答卷对应问卷第 2 版，当前问卷为第 1 版，请刷新后重新填写",
    ]);
  });

  it("refuses a malformed answer and times in the wrong order", () => {
    expect(refusal({ ...fullAnswer("satisfied"), startedAt: "yesterday" })[0]).toMatch(
      /^survey\.answer_shape startedAt:/,
    );
    const backwards = { ...fullAnswer("satisfied"), submittedAt: "2021-06-01T09:00:00Z" };
    expect(refusal(backwards)[0]).toMatch(/^survey\.answer_times submittedAt:/);
  });

  it("checks numbers: a number, whole, within range", () => {
    const years = prepareQuestionnaire({
      code: "years",
      title: "居住情况",
      intro: "匿名",
      version: 1,
      sections: [
        {
          key: "s",
          title: "基本情况",
          questions: [
            { key: "years", kind: "number", title: "居住年限", min: 0, max: 80, integer: true },
            { key: "overall", kind: "rating", title: "总体满意度" },
          ],
        },
      ],
      satisfaction: { questions: ["overall"], method: "share" },
    });
    expect(checkAnswer(years, raw({ years: " 12 " })).answers.years).toBe("12");
    expect(checkAnswer(years, raw({ years: 7 })).answers.years).toBe("7");
    expect(refusal(raw({ years: "十二" }), years)).toEqual([
      "survey.answer_not_a_number answers.years: 题目「居住年限」（years）的答案“十二”不是数字",
    ]);
    expect(refusal(raw({ years: 81.5 }), years)).toEqual([
      "survey.answer_not_integer answers.years: 题目「居住年限」（years）的答案 81.5 应为整数",
      "survey.answer_above_max answers.years: 题目「居住年限」（years）的答案 81.5 大于上限 80",
    ]);
    expect(refusal(raw({ years: "-1" }), years)[0]).toMatch(/answer_below_min .*小于下限 0/);
  });

  it("lists every problem of one answer in a single error", () => {
    const answer = { ...withAnswers({ x: "1", overall: "meh" }), questionnaireVersion: 3 };
    expect(refusal(answer).map((p) => p.split(" ")[0])).toEqual([
      "survey.answer_wrong_version",
      "survey.answer_unknown_question",
      "survey.answer_unknown_option",
    ]);
  });
});
