import { describe, expect, it } from "vitest";
import { Decimal, roundBy } from "../decimal.ts";
import { DomainError } from "../errors.ts";
import { checkAnswer } from "./check-answer.ts";
import {
  type JudgedAnswer,
  rateByGroup,
  rollUpRates,
  satisfactionRate,
} from "./satisfaction-rate.ts";
import { accepted, fullAnswer, template, tiny } from "./test-questionnaires.ts";
import { effectiveValidity, judgeValidity } from "./validity.ts";

/** Accepts and judges an answer to the standard questionnaire, as the service would. */
function judged(answer: Record<string, unknown>): JudgedAnswer {
  const normalised = checkAnswer(template, answer);
  return {
    answer: normalised,
    valid: effectiveValidity(judgeValidity(template, normalised)).valid,
  };
}

function repeat<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

describe("satisfactionRate: Hangzhou 2020 golden figures", () => {
  // Hangzhou 2020 evaluation report: 有效问卷 458份，综合满意度为 82.75%; 379 / 458 = 82.751…%.
  // 379 satisfied on the overall question (150 非常满意, 150 满意, 79 基本满意), 79 not
  // (60 不满意, 19 非常不满意), plus 12 satisfied answers given in 30 seconds (invalid).
  const answers = [
    ...repeat(150, () => judged(fullAnswer("very-satisfied"))),
    ...repeat(150, () => judged(fullAnswer("satisfied"))),
    ...repeat(79, () => judged(fullAnswer("basically-satisfied"))),
    ...repeat(60, () => judged(fullAnswer("dissatisfied"))),
    ...repeat(19, () => judged(fullAnswer("very-dissatisfied"))),
    ...repeat(12, () => judged(fullAnswer("very-satisfied", 30))),
  ];
  const result = satisfactionRate(template, answers, { unit: "questionnaires" });

  it("counts 458 valid questionnaires and leaves the 12 hasty ones out", () => {
    expect(result.valid).toBe(458);
    expect(result.excluded).toBe(12);
    expect(result.sample).toBe(458);
    expect(result.satisfied).toBe(379);
  });

  it("gives 82.75% (not 83.19%, which counting the hasty ones would give)", () => {
    expect(result.rate?.equals(new Decimal(379).div(458))).toBe(true);
    expect(result.ratePercent).toBe("82.75");
    const all = answers.map((a) => ({ ...a, valid: true }));
    expect(satisfactionRate(template, all, { unit: "questionnaires" }).ratePercent).toBe("83.19");
  });

  it("has a margin of error of 3.46% at 95%", () => {
    // Independently: MoE² = 1.96² × 379 × 79 / 458³ exactly, as a fraction of integers, so the
    // square of the computed margin must equal 38416 × 29941 / (10⁴ × 458³) to 35 digits; a binary
    // float cross-check gives 0.034601187588026….
    const exactSquare = new Decimal(38416 * 29941).div(new Decimal(458).pow(3).times(10000));
    const moe = result.marginOfError ?? new Decimal(0);
    expect(moe.pow(2).minus(exactSquare).abs().lt("1e-35")).toBe(true);
    expect(moe.toNumber()).toBeCloseTo(1.96 * Math.sqrt((379 * 79) / 458 ** 3), 14);
    expect(moe.toFixed(8)).toBe("0.03460119");
    expect(result.marginOfErrorPercent).toBe("3.46");
  });

  it("scores the 8-point 满意度 indicator 6.6 (8 × 82.75%, half-up to one decimal)", () => {
    expect(roundBy(new Decimal(8).times(result.rate ?? 0), "half-up-1").toString()).toBe("6.6");
  });

  it("narrows the margin with a finite population: × √((N − n)/(N − 1))", () => {
    const households = satisfactionRate(template, answers, {
      unit: "questionnaires",
      population: 2000,
    });
    const fpc = new Decimal(2000 - 458).div(1999).sqrt();
    expect(households.finitePopulationCorrection?.equals(fpc)).toBe(true);
    const expected = (result.marginOfError ?? fpc).times(fpc);
    // Equal to the 40 digits kept, but for the last, rounded in another order.
    expect(households.marginOfError?.minus(expected).abs().lt("1e-38")).toBe(true);
    expect(households.marginOfErrorPercent).toBe("3.04");
    expect(() =>
      satisfactionRate(template, answers, { unit: "questionnaires", population: 400 }),
    ).toThrow(DomainError);
  });

  it("per answer counts every rating answer to the nine questions", () => {
    const perAnswer = satisfactionRate(template, answers, { unit: "answers" });
    // Each valid questionnaire gives 9 ratings; its 8 aspects cycle 满意, 非常满意, 基本满意, 不满意,
    // so 6 of 8 aspects are satisfied: (379 + 458 × 6) / (458 × 9) = 3127 / 4122.
    expect(perAnswer.sample).toBe(4122);
    expect(perAnswer.satisfied).toBe(3127);
    expect(perAnswer.rate?.equals(new Decimal(3127).div(4122))).toBe(true);
    expect(perAnswer.ratePercent).toBe("75.86");
    // The population counts households: the correction uses the 458 respondents, not 4122 answers.
    expect(
      satisfactionRate(template, answers, {
        unit: "answers",
        population: 2000,
      }).finitePopulationCorrection?.equals(new Decimal(1542).div(1999).sqrt()),
    ).toBe(true);
  });

  it("has no rate without a valid answer", () => {
    const none = satisfactionRate(template, [], { unit: "questionnaires" });
    expect(none).toMatchObject({ valid: 0, sample: 0, rate: null, ratePercent: null });
  });
});

describe("satisfactionRate by mean score", () => {
  it("divides the mean score by the scale's top and uses the sample standard deviation", () => {
    const q = tiny("mean-score");
    // Overall 5, 4, 4, 2 (非常满意, 满意, 满意, 不满意): mean 15/4 = 3.75, rate 3.75/5 = 75%.
    // s² = (1.25² + 0.25² + 0.25² + 1.75²)/3 = 4.75/3 = 19/12, s = 1.2583…;
    // MoE = 1.96 × s/√4 ÷ 5 = 0.196 × √(19/12) = 0.24663 → 24.66%.
    const answers = ["very-satisfied", "satisfied", "satisfied", "dissatisfied"].map((overall) => ({
      answer: accepted(q, { community: "湖滨", overall }),
      valid: true,
    }));
    const result = satisfactionRate(q, answers, { unit: "questionnaires" });
    expect(result.meanScore?.toString()).toBe("3.75");
    expect(result.maxScore).toBe(5);
    expect(result.ratePercent).toBe("75.00");
    expect(result.standardDeviation?.pow(2).minus(new Decimal(19).div(12)).abs().lt("1e-35")).toBe(
      true,
    );
    expect(result.marginOfError?.toFixed(6)).toBe("0.246628");
    expect(result.marginOfErrorPercent).toBe("24.66");
  });

  it("has no margin of error from a single answer", () => {
    const q = tiny("mean-score");
    const one = [{ answer: accepted(q, { overall: "satisfied" }), valid: true }];
    const result = satisfactionRate(q, one, { unit: "questionnaires" });
    expect(result.ratePercent).toBe("80.00");
    expect(result.marginOfError).toBeNull();
  });
});

describe("rates by group and rolled up", () => {
  const q = tiny();
  const community = (name: string, satisfied: number, total: number): JudgedAnswer[] =>
    repeat(total, (i) => ({
      answer: accepted(q, {
        community: name,
        overall: i < satisfied ? "satisfied" : "dissatisfied",
      }),
      valid: true,
    }));
  // Two communities, 90 of 100 and 10 of 50 satisfied.
  const answers = [...community("湖滨", 90, 100), ...community("清波", 10, 50)];
  const placeOf = (a: { answers: Record<string, string | string[]> }) => [
    "浙江省",
    "杭州市",
    "上城区",
    String(a.answers.community),
  ];

  it("rates each group", () => {
    const groups = rateByGroup(q, answers, { unit: "questionnaires" }, (a) =>
      String(a.answers.community),
    );
    expect(groups.map((g) => [g.group, g.result.ratePercent])).toEqual([
      ["湖滨", "90.00"],
      ["清波", "20.00"],
    ]);
  });

  it("pools the answers at each level: 100/150 = 66.67%, not the mean of the rates (55%)", () => {
    const [province] = rollUpRates(q, answers, { unit: "questionnaires" }, placeOf);
    expect(province?.key).toBe("浙江省");
    expect(province?.result.sample).toBe(150);
    expect(province?.result.satisfied).toBe(100);
    expect(province?.result.ratePercent).toBe("66.67");
    const county = province?.children[0]?.children[0];
    expect(county?.path).toEqual(["浙江省", "杭州市", "上城区"]);
    expect(county?.result.ratePercent).toBe("66.67");
    expect(county?.children.map((c) => [c.key, c.result.ratePercent])).toEqual([
      ["湖滨", "90.00"],
      ["清波", "20.00"],
    ]);
  });

  it("takes each place's population for its own correction", () => {
    const [province] = rollUpRates(
      q,
      answers,
      { unit: "questionnaires", populationOf: (path) => (path.length === 4 ? 100 : undefined) },
      placeOf,
    );
    const hubin = province?.children[0]?.children[0]?.children[0];
    expect(hubin?.result.finitePopulationCorrection?.isZero()).toBe(true);
    expect(hubin?.result.marginOfErrorPercent).toBe("0.00");
    expect(province?.result.finitePopulationCorrection).toBeUndefined();
  });

  it("needs the overall question to count per questionnaire", () => {
    const noOverall = { ...q, satisfaction: { ...q.satisfaction, overall: undefined } };
    expect(() => satisfactionRate(noOverall, answers, { unit: "questionnaires" })).toThrow(
      "needs the overall question",
    );
  });
});
