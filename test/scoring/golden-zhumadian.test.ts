/** Zhumadian 2020 self-evaluation: every published figure reproduced from the example input. */
import { describe, expect, it } from "vitest";
import { scorecardToJson } from "../../src/domain/scoring/index.ts";
import { scoreBuiltin, scoresByCode } from "./builtin-helpers.ts";

const card = scoreBuiltin("zhumadian-2020");

describe("zhumadian-2020", () => {
  it("scores every row as the indicator table publishes it", () => {
    // Zhumadian 2020 indicator table (中央和省级城镇保障性安居工程财政资金…绩效评价指标表), 市县评价得分 column.
    expect(scoresByCode(card, "indicator")).toEqual({
      "A.1": "9.1", // 资金筹集
      "A.2": "5", // 资金分配
      "A.3": "10", // 资金使用管理
      "B.1": "5", // 政策公开
      "B.2": "5", // 评价报告报送及时、完整性
      "C.1": "15", // 改造户数计划完成率
      "C.2": "15", // 改造面积计划完成率
      "C.3": "5", // 改造楼栋计划完成率
      "C.4": "5", // 改造小区计划完成率
      "C.5": "9", // 配建养老服务设施面积完成率
      "C.6": "10", // 工程质量
      "D.1": "5", // 老旧小区居民满意度
    });
  });

  it("adds up to 24.1 + 10 + 59 + 5 = 98.1, 优", () => {
    // Zhumadian 2020 report, 二、自评总体情况 and sections 1–4: 资金管理 24.1, 项目管理 10, 产出效益 59,
    // 服务对象满意度 5, total 98.1, 评价结果为"优秀".
    expect(scoresByCode(card, "group")).toEqual({ A: "24.1", B: "10", C: "59", D: "5" });
    expect(card.total.toString()).toBe("98.1");
    expect(card.grade.label).toBe("优");
    const sumOfGroups = card.groups.reduce(
      (sum, g) => sum.plus(g.score),
      card.total.minus(card.total),
    );
    expect(sumOfGroups.eq(card.total)).toBe(true);
  });

  it("explains 配建养老 in the report's own figures", () => {
    // Zhumadian 2020 indicator table, 配建养老 row: 62395 of 63120 m², "低一个百分点", 9.
    const row = card.indicators.find((i) => i.code === "C.5");
    expect(row?.reason).toBe(
      "实际开工62395平方米，年度计划63120平方米，完成98.85%，低于计划1个百分点，扣1分，得9分",
    );
    const english = scoreBuiltin("zhumadian-2020", "en-US").indicators.find(
      (i) => i.code === "C.5",
    );
    expect(english?.reason).toBe(
      "Started 62395 m², annual plan 63120 m², 98.85% achieved, 1 percentage point(s) below target, 1 point(s) deducted, score 9",
    );
  });

  it("traces each arithmetic step of 配建养老", () => {
    const row = scorecardToJson(card).indicators.find((i) => i.code === "C.5");
    expect(row?.trace).toEqual([
      { op: "ratio = actual ÷ target × 100", expr: "62395 ÷ 63120 × 100", value: "98.8513941698" },
      { op: "gap = 100 − ratio", expr: "100 − 98.8513941698", value: "1.1486058302" },
      {
        op: "steps = floor-integer(gap ÷ step)",
        expr: "floor-integer(1.1486058302 ÷ 1)",
        value: "1",
      },
      { op: "deduction = min(cap, steps × deduction)", expr: "min(10, 1 × 1)", value: "1" },
      { op: "score = points − deduction", expr: "10 − 1", value: "9" },
    ]);
  });

  it("reads 资金筹集 as 5 + 4.1 from the inferred 16.4% social-funding share", () => {
    // Zhumadian 2020 indicator table, 资金筹集 row: 9.1; the report gives no ratio, 16.4% is inferred.
    const row = card.indicators.find((i) => i.code === "A.1");
    expect(row?.reason).toContain("得5分；");
    expect(row?.reason).toContain(
      "16.4%，低于20%的标准3.6个百分点，每低4个百分点扣1分，按比例连续计算，扣0.9分，得4.1分；合计得9.1分",
    );
    expect(row?.note).toMatchObject({ "zh-CN": expect.stringContaining("反推") });
  });

  it("reports the 开工率 the report prints", () => {
    // Zhumadian 2020 indicator table: 开工率101.2% (户数), 105% (小区).
    const reason = (code: string) => card.indicators.find((i) => i.code === code)?.reason;
    expect(reason("C.1")).toContain("完成101.2%");
    expect(reason("C.4")).toContain("完成105%");
  });
});
