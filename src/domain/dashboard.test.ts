import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "./checks/index.ts";
import { buildDashboard, type DashboardInput, type RegionFigures } from "./dashboard.ts";

const region = (code: string, name: string, over: Partial<RegionFigures> = {}): RegionFigures => ({
  code,
  name,
  level: "county",
  own: false,
  hasChildren: false,
  asOf: null,
  budgetYuan: null,
  spentYuan: null,
  planStarted: null,
  actualStarted: null,
  planCompleted: null,
  actualCompleted: null,
  score: null,
  grade: null,
  scoreSource: null,
  ...over,
});

const input = (over: Partial<DashboardInput> = {}): DashboardInput => ({
  year: 2020,
  scope: { code: "411700", name: "驻马店市", level: "city" },
  trail: [],
  funds: [],
  spendSeries: [],
  planActual: [],
  regions: [],
  grades: [],
  margins: DEFAULT_OPTIONS,
  ...over,
});

describe("buildDashboard", () => {
  it("prints funds in 万元 in the sources' order with their shares of the total", () => {
    const d = buildDashboard(
      input({
        funds: [
          { source: "municipal", amountYuan: "579420000" },
          { source: "central", amountYuan: "722723600" },
          { source: "provincial", amountYuan: "33229900" },
        ],
      }),
    );
    expect(d.funds.map((f) => [f.zh, f.amount, f.share])).toEqual([
      ["中央补助", "72272.36", "54.12"],
      ["省级补助", "3322.99", "2.49"],
      ["市级补助", "57942", "43.39"],
    ]);
    expect(d.fundsTotal).toBe("133537.35");
  });

  it("recomputes spend against the time schedule, ranks regions by spend, and lists the ones behind", () => {
    const d = buildDashboard(
      input({
        spendSeries: [
          { asOf: "2020-12-31", budgetYuan: "2000000", spentYuan: "1500000" },
          { asOf: "2020-06-30", budgetYuan: "2000000", spentYuan: "400000" },
        ],
        regions: [
          region("411702", "驿城区", {
            asOf: "2020-06-30",
            budgetYuan: "1000000",
            spentYuan: "400000",
          }),
          region("411721", "西平县", {
            asOf: "2020-06-30",
            budgetYuan: "1000000",
            spentYuan: "0",
          }),
          region("411722", "上蔡县"),
          region("411723", "平舆县", {
            asOf: "2020-06-30",
            budgetYuan: "1000000",
            spentYuan: "350000",
          }),
        ],
      }),
    );
    // 2020 is a leap year: 182 of 366 days by 30 June.
    expect(d.spend).toEqual([
      { asOf: "2020-06-30", budget: "200", spent: "40", rate: "20.00", schedule: "49.73" },
      { asOf: "2020-12-31", budget: "200", spent: "150", rate: "75.00", schedule: "100.00" },
    ]);
    expect(d.regions.map((r) => [r.name, r.spendRate, r.severity])).toEqual([
      ["驿城区", "40.00", null],
      ["平舆县", "35.00", "warning"],
      ["西平县", "0.00", "error"],
      ["上蔡县", null, null],
    ]);
    expect(d.alerts).toEqual([
      {
        code: "411721",
        name: "西平县",
        severity: "error",
        spendRate: "0.00",
        schedule: "49.73",
        gap: "49.73",
      },
      {
        code: "411723",
        name: "平舆县",
        severity: "warning",
        spendRate: "35.00",
        schedule: "49.73",
        gap: "14.73",
      },
    ]);
  });

  it("ranks scores with shared ranks for ties and counts every grade, 优 to 差", () => {
    const d = buildDashboard(
      input({
        regions: [
          region("1", "甲", { score: "90.50", grade: "优", scoreSource: "evaluation" }),
          region("2", "乙", { score: "98.10", grade: "优", scoreSource: "published" }),
          region("3", "丙", { score: "90.5", grade: "优", scoreSource: "evaluation" }),
          region("4", "丁"),
        ],
        grades: [
          { grade: "良", count: 2 },
          { grade: "优", count: 3 },
        ],
      }),
    );
    expect(d.scores.map((r) => [r.name, r.score, r.scoreRank])).toEqual([
      ["乙", "98.1", 1],
      ["甲", "90.5", 2],
      ["丙", "90.5", 2],
    ]);
    expect(d.grades).toEqual([
      { grade: "优", count: 3 },
      { grade: "良", count: 2 },
      { grade: "中", count: 0 },
      { grade: "差", count: 0 },
    ]);
  });

  it("prints plan and actual per stage in the measures' units, area in 万平方米", () => {
    const d = buildDashboard(
      input({
        planActual: [
          {
            stage: "completed",
            plan: { Communities: "342", Area: "12875300" },
            actual: { Communities: "350", Area: null },
          },
          { stage: "started", plan: { Communities: "394" }, actual: { Communities: "410" } },
        ],
      }),
    );
    expect(d.planActual.map((s) => [s.zh, s.measures])).toEqual([
      [
        "开工",
        [
          {
            key: "Communities",
            zh: "小区数",
            unit: "个",
            plan: "394",
            actual: "410",
            rate: "104.06",
          },
        ],
      ],
      [
        "竣工",
        [
          {
            key: "Communities",
            zh: "小区数",
            unit: "个",
            plan: "342",
            actual: "350",
            rate: "102.34",
          },
          {
            key: "Area",
            zh: "建筑面积",
            unit: "万平方米",
            plan: "1287.53",
            actual: null,
            rate: null,
          },
        ],
      ],
    ]);
  });
});
