// Declared targets against their actual values.
import { describe, expect, it } from "vitest";
import { checkData, row } from "../../../test/helpers/check-data.ts";
import { Decimal } from "../decimal.ts";
import { checkOptions, parseFigure, runChecks } from "./index.ts";

const messages = (values: Record<string, string | null>, rule: string) =>
  runChecks(
    checkData({ targets: [row("411700", { programme: "3", ...values })] }, { year: 2020 }),
    checkOptions({ asOf: "2020-12-31" }),
  )
    .findings.filter((f) => f.rule === rule)
    .map((f) => f.message.zh);

const target = (
  indicator: string,
  comparison: string,
  t: string,
  unit: string | null,
  actual: string | null,
) => ({
  indicator,
  comparison,
  target: t,
  unit,
  actual,
});

describe("parseFigure", () => {
  it("reads figures with a comparator or a unit, and nothing else", () => {
    expect(parseFigure("=16个", "个")).toEqual(new Decimal(16));
    expect(parseFigure("1,401.82", "万平方米")).toEqual(new Decimal("1401.82"));
    expect(parseFigure("≥95%", "%")).toEqual(new Decimal(95));
    expect(parseFigure("80%以上", "%")).toBeUndefined();
    expect(parseFigure("好", null)).toBeUndefined();
  });
});

describe("targets", () => {
  // Zhumadian 2020: 配建养老服务设施 62395 m² against 63120 m² planned.
  it("target.missed names the shortfall and the completion rate", () => {
    expect(
      messages(target("配建养老服务设施面积", "gte", "63120", "平方米", "62395"), "target.missed"),
    ).toEqual([
      "「配建养老服务设施面积」目标值 ≥63120平方米，实际完成 62395平方米，完成率 98.85%，未完成目标（差 725平方米）",
    ]);
    expect(messages(target("改造户数", "gte", "33224", "户", "33623"), "target.missed")).toEqual(
      [],
    );
    expect(messages(target("成本控制", "lte", "100", "%", "104"), "target.missed")).toEqual([
      "「成本控制」目标值 ≤100%，实际完成 104%，完成率 104.00%，未完成目标（差 4%）",
    ]);
    expect(
      messages(target("群众居住条件是否改善", "yes-no", "是", null, "否"), "target.missed"),
    ).toEqual(["「群众居住条件是否改善」目标为“是”，实际为“否”，未完成目标"]);
  });

  it("target.actual-not-figure: Zhumadian's 满意度 “80%以上”", () => {
    expect(
      messages(
        target("老旧小区居民满意度", "gte", "80", "%", "80%以上"),
        "target.actual-not-figure",
      ),
    ).toEqual([
      "「老旧小区居民满意度」为定量指标（目标值 ≥80%），实际完成值“80%以上”不是具体数值，无法计算完成率",
    ]);
    expect(
      messages(target("老旧小区居民满意度", "gte", "80", "%", "93.25"), "target.actual-not-figure"),
    ).toEqual([]);
  });

  it("target.no-actual", () => {
    expect(messages(target("改造小区数", "gte", "700", "个", null), "target.no-actual")).toEqual([
      "「改造小区数」目标值 700个，没有填报实际完成值",
    ]);
  });

  it("target.not-equal: Suzhou's =13 communities with 16 done", () => {
    expect(messages(target("改造小区数量", "eq", "13", "个", "16"), "target.not-equal")).toEqual([
      "「改造小区数量」目标值 =13个，实际完成 16个，完成率 123.08%，与“=”目标不等",
    ]);
    expect(messages(target("改造小区数量", "eq", "13", "个", "13"), "target.not-equal")).toEqual(
      [],
    );
  });

  it("target.kind-mismatch: a qualitative target under a quantitative comparison, and the reverse", () => {
    expect(
      messages(target("资金使用合规性", "gte", "好", null, "好"), "target.kind-mismatch"),
    ).toEqual(["「资金使用合规性」比较方式为“≥”，目标值“好”却不是数值"]);
    expect(
      messages(target("试点工作", "qualitative", "100", null, "好"), "target.kind-mismatch"),
    ).toEqual(["「试点工作」为定性指标，目标值“100”却是数值"]);
    expect(
      messages(target("试点工作", "qualitative", "好", null, "好"), "target.kind-mismatch"),
    ).toEqual([]);
  });

  it("target.unit-missing: Suzhou's 培训 target “=1” against “=1 个”", () => {
    expect(
      messages(target("组织老旧小区改造工作培训", "eq", "1", null, "1个"), "target.unit-missing"),
    ).toEqual(["「组织老旧小区改造工作培训」目标值“1”没有计量单位，实际完成值却写作“1个”"]);
    expect(
      messages(target("组织老旧小区改造工作培训", "eq", "1", "个", "1个"), "target.unit-missing"),
    ).toEqual([]);
  });
});
