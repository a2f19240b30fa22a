import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { RatioFacts, ShortfallRule } from "../../frameworks/index.ts";
import { scoreShortfall } from "./shortfall.ts";

const ctx = (points: number, locale: "zh-CN" | "en-US" = "zh-CN") => ({
  points: dec(points),
  rounding: "half-up-1" as const,
  locale,
});

// Zhumadian 2020 indicator table, 配建养老服务设施面积完成率 row: 10 points, "每低一个百分点扣1分，最多扣10分".
const elderlySpec = {
  type: "shortfall",
  labels: {
    actual: { "zh-CN": "实际开工", "en-US": "started" },
    target: { "zh-CN": "年度计划", "en-US": "annual plan" },
  },
  unit: { "zh-CN": "平方米", "en-US": "m²" },
  step: 1,
  deduction: 1,
  cap: 10,
  counting: "floor-integer",
};
const elderly = ShortfallRule.parse(elderlySpec);

describe("scoreShortfall", () => {
  it("reads 62395 of 63120 m² (1.15 points short) as 低一个百分点: 9 of 10, floor", () => {
    // Zhumadian 2020 indicator table, 配建养老 row: published 9, reason 低一个百分点.
    const result = scoreShortfall(
      elderly,
      RatioFacts.parse({ actual: 62395, target: 63120 }),
      ctx(10),
    );
    expect(result.score.toString()).toBe("9");
    expect(result.reason).toBe(
      "实际开工62395平方米，年度计划63120平方米，完成98.85%，低于计划1个百分点，扣1分，得9分",
    );
    expect(result.trace.map((s) => s.op)).toEqual([
      "ratio = actual ÷ target × 100",
      "gap = 100 − ratio",
      "steps = floor-integer(gap ÷ step)",
      "deduction = min(cap, steps × deduction)",
      "score = points − deduction",
    ]);
    expect(result.trace[1]?.value).toBe("1.1486058302");
  });

  it("gives other readings of the same shortfall under other counting policies", () => {
    const facts = RatioFacts.parse({ actual: 62395, target: 63120 });
    const under = (counting: string) =>
      scoreShortfall(ShortfallRule.parse({ ...elderlySpec, counting }), facts, {
        ...ctx(10),
        rounding: "half-up-2",
      }).score.toString();
    expect(under("floor-integer")).toBe("9");
    expect(under("ceil-integer")).toBe("8");
    expect(under("half-up-integer")).toBe("9");
    expect(under("continuous")).toBe("8.85");
  });

  it("gives full marks at or above plan", () => {
    // Zhumadian 2020 indicator table, 改造户数计划完成率 row: 33623 of 33224, 开工率101.2%, 15.
    const households = ShortfallRule.parse({
      ...elderlySpec,
      cap: 15,
      unit: "户",
      labels: undefined,
    });
    const result = scoreShortfall(
      households,
      RatioFacts.parse({ actual: 33623, target: 33224 }),
      ctx(15),
    );
    expect(result.score.toString()).toBe("15");
    expect(result.reason).toBe("实际完成33623户，目标值33224户，完成101.2%，达到计划，得15分");
  });

  it("caps the deduction", () => {
    const result = scoreShortfall(elderly, RatioFacts.parse({ actual: 50, target: 100 }), ctx(10));
    expect(result.score.toString()).toBe("0");
    expect(result.reason).toContain("扣10分（最多扣10分）");
  });

  it("counts whole steps wider than one point", () => {
    const rule = ShortfallRule.parse({ ...elderlySpec, step: 4, cap: 5 });
    const result = scoreShortfall(rule, RatioFacts.parse({ actual: 90.7, target: 100 }), ctx(10));
    // 9.3 points short, floor(9.3 ÷ 4) = 2 steps.
    expect(result.score.toString()).toBe("8");
    expect(result.reason).toContain(
      "低于计划9.3个百分点，每低4个百分点扣1分，向下取整计2档，扣2分",
    );
  });

  it("says when a shortfall below one whole point deducts nothing", () => {
    const result = scoreShortfall(
      elderly,
      RatioFacts.parse({ actual: 99.5, target: 100 }),
      ctx(10),
    );
    expect(result.score.toString()).toBe("10");
    expect(result.reason).toContain("低于计划0.5个百分点，向下取整计0档，不扣分");
  });

  it("speaks English on request", () => {
    const result = scoreShortfall(
      elderly,
      RatioFacts.parse({ actual: 62395, target: 63120 }),
      ctx(10, "en-US"),
    );
    expect(result.reason).toBe(
      "Started 62395 m², annual plan 63120 m², 98.85% achieved, 1 percentage point(s) below target, 1 point(s) deducted, score 9",
    );
  });

  it("refuses a target of zero instead of dividing by it", () => {
    expect(() => scoreShortfall(elderly, { actual: dec(1), target: dec(0) }, ctx(10))).toThrow(
      /target 0 must be above 0/,
    );
  });
});
