// Dates and years: data dates, document years, stage order and status.
import { describe, expect, it } from "vitest";
import { checkData, row, yuan } from "../../../test/helpers/check-data.ts";
import { checkOptions, runChecks } from "./index.ts";
import type { RowsByDataset } from "./types.ts";

const messages = (rows: RowsByDataset, rule: string, year = 2024) =>
  runChecks(checkData(rows, { year }), checkOptions({ asOf: `${year}-12-31` }))
    .findings.filter((f) => f.rule === rule)
    .map((f) => f.message.zh);

describe("date.as-of-year", () => {
  // Suzhou 2020 form, 填表说明 4: "各项数据采集的时间节点均为 2019 年 12 月 31 日".
  const execution = (asOf: string) => ({
    "budget-execution": [row("320500", { programme: "2", appropriated: yuan("200"), asOf })],
  });

  it("flags Suzhou's 2019-12-31 in a 2020 evaluation", () => {
    expect(messages(execution("2019-12-31"), "date.as-of-year", 2020)).toEqual([
      "苏州市「预算执行」数据截止日期为 2019-12-31，不在评价年度 2020 年内",
    ]);
  });

  it("passes a date in the year", () => {
    expect(messages(execution("2020-12-31"), "date.as-of-year", 2020)).toEqual([]);
  });
});

describe("date.document-year", () => {
  const funds = (document: string) => ({
    funds: [
      row("440000", { programme: "1", source: "provincial", amount: yuan("18860"), document }),
    ],
  });

  it("accepts funds issued in advance the year before (粤财建〔2023〕77号 for 2024)", () => {
    expect(messages(funds("粤财建〔2023〕77号"), "date.document-year")).toEqual([]);
  });

  it("flags a document two years off", () => {
    expect(messages(funds("粤财建〔2021〕77号"), "date.document-year")).toEqual([
      "广东省资金下达文件「粤财建〔2021〕77号」为 2021 年，与评价年度 2024 年不符（应为当年或上年提前下达）",
    ]);
  });
});

describe("community stage dates", () => {
  const community = (values: Record<string, string | null>) => ({
    communities: [row("441302", { name: "食品厂里", ...values })],
  });

  it("date.stage-order: 竣工验收 before 开工", () => {
    const rows = community({
      startedOn: "2024-05-01",
      acceptedOn: "2024-04-01",
      status: "accepted",
    });
    expect(messages(rows, "date.stage-order")).toEqual([
      "「食品厂里」竣工验收日期 2024-04-01 早于开工日期 2024-05-01",
    ]);
    expect(
      messages(
        community({ startedOn: "2024-03-01", acceptedOn: "2024-09-16", status: "accepted" }),
        "date.stage-order",
      ),
    ).toEqual([]);
  });

  it("date.status: a status without its date, and a start date on a planned project", () => {
    expect(
      messages(community({ startedOn: "2024-03-01", status: "accepted" }), "date.status"),
    ).toEqual(["「食品厂里」状态为“已验收”，却没有竣工验收日期"]);
    expect(
      messages(community({ startedOn: "2024-03-01", status: "planned" }), "date.status"),
    ).toEqual(["「食品厂里」状态为“未开工”，却已有开工日期 2024-03-01"]);
    expect(
      messages(community({ startedOn: "2024-03-01", status: "in-progress" }), "date.status"),
    ).toEqual([]);
  });
});
