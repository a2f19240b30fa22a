import { describe, expect, it } from "vitest";
import { checkAnswer } from "./check-answer.ts";
import { fullAnswer, raw, template, tiny } from "./test-questionnaires.ts";
import { effectiveValidity, judgeValidity } from "./validity.ts";

const accept = (answer: Record<string, unknown>) => checkAnswer(template, answer);
const codes = (answer: Record<string, unknown>, rules = {}) =>
  judgeValidity(template, accept(answer), rules).reasons.map((r) => r.code);

/** A complete answer with every one of the nine ratings set to `option`. */
function allRatings(option: string, keep = 9): Record<string, unknown> {
  const answer = fullAnswer(option);
  const answers = { ...(answer.answers as Record<string, unknown>) };
  const ratings = template.satisfaction.questions;
  ratings.forEach((key, i) => {
    if (i < keep) answers[key] = option;
    else delete answers[key];
  });
  return { ...answer, answers };
}

describe("judgeValidity", () => {
  it("finds a complete, unhurried, varied answer valid", () => {
    expect(judgeValidity(template, accept(fullAnswer("satisfied")))).toEqual({
      valid: true,
      reasons: [],
    });
  });

  it("is too fast under 60 seconds by default, or under the rule's minimum", () => {
    const quick = judgeValidity(template, accept(fullAnswer("satisfied", 59.9)));
    expect(quick.valid).toBe(false);
    expect(quick.reasons).toEqual([
      {
        code: "too-fast",
        zh: "答题用时 59.9 秒，少于 60 秒",
        en: "answered in 59.9 s, less than 60 s",
      },
    ]);
    expect(codes(fullAnswer("satisfied", 60))).toEqual([]);
    expect(codes(fullAnswer("satisfied", 100), { minSeconds: 120 })).toEqual(["too-fast"]);
  });

  it("flags straight-lining: every rating answer alike, from six answers on", () => {
    expect(codes(allRatings("satisfied"))).toEqual(["straight-lining"]);
    expect(judgeValidity(template, accept(allRatings("satisfied"))).reasons[0]?.zh).toBe(
      "9 道量表题全部选择同一选项",
    );
    // Five alike are too few to tell a pattern from a genuinely content resident.
    const five = allRatings("satisfied", 5);
    expect(codes(five, { minAnsweredShare: "0.5" })).toEqual([]);
    expect(codes(five, { minAnsweredShare: "0.5", straightLineMin: 5 })).toEqual([
      "straight-lining",
    ]);
  });

  it("flags an answer with under 80% of the shown questions answered", () => {
    // 15 questions are shown; 4 demographics + overall + 8 aspects + improve = 14 answered.
    const base = fullAnswer("satisfied");
    const answers = { ...(base.answers as Record<string, unknown>) };
    expect(codes(base)).toEqual([]);
    for (const key of ["building", "improve", "infrastructure"]) delete answers[key];
    // 11 of 15 = 73% < 80%.
    const sparse = judgeValidity(template, accept({ ...base, answers }));
    expect(sparse.reasons).toEqual([
      {
        code: "incomplete",
        zh: "仅回答了 15 道题中的 11 道，少于 80%",
        en: "answered 11 of 15 questions, less than 80%",
      },
    ]);
    expect(codes({ ...base, answers }, { minAnsweredShare: "0.7" })).toEqual([]);
  });

  it("counts only shown questions: a hidden follow-up is not missing", () => {
    const small = tiny();
    const answer = checkAnswer(small, raw({ community: "湖滨", overall: "satisfied" }));
    // 2 of 3 shown = 67%.
    expect(judgeValidity(small, answer).reasons.map((r) => r.code)).toEqual(["incomplete"]);
    expect(judgeValidity(small, answer, { minAnsweredShare: "0.6" }).valid).toBe(true);
  });

  it("flags a filled honeypot", () => {
    expect(codes({ ...fullAnswer("satisfied"), honeypot: "http://spam" })).toEqual(["honeypot"]);
    expect(codes({ ...fullAnswer("satisfied"), honeypot: "" })).toEqual([]);
  });

  it("flags a repeated device or paper number, naming the first receipt", () => {
    const answer = accept(fullAnswer("satisfied"));
    const device = judgeValidity(
      template,
      answer,
      {},
      {
        duplicateOf: { by: "device", receipt: "K7Q2M9X4" },
      },
    );
    expect(device.valid).toBe(false);
    expect(device.reasons).toEqual([
      {
        code: "duplicate",
        zh: "同一设备重复提交（首次提交回执 K7Q2M9X4）",
        en: "a second answer from the same device (first receipt K7Q2M9X4)",
      },
    ]);
    const paper = judgeValidity(
      template,
      answer,
      {},
      { duplicateOf: { by: "paper", receipt: "A1" } },
    );
    expect(paper.reasons.map((r) => r.zh)).toEqual(["纸质问卷编号重复录入（首次录入回执 A1）"]);
  });

  it("lists every reason at once", () => {
    const bot: Record<string, unknown> = { ...allRatings("very-satisfied"), honeypot: "x" };
    expect(codes({ ...bot, submittedAt: bot.startedAt })).toEqual([
      "too-fast",
      "straight-lining",
      "honeypot",
    ]);
  });
});

describe("effectiveValidity", () => {
  const judged = judgeValidity(template, accept(fullAnswer("satisfied", 45)));

  it("is the rules' judgement without an override", () => {
    expect(effectiveValidity(judged)).toEqual({ ...judged, judged });
  });

  it("follows the evaluator's override and keeps the judgement beside it", () => {
    const override = { valid: true, by: "评价组 王工", reason: "纸质问卷录入，用时不代表答题时间" };
    const effective = effectiveValidity(judged, override);
    expect(effective.valid).toBe(true);
    expect(effective.override).toEqual(override);
    expect(effective.judged.valid).toBe(false);
    expect(effective.reasons.map((r) => r.code)).toEqual(["too-fast"]);
  });
});
