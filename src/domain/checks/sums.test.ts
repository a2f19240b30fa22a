// Sums and identities: each rule passes on consistent figures and names the figures when they are not.
import { describe, expect, it } from "vitest";
import { checkData, childrenOf, m2, row, yuan } from "../../../test/helpers/check-data.ts";
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

  // The other 19 cities of 广东省 report zero, so every city has reported.
  const others = childrenOf("440000")
    .filter((r) => r.code !== "440500" && r.code !== "440200")
    .map((r) => plan(r.code, "0", "0"));

  it("names the total, the sum and the difference in the measure's unit", () => {
    const rows = [
      plan("440000", "153", "227.64"),
      plan("440500", "75", "166.88"),
      plan("440200", "78", "60.66"),
      ...others,
    ];
    expect(messages({ "plan-actual": rows }, "sum.regions")).toEqual([
      "广东省开工计划建筑面积为 227.64万平方米，下级 21 个地区之和为 227.54万平方米（相差 0.1万平方米）",
    ]);
    expect(messages({ "plan-actual": rows }, "sum.regions-coverage")).toEqual([]);
  });

  // 驻马店市 and its 10 counties: one county (平舆县) imported its 计划与完成, the city has its 合计.
  const county = (code: string, stage: string, households: string, communities = "12") =>
    row(code, {
      stage,
      asOf: "2020-12-31",
      planCommunities: communities,
      planHouseholds: households,
      actualCommunities: communities,
      actualHouseholds: households,
    });
  const city = (stage: string) =>
    row("411700", {
      stage,
      asOf: "2020-12-31",
      planCommunities: "91",
      planHouseholds: "33623",
      actualCommunities: "91",
      actualHouseholds: "33623",
    });

  it("gives one coverage finding, not an error per measure, while subregions have not reported", () => {
    const rows = [
      city("started"),
      city("completed"),
      county("411723", "started", "2436"),
      county("411723", "completed", "2436"),
    ];
    const result = runChecks(checkData({ "plan-actual": rows }, { year: 2020 }), options);
    expect(result.findings.filter((f) => f.rule === "sum.regions")).toEqual([]);
    const coverage = result.findings.filter((f) => f.rule === "sum.regions-coverage");
    expect(coverage.map((f) => [f.severity, f.regionCode, f.message.zh, f.figures])).toEqual([
      [
        "info",
        "411700",
        "驻马店市计划与完成：10 个下级地区中 1 个已填报，待全部填报后再核对合计",
        { subregions: "10", reported: "1" },
      ],
    ]);
    expect(coverage[0]?.message.en).toBe(
      "驻马店市 plan and completion: 1 of 10 subregions have reported; the total is checked once all have",
    );
    expect(result.counts.error).toBe(0);
  });

  it("says nothing when the subregions that reported already add up to the total", () => {
    const rows = [
      plan("440000", "153", "227.54"),
      plan("440500", "75", "166.88"),
      plan("440200", "78", "60.66"),
    ];
    const result = runChecks(checkData({ "plan-actual": rows }), options);
    expect(result.findings.filter((f) => f.rule.startsWith("sum.regions"))).toEqual([]);
  });

  it("keeps a real mismatch an error once every subregion has reported", () => {
    const codes = childrenOf("411700").map((r) => r.code);
    const counties = (first: string) =>
      codes.map((code, i) =>
        i === 0 ? county(code, "started", first, "91") : county(code, "started", "0", "0"),
      );
    const ok = runChecks(
      checkData({ "plan-actual": [city("started"), ...counties("33623")] }, { year: 2020 }),
      options,
    );
    expect(ok.findings.filter((f) => f.rule.startsWith("sum.regions"))).toEqual([]);
    const result = runChecks(
      checkData({ "plan-actual": [city("started"), ...counties("33000")] }, { year: 2020 }),
      options,
    );
    const found = result.findings.filter((f) => f.rule.startsWith("sum.regions"));
    expect(found.map((f) => [f.rule, f.severity, f.field])).toEqual([
      ["sum.regions", "error", "planHouseholds"],
      ["sum.regions", "error", "actualHouseholds"],
    ]);
    expect(found[0]?.message.zh).toBe(
      "驻马店市开工计划户数为 33623户，下级 10 个地区之和为 33000户（相差 623户）",
    );
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
