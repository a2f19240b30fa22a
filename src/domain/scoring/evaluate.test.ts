import { describe, expect, it } from "vitest";
import { parseFramework } from "../frameworks/index.ts";
import { scoreInput } from "./evaluate.ts";
import { scorecardToJson } from "./scorecard-json.ts";

const proportional = (code: string, points: number | string) => ({
  code,
  name: `指标${code}`,
  points,
  rule: { type: "proportional" },
});

function framework(extra: Record<string, unknown>) {
  return parseFramework({
    code: "test",
    name: "测试",
    version: "1",
    year: 2024,
    evaluationType: "self-evaluation",
    rounding: "half-up-2",
    ...extra,
  });
}

const rates = (entries: Record<string, number>) => ({
  framework: "test",
  indicators: Object.fromEntries(
    Object.entries(entries).map(([code, rate]) => [code, { facts: { rate } }]),
  ),
});

describe("scoreInput", () => {
  it("adds the rounded parts: three × 0.333 → 0.33 each, group and total 0.99 (not 1.00)", () => {
    const fw = framework({
      points: 3,
      indicators: [
        {
          code: "G",
          name: "组",
          points: 3,
          children: [proportional("a", 1), proportional("b", 1), proportional("c", 1)],
        },
      ],
    });
    const card = scoreInput(fw, rates({ a: 33.3, b: 33.3, c: 33.3 }));
    expect(card.indicators.map((i) => i.score.toString())).toEqual(["0.33", "0.33", "0.33"]);
    expect(card.groups[0]?.score.toString()).toBe("0.99");
    expect(card.total.toString()).toBe("0.99");
  });

  it("rounds groups and the total by their own policies", () => {
    const fw = framework({
      points: 2,
      rounding: { indicator: "half-up-2", group: "half-up-1", total: "half-up-integer" },
      indicators: [
        { code: "G", name: "组", points: 1, children: [proportional("a", 1)] },
        proportional("b", 1),
      ],
    });
    const card = scoreInput(fw, rates({ a: 74, b: 80 }));
    // a: 0.74 → group 0.7; b: 0.8; total 0.7 + 0.8 = 1.5 → 2.
    expect(card.groups[0]?.score.toString()).toBe("0.7");
    expect(card.total.toString()).toBe("2");
    expect(scorecardToJson(card).total).toBe("2");
  });

  it("scales children to a group's points when the framework says aggregate: scaled", () => {
    const fw = framework({
      points: 10,
      indicators: [
        {
          code: "G",
          name: "组",
          points: 10,
          aggregate: "scaled",
          children: [proportional("a", 4), proportional("b", 4)],
        },
      ],
    });
    // 4 + 2 = 6 of 8, scaled to 10: 7.5.
    expect(scoreInput(fw, rates({ a: 100, b: 50 })).total.toString()).toBe("7.5");
  });

  it("grades the score rate when the framework is not worth 100", () => {
    const base = {
      points: 80,
      indicators: [proportional("a", 80)],
    };
    const byRate = framework({
      ...base,
      grades: {
        basis: "rate",
        bands: [
          { label: "优", min: 90 },
          { label: "差", min: 0 },
        ],
      },
    });
    const byTotal = framework({
      ...base,
      grades: {
        basis: "total",
        bands: [
          { label: "优", min: 90 },
          { label: "差", min: 0 },
        ],
      },
    });
    expect(scoreInput(byRate, rates({ a: 90 })).grade.label).toBe("优");
    expect(scoreInput(byTotal, rates({ a: 90 })).grade.label).toBe("差");
  });

  it("scores a missing value 0 and reports group rates with two decimals", () => {
    const fw = framework({
      points: 10,
      indicators: [
        {
          code: "G",
          name: "组",
          points: 10,
          children: [proportional("a", 4), proportional("b", 6)],
        },
      ],
    });
    const card = scoreInput(fw, {
      framework: "test",
      indicators: { a: { missing: {} }, b: { facts: { rate: 50 } } },
    });
    const json = scorecardToJson(card);
    expect(json.indicators[0]).toMatchObject({
      code: "a",
      score: "0.00",
      reason: "无法提供具体数值且无说明，得0分",
    });
    expect(json.groups[0]).toEqual({
      code: "G",
      name: "组",
      level: 1,
      points: "10",
      score: "3.00",
      rate: "30.00",
    });
    expect(json.rate).toBe("30.00");
    expect(json.grade).toBe("差");
  });

  it("refuses input that does not validate, naming the file", () => {
    const fw = framework({ points: 1, indicators: [proportional("a", 1)] });
    expect(() => scoreInput(fw, { framework: "test", indicators: {} }, { file: "x.yaml" })).toThrow(
      /Scoring input x\.yaml: 1 problem\(s\):\n {2}x\.yaml indicators: no data for indicator "a"/,
    );
  });
});
