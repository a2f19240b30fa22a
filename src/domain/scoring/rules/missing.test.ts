import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { scoreMissing } from "./missing.ts";

const ctx = { points: dec("4.8"), rounding: "half-up-2" as const, locale: "zh-CN" as const };

describe("scoreMissing", () => {
  it("scores 0 without an explanation", () => {
    // Suzhou 2020 form, 填表说明 4: 某项指标无法提供具体数值，且无说明，得 0 分.
    const scored = scoreMissing({}, ctx);
    expect(scored.score.toString()).toBe("0");
    expect(scored.reason).toBe("无法提供具体数值且无说明，得0分");
    expect(scoreMissing({}, { ...ctx, locale: "en-US" }).reason).toBe(
      "No value provided and no explanation recorded, score 0",
    );
  });

  it("takes the evaluator's score when an explanation is recorded", () => {
    const scored = scoreMissing({ explanation: "监测数据尚未形成。", score: dec(2) }, ctx);
    expect(scored.score.toString()).toBe("2");
    expect(scored.reason).toBe("无法提供具体数值，说明：监测数据尚未形成；评价人员据此评分，得2分");
  });

  it("refuses an explanation without a score", () => {
    expect(() => scoreMissing({ explanation: "说明" }, ctx)).toThrow(/needs the score/);
  });
});
