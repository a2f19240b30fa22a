// The result of a sheet: Zhumadian 2020's 98.1 (A.1 and C.5 lost points) with the checker's findings
// on its published table (docs/seed-findings.md, 驻马店市 2020), 整改 overdue, and a year comparison.
import { describe, expect, it } from "vitest";
import { builtinFramework, checkData } from "../../../test/helpers/check-data.ts";
import { ZHUMADIAN_ENTRIES } from "../../../test/helpers/evaluation-entries.ts";
import { ZHUMADIAN_STARTED_2020 } from "../../../test/helpers/zhumadian-rows.ts";
import type { Finding } from "../checks/index.ts";
import { scoreSheet } from "./index.ts";
import {
  compareYears,
  rectificationOverdue,
  type ScoreSummary,
  sheetProblems,
} from "./problems.ts";

// 驻马店市 2020 开工 (report, 二).
const started = ZHUMADIAN_STARTED_2020;
const { scorecard } = scoreSheet(
  builtinFramework("zhumadian-2020"),
  ZHUMADIAN_ENTRIES,
  { regionCode: "411700", regions: checkData({}).regions, rows: { "plan-actual": [started] } },
  "驻马店市",
);

function finding(over: Partial<Finding> & Pick<Finding, "rule" | "severity" | "message">): Finding {
  return {
    category: "scores",
    dataset: "scores",
    regionCode: "411700",
    regionName: "驻马店市",
    programme: "驻马店市2020年老旧小区改造项目",
    rowId: 12,
    field: "score",
    figures: {},
    ...over,
  };
}

// docs/seed-findings.md, 驻马店市 2020: the first two rows, and one 提示 that is not a 问题.
const blankCounted = finding({
  rule: "score.blank-counted",
  severity: "error",
  message: {
    zh: "「老旧小区居民满意度」得分为空，但「服务对象满意度」得 5 分已将其计入（其余指标合计 0 分）",
    en: "…",
  },
  figures: { group: "5", others: "0" },
});
const pointsBlank = finding({
  rule: "score.points-blank",
  severity: "warning",
  rowId: 11,
  field: "points",
  message: { zh: "「服务对象满意度」的分值为空，其下 1 项指标分值合计 5 分", en: "…" },
});
const note = finding({ rule: "rate.rounded", severity: "info", message: { zh: "提示", en: "" } });

describe("sheetProblems", () => {
  it("lists the indicators that lost points, then the checker's errors and warnings", () => {
    expect(scorecard.total).toBe("98.1");
    const problems = sheetProblems(scorecard, [blankCounted, pointsBlank, note]);
    expect(problems.map((p) => [p.key, p.source, p.severity, p.text.zh])).toEqual([
      [
        "A.1",
        "score",
        "warning",
        "「A.1 资金筹集」得 9.1 分（分值 10 分），扣 0.9 分：地方财政补助资金：已做到：地方财政安排补助资金用于城镇老旧小区改造（5分），得5分；社会筹资比例：企业、居民等社会筹资占改造项目资金比例16.4%，低于20%的标准3.6个百分点，每低4个百分点扣1分，按比例连续计算，扣0.9分，得4.1分；合计得9.1分",
      ],
      [
        "C.5",
        "score",
        "warning",
        "「C.5 配建养老服务设施面积完成率」得 9 分（分值 10 分），扣 1 分：实际开工62395平方米，年度计划63120平方米，完成98.85%，低于计划1个百分点，扣1分，得9分",
      ],
      [
        "score.blank-counted@411700:scores:12:score",
        "finding",
        "error",
        "「老旧小区居民满意度」得分为空，但「服务对象满意度」得 5 分已将其计入（其余指标合计 0 分）",
      ],
      [
        "score.points-blank@411700:scores:11:points",
        "finding",
        "warning",
        "「服务对象满意度」的分值为空，其下 1 项指标分值合计 5 分",
      ],
    ]);
    expect(problems[1]?.text.en).toBe(
      '"C.5 配建养老服务设施面积完成率" scored 9 of 10, 1 lost: 实际开工62395平方米，年度计划63120平方米，完成98.85%，低于计划1个百分点，扣1分，得9分',
    );
    expect(problems[1]?.figures).toEqual({ score: "9", points: "10", lost: "1" });
    expect(problems[2]).toMatchObject({
      rule: "score.blank-counted",
      indicator: null,
      regionName: "驻马店市",
      figures: { group: "5", others: "0" },
    });
  });

  it("keeps keys stable when scores change, and tells apart two findings at one place", () => {
    const rescored = {
      indicators: scorecard.indicators.map((i) =>
        i.code === "C.5" ? { ...i, score: "7.0", reason: "完成96.5%" } : i,
      ),
    };
    const problems = sheetProblems(rescored, [blankCounted, blankCounted, finding({ ...note })]);
    expect(problems.map((p) => p.key)).toEqual([
      "A.1",
      "C.5",
      "score.blank-counted@411700:scores:12:score",
      "score.blank-counted@411700:scores:12:score~2",
    ]);
    expect(problems[1]?.text.zh).toBe(
      "「C.5 配建养老服务设施面积完成率」得 7 分（分值 10 分），扣 3 分：完成96.5%",
    );
  });

  it("names a finding without a row or field by its rule and region", () => {
    const [p] = sheetProblems({ indicators: [] }, [
      finding({
        rule: "monitor.spend",
        severity: "warning",
        rowId: null,
        field: null,
        message: { zh: "支出滞后", en: "behind" },
      }),
    ]);
    expect(p?.key).toBe("monitor.spend@411700:scores:-:-");
  });
});

describe("rectificationOverdue", () => {
  it("is overdue only after the deadline and while the work is open or in progress", () => {
    const due = "2021-06-30";
    expect(rectificationOverdue({ deadline: due, status: "open" }, "2021-07-01")).toBe(true);
    expect(rectificationOverdue({ deadline: due, status: "in-progress" }, "2021-07-01")).toBe(true);
    expect(rectificationOverdue({ deadline: due, status: "open" }, "2021-06-30")).toBe(false);
    expect(rectificationOverdue({ deadline: due, status: "done" }, "2022-01-01")).toBe(false);
    expect(rectificationOverdue({ deadline: due, status: "verified" }, "2022-01-01")).toBe(false);
    expect(rectificationOverdue({ deadline: null, status: "open" }, "2022-01-01")).toBe(false);
  });
});

describe("compareYears", () => {
  // Last year's table, as a different framework might print it: 项目管理 numbered E, no 满意度 group,
  // and a 可持续影响 group that this year's framework dropped.
  const lastYear: ScoreSummary = {
    points: "100",
    total: "92.5",
    rate: "92.50",
    grade: "优",
    groups: [
      { code: "A", name: "资金管理", level: 1, points: "25", score: "22.0", rate: "88.00" },
      { code: "E", name: "项目管理", level: 1, points: "10", score: "8.5", rate: "85.00" },
      { code: "C", name: "产出效益", level: 1, points: "55", score: "54.0", rate: "98.18" },
      { code: "F", name: "可持续影响", level: 1, points: "10", score: "8.0", rate: "80.00" },
    ],
  };

  it("gives this year, last year and the change for the total and each matched group", () => {
    const c = compareYears(scorecard, lastYear);
    expect(c.total).toEqual({
      code: "",
      name: "总分",
      level: 0,
      thisYear: { points: "100", score: "98.1", rate: "98.10" },
      lastYear: { points: "100", score: "92.5", rate: "92.50" },
      change: "5.6",
      rateChange: "5.60",
    });
    expect(c.grade).toEqual({ thisYear: "优", lastYear: "优", changed: false });
    expect(
      c.groups.map((g) => [
        g.code,
        g.name,
        g.thisYear?.score ?? null,
        g.lastYear?.score ?? null,
        g.change,
        g.rateChange,
      ]),
    ).toEqual([
      // 24.1 − 22.0; 96.40% − 88.00%
      ["A", "资金管理", "24.1", "22.0", "2.1", "8.40"],
      // matched by name although last year numbered it E
      ["B", "项目管理", "10.0", "8.5", "1.5", "15.00"],
      // 产出效益 had 55 points last year: the score rose by 5, the rate by 0.15 points
      ["C", "产出效益", "59.0", "54.0", "5.0", "0.15"],
      ["D", "服务对象满意度", "5.0", null, null, null],
      ["F", "可持续影响", null, "8.0", null, null],
    ]);
  });

  it("shows a fall with its sign and a changed grade", () => {
    const c = compareYears({ ...lastYear, total: "79.0", rate: "79.00", grade: "良" }, scorecard);
    expect([c.total.change, c.total.rateChange]).toEqual(["-19.1", "-19.10"]);
    expect(c.grade).toEqual({ thisYear: "良", lastYear: "优", changed: true });
    // A renamed group keeps its code: matched by code when no name matches.
    const renamed = compareYears(
      {
        ...scorecard,
        groups: [{ ...lastYear.groups[3], name: "可持续发展" } as ScoreSummary["groups"][number]],
      },
      lastYear,
    );
    expect(renamed.groups[0]).toMatchObject({ code: "F", change: "0.0", rateChange: "0.00" });
  });
});
