import { describe, expect, it } from "vitest";
import { dec } from "../decimal.ts";
import { type RegionScore, rollUp } from "./roll-up.ts";

const city = (own?: string): RegionScore => ({
  code: "411700",
  name: "驻马店市",
  ...(own ? { own: dec(own) } : {}),
  children: [
    { code: "411702", name: "驿城区", own: dec("90.5"), funds: dec(3000), households: dec(5000) },
    { code: "411721", name: "西平县", own: dec("88"), funds: dec(1000), households: dec(3000) },
    { code: "411722", name: "上蔡县", own: dec("95.2"), funds: dec(2000), households: dec(2000) },
  ],
});

describe("rollUp", () => {
  it("takes the simple mean of the children, rounded by the policy", () => {
    const result = rollUp(city(), "mean", "half-up-2");
    // (90.5 + 88 + 95.2) ÷ 3 = 91.2333…
    expect(result.score.toString()).toBe("91.23");
    expect(result.reason).toBe("3个下级区域得分的简单平均：(90.5 + 88 + 95.2) ÷ 3 = 91.2333");
  });

  it("weights by funds or by households", () => {
    // (90.5×3000 + 88×1000 + 95.2×2000) ÷ 6000 = 549900 ÷ 6000 = 91.65
    expect(rollUp(city(), "funds-weighted", "half-up-2").score.toString()).toBe("91.65");
    // (90.5×5000 + 88×3000 + 95.2×2000) ÷ 10000 = 906900 ÷ 10000 = 90.69
    expect(rollUp(city(), "households-weighted", "half-up-2").score.toString()).toBe("90.69");
  });

  it("uses a parent's own evaluation when chosen", () => {
    const result = rollUp(city("98.1"), "own", "half-up-1");
    expect(result.score.toString()).toBe("98.1");
    expect(result.children).toHaveLength(3);
  });

  it("rolls up over several levels from the rounded children", () => {
    const province: RegionScore = {
      code: "410000",
      name: "河南省",
      children: [city(), { code: "410100", name: "郑州市", own: dec("90") }],
    };
    // 驻马店 91.23 (rounded), 郑州 90 → 90.615 → 90.62.
    expect(rollUp(province, "mean", "half-up-2").score.toString()).toBe("90.62");
  });

  it("names every region that cannot be scored instead of skipping it", () => {
    const broken: RegionScore = {
      code: "411700",
      name: "驻马店市",
      children: [
        { code: "411702", name: "驿城区" },
        { code: "411721", name: "西平县", own: dec(88) },
        { code: "411722", name: "上蔡县" },
      ],
    };
    expect(() => rollUp(broken, "mean", "half-up-2")).toThrow(
      /children\[0\]\.own: region 411702 \(驿城区\) has no evaluation score[\s\S]*children\[2\]\.own/,
    );
    const noWeights: RegionScore = {
      code: "411700",
      name: "驻马店市",
      children: [{ code: "411702", name: "驿城区", own: dec(90) }],
    };
    expect(() => rollUp(noWeights, "funds-weighted", "half-up-2")).toThrow(/lacks the funds/);
  });
});
