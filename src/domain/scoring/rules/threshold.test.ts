import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { ThresholdRule, ValueFacts } from "../../frameworks/index.ts";
import { scoreThreshold } from "./threshold.ts";

// Zhumadian 2020 indicator table, 资金筹集 row: 社会筹资 ≥ 20% full 5, "每低四个百分点扣1分，最多扣5分".
const spec = {
  type: "threshold",
  label: "社会筹资占比",
  unit: "%",
  threshold: 20,
  step: 4,
  deduction: 1,
  cap: 5,
  counting: "continuous",
};
const ctx = { points: dec(5), rounding: "half-up-1" as const, locale: "zh-CN" as const };
const score = (value: number | string, overrides: Record<string, unknown> = {}) =>
  scoreThreshold(ThresholdRule.parse({ ...spec, ...overrides }), ValueFacts.parse({ value }), ctx);

describe("scoreThreshold", () => {
  it("reads 16.4% continuously as 4.1 of 5 (0.25 point per point short)", () => {
    // Zhumadian 2020 indicator table, 资金筹集 row: published 9.1 = 5 + 4.1.
    const scored = score(16.4);
    expect(scored.score.toString()).toBe("4.1");
    expect(scored.reason).toBe(
      "社会筹资占比16.4%，低于20%的标准3.6个百分点，每低4个百分点扣1分，按比例连续计算，扣0.9分，得4.1分",
    );
  });

  it("deducts continuously by gap × deduction ÷ step: the reason shows the exact 7.4821", () => {
    // Found by the fast rules' property run: 14.9641 over at 0.38 per 0.76 is 7.48205 exactly, but
    // 14.9641 ÷ 0.76 has no end, and the steps taken first to 40 digits made it 7.48204999… (扣7.482).
    const over = ThresholdRule.parse({
      type: "threshold",
      threshold: "52.385",
      direction: "at-most",
      step: "0.76",
      deduction: "0.38",
      cap: "7.49",
      counting: "continuous",
    });
    const half = { points: dec("0.5"), rounding: "continuous" as const, locale: "zh-CN" as const };
    const scored = scoreThreshold(over, ValueFacts.parse({ value: "67.3491" }), half);
    expect(scored.reason).toBe(
      "实际值67.3491，高于52.385的上限14.9641，每高0.76扣0.38分，按比例连续计算，扣7.4821分，最低为0分，得0分",
    );
    expect(scored.trace.find((t) => t.op.startsWith("deduction"))?.value).toBe("7.48205");
  });

  it("counts whole steps of four points when stepped", () => {
    expect(score(16.4, { counting: "floor-integer" }).score.toString()).toBe("5");
    expect(score(11.9, { counting: "floor-integer" }).score.toString()).toBe("3");
    expect(score(11.9, { counting: "floor-integer" }).reason).toContain("向下取整计2档");
  });

  it("gives full marks at the threshold and caps the deduction", () => {
    expect(score(20).score.toString()).toBe("5");
    expect(score(0).score.toString()).toBe("0");
    expect(score(0).reason).toContain("扣5分，得0分");
    expect(score(0, { deduction: 2 }).reason).toContain("扣5分（最多扣5分）");
  });

  it("scores a lower-is-better threshold", () => {
    const scored = score(7, { direction: "at-most", threshold: 5, step: 1, deduction: 1 });
    expect(scored.score.toString()).toBe("3");
    expect(scored.reason).toContain("高于5%的上限2个百分点");
  });
});
