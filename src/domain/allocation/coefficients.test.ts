import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.ts";
import type { CoefficientTable } from "./model-schema.ts";
import { testData, testModel } from "./test-models.ts";

const performance: CoefficientTable = {
  key: "performance",
  name: "绩效评价调节系数",
  tiers: [
    { label: "优", value: "1" },
    { label: "良", value: "0.95" },
    { label: "中及以下", value: "0.90" },
  ],
  rule: {
    kind: "grade",
    map: { 优: "优", 良: "良", 中: "中及以下", 差: "中及以下" },
    default: "良",
  },
};

const project: CoefficientTable = {
  key: "project",
  name: "项目库系数",
  tiers: [
    { label: "A", value: "1.10" },
    { label: "B", value: "1" },
    { label: "C", value: "0.90" },
  ],
  rule: {
    kind: "score",
    bands: [
      { min: "70", label: "B" },
      { min: "90", label: "A" },
    ],
    default: "C",
  },
};

describe("coefficients", () => {
  it("feeds last year's grade into the tier; a region without one gets the default, flagged", () => {
    const data = testData(
      { A: { x: 1 }, B: { x: 1 }, C: { x: 1 } },
      { A: { grade: "优" }, B: { grade: "差" } },
    );
    const result = allocate(testModel({ coefficients: [performance] }), data);
    const [a, b, c] = result.regions;
    expect(a?.coefficients.performance).toEqual({ label: "优", value: "1", source: "grade" });
    expect(b?.coefficients.performance).toEqual({
      label: "中及以下",
      value: "0.9",
      source: "grade",
    });
    expect(c?.coefficients.performance).toEqual({ label: "良", value: "0.95", source: "default" });
    expect(a?.flags).toEqual([]);
    expect(c?.flags).toEqual([
      {
        code: "default-tier",
        table: "performance",
        label: "良",
        reason: "no-grade",
        message: {
          "zh-CN": "C（丙地）无上年评价等级，「绩效评价调节系数」按默认档「良」计，请核实",
          "en-US":
            "C (丙地) has no grade from last year: 绩效评价调节系数 takes the default tier 良; check it",
        },
      },
    ]);
    expect(result.warnings).toEqual([{ region: "C", regionName: "丙地", ...c?.flags[0] }]);
    expect(c?.derivation["zh-CN"]).toContain(
      "综合补助系数0.95=0.95（绩效评价调节系数无上年评价等级，按默认档「良」0.95（待核实））",
    );
    // 1000 × 1 / 2.85, 1000 × 0.9 / 2.85, 1000 × 0.95 / 2.85: 350.877…, 315.789…, 333.333…
    expect(result.regions.map((r) => r.amount)).toEqual(["351", "316", "333"]);
  });

  it("picks a score's band by the highest minimum it reaches, whatever the order written", () => {
    const data = testData(
      { A: { x: 1 }, B: { x: 1 }, C: { x: 1 } },
      { A: { score: "90" }, B: { score: "89.99" }, C: { score: 40 } },
    );
    const result = allocate(testModel({ coefficients: [project] }), data);
    expect(result.regions.map((r) => r.coefficients.project)).toEqual([
      { label: "A", value: "1.1", source: "score" },
      { label: "B", value: "1", source: "score" },
      { label: "C", value: "0.9", source: "default" },
    ]);
    expect(result.warnings.map((w) => [w.region, w.reason, w.message["en-US"]])).toEqual([
      [
        "C",
        "below-bands",
        "C (丙地): last year's score 40 is below every band of 项目库系数, default tier C; check it",
      ],
    ]);
  });

  it("multiplies the tables into the composite coefficient", () => {
    const fiscal: CoefficientTable = {
      key: "fiscal",
      name: "财力补助系数",
      tiers: [
        { label: "一档", value: "8" },
        { label: "三档", value: "10" },
      ],
      rule: { kind: "entered" },
    };
    const data = testData(
      { A: { x: 1 }, B: { x: 1 }, C: { x: 1 } },
      {
        A: { tiers: { fiscal: "三档" }, grade: "良", score: "95" },
        B: { tiers: { fiscal: "一档" }, grade: "中", score: "75" },
        C: { tiers: { fiscal: "一档" }, grade: "优", score: "60" },
      },
    );
    const result = allocate(testModel({ coefficients: [fiscal, performance, project] }), data);
    // 10 × 0.95 × 1.1, 8 × 0.9 × 1, 8 × 1 × 0.9
    expect(result.regions.map((r) => r.composite)).toEqual(["10.45", "7.2", "7.2"]);
    expect(result.regions[0]?.derivation["en-US"]).toContain(
      "composite coefficient 10 × 0.95 × 1.1 = 10.45 (财力补助系数 tier 三档: 10, 绩效评价调节系数 tier 良 from last year's grade 良: 0.95, 项目库系数 tier A from last year's score 95: 1.1)",
    );
  });
});
