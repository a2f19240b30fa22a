/** Hangzhou 2020 third-party evaluation: the 评分表's 22 level-3 scores, 满意度 and the total 90.7. */
import { describe, expect, it } from "vitest";
import { scoreBuiltin, scoresByCode } from "./builtin-helpers.ts";

const card = scoreBuiltin("hangzhou-2020");

describe("hangzhou-2020", () => {
  it("has the 评分表's 22 level-3 indicators, each scored as published", () => {
    // Hangzhou 2020 report, 附件 2020年度杭州市老旧小区改造绩效评价评分表, 评分 column.
    expect(scoresByCode(card, "indicator")).toEqual({
      "A.1.1": "3", // 立项依据充分性
      "A.1.2": "2.9", // 立项程序规范性
      "A.2.1": "2", // 绩效目标合理性
      "A.2.2": "1", // 绩效指标明确性
      "A.3.1": "2.5", // 预算编制科学性
      "A.3.2": "2", // 资金分配合理性
      "B.1.1": "1.9", // 资金到位率
      "B.1.2": "1.1", // 预算执行率
      "B.1.3": "5.8", // 资金使用合规性
      "B.2.1": "2", // 管理制度健全性
      "B.2.2": "14.6", // 业务管理有效性
      "C.1.1": "1.9", // 计划完成率
      "C.2.1": "3", // 验收合格率
      "C.3.1": "1.9", // 完成及时性
      "C.4.1": "3", // 设计方案与实际完成情况
      "D.1.1": "6.9", // 小区环境整洁、品质提升
      "D.1.2": "5", // 宣传报道
      "D.1.3": "2.9", // 负面影响
      "D.2.1": "7", // 制订行动实施方案及两年以上行动计划
      "D.2.2": "6", // 建立多部门联合工作机制
      "D.2.3": "7.7", // 引进物业管理
      "D.3.1": "6.6", // 受益居民群众满意度
    });
    expect(card.indicators.filter((i) => i.level === 3)).toHaveLength(22);
  });

  it("scores 满意度 as 8 × 82.75% = 6.62, published at one decimal as 6.6", () => {
    // Hangzhou 2020 report: 有效问卷 458 份，综合满意度为 82.75%; 评分表 满意度 row: 8 points, 6.6.
    const row = card.indicators.find((i) => i.code === "D.3.1");
    expect(row?.ruleType).toBe("proportional");
    expect(row?.reason).toBe(
      "有效问卷综合满意度82.75%，8分×82.75%=6.62分，四舍五入保留一位小数，得6.6分",
    );
  });

  it("keeps 决策 15 / 过程 30 / 产出 10 / 效果 45 and totals 90.7, 优", () => {
    // Hangzhou 2020 评分表: level-1 points 15/30/10/45, 合计 100 / 90.7; 评价结论 整体为"优".
    expect(
      card.groups.filter((g) => g.level === 1).map((g) => [g.code, g.points.toString()]),
    ).toEqual([
      ["A", "15"],
      ["B", "30"],
      ["C", "10"],
      ["D", "45"],
    ]);
    // The table prints no group scores; these are the sums of its rows.
    expect(card.groups.filter((g) => g.level === 1).map((g) => g.score.toString())).toEqual([
      "13.4",
      "25.4",
      "9.8",
      "42.1",
    ]);
    expect(card.total.toString()).toBe("90.7");
    expect(card.grade.label).toBe("优");
  });

  it("gives every expert score the reason written for it", () => {
    for (const row of card.indicators.filter((i) => i.ruleType === "expert")) {
      expect(row.reason, row.code).toMatch(/^评价人员评分：.+，得[\d.]+分$/);
    }
  });
});
