// Monitoring: spend and completion against the time schedule, stage deadlines, the ranked view.
import { describe, expect, it } from "vitest";
import { checkData, row, yuan } from "../../../test/helpers/check-data.ts";
import { Decimal } from "../decimal.ts";
import { buildMonitoring, checkOptions, runChecks, timeSchedule } from "./index.ts";
import type { RowsByDataset } from "./types.ts";

const messages = (rows: RowsByDataset, rule: string, asOf = "2024-12-31") =>
  runChecks(checkData(rows), checkOptions({ asOf }))
    .findings.filter((f) => f.rule === rule)
    .map((f) => f.message.zh);

const spend = (code: string, asOf: string, budget: string, spent: string) =>
  row(code, {
    programme: "1",
    asOf,
    budget: yuan(budget),
    arrived: yuan(budget),
    spent: yuan(spent),
  });

describe("timeSchedule", () => {
  it("is the share of the year passed at the end of the day", () => {
    expect(timeSchedule("2024-12-31").toFixed(2)).toBe("100.00");
    // 2024 is a leap year: 30 June ends day 182 of 366.
    expect(timeSchedule("2024-06-30")).toEqual(new Decimal(182).div(366).times(100));
    expect(timeSchedule("2023-01-01").toFixed(2)).toBe("0.27");
  });
});

describe("spend against the schedule", () => {
  it("monitor.spend-far-behind: Guangdong's 湛江市, 7.29 of 841 万元 by 31 December", () => {
    expect(
      messages(
        { allocations: [spend("440800", "2024-12-31", "841", "7.29")] },
        "monitor.spend-far-behind",
      ),
    ).toEqual([
      "湛江市截至2024-12-31实际支出 7.29 万元，预算指标 841 万元，支出率 0.87%，时间进度 100.00%，落后 99.13 个百分点",
    ]);
  });

  it("monitor.spend-behind: behind by more than the margin but less than the error margin", () => {
    // 30 June 2024: schedule 49.73%; 35% spent is 14.73 points behind.
    expect(
      messages(
        { allocations: [spend("440800", "2024-06-30", "100", "35")] },
        "monitor.spend-behind",
      ),
    ).toEqual([
      "湛江市截至2024-06-30实际支出 35 万元，预算指标 100 万元，支出率 35.00%，时间进度 49.73%，落后 14.73 个百分点",
    ]);
    expect(
      messages(
        { allocations: [spend("440800", "2024-06-30", "100", "45")] },
        "monitor.spend-behind",
      ),
    ).toEqual([]);
  });

  it("looks at each region's latest record only", () => {
    const rows = [
      spend("440800", "2024-06-30", "841", "7.29"),
      spend("440800", "2024-12-31", "841", "841"),
    ];
    expect(messages({ allocations: rows }, "monitor.spend-far-behind")).toEqual([]);
  });
});

describe("monitor.completion-behind", () => {
  it("names the measures behind the schedule", () => {
    const rows = [
      row("411700", {
        stage: "started",
        asOf: "2020-12-31",
        planCommunities: "320",
        actualCommunities: "200",
        planHouseholds: "33224",
        actualHouseholds: "33623",
      }),
    ];
    expect(messages({ "plan-actual": rows }, "monitor.completion-behind")).toEqual([
      "驻马店市截至2020-12-31开工完成率 小区数 62.50%，时间进度 100.00%，落后超过 10 个百分点",
    ]);
  });
});

describe("stage deadlines of community projects", () => {
  const community = (values: Record<string, string | null>) => ({
    communities: [row("330102", { name: "清波街道小区", ...values })],
  });

  it("monitor.start-overdue after the start-by day", () => {
    expect(
      messages(community({ status: "planned" }), "monitor.start-overdue", "2024-09-30"),
    ).toEqual(["「清波街道小区」应于 2024-06-30 前开工，截至 2024-09-30 仍未开工（逾期 92 天）"]);
    expect(
      messages(community({ status: "planned" }), "monitor.start-overdue", "2024-06-30"),
    ).toEqual([]);
  });

  it("monitor.acceptance-, settlement- and audit-overdue, one step at a time", () => {
    expect(
      messages(
        community({ startedOn: "2023-03-01", status: "in-progress" }),
        "monitor.acceptance-overdue",
        "2024-12-31",
      ),
    ).toEqual([
      "「清波街道小区」开工于 2023-03-01，至 2024-12-31 已 671 天仍未竣工验收（期限 365 天）",
    ]);
    // Hangzhou 2020: completed projects whose 结算审核 had not begun.
    expect(
      messages(
        community({ startedOn: "2024-01-10", acceptedOn: "2024-03-01", status: "accepted" }),
        "monitor.settlement-overdue",
        "2024-12-31",
      ),
    ).toEqual([
      "「清波街道小区」竣工验收于 2024-03-01，至 2024-12-31 已 305 天仍未结算审核（期限 180 天）",
    ]);
    expect(
      messages(
        community({
          startedOn: "2022-01-10",
          acceptedOn: "2022-09-01",
          settledOn: "2023-01-05",
          status: "settled",
        }),
        "monitor.audit-overdue",
        "2024-12-31",
      ),
    ).toEqual([
      "「清波街道小区」结算审核于 2023-01-05，至 2024-12-31 已 726 天仍未决算审计（期限 365 天）",
    ]);
  });
});

describe("buildMonitoring", () => {
  it("ranks regions by spend rate and totals the scope at the shared date", () => {
    const data = checkData({
      allocations: [
        spend("440500", "2024-12-31", "3378", "152.93"),
        spend("445200", "2024-12-31", "176", "110"),
        spend("440000", "2024-12-31", "188", "188"),
      ],
    });
    const view = buildMonitoring(data, checkOptions({ asOf: "2024-12-31" }));
    expect(view.lines.map((l) => [l.rank, l.regionName, l.rate, l.gap, l.severity])).toEqual([
      [1, "广东省", "100.00", "0.00", null],
      [2, "揭阳市", "62.50", "37.50", "error"],
      [3, "汕头市", "4.53", "95.47", "error"],
    ]);
    expect(view.total).toMatchObject({ budget: "3742", spent: "450.93", rate: "12.05" });
    expect(view.series).toEqual([
      { asOf: "2024-12-31", budget: "3742", spent: "450.93", rate: "12.05", schedule: "100.00" },
    ]);
  });
});

describe("completion over time", () => {
  it("sums the topmost regions at each date, not a region and its subregions twice", () => {
    const record = (code: string, asOf: string, plan: string, actual: string) =>
      row(code, { stage: "started", asOf, planCommunities: plan, actualCommunities: actual });
    const data = checkData({
      "plan-actual": [
        record("440000", "2024-06-30", "700", "300"),
        record("440500", "2024-06-30", "75", "30"),
        record("440000", "2024-12-31", "700", "1161"),
        record("440500", "2024-12-31", "75", "124"),
        record("440200", "2024-12-31", "78", "159"),
      ],
    });
    const view = buildMonitoring(data, checkOptions({ asOf: "2024-12-31" }));
    expect(view.completionSeries).toEqual([
      {
        asOf: "2024-06-30",
        stage: "started",
        measures: { Communities: { plan: "700", actual: "300", rate: "42.86" } },
      },
      {
        asOf: "2024-12-31",
        stage: "started",
        measures: { Communities: { plan: "700", actual: "1161", rate: "165.86" } },
      },
    ]);
  });
});
