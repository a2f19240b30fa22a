import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { LowerIsBetterRule, RatioFacts } from "../../frameworks/index.ts";
import { scoreLowerIsBetter } from "./lower-is-better.ts";

const rule = LowerIsBetterRule.parse({
  type: "lower-is-better",
  labels: { actual: "实际成本", target: "预算成本" },
  unit: "万元",
  step: 1,
  deduction: 1,
  cap: 6,
  counting: "continuous",
});
const ctx = { points: dec(6), rounding: "half-up-2" as const, locale: "zh-CN" as const };
const score = (actual: number, target: number) =>
  scoreLowerIsBetter(rule, RatioFacts.parse({ actual, target }), ctx);

describe("scoreLowerIsBetter", () => {
  it("gives full marks at or under budget", () => {
    expect(score(4800, 5000).score.toString()).toBe("6");
    expect(score(5000, 5000).reason).toContain("未超出目标");
  });

  it("deducts per point over budget, capped", () => {
    expect(score(5150, 5000).score.toString()).toBe("3");
    expect(score(5150, 5000).reason).toBe(
      "实际成本5150万元，预算成本5000万元，为预算成本的103%，超出3个百分点，扣3分，得3分",
    );
    expect(score(6000, 5000).score.toString()).toBe("0");
  });
});
