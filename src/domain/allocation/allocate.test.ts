import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.ts";
import type { AllocationModel } from "./model-schema.ts";
import { testData } from "./test-models.ts";

/**
 * Worked by hand: 10.5万元 less 0.5万元 = 100000元, rounded to 百元. Weights 60 / 40.
 * A: area 3 × 1.2 = 3.6, households 100 × 1.2 = 120; B: area 1 × 1 = 1, households 300 × 1 = 300.
 * A = 100000 × (60% × 3.6 ÷ 4.6 + 40% × 120 ÷ 420) = 46956.52… + 11428.57… = 58385.09…
 * B = 100000 × (60% × 1 ÷ 4.6 + 40% × 300 ÷ 420) = 13043.47… + 28571.42… = 41614.90…
 * Rounded down to 百元: 58300 + 41600 = 99900; the missing 100 goes to A (remainder 85.09 > 14.91).
 */
const model: AllocationModel = {
  name: "示例",
  year: 2025,
  unit: "万元",
  total: "10.5",
  heldBack: [{ name: "本级", amount: "0.5" }],
  factors: [
    { key: "area", name: "面积", unit: "万平方米", weight: "60", source: { kind: "entered" } },
    {
      key: "households",
      name: { "zh-CN": "户数", "en-US": "Households" },
      unit: "户",
      weight: "40",
      source: { kind: "dataset", dataset: "plan-actual", field: "planHouseholds" },
    },
  ],
  coefficients: [
    {
      key: "fiscal",
      name: { "zh-CN": "财力系数", "en-US": "Fiscal coefficient" },
      tiers: [
        { label: "高", value: "1.2" },
        { label: "低", value: "1" },
      ],
      rule: { kind: "entered" },
    },
  ],
  rounding: "百元",
  regions: [
    { code: "A", name: "甲地" },
    { code: "B", name: "乙地" },
  ],
};
const data = testData(
  { A: { area: "3", households: 100 }, B: { area: "1", households: "300" } },
  { A: { tiers: { fiscal: "高" } }, B: { tiers: { fiscal: "低" } } },
);

describe("allocate", () => {
  const result = allocate(model, data);
  const [a, b] = result.regions;

  it("works in 元 whatever the model's unit, and rounds to the model's unit", () => {
    expect(result.unit).toBe("元");
    expect(result.rounding).toBe("百元");
    expect(result.totals).toEqual({
      total: "105000",
      heldBack: "5000",
      distributable: "100000",
      allocated: "100000",
    });
    expect(result.heldBack).toEqual([{ name: "本级", amount: "5000" }]);
    expect([a?.amount, b?.amount]).toEqual(["58400", "41600"]);
  });

  it("keeps each factor's part, the exact raw amount and the rounding adjustment", () => {
    // Exact fractions (Python's fractions module), to 30 decimals; the module keeps 40 digits.
    const to30 = (text = "") => text.slice(0, text.indexOf(".") + 31);
    expect(to30(a?.raw)).toBe("58385.093167701863354037267080745341");
    expect(to30(a?.shares.area)).toBe("46956.521739130434782608695652173913");
    expect(to30(a?.shares.households)).toBe("11428.571428571428571428571428571428");
    expect(to30(a?.roundingAdjustment)).toBe("14.906832298136645962732919254658");
    expect(to30(b?.roundingAdjustment)).toBe("-14.906832298136645962732919254658");
    expect(a?.composite).toBe("1.2");
    expect(a?.coefficients).toEqual({ fiscal: { label: "高", value: "1.2", source: "entered" } });
    expect(a?.floorOrCap).toBeUndefined();
  });

  it("says how each amount was reached, in Chinese and in English", () => {
    expect(a?.derivation["zh-CN"]).toBe(
      "可分配资金100000元；面积因素：3万平方米×1.2÷4.6×60%×100000元=46956.52元；" +
        "户数因素：100户×1.2÷420×40%×100000元=11428.57元；" +
        "综合补助系数1.2=1.2（财力系数「高」1.2）；测算数58385.09元；" +
        "按百元取整（最大余额法）为58400元，调整+14.91元。",
    );
    expect(b?.derivation["en-US"]).toBe(
      "Distributable 100000 yuan; 面积: 1 万平方米 × 1 ÷ 4.6 × 60% × 100000 yuan = 13043.48 yuan; " +
        "Households: 300 户 × 1 ÷ 420 × 40% × 100000 yuan = 28571.43 yuan; " +
        "composite coefficient 1 = 1 (Fiscal coefficient tier 低: 1); computed 41614.91 yuan; " +
        "rounded to the hundred yuan by largest remainder: 41600 yuan, adjustment -14.91 yuan.",
    );
  });

  it("gives the computation as a table: value, weighted value, share of the column, amount", () => {
    expect(result.table).toEqual([
      {
        region: "A",
        regionName: "甲地",
        factor: "area",
        factorName: "面积",
        weight: "60",
        value: "3",
        composite: "1.2",
        weighted: "3.6",
        sharePercent: "78.260870",
        amount: "46956.52",
      },
      {
        region: "A",
        regionName: "甲地",
        factor: "households",
        factorName: "户数",
        weight: "40",
        value: "100",
        composite: "1.2",
        weighted: "120",
        sharePercent: "28.571429",
        amount: "11428.57",
      },
      {
        region: "B",
        regionName: "乙地",
        factor: "area",
        factorName: "面积",
        weight: "60",
        value: "1",
        composite: "1",
        weighted: "1",
        sharePercent: "21.739130",
        amount: "13043.48",
      },
      {
        region: "B",
        regionName: "乙地",
        factor: "households",
        factorName: "户数",
        weight: "40",
        value: "300",
        composite: "1",
        weighted: "300",
        sharePercent: "71.428571",
        amount: "28571.43",
      },
    ]);
  });

  it("is plain data: the words and the table survive JSON and spreading", () => {
    const copy = JSON.parse(JSON.stringify(allocate(model, data)));
    expect(copy.regions[1].derivation["zh-CN"]).toMatch(/^可分配资金100000元；/);
    expect(copy.regions[0].shares).toEqual(JSON.parse(JSON.stringify(a?.shares)));
    expect(copy.table).toHaveLength(4);
    const spread = { ...allocate(model, data).regions[0] };
    expect(Object.keys(spread)).toContain("derivation");
    expect(spread.derivation).toEqual(a?.derivation);
  });

  it("allocates the whole amount to a single region", () => {
    const one = allocate(
      { ...model, regions: [{ code: "A", name: "甲地" }] },
      testData({ A: { area: "3", households: 100 } }, { A: { tiers: { fiscal: "低" } } }),
    );
    expect(one.regions.map((r) => [r.amount, r.roundingAdjustment])).toEqual([["100000", "0"]]);
  });
});
