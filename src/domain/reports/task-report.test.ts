import { describe, expect, it } from "vitest";
import type { ChartBlock } from "./document.ts";
import { type TaskReportSheet, taskReportDocument } from "./task-report.ts";

const sheet = (region: string, total: string | null, groups: Record<string, string>) =>
  ({
    rank: null,
    region,
    status: total === null ? "draft" : "approved",
    total,
    grade: total === null ? null : Number(total) >= 90 ? "优" : "良",
    groups,
    lost: {},
  }) satisfies TaskReportSheet;

const input = {
  taskName: "老旧小区改造资金绩效评价",
  year: 2024,
  region: "某省",
  typeZh: "重点评价",
  frameworkName: "某指标体系",
  deadline: null,
  groups: [
    { code: "A", name: "决策", points: "20" },
    { code: "B", name: "过程", points: "30" },
    { code: "C", name: "产出", points: "0" },
  ],
  indicators: [],
  sheets: [
    sheet("甲市", "91.5", { A: "18", B: "27.5" }),
    sheet("乙市", "85", { A: "20" }),
    sheet("丙市", null, { A: "1", B: "1" }),
  ],
  rollUp: null,
};

describe("task report", () => {
  it("averages the scored regions and charts grades and group rates", () => {
    const doc = taskReportDocument(input);
    const text = doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    // (91.5 + 85) ÷ 2 = 88.25; the unscored 丙市 is left out.
    expect(text[1]).toBe(
      "已评分2个地区，平均得分88.25分，其中“优”1个、“良”1个、“中”0个、“差”0个。",
    );
    const charts = doc.blocks.filter((b): b is ChartBlock => b.kind === "chart");
    expect(charts.map((c) => [c.caption, c.categories, c.series[0]?.values])).toEqual([
      ["图1 评价等级分布", ["优", "良", "中", "差"], ["1", "1", "0", "0"]],
      // 决策 (18 ÷ 20 + 20 ÷ 20) ÷ 2 = 95%; 过程 only 甲市 27.5 ÷ 30; 产出 has no points.
      ["图2 各一级指标平均得分率", ["决策", "过程", "产出"], ["95.00", "91.67", null]],
    ]);
  });
});
