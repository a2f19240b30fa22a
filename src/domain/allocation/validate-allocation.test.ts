import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../errors.ts";
import { allocate } from "./allocate.ts";
import {
  AllocationError,
  type AllocationIssue,
  formatAllocationIssue,
} from "./allocation-issues.ts";
import type { AllocationData, AllocationModel } from "./model-schema.ts";
import { testData, testModel } from "./test-models.ts";
import { splitAllocationFile, validateAllocation } from "./validate-allocation.ts";

const good = testData({ A: { x: "1" }, B: { x: "2" }, C: { x: "3" } });

function issuesOf(model: unknown, data: unknown = good): AllocationIssue[] {
  const result = validateAllocation(model, data);
  return result.ok ? [] : result.issues;
}

/** Each issue as "code path: English message". */
function problems(model: unknown, data: unknown = good): string[] {
  return issuesOf(model, data).map((i) => `${i.code} ${formatAllocationIssue(i, "en-US")}`);
}

const twoFactors = (changes: Partial<AllocationModel> = {}) =>
  testModel({
    factors: [
      { key: "area", name: "改造建筑面积", weight: "60", source: { kind: "entered" } },
      { key: "households", name: "改造户数", weight: "40", source: { kind: "entered" } },
    ],
    ...changes,
  });

const tiered = (changes: Partial<AllocationModel> = {}) =>
  testModel({
    coefficients: [
      {
        key: "fiscal",
        name: "财力补助系数",
        tiers: [
          { label: "一档", value: "8" },
          { label: "二档", value: "9" },
        ],
        rule: { kind: "entered" },
      },
    ],
    ...changes,
  });

describe("validateAllocation", () => {
  it("accepts a valid model and prepares it in 元", () => {
    const result = validateAllocation(testModel({ unit: "万元", total: "0.1" }), good);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.distributable.toString()).toBe("1000");
  });

  it("refuses weights that do not add up to 100", () => {
    const model = twoFactors({
      factors: [
        { key: "area", name: "改造建筑面积", weight: "40", source: { kind: "entered" } },
        { key: "households", name: "改造户数", weight: "40.5", source: { kind: "entered" } },
      ],
    });
    const data = testData({
      A: { area: 1, households: 1 },
      B: { area: 1, households: 1 },
      C: { area: 1, households: 1 },
    });
    expect(problems(model, data)).toEqual([
      "allocation.weights_sum factors: the factor weights add up to 80.5%, not 100%",
    ]);
  });

  it("names the region and the factor of a missing, negative or non-numeric value, all at once", () => {
    const data = testData({
      A: { area: "12.5" },
      B: { area: "-3", households: "120" },
      C: { area: "七十", households: null },
    });
    expect(problems(twoFactors(), data)).toEqual([
      "allocation.missing_value data.regions.A.factors.households: region A (甲地) has no value for the factor households (改造户数)",
      "allocation.negative_value data.regions.B.factors.area: region B (乙地): the value -3 of the factor area (改造建筑面积) is negative",
      'allocation.value_not_a_number data.regions.C.factors.area: region C (丙地): the value "七十" of the factor area (改造建筑面积) is not a number',
      "allocation.missing_value data.regions.C.factors.households: region C (丙地) has no value for the factor households (改造户数)",
    ]);
    const [first] = issuesOf(twoFactors(), data);
    expect(first && formatAllocationIssue(first, "zh-CN")).toBe(
      "data.regions.A.factors.households: 地区 A（甲地）缺少因素「改造户数」（households）的值",
    );
  });

  it("refuses an empty region list", () => {
    expect(problems(testModel({ regions: [] }), { regions: {} })).toEqual([
      "allocation.no_regions regions: the region list is empty: there is no one to allocate to",
    ]);
  });

  it("refuses an unknown or missing tier label, listing the tiers", () => {
    const data = testData(
      { A: { x: 1 }, B: { x: 1 }, C: { x: 1 } },
      { A: { tiers: { fiscal: "一档" } }, B: { tiers: { fiscal: "三档" } } },
    );
    expect(problems(tiered(), data)).toEqual([
      'allocation.unknown_tier data.regions.B.tiers.fiscal: region B (乙地): fiscal (财力补助系数) has no tier "三档"; choose one of 一档, 二档',
      "allocation.missing_tier data.regions.C.tiers.fiscal: region C (丙地) gives no tier of fiscal (财力补助系数); choose one of 一档, 二档",
    ]);
  });

  it("refuses a factor whose Σ(value × composite) is 0: its share would divide by zero", () => {
    const data = testData({
      A: { area: 0, households: 5 },
      B: { area: "0.00", households: 7 },
      C: { area: 0, households: 0 },
    });
    expect(problems(twoFactors(), data)).toEqual([
      "allocation.factor_sum_zero factors[0]: the factor area (改造建筑面积) times the composite coefficient adds up to 0 over all regions: its share cannot be divided (division by zero)",
    ]);
  });

  it("refuses floors that exceed the distributable amount", () => {
    const model = testModel({ floor: "300", floors: { A: "500" } });
    expect(problems(model)).toEqual([
      "allocation.floors_exceed floors: the floors add up to 1100 yuan, more than the 1000 yuan to distribute",
    ]);
  });

  it("refuses a distributable amount that is not a multiple of the rounding unit", () => {
    const model = testModel({ total: "1050", rounding: "百元" });
    expect(problems(model)).toEqual([
      "allocation.not_multiple total: the distributable amount 1050 yuan is not a multiple of the rounding unit 百元 (100 yuan): rounded amounts could not add up to it",
    ]);
    expect(problems(testModel({ unit: "万元", total: "1.23456" }))).toEqual([
      "allocation.not_multiple total: the distributable amount 12345.6 yuan is not a multiple of the rounding unit 元 (1 yuan): rounded amounts could not add up to it",
    ]);
  });

  it("refuses duplicate region codes and factor keys", () => {
    const model = testModel({
      factors: [
        { key: "x", name: "因素甲", weight: "50", source: { kind: "entered" } },
        { key: "x", name: "因素乙", weight: "50", source: { kind: "entered" } },
      ],
      regions: [
        { code: "A", name: "甲地" },
        { code: "A", name: "甲地二" },
      ],
    });
    expect(problems(model, testData({ A: { x: 1 } }))).toEqual([
      "allocation.duplicate_factor factors[1].key: the factor key x is used twice",
      "allocation.duplicate_region regions[1].code: the region code A is used twice (甲地二)",
    ]);
  });

  it("refuses a held-back amount above the total, and non-numeric money", () => {
    expect(problems(testModel({ heldBack: [{ name: "省本级", amount: "1200" }] }))).toEqual([
      "allocation.held_back_exceeds heldBack: the amounts held back, 1200 in all, exceed the total 1000",
    ]);
    expect(problems(testModel({ total: "1,000" }))).toEqual([
      'allocation.not_a_number total: "1,000" is not a number (write 18860 or 166.88, no units or separators)',
    ]);
  });

  it("refuses data for regions and factors the model does not have", () => {
    const data = testData({ A: { x: 1, y: 2 }, B: { x: 1 }, C: { x: 1 }, Z: { x: 1 } });
    expect(problems(testModel(), data)).toEqual([
      "allocation.unknown_region data.regions.Z: the data name the region code Z, which the model does not list",
      "allocation.unknown_factor data.regions.A.factors.y: region A (甲地) has data for a factor y the model does not have",
    ]);
  });

  it("refuses a rule naming a tier its table does not have", () => {
    const model = testModel({
      coefficients: [
        {
          key: "performance",
          name: "绩效评价调节系数",
          tiers: [
            { label: "高", value: "1" },
            { label: "低", value: "0.9" },
          ],
          rule: { kind: "grade", map: { 优: "高", 良: "高", 中: "低", 差: "最低" }, default: "中" },
        },
      ],
    });
    expect(problems(model)).toEqual([
      'allocation.rule_unknown_tier coefficients[0].rule.map["差"]: the rule of coefficient table performance (绩效评价调节系数) names the tier "最低", which it does not have (高, 低)',
      'allocation.rule_unknown_tier coefficients[0].rule.default: the rule of coefficient table performance (绩效评价调节系数) names the tier "中", which it does not have (高, 低)',
    ]);
  });

  it("refuses duplicate tables, tiers and bands, a score that is no number, tiers for no entered table", () => {
    const table = (key: string) => ({
      key,
      name: "项目库系数",
      tiers: [
        { label: "A", value: "1.1" },
        { label: "A", value: "1" },
      ],
      rule: {
        kind: "score" as const,
        bands: [
          { min: "80", label: "A" },
          { min: "80.0", label: "A" },
        ],
        default: "A",
      },
    });
    const model = testModel({ coefficients: [table("project"), table("project")] });
    const data = testData(
      { A: { x: 1 }, B: { x: 1 }, C: { x: 1 } },
      { A: { score: "九十" }, B: { tiers: { project: "A" } } },
    );
    expect(
      issuesOf(model, data).map((i) => `${i.code} ${formatAllocationIssue(i, "zh-CN")}`),
    ).toEqual([
      "allocation.duplicate_tier coefficients[0].tiers[1].label: 系数表 project「项目库系数」的档次“A”重复",
      "allocation.duplicate_band coefficients[0].rule.bands[1].min: 系数表 project「项目库系数」有两个分数段的下限都是 80",
      "allocation.duplicate_tier coefficients[1].tiers[1].label: 系数表 project「项目库系数」的档次“A”重复",
      "allocation.duplicate_band coefficients[1].rule.bands[1].min: 系数表 project「项目库系数」有两个分数段的下限都是 80",
      "allocation.duplicate_table coefficients[1].key: 系数表代码 project 重复",
      "allocation.score_not_a_number data.regions.A.score: 地区 A（甲地）的上年评价得分“九十”不是数字",
      "allocation.unknown_table data.regions.B.tiers.project: 地区 B（乙地）为系数表 project 填了档次，但模型没有该表，或该表不按填报取档",
    ]);
  });

  it("reports a wrong shape with its path, in both languages", () => {
    const issues = issuesOf({ ...testModel(), rounding: "分", extra: 1 }, { regions: { A: {} } });
    expect(issues.map((i) => formatAllocationIssue(i, "en-US"))).toEqual([
      'rounding: "分" is not one of: 元, 百元, 千元, 万元',
      'extra: unknown field "extra" (a typo?)',
      "data.regions.A.factors: is required",
    ]);
    const typed = issuesOf(testModel(), { regions: { A: { factors: { x: true } } } });
    expect(typed.map((i) => formatAllocationIssue(i, "en-US"))).toEqual([
      'data.regions.A.factors.x: "true" is not a number (write 62395 or 341.4058, no units or separators)',
    ]);
    expect(issues[2] && formatAllocationIssue(issues[2], "zh-CN")).toBe(
      "data.regions.A.factors: 缺少必填项",
    );
  });

  it("throws one AllocationError listing every problem from allocate", () => {
    const data = testData({ A: { x: "-1" }, B: { x: "n/a" }, C: { x: 1 } });
    let thrown: unknown;
    try {
      allocate(testModel(), data, { file: "model.json" });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AllocationError);
    const error = thrown as AllocationError;
    expect(error.code).toBe("allocation.invalid");
    expect(error.issues.map((i) => i.code)).toEqual([
      "allocation.negative_value",
      "allocation.value_not_a_number",
    ]);
    expect(error.messageIn("zh-CN")).toBe(
      [
        "资金分配模型 model.json 有 2 处错误：",
        "  model.json data.regions.A.factors.x: 地区 A（甲地）因素 x「因素甲」的值 -1 为负数",
        "  model.json data.regions.B.factors.x: 地区 B（乙地）因素 x「因素甲」的值“n/a”不是数字",
      ].join("\n"),
    );
    expect(error.details).toMatchObject({ file: "model.json" });
  });

  it("splits a file into its model and its data", () => {
    const file = { ...testModel(), data: good };
    const { model, data } = splitAllocationFile(file);
    expect(model).toEqual(testModel());
    expect(data satisfies AllocationData).toEqual(good);
    expect(() => splitAllocationFile({ ...testModel() }, "f.json")).toThrow(
      "Allocation model f.json: 1 problem(s):\n  f.json data: is required",
    );
  });

  it("has a Chinese and an English message for every allocation code", () => {
    const codes = Object.keys(ERROR_MESSAGES).filter((c) => c.startsWith("allocation."));
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      const message = ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES];
      expect(message["zh-CN"], code).not.toBe("");
      expect(message["en-US"], code).not.toBe("");
    }
  });
});
