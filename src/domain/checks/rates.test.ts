// Rates recomputed from their parts, at the published precision.
import { describe, expect, it } from "vitest";
import { checkData, row, yuan } from "../../../test/helpers/check-data.ts";
import { Decimal } from "../decimal.ts";
import { agreesAtPrecision, checkOptions, runChecks } from "./index.ts";
import type { RowsByDataset } from "./types.ts";

const options = checkOptions({ asOf: "2024-12-31" });
const messages = (rows: RowsByDataset, rule: string) =>
  runChecks(checkData(rows), options)
    .findings.filter((f) => f.rule === rule)
    .map((f) => f.message.zh);

describe("agreesAtPrecision", () => {
  it("compares at two decimals, or at the fewer the figure is printed with", () => {
    const d = (s: string) => new Decimal(s);
    // Guangdong: 3623.35 ÷ 18860 = 19.2118…% printed 19.21%.
    expect(agreesAtPrecision(d("19.21"), d("3623.35").div("18860").times(100))).toBe(true);
    expect(agreesAtPrecision(d("19.22"), d("3623.35").div("18860").times(100))).toBe(false);
    // Zhumadian: 1804 ÷ 1766 = 102.15…% printed 102.2%; 336 ÷ 320 printed 105%.
    expect(agreesAtPrecision(d("102.2"), d("1804").div("1766").times(100))).toBe(true);
    expect(agreesAtPrecision(d("105"), d("336").div("320").times(100))).toBe(true);
    expect(agreesAtPrecision(d("101"), d("336").div("320").times(100))).toBe(false);
  });
});

describe("rate.spend", () => {
  // Guangdong 2024 表2-2, 湛江市: 7.29 of 841 万元 = 0.87%.
  const zhanjiang = (rate: string) => ({
    allocations: [
      row("440800", {
        programme: "1",
        asOf: "2024-12-31",
        budget: yuan("841"),
        spent: yuan("7.29"),
        publishedSpendRate: rate,
      }),
    ],
  });

  it("passes on the published 0.87%", () => {
    expect(messages(zhanjiang("0.87"), "rate.spend")).toEqual([]);
  });

  it("recomputes a wrong rate", () => {
    expect(messages(zhanjiang("8.7"), "rate.spend")).toEqual([
      "湛江市支出率填报为 8.7%，按实际支出 7.29 万元 ÷ 预算指标 841 万元应为 0.87%",
    ]);
  });
});

describe("satisfaction rates", () => {
  const city = (code: string, rate: string, satisfied?: string, valid?: string) =>
    row(code, { rate, satisfied: satisfied ?? null, validResponses: valid ?? null });

  it("rate.satisfaction recomputes satisfied ÷ valid", () => {
    // Hangzhou 2020: 458 valid questionnaires, 82.75%: 379 of 458 is 82.75%.
    expect(
      messages({ satisfaction: [city("330100", "82.75", "379", "458")] }, "rate.satisfaction"),
    ).toEqual([]);
    expect(
      messages({ satisfaction: [city("330100", "82.75", "380", "458")] }, "rate.satisfaction"),
    ).toEqual(["杭州市满意度填报为 82.75%，按满意问卷 380 份 ÷ 有效问卷 458 份应为 82.97%"]);
  });

  it("rate.unweighted-mean notes a region's rate that is the plain mean of its subregions'", () => {
    const rows = [city("440000", "91.5"), city("440500", "90"), city("440200", "93")];
    expect(messages({ satisfaction: rows }, "rate.unweighted-mean")).toEqual([
      "广东省满意度 91.5% 是下级 2 个地区满意度的简单平均（91.50%），未按各地有效问卷数加权；比率应由合计的分子、分母重新计算",
    ]);
    expect(messages({ satisfaction: rows }, "rate.roll-up")).toEqual([]);
  });

  it("rate.roll-up recomputes from the subregions' counts, or says it cannot", () => {
    const counted = [
      city("440000", "91.5"),
      city("440500", "90", "90", "100"),
      city("440200", "95", "285", "300"),
    ];
    expect(messages({ satisfaction: counted }, "rate.roll-up")).toEqual([
      "广东省满意度 91.5%，而下级 2 个地区合计满意问卷 375 份 ÷ 有效问卷 400 份为 93.75%",
    ]);
    const weighted = [city("440000", "93.75"), ...counted.slice(1)];
    expect(messages({ satisfaction: weighted }, "rate.roll-up")).toEqual([]);
    const neither = [city("440000", "95"), city("440500", "90"), city("440200", "93")];
    expect(messages({ satisfaction: neither }, "rate.roll-up")).toEqual([
      "广东省满意度 95% 既不是下级 2 个地区的简单平均（91.50%），下级也没有问卷数可供加权计算",
    ]);
  });
});
