// Plausibility: copied plans, completion far above target or far from the other regions, 元 vs 万元.
import { describe, expect, it } from "vitest";
import { checkData, m2, row, yuan } from "../../../test/helpers/check-data.ts";
import { checkOptions, runChecks } from "./index.ts";
import type { RowsByDataset } from "./types.ts";

const options = checkOptions({ asOf: "2024-12-31" });
const messages = (rows: RowsByDataset, rule: string, previous?: RowsByDataset) =>
  runChecks(checkData(rows, { previous }), options)
    .findings.filter((f) => f.rule === rule)
    .map((f) => f.message.zh);

// Guangdong 2024 表2-3 rows: plan and actual (在建+完工) of area, households, buildings, communities.
const task = (code: string, plan: string[], actual: string[]) =>
  row(code, {
    stage: "started",
    asOf: "2024-12-31",
    planArea: m2(plan[0] ?? "0"),
    planHouseholds: plan[1] ?? null,
    planBuildings: plan[2] ?? null,
    planCommunities: plan[3] ?? null,
    actualArea: m2(actual[0] ?? "0"),
    actualHouseholds: actual[1] ?? null,
    actualBuildings: actual[2] ?? null,
    actualCommunities: actual[3] ?? null,
  });

describe("plan copied into actual", () => {
  it("plausibility.copied-plan: 惠州市 equal on all four measures", () => {
    const huizhou = task("441300", ["21.87", "3594", "541", "11"], ["21.87", "3594", "541", "11"]);
    expect(messages({ "plan-actual": [huizhou] }, "plausibility.copied-plan")).toEqual([
      "惠州市开工实际完成数与计划数 4 项完全相同（小区数 11个、楼栋数 541栋、户数 3594户、建筑面积 21.87万平方米），请核实是否照抄计划数",
    ]);
  });

  it("plausibility.mostly-copied: 汕尾市 differs only in area", () => {
    const shanwei = task("441500", ["24.64", "1963", "629", "16"], ["24.66", "1963", "629", "16"]);
    expect(messages({ "plan-actual": [shanwei] }, "plausibility.mostly-copied")).toEqual([
      "汕尾市开工实际完成数与计划数 4 项中 3 项相同，仅建筑面积不同（计划 24.64万平方米，实际 24.66万平方米）",
    ]);
    expect(messages({ "plan-actual": [shanwei] }, "plausibility.copied-plan")).toEqual([]);
  });

  it("passes when two or more measures differ", () => {
    const shantou = task(
      "440500",
      ["166.88", "19136", "538", "75"],
      ["284.28", "32562", "926", "124"],
    );
    expect(messages({ "plan-actual": [shantou] }, "plausibility.copied-plan")).toEqual([]);
    expect(messages({ "plan-actual": [shantou] }, "plausibility.mostly-copied")).toEqual([]);
  });
});

describe("plausibility.high-completion", () => {
  const target = (actual: string) => ({
    targets: [
      row("440000", {
        programme: "1",
        indicator: "改造小区数",
        comparison: "gte",
        target: "700",
        unit: "个",
        actual,
      }),
    ],
  });

  it("flags Guangdong's 1161 of ≥700 communities (165.86%)", () => {
    expect(messages(target("1161"), "plausibility.high-completion")).toEqual([
      "「改造小区数」目标值 ≥700个，实际完成 1161个，完成率 165.86%，超过 150%：目标值可能设定偏低",
    ]);
  });

  it("passes at 150% and below", () => {
    expect(messages(target("1050"), "plausibility.high-completion")).toEqual([]);
  });
});

describe("plausibility.outlier", () => {
  // 云浮市 buildings: 814 of 247 = 329.55%, while the other cities stay near 150%.
  const cities = (yunfuBuildings: string) => [
    task("440500", ["1", "1", "538", "1"], ["1", "1", "926", "1"]),
    task("440200", ["1", "1", "454", "1"], ["1", "1", "844", "1"]),
    task("441600", ["1", "1", "581", "1"], ["1", "1", "793", "1"]),
    task("445300", ["1", "1", "247", "1"], ["1", "1", yunfuBuildings, "1"]),
  ];

  it("names a rate more than twice the others' median, and only such a rate", () => {
    // 329.55% is 1.9 times the median 172.12% of these three: not far enough outside.
    expect(messages({ "plan-actual": cities("814") }, "plausibility.outlier")).toEqual([]);
    expect(messages({ "plan-actual": cities("900") }, "plausibility.outlier")).toEqual([
      "云浮市楼栋数完成率 364.37%（计划 247栋，实际 900栋），为其他 3 个地区中位数 172.12% 的 2.1 倍",
    ]);
  });
});

describe("plausibility.unit-change", () => {
  const funds = (amountYuan: string) => [
    row("330100", { programme: "9", source: "central", amount: amountYuan }),
  ];

  it("flags an amount about 10,000 times last year's", () => {
    // 72272.36 万元 last year; this year the same source typed in 万元 into a 元 column by mistake.
    expect(
      messages({ funds: funds("72272") }, "plausibility.unit-change", {
        funds: funds(yuan("72272.36")),
      }),
    ).toEqual([
      "杭州市本年资金 7.2272 万元，上年同来源 72272.36 万元，相差约 10000 倍：请核实是否把元当作万元（或相反）填报",
    ]);
  });

  it("passes an ordinary change", () => {
    expect(
      messages({ funds: funds(yuan("80000")) }, "plausibility.unit-change", {
        funds: funds(yuan("72272.36")),
      }),
    ).toEqual([]);
  });
});
