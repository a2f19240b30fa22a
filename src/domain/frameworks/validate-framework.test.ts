import { describe, expect, it } from "vitest";
import { formatPath, issueMessage } from "./issues.ts";
import { parseFramework, validateFramework } from "./validate-framework.ts";

const leaf = (
  code: string,
  points: number,
  rule: Record<string, unknown> = { type: "expert" },
) => ({
  code,
  name: code,
  points,
  rule,
});

function framework(indicators: unknown[], extra: Record<string, unknown> = {}) {
  return {
    code: "check",
    name: "校验",
    version: "1",
    year: 2024,
    evaluationType: "finance",
    points: 10,
    rounding: "half-up-2",
    indicators,
    ...extra,
  };
}

/** Each issue as "path: English message". */
function problems(data: unknown): string[] {
  const result = validateFramework(data);
  if (result.ok) return [];
  return result.issues.map((i) => `${formatPath(i.path)}: ${issueMessage(i, "en-US")}`);
}

describe("validateFramework", () => {
  it("accepts a valid framework and fills in the default grades", () => {
    const parsed = parseFramework(framework([leaf("a", 10)]));
    expect(parsed.grades.basis).toBe("total");
    expect(parsed.grades.bands.map((b) => [b.label, b.min.toString()])).toEqual([
      ["优", "90"],
      ["良", "80"],
      ["中", "60"],
      ["差", "0"],
    ]);
    expect(parsed.rounding).toEqual({
      indicator: "half-up-2",
      group: "half-up-2",
      total: "half-up-2",
    });
  });

  it("names the path of a bad rule parameter", () => {
    const data = framework([
      leaf("a", 2),
      leaf("b", 3),
      {
        code: "c",
        name: "c",
        points: 5,
        children: [
          leaf("c1", 5, {
            type: "shortfall",
            step: 0,
            deduction: 1,
            cap: 5,
            counting: "floor-integer",
          }),
        ],
      },
    ]);
    expect(problems(data)).toEqual([
      "indicators[2].children[0].rule.step: 0 must be greater than 0",
    ]);
  });

  it("refuses an unknown rule type, listing the known ones", () => {
    const [problem] = problems(framework([leaf("a", 10, { type: "magic" })]));
    expect(problem).toMatch(
      /^indicators\[0\]\.rule\.type: unknown rule type "magic" \(known: completion-band, shortfall/,
    );
  });

  it("refuses points that do not add up, unless the group says aggregate: scaled", () => {
    const group = (extra: Record<string, unknown>) => ({
      code: "g",
      name: "g",
      points: 10,
      children: [leaf("a", 4), leaf("b", 4)],
      ...extra,
    });
    expect(problems(framework([group({})]))).toEqual([
      "indicators[0].points: points 10 differ from the sum of the children's points 8 (write aggregate: scaled if meant)",
    ]);
    expect(problems(framework([group({ aggregate: "scaled" })]))).toEqual([]);
    expect(problems(framework([leaf("a", 4)]))).toEqual([
      "points: total points 10 differ from the sum of the level-1 points 4",
    ]);
  });

  it("refuses text where a number belongs and a misspelt field", () => {
    expect(
      problems(framework([{ code: "a", name: "a", points: "十", rule: { type: "expert" } }])),
    ).toEqual([
      'indicators[0].points: "十" is not a number (write 62395 or 341.4058, no units or separators)',
    ]);
    expect(
      problems(framework([{ code: "a", name: "a", pionts: 10, rule: { type: "expert" } }])),
    ).toEqual([
      "indicators[0].points: is required",
      'indicators[0].pionts: unknown field "pionts" (a typo?)',
    ]);
  });

  it("checks the rules against the points they score", () => {
    const data = framework([
      leaf("a", 5, {
        type: "checklist",
        items: [
          { code: "x", label: "x", points: 2 },
          { code: "x", label: "y", points: 2 },
        ],
      }),
      leaf("b", 5, {
        type: "composite",
        combine: "sum",
        parts: [
          { code: "p", name: "p", points: 3, rule: { type: "incidents", deduction: 1, cap: 4 } },
        ],
      }),
    ]);
    expect(problems(data)).toEqual([
      'indicators[0].rule.items[1].code: the code "x" is used twice',
      "indicators[0].rule.items: the items' points add up to 4, not 5",
      "indicators[1].rule.parts: the parts' points add up to 3, not 5",
      "indicators[1].rule.parts[0].rule.cap: the deduction cap 4 exceeds the points 3",
    ]);
  });

  it("refuses a completion band whose ends are reversed or half-given", () => {
    const band = (extra: Record<string, unknown>) =>
      framework([
        leaf("a", 10, {
          type: "completion-band",
          lower: 100,
          belowPenalty: 5,
          counting: "continuous",
          ...extra,
        }),
      ]);
    expect(problems(band({ upper: 90, abovePenalty: 1 }))).toEqual([
      "indicators[0].rule.upper: the full-marks band's upper end 90% is below its lower end 100%",
    ]);
    expect(problems(band({ upper: 130 }))).toEqual([
      "indicators[0].rule: abovePenalty and upper go together",
    ]);
  });

  it("refuses duplicate codes, rules on groups, leaves without rules and trees deeper than 4", () => {
    const deep = (level: number): Record<string, unknown> =>
      level === 5
        ? leaf("x5", 10)
        : { code: `x${level}`, name: "x", points: 10, children: [deep(level + 1)] };
    expect(problems(framework([deep(1)]))).toEqual([
      "indicators[0].children[0].children[0].children[0].children[0]: indicators nest deeper than 4 levels",
    ]);
    expect(
      problems(
        framework([
          { code: "a", name: "a", points: 5, rule: { type: "expert" }, children: [leaf("b", 5)] },
          { code: "b", name: "b", points: 5 },
        ]),
      ),
    ).toEqual([
      "indicators[0].rule: an indicator with children is the sum of them and cannot have a rule",
      'indicators[1].code: the code "b" is used twice',
      "indicators[1]: an indicator without children needs a rule",
    ]);
  });

  it("checks the grade bands", () => {
    const grades = (bands: unknown[]) => framework([leaf("a", 10)], { grades: { bands } });
    expect(
      problems(
        grades([
          { label: "优", min: 90 },
          { label: "良", min: 95 },
          { label: "差", min: 0 },
        ]),
      ),
    ).toEqual([
      "grades.bands[1].min: grades must be listed from the highest lower bound down, each bound different",
    ]);
    expect(
      problems(
        grades([
          { label: "优", min: 90 },
          { label: "良", min: 60 },
        ]),
      ),
    ).toEqual([
      "grades.bands[1].min: the lowest grade must start at 0, or some totals would have no grade",
    ]);
  });

  it("reports in Chinese too", () => {
    const result = validateFramework(framework([leaf("a", 4)]));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(issueMessage(result.issues[0] as never, "zh-CN")).toBe(
        "总分 10 不等于一级指标分值之和 4",
      );
  });

  it("throws a ValidationError naming the file from parseFramework", () => {
    expect(() => parseFramework(framework([leaf("a", 4)]), "mine.yaml")).toThrow(
      "Framework mine.yaml: 1 problem(s):\n  mine.yaml points: total points 10 differ from the sum of the level-1 points 4",
    );
  });
});
