import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { ProportionalFacts, ProportionalRule } from "../../frameworks/index.ts";
import { scoreProportional } from "./proportional.ts";

const rule = ProportionalRule.parse({ type: "proportional", label: "综合满意度" });
const ctx = { points: dec(8), rounding: "half-up-1" as const, locale: "zh-CN" as const };

describe("scoreProportional", () => {
  it("gives 8 × 82.75% = 6.62, published as 6.6 at one decimal", () => {
    // Hangzhou 2020 评分表, 受益居民群众满意度 row: 8 points, 综合满意度 82.75%, score 6.6.
    const scored = scoreProportional(rule, ProportionalFacts.parse({ rate: 82.75 }), ctx);
    expect(scored.score.toString()).toBe("6.6");
    expect(scored.reason).toBe(
      "综合满意度82.75%，8分×82.75%=6.62分，四舍五入保留一位小数，得6.6分",
    );
    expect(scored.trace.map((s) => [s.expr, s.value])).toEqual([
      ["8 × 82.75 ÷ 100", "6.62"],
      ["half-up-1(6.62)", "6.6"],
    ]);
  });

  it("keeps 6.62 under a two-decimal policy and truncates under truncate-1", () => {
    const facts = ProportionalFacts.parse({ rate: 82.75 });
    expect(scoreProportional(rule, facts, { ...ctx, rounding: "half-up-2" }).score.toString()).toBe(
      "6.62",
    );
    expect(
      scoreProportional(rule, facts, { ...ctx, rounding: "truncate-1" }).score.toString(),
    ).toBe("6.6");
  });

  it("scores actual ÷ target, counting more than 100% as 100%", () => {
    const facts = (actual: number, target: number) => ProportionalFacts.parse({ actual, target });
    expect(scoreProportional(rule, facts(4800, 5000), ctx).score.toString()).toBe("7.7");
    const over = scoreProportional(rule, facts(120, 100), ctx);
    expect(over.score.toString()).toBe("8");
    expect(over.reason).toContain("完成率超过100%，按100%计");
  });

  it("refuses a rate above 100%", () => {
    expect(() => scoreProportional(rule, { rate: dec(101) }, ctx)).toThrow(/above 100%/);
  });

  it("needs a rate or a ratio, not both", () => {
    expect(ProportionalFacts.safeParse({ rate: 50, actual: 1, target: 2 }).success).toBe(false);
    expect(ProportionalFacts.safeParse({ actual: 1 }).success).toBe(false);
    expect(ProportionalFacts.safeParse({}).success).toBe(false);
  });
});
