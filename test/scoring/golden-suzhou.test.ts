/** Suzhou 2020 self-evaluation form: the 80 points of 项目绩效实现情况, row by row. */
import { describe, expect, it } from "vitest";
import { scoreBuiltin, scoresByCode } from "./builtin-helpers.ts";

const card = scoreBuiltin("suzhou-2020");

describe("suzhou-2020", () => {
  it("scores every row as the form publishes it", () => {
    // Suzhou 2020 自评表, 自评分 column.
    expect(scoresByCode(card, "indicator")).toEqual({
      "A.1": "3", // 资金使用合规性: 合规 → 好
      "A.2": "3", // 财务制度健全性: 健全 → 好
      "A.3": "3", // 各级财政应承担资金到位率 =100%
      "A.4": "8", // 预算执行率 =100%
      "A.5": "3", // 专款专用率 =100%
      "A.6": "4", // 项目日常进度管理规范性: 规范 → 好
      "B.1": "4.8", // 改造小区数量: 16 of 13
      "B.2": "4.8", // 召开相关老旧小区改造工作会议: 5 of 5
      "B.3": "4.8", // 组织老旧小区课题研究: 1 of 1
      "B.4": "4.8", // 对老旧小区改造进行相关宣传工作: 5 of 5
      "B.5": "4.8", // 组织老旧小区改造工作培训: 1 of 1
      "C.1": "13", // 实施改造小区前期工作: 16 of ≥5
      "C.2": "13", // 改造小区群众满意度: 98% of ≥95%
      "D.1": "3", // 圆满完成全国城镇老旧小区改造试点工作: 好
      "D.2": "3", // 及时报送进度，加强宣传报道: 7 of ≥3 期
    });
  });

  it("adds up to 投入 24 + 产出 24 + 结果 26 + 影响力 6 = 80", () => {
    // Suzhou 2020 自评表: 投入目标（24 分）, 产出目标（24 分）, 结果目标（26 分）, 影响力目标（6 分）, 合计 80.
    expect(scoresByCode(card, "group")).toEqual({ A: "24", B: "24", C: "26", D: "6" });
    expect(card.total.toString()).toBe("80");
    expect(card.points.toString()).toBe("80");
  });

  it("gives 16 of 13 communities (123%) the full 4.8, inside the 100%–130% band", () => {
    // Suzhou 2020 自评表, 改造小区数量 row, and 填表说明 4 (100%～130% 得权重值满分).
    const row = card.indicators.find((i) => i.code === "B.1");
    expect(row?.reason).toBe("实际完成值16个，目标值13个，完成123.08%，在100%～130%之间，得4.8分");
  });

  it("grades the form on its score rate, 80 of 80 → 优", () => {
    expect(card.rate.toString()).toBe("1");
    expect(card.grade.label).toBe("优");
  });
});
