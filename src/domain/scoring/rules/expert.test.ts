import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { ExpertFacts, ExpertRule } from "../../frameworks/index.ts";
import { scoreExpert } from "./expert.ts";

const rule = ExpertRule.parse({ type: "expert" });
const ctx = { points: dec(2), rounding: "half-up-1" as const, locale: "zh-CN" as const };

describe("scoreExpert", () => {
  it("takes the evaluator's score with their reason", () => {
    // Hangzhou 2020 评分表, 预算执行率 row: 1.1 of 2.
    const facts = ExpertFacts.parse({ score: 1.1, reason: "结算审核、决算审计进度偏慢。" });
    const scored = scoreExpert(rule, facts, ctx);
    expect(scored.score.toString()).toBe("1.1");
    expect(scored.reason).toBe("评价人员评分：结算审核、决算审计进度偏慢，得1.1分");
  });

  it("uses the English reason when there is one", () => {
    const facts = ExpertFacts.parse({
      score: 2,
      reason: { "zh-CN": "依据充分。", "en-US": "Well grounded." },
    });
    expect(scoreExpert(rule, facts, { ...ctx, locale: "en-US" }).reason).toBe(
      "Evaluator's judgement: Well grounded, score 2",
    );
  });

  it("refuses a score above the points and an empty reason", () => {
    expect(() => scoreExpert(rule, { score: dec("2.5"), reason: "x" }, ctx)).toThrow(/outside/);
    expect(() => scoreExpert(rule, { score: dec(1), reason: "。" }, ctx)).toThrow(
      /needs its reason/,
    );
    expect(ExpertFacts.safeParse({ score: 1 }).success).toBe(false);
  });
});
