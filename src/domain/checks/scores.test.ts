// Published score tables against their own subtotals, the total, the grade and the framework's rules.
import { describe, expect, it } from "vitest";
import { builtinFramework, checkData, row } from "../../../test/helpers/check-data.ts";
import { candidateProblems, checkOptions, runChecks } from "./index.ts";
import type { CheckRow, RowsByDataset } from "./types.ts";

const options = checkOptions({ asOf: "2021-06-30" });
const frameworks = new Map([
  ["zhumadian-2020", builtinFramework("zhumadian-2020")],
  ["suzhou-2020", builtinFramework("suzhou-2020")],
]);
const run = (rows: RowsByDataset) =>
  runChecks(checkData(rows, { year: 2020, frameworks }), options);
const messages = (rows: RowsByDataset, rule: string) =>
  run(rows)
    .findings.filter((f) => f.rule === rule)
    .map((f) => f.message.zh);

const programme = (values: Record<string, string | null>): CheckRow => ({
  id: 3,
  regionCode: "411700",
  values: { name: "驻马店市2020年老旧小区改造项目", framework: "zhumadian-2020", ...values },
});
const score = (
  level1: string,
  level2: string | null,
  points: string | null,
  value: string | null,
) => row("411700", { programme: "3", level1, level2, indicator: null, points, score: value });

// Zhumadian 2020 指标表, shortened to two groups that still add up to 100 points.
const table = (satisfaction: string | null, groupPoints: string | null = "5") => [
  score("资金管理", null, "95", "94.1"),
  score("资金管理", "资金筹集", "95", "94.1"),
  score("服务对象满意度", null, groupPoints, "5"),
  score("服务对象满意度", "老旧小区居民满意度", "5", satisfaction),
];

describe("score tables", () => {
  it("pass when every subtotal, the total and the grade agree", () => {
    const result = run({
      programmes: [programme({ publishedScore: "99.1", publishedGrade: "优" })],
      scores: table("5"),
    });
    expect(result.findings.filter((f) => f.category === "scores" || f.category === "sums")).toEqual(
      [],
    );
  });

  it("score.blank-counted: a blank indicator inside a group score (Zhumadian 满意度)", () => {
    expect(messages({ scores: table(null) }, "score.blank-counted")).toEqual([
      "「老旧小区居民满意度」得分为空，但「服务对象满意度」得 5 分已将其计入（其余指标合计 0 分）",
    ]);
  });

  it("score.points-blank: a group without points whose indicators have them", () => {
    expect(messages({ scores: table("5", null) }, "score.points-blank")).toEqual([
      "「服务对象满意度」的分值为空，其下 1 项指标分值合计 5 分",
    ]);
  });

  it("score.above-points and sum.scores", () => {
    const rows = [
      score("资金管理", null, "95", "94.1"),
      score("资金管理", "资金筹集", "90", "93.1"),
      score("资金管理", "资金分配", "5", "5"),
    ];
    expect(messages({ scores: rows }, "score.above-points")).toEqual([
      "「资金筹集」得分 93.1 分，超过其分值 90 分",
    ]);
    expect(messages({ scores: rows }, "sum.scores")).toEqual([
      "「资金管理」得分 94.1 分，其下指标得分合计 98.1 分",
    ]);
    const points = [
      score("资金管理", null, "25", null),
      score("资金管理", "资金筹集", "10", "9.1"),
    ];
    expect(messages({ scores: points }, "sum.scores")).toEqual([
      "「资金管理」分值 25 分，其下指标分值合计 10 分（资金筹集）",
    ]);
  });

  it("sum.score-total, score.points-total and score.grade against the programme's published total", () => {
    const rows = {
      programmes: [programme({ publishedScore: "98.1", publishedGrade: "良" })],
      scores: [score("资金管理", null, "90", "94.1"), score("服务对象满意度", null, "5", "5")],
    };
    expect(messages(rows, "sum.score-total")).toEqual([
      "总分 98.1 分，评分表各项得分合计 99.1 分（相差 -1 分）",
    ]);
    expect(messages(rows, "score.points-total")).toEqual([
      "评分表各项分值合计 95 分，与指标体系总分 100 分不符",
    ]);
    expect(messages(rows, "score.grade")).toEqual([
      "总分 98.1 分应评为“优”（优 ≥ 90），表中为“良”",
    ]);
  });

  it("score.equal-share: Suzhou's 投入目标 weights against 24 ÷ 6", () => {
    const suzhou = (weights: string[]) => ({
      programmes: [
        { id: 2, regionCode: "320500", values: { name: "试点", framework: "suzhou-2020" } },
      ],
      scores: [
        row("320500", {
          programme: "2",
          level1: "投入目标",
          level2: null,
          indicator: null,
          points: "24",
          score: "24",
        }),
        ...weights.map((w, i) =>
          row("320500", {
            programme: "2",
            level1: "投入目标",
            level2: `指标${i + 1}`,
            indicator: null,
            points: w,
            score: w,
          }),
        ),
      ],
    });
    expect(messages(suzhou(["4", "4", "4", "4", "4", "4"]), "score.equal-share")).toEqual([]);
    expect(messages(suzhou(["3", "3", "3", "8", "3", "4"]), "score.equal-share")).toEqual([
      "「投入目标」24 分、6 项指标，按“各项指标分值＝该类总分值÷指标个数”每项应为 4 分，表中为 3、3、3、8、3、4 分",
    ]);
  });

  it("candidate problems list the findings and every indicator that lost points", () => {
    const data = checkData({ scores: table(null) }, { year: 2020, frameworks });
    const result = runChecks(data, options);
    const problems = candidateProblems(result.findings, data);
    expect(problems.map((p) => p.text.zh)).toEqual([
      "「老旧小区居民满意度」得分为空，但「服务对象满意度」得 5 分已将其计入（其余指标合计 0 分）",
      "「资金筹集」得 94.1 分（分值 95 分），扣 0.9 分",
    ]);
  });
});
