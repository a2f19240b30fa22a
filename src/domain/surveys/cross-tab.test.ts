import { describe, expect, it } from "vitest";
import { checkAnswer } from "./check-answer.ts";
import { crossTab } from "./cross-tab.ts";
import { fullAnswer, template } from "./test-questionnaires.ts";

function answer(overall: string, age: string, improve: string[], valid = true) {
  const raw = fullAnswer(overall);
  const answers = { ...(raw.answers as Record<string, unknown>), "age-band": age, improve };
  return { answer: checkAnswer(template, { ...raw, answers }), valid };
}

const answers = [
  answer("satisfied", "60-74", ["parking-charging"]),
  answer("dissatisfied", "60-74", ["parking-charging", "elevator-ageing"]),
  answer("very-satisfied", "30-44", ["parking-charging"]),
  answer("dissatisfied", "30-44", ["management"], false),
];

describe("crossTab", () => {
  it("counts each option of a rating question per age band, valid answers only", () => {
    const table = crossTab(template, answers, "overall", "age-band");
    expect(table.demographicQuestion).toBe("age-band");
    expect(table.options).toEqual([
      "very-satisfied",
      "satisfied",
      "basically-satisfied",
      "dissatisfied",
      "very-dissatisfied",
    ]);
    expect(table.rows).toEqual([
      {
        value: "30-44",
        respondents: 1,
        counts: {
          "very-satisfied": 1,
          satisfied: 0,
          "basically-satisfied": 0,
          dissatisfied: 0,
          "very-dissatisfied": 0,
        },
      },
      {
        value: "60-74",
        respondents: 2,
        counts: {
          "very-satisfied": 0,
          satisfied: 1,
          "basically-satisfied": 0,
          dissatisfied: 1,
          "very-dissatisfied": 0,
        },
      },
    ]);
  });

  it("counts every choice of a multiple-choice question", () => {
    const table = crossTab(template, answers, "improve", "age-band");
    expect(table.rows[1]?.counts).toMatchObject({ "parking-charging": 2, "elevator-ageing": 1 });
    expect(table.rows[1]?.respondents).toBe(2);
    expect(table.rows[0]?.counts.management).toBe(0);
  });

  it("orders the rows by the demographic's options, not by who answered first", () => {
    // As in the demo: the youngest residents answer last, yet 30 岁以下 comes first.
    const late = [
      answer("satisfied", "75-plus", ["management"]),
      answer("satisfied", "45-59", ["management"]),
      ...answers,
      answer("satisfied", "under-30", ["management"]),
    ];
    const table = crossTab(template, late, "overall", "age-band");
    expect(table.rows.map((r) => r.value)).toEqual([
      "under-30",
      "30-44",
      "45-59",
      "60-74",
      "75-plus",
    ]);
  });

  it("orders typed values naturally (2幢 before 10幢), those who did not say last", () => {
    const inBuilding = (building: string | null) => {
      const raw = fullAnswer("satisfied");
      const { building: _, ...rest } = raw.answers as Record<string, unknown>;
      const answers = building === null ? rest : { ...rest, building };
      return { answer: checkAnswer(template, { ...raw, answers }), valid: true };
    };
    const table = crossTab(
      template,
      [inBuilding("10幢"), inBuilding(null), inBuilding("2幢"), inBuilding("10幢")],
      "overall",
      "building",
    );
    expect(table.rows.map((r) => [r.value, r.respondents])).toEqual([
      ["2幢", 1],
      ["10幢", 2],
      [null, 1],
    ]);
  });

  it("groups by typed text and keeps those who did not say apart", () => {
    const raw = fullAnswer("satisfied");
    const { building: _, ...answersWithout } = raw.answers as Record<string, unknown>;
    const silent = {
      answer: checkAnswer(template, { ...raw, answers: answersWithout }),
      valid: true,
    };
    const table = crossTab(template, [...answers, silent], "overall", "building");
    expect(table.rows.map((r) => [r.value, r.respondents])).toEqual([
      ["3幢", 3],
      [null, 1],
    ]);
  });

  it("refuses a question that is not a choice, or a demographic the questionnaire lacks", () => {
    expect(() => crossTab(template, answers, "suggestion", "age-band")).toThrow(
      "not a choice or rating question",
    );
    const without = {
      ...template,
      sections: template.sections.map((s) => ({
        ...s,
        questions: s.questions.map((q) => ({ ...q, demographic: undefined })),
      })),
    };
    expect(() => crossTab(without, answers, "overall", "tenure")).toThrow("no question marked");
  });
});
