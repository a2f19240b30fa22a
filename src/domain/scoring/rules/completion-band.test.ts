import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { CompletionBandRule, RatioFacts } from "../../frameworks/index.ts";
import { scoreCompletionBand } from "./completion-band.ts";

// Suzhou 2020 self-evaluation form, 填表说明 4: "产出" 100%–130% full, −5% of the weight per point
// below target, −1% per point above 130%; "结果" 100% and above full, −5% per point below.
const output = CompletionBandRule.parse({
  type: "completion-band",
  lower: 100,
  upper: 130,
  belowPenalty: 5,
  abovePenalty: 1,
  counting: "continuous",
  unit: "个",
});
const result = CompletionBandRule.parse({
  type: "completion-band",
  lower: 100,
  belowPenalty: 5,
  counting: "continuous",
  unit: "个",
});
const ctx = { points: dec("4.8"), rounding: "half-up-2" as const, locale: "zh-CN" as const };
const score = (rule: CompletionBandRule, actual: number, target: number, points = "4.8") =>
  scoreCompletionBand(rule, RatioFacts.parse({ actual, target }), { ...ctx, points: dec(points) });

describe("scoreCompletionBand", () => {
  it("gives full weight for 16 of 13 communities (123.08%)", () => {
    // Suzhou 2020 form, 改造小区数量 row: target =13个, actual =16个, weight 4.8, score 4.8.
    const scored = score(output, 16, 13);
    expect(scored.score.toString()).toBe("4.8");
    expect(scored.reason).toBe("实际完成16个，目标值13个，完成123.08%，在100%～130%之间，得4.8分");
  });

  it("deducts 5% of the weight per point below target", () => {
    // 90% of target: 10 points × 5% × 4.8 = 2.4 off.
    expect(score(output, 9, 10).score.toString()).toBe("2.4");
    expect(score(output, 9, 10).reason).toContain(
      "比100%低10个百分点，每个百分点扣分值的5%，扣2.4分",
    );
  });

  it("deducts 1% of the weight per point above 130%", () => {
    // 150%: 20 points over × 1% × 4.8 = 0.96 off → 3.84.
    expect(score(output, 15, 10).score.toString()).toBe("3.84");
    expect(score(output, 15, 10).reason).toContain("比130%高20个百分点");
  });

  it("has no upper end for a 结果 indicator", () => {
    // Suzhou 2020 form, 实施改造小区前期工作 row: ≥5个, actual 16 (320%), weight 13, score 13.
    expect(score(result, 16, 5, "13").score.toString()).toBe("13");
    expect(score(result, 16, 5, "13").reason).toContain("达到100%");
  });

  it("never goes below 0", () => {
    const scored = score(output, 1, 10);
    expect(scored.score.toString()).toBe("0");
    expect(scored.reason).toContain("最低为0分");
  });

  it("rounds the score by the named policy and says so", () => {
    // 96.67% of target: 3.33… points short × 5% × 4.8 = 0.8 off → 4.0.
    const scored = score(output, 29, 30);
    expect(scored.score.toString()).toBe("4");
    expect(scored.trace.at(-1)?.op).toBe("score = half-up-2(score)");
  });
});
