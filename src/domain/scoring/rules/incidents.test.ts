import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { IncidentFacts, IncidentsRule } from "../../frameworks/index.ts";
import { scoreIncidents } from "./incidents.ts";

// Zhumadian 2020 indicator table, 资金使用管理 row: "每发现1项扣0.5分，最多扣5分。对性质恶劣、
// 有重大不良影响的违规违纪项目一次性扣除5分。"
const rule = IncidentsRule.parse({
  type: "incidents",
  label: "违规违纪行为",
  deduction: 0.5,
  cap: 5,
  grave: { deduction: 5 },
});
const ctx = { points: dec(5), rounding: "half-up-1" as const, locale: "zh-CN" as const };
const score = (count: number, grave?: boolean) =>
  scoreIncidents(rule, IncidentFacts.parse({ count, grave }), ctx);

describe("scoreIncidents", () => {
  it("deducts 0.5 per incident", () => {
    expect(score(3).score.toString()).toBe("3.5");
    expect(score(3).reason).toBe("发现违规违纪行为3项，每项扣0.5分，扣1.5分，得3.5分");
  });

  it("caps the deduction at 5", () => {
    expect(score(12).score.toString()).toBe("0");
    expect(score(12).reason).toContain("最多扣5分");
  });

  it("takes all 5 at once for a grave case, whatever the count", () => {
    const scored = score(1, true);
    expect(scored.score.toString()).toBe("0");
    expect(scored.reason).toBe("存在性质恶劣、有重大不良影响的违规违纪行为，一次性扣5分，得0分");
  });

  it("gives full marks when none is found (Zhumadian: 不存在…违规违纪行为)", () => {
    expect(score(0).score.toString()).toBe("5");
    expect(score(0).reason).toBe("未发现违规违纪行为，得5分");
  });
});
