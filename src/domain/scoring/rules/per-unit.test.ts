import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { CountFacts, PerUnitRule } from "../../frameworks/index.ts";
import { scorePerUnit } from "./per-unit.ts";

// Zhumadian 2020 indicator table, 评价报告报送及时、完整性 row: "报送逾期每1天扣1分，最多扣5分".
const late = PerUnitRule.parse({
  type: "per-unit",
  label: { "zh-CN": "报送逾期", "en-US": "days late" },
  unit: { "zh-CN": "天", "en-US": "day(s)" },
  deduction: 1,
  cap: 5,
});
const ctx = { points: dec(5), rounding: "half-up-1" as const, locale: "zh-CN" as const };

describe("scorePerUnit", () => {
  it("deducts one point per day late", () => {
    const scored = scorePerUnit(late, CountFacts.parse({ count: 2 }), ctx);
    expect(scored.score.toString()).toBe("3");
    expect(scored.reason).toBe("报送逾期2天，每天扣1分，扣2分，得3分");
  });

  it("gives full marks when on time (Zhumadian: reported on time, 5)", () => {
    // Zhumadian 2020 indicator table, 评价报告报送 row: published 5.
    expect(scorePerUnit(late, CountFacts.parse({ count: 0 }), ctx).score.toString()).toBe("5");
  });

  it("deducts at most the cap", () => {
    const scored = scorePerUnit(late, CountFacts.parse({ count: 9 }), ctx);
    expect(scored.score.toString()).toBe("0");
    expect(scored.reason).toContain("扣5分（最多扣5分）");
  });

  it("tolerates free units", () => {
    const rule = PerUnitRule.parse({ type: "per-unit", deduction: 1, cap: 5, free: 2, unit: "天" });
    expect(scorePerUnit(rule, CountFacts.parse({ count: 3 }), ctx).score.toString()).toBe("4");
  });

  it("speaks English", () => {
    const scored = scorePerUnit(late, CountFacts.parse({ count: 2 }), { ...ctx, locale: "en-US" });
    expect(scored.reason).toBe(
      "Days late: 2 day(s), 1 point(s) off per day(s), 2 point(s) deducted, score 3",
    );
  });
});
