import { describe, expect, it } from "vitest";
import { formatPath, issueMessage } from "./issues.ts";
import { parseFramework } from "./validate-framework.ts";
import { validateInput } from "./validate-input.ts";

const framework = parseFramework({
  code: "check",
  name: "校验",
  version: "1",
  year: 2024,
  evaluationType: "finance",
  points: 30,
  rounding: "half-up-1",
  indicators: [
    {
      code: "A",
      name: "甲",
      points: 20,
      children: [
        {
          code: "A.1",
          name: "执行率",
          points: 5,
          rule: {
            type: "completion-band",
            lower: 100,
            belowPenalty: 5,
            counting: "continuous",
            actualMax: 100,
          },
        },
        { code: "A.2", name: "满意度", points: 5, rule: { type: "proportional" } },
        { code: "A.3", name: "专家", points: 5, rule: { type: "expert" } },
        { code: "A.4", name: "定性", points: 5, rule: { type: "grade-map" } },
      ],
    },
    {
      code: "B",
      name: "乙",
      points: 10,
      children: [
        {
          code: "B.1",
          name: "清单",
          points: 5,
          rule: { type: "checklist", items: [{ code: "x", label: "x", points: 5 }] },
        },
        { code: "B.2", name: "问题", points: 5, rule: { type: "incidents", deduction: 1, cap: 5 } },
      ],
    },
  ],
});

const good = {
  "A.1": { facts: { actual: 100, target: 100 } },
  "A.2": { facts: { rate: 90 } },
  "A.3": { facts: { score: 4.5, reason: "好" } },
  "A.4": { facts: { grade: "好" } },
  "B.1": { facts: { items: { x: true } } },
  "B.2": { facts: { count: 0 } },
};

function problems(indicators: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const result = validateInput(framework, { framework: "check", indicators, ...extra });
  if (result.ok) return [];
  return result.issues.map((i) => `${formatPath(i.path)}: ${issueMessage(i, "en-US")}`);
}

describe("validateInput", () => {
  it("accepts a complete input", () => {
    const result = validateInput(framework, { framework: "check", indicators: good });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect([...result.value.entries.keys()]).toEqual(["A.1", "A.2", "A.3", "A.4", "B.1", "B.2"]);
  });

  it("refuses a zero or negative target, text for a number, a rate above 100%", () => {
    expect(
      problems({
        ...good,
        "A.1": { facts: { actual: "很多", target: 0 } },
        "A.2": { facts: { rate: 101 } },
      }),
    ).toEqual([
      'indicators["A.1"].facts.actual: "很多" is not a number (write 62395 or 341.4058, no units or separators)',
      'indicators["A.1"].facts.target: the target 0 must be above 0 (the completion rate divides by it)',
      'indicators["A.2"].facts.rate: a rate of 101% is above 100%, impossible for a proportional score',
    ]);
    expect(problems({ ...good, "A.1": { facts: { actual: 120, target: 100 } } })).toEqual([
      'indicators["A.1"].facts.actual: 120 exceeds 100, which this rate cannot exceed',
    ]);
    expect(problems({ ...good, "A.1": { facts: { actual: 1, target: -5 } } })).toEqual([
      'indicators["A.1"].facts.target: the target -5 must be above 0 (the completion rate divides by it)',
    ]);
  });

  it("names missing, unknown and group indicators, and the wrong framework", () => {
    const { "B.2": _dropped, ...rest } = good;
    expect(
      problems({ ...rest, Z: { facts: {} }, B: { facts: {} } }, { framework: "other" }),
    ).toEqual([
      "framework: the input is for framework other, but the framework used is check",
      'indicators.Z: the framework has no indicator "Z"',
      'indicators.B: indicator "B" has children; its score is their sum and cannot be entered',
      'indicators: no data for indicator "B.2" (问题): give its facts, or mark it missing',
    ]);
  });

  it("checks expert scores against the points and the framework's precision", () => {
    expect(problems({ ...good, "A.3": { facts: { score: 6, reason: "x" } } })).toEqual([
      'indicators["A.3"].facts.score: the score 6 is outside this indicator\'s range [0, 5]',
    ]);
    expect(problems({ ...good, "A.3": { facts: { score: 4.55, reason: "x" } } })).toEqual([
      'indicators["A.3"].facts.score: 4.55 has more decimals than the framework\'s 1',
    ]);
    expect(problems({ ...good, "A.3": { facts: { score: 4 } } })).toEqual([
      'indicators["A.3"].facts.reason: is required',
    ]);
  });

  it("checks grades, checklist items and incidents against their rules", () => {
    expect(
      problems({
        ...good,
        "A.4": { facts: { grade: "优秀" } },
        "B.1": { facts: { items: { y: true } } },
        "B.2": { facts: { count: 1.5, grave: true } },
      }),
    ).toEqual([
      'indicators["A.4"].facts.grade: the grade "优秀" is not one of the rule\'s grades: 好、较好、一般、较差、差',
      'indicators["B.1"].facts.items.x: no yes/no (true/false) for the item "x"',
      'indicators["B.1"].facts.items.y: unknown field "y" (a typo?)',
      'indicators["B.2"].facts.count: 1.5 must be a whole number',
    ]);
    expect(problems({ ...good, "B.2": { facts: { count: 1, grave: true } } })).toEqual([
      'indicators["B.2"].facts.grave: this rule has no clause for a grave case: grave cannot be set',
    ]);
  });

  it("accepts a missing value, with an explanation only together with a score", () => {
    expect(problems({ ...good, "A.1": { missing: {} } })).toEqual([]);
    expect(problems({ ...good, "A.1": { missing: { explanation: "无数据", score: 3 } } })).toEqual(
      [],
    );
    expect(problems({ ...good, "A.1": { missing: { explanation: "无数据" } } })).toEqual([
      'indicators["A.1"].missing.score: an explanation needs the score the evaluator gives with it',
    ]);
    expect(problems({ ...good, "A.1": { missing: { score: 3 } } })).toEqual([
      'indicators["A.1"].missing.score: an evaluator\'s score for a missing value needs the explanation',
    ]);
    expect(problems({ ...good, "A.1": { missing: {}, facts: { actual: 1, target: 1 } } })).toEqual([
      'indicators["A.1"]: needs either facts or missing, not both',
    ]);
  });
});
