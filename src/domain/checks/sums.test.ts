// Sums and identities: each rule passes on consistent figures and names the figures when they are not.
import { describe, expect, it } from "vitest";
import { checkData, m2, row, yuan } from "../../../test/helpers/check-data.ts";
import { checkOptions, runChecks } from "./index.ts";
import type { RowsByDataset } from "./types.ts";

const options = checkOptions({ asOf: "2024-12-31" });
const messages = (rows: RowsByDataset, rule: string, year = 2024) =>
  runChecks(checkData(rows, { year }), options)
    .findings.filter((f) => f.rule === rule)
    .map((f) => f.message.zh);

describe("sum.fund-items", () => {
  // Suzhou 2020 form: 会议、考察经费 8.8 + 项目宣传推广经费 47.2 + 技术研究专项经费 144 = 200 = 财政拨款数.
  const items = (last: string) => [
    row("320500", { programme: "2", item: "会议、考察经费", amount: yuan("8.8") }),
    row("320500", { programme: "2", item: "项目宣传推广经费", amount: yuan("47.2") }),
    row("320500", { programme: "2", item: "技术研究专项经费", amount: yuan(last) }),
  ];
  const execution = [
    row("320500", { programme: "2", appropriated: yuan("200"), paid: yuan("200") }),
  ];

  it("passes when the sub-items add up to the appropriation", () => {
    expect(
      messages({ "fund-items": items("144"), "budget-execution": execution }, "sum.fund-items"),
    ).toEqual([]);
  });

  it("names the sum, the appropriation and the difference", () => {
    expect(
      messages({ "fund-items": items("154"), "budget-execution": execution }, "sum.fund-items"),
    ).toEqual(["资金构成 3 个子项目合计 210 万元，与财政拨款数 200 万元不符（相差 10 万元）"]);
  });

  it("compares with the funds when there is no budget execution", () => {
    const funds = [row("320500", { programme: "2", source: "municipal", amount: yuan("190") })];
    expect(messages({ "fund-items": items("144"), funds }, "sum.fund-items")).toEqual([
      "资金构成 3 个子项目合计 200 万元，与资金来源合计 190 万元不符（相差 10 万元）",
    ]);
  });
});

describe("sum.allocations", () => {
  // Guangdong 2024 表2-2: 18672 to 15 cities + 188 省本级 = 18860; two cities stand in for the 15 here.
  const funds = [row("440000", { programme: "1", source: "provincial", amount: yuan("18860") })];
  const allocations = (shantou: string) => [
    row("440500", {
      programme: "1",
      asOf: "2024-12-31",
      budget: yuan(shantou),
      spent: yuan("152.93"),
    }),
    row("440200", {
      programme: "1",
      asOf: "2024-12-31",
      budget: yuan("15294"),
      spent: yuan("658.54"),
    }),
    row("440000", { programme: "1", asOf: "2024-12-31", budget: yuan("188"), spent: yuan("188") }),
  ];

  it("passes when the regions and 本级 add up to the funds", () => {
    expect(messages({ funds, allocations: allocations("3378") }, "sum.allocations")).toEqual([]);
  });

  it("names the sum and the funds", () => {
    expect(messages({ funds, allocations: allocations("3387") }, "sum.allocations")).toEqual([
      "截至2024-12-31，3 个地区（含本级）预算指标合计 18869 万元，与资金来源合计 18860 万元不符（相差 9 万元）",
    ]);
  });
});

describe("sum.regions", () => {
  // Guangdong 2024 表2-3 合计 row against its cities (two of them here).
  const plan = (region: string, communities: string, area: string) =>
    row(region, {
      stage: "started",
      asOf: "2024-12-31",
      planCommunities: communities,
      planArea: m2(area),
      actualCommunities: communities,
    });

  it("passes when the province's row is the sum of its cities'", () => {
    const rows = [
      plan("440000", "153", "227.54"),
      plan("440500", "75", "166.88"),
      plan("440200", "78", "60.66"),
    ];
    expect(messages({ "plan-actual": rows }, "sum.regions")).toEqual([]);
  });

  it("names the total, the sum and the difference in the measure's unit", () => {
    const rows = [
      plan("440000", "153", "227.64"),
      plan("440500", "75", "166.88"),
      plan("440200", "78", "60.66"),
    ];
    expect(messages({ "plan-actual": rows }, "sum.regions")).toEqual([
      "广东省开工计划建筑面积为 227.64万平方米，下级 2 个地区之和为 227.54万平方米（相差 0.1万平方米）",
    ]);
  });
});

describe("identities of the budget execution", () => {
  // Suzhou 2020: 1700.00 − 1500.00 − 200.00 = 0.00; 200.00 − 200.00 = 0.00 = 0.00 + 0.00.
  const execution = (quota: string, carried: string) =>
    row("320500", {
      programme: "2",
      initialBudget: yuan("1700"),
      adjustment: yuan("-1500"),
      appropriated: yuan("200"),
      quotaBalance: yuan(quota),
      paid: yuan("200"),
      carriedOver: yuan(carried),
      recovered: yuan("0"),
    });

  it("pass on the Suzhou form's figures", () => {
    const rows = { "budget-execution": [execution("0", "0")] };
    expect(messages(rows, "identity.quota-balance", 2020)).toEqual([]);
    expect(messages(rows, "identity.fund-balance", 2020)).toEqual([]);
  });

  it("state the identity with the figures when it fails", () => {
    const rows = { "budget-execution": [execution("100", "20")] };
    expect(messages(rows, "identity.quota-balance", 2020)).toEqual([
      "指标结余数应为 年初预算数 1700 ＋ 调整数 -1500 − 财政拨款数 200 ＝ 0 万元，表中为 100 万元",
    ]);
    expect(messages(rows, "identity.fund-balance", 2020)).toEqual([
      "财政拨款数 200 − 实际支付数 200 ＝ 0 万元，而结转数 20 ＋ 财政收回数 0 ＝ 20 万元",
    ]);
  });
});
