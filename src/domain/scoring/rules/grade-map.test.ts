import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { GradeFacts, GradeMapRule } from "../../frameworks/index.ts";
import { scoreGradeMap } from "./grade-map.ts";

const ctx = { points: dec(3), rounding: "half-up-2" as const, locale: "zh-CN" as const };

describe("scoreGradeMap", () => {
  // Suzhou 2020 form, 填表说明 4: 好、较好、一般、较差、差 → 100%、80%、60%、40%、20% of the weight.
  const suzhou = GradeMapRule.parse({ type: "grade-map" });
  it.each([
    ["好", "3"],
    ["较好", "2.4"],
    ["一般", "1.8"],
    ["较差", "1.2"],
    ["差", "0.6"],
  ])("%s gives %s of 3", (grade, expected) => {
    expect(scoreGradeMap(suzhou, GradeFacts.parse({ grade }), ctx).score.toString()).toBe(expected);
  });

  it("says the grade and its share", () => {
    // Suzhou 2020 form, 资金使用合规性 row: 好, weight 3, score 3.
    expect(scoreGradeMap(suzhou, { grade: "好" }, ctx).reason).toBe(
      "评定等级为“好”，得分值的100%，得3分",
    );
    expect(scoreGradeMap(suzhou, { grade: "较好" }, { ...ctx, locale: "en-US" }).reason).toBe(
      'Graded "较好" (fairly good), 80% of the points, score 2.4',
    );
  });

  it("takes configured labels and ratios", () => {
    const rule = GradeMapRule.parse({
      type: "grade-map",
      grades: [
        { label: "达成", ratio: 1 },
        { label: "部分达成", ratio: 0.7 },
        { label: "未达成", ratio: 0 },
      ],
    });
    expect(scoreGradeMap(rule, { grade: "部分达成" }, ctx).score.toString()).toBe("2.1");
  });

  it("refuses a grade the rule does not know", () => {
    expect(() => scoreGradeMap(suzhou, { grade: "优秀" }, ctx)).toThrow(/"优秀" is not one of/);
  });
});
