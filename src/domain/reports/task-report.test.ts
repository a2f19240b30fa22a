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
      "已审核评分2个地区（共3个），平均得分88.25分，其中“优”1个、“良”1个、“中”0个、“差”0个。",
    );
    const charts = doc.blocks.filter((b): b is ChartBlock => b.kind === "chart");
    expect(charts.map((c) => [c.caption, c.categories, c.series[0]?.values])).toEqual([
      ["图1 评价等级分布", ["优", "良", "中", "差"], ["1", "1", "0", "0"]],
      // 决策 (18 ÷ 20 + 20 ÷ 20) ÷ 2 = 95%; 过程 only 甲市 27.5 ÷ 30; 产出 has no points.
      ["图2 各一级指标平均得分率", ["决策", "过程", "产出"], ["95.00", "91.67", null]],
    ]);
  });

  it("counts deductions of approved sheets only; drafts and sheets awaiting review are listed as 未填报 / 未审核", () => {
    const lost = { "A.1": "2" };
    const doc = taskReportDocument({
      ...input,
      indicators: [{ code: "A.1", name: "资金筹集", points: "10" }],
      sheets: [
        { ...sheet("甲市", "91.5", { A: "18" }), lost: { "A.1": "1.5" } },
        // A draft scores 0 on what nobody entered: it must not count as 10 points lost.
        { ...sheet("乙市", null, {}), lost },
        { ...sheet("丙市", null, {}), status: "submitted", lost },
        { ...sheet("丁市", null, {}), status: "returned", lost },
      ],
    });
    const text = doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(text[0]).toMatch(
      /目前已审核1个、未审核1个、未填报2个；本报告的得分、排名和扣分只计已审核的1个地区（共4个）。$/,
    );
    expect(text.at(-1)).toBe(
      "扣分地区最多的指标是“资金筹集”，已审核的1个地区中1个扣分，合计扣1.5分（未填报、未审核的地区不计）。",
    );
    const table = doc.blocks.find((b) => b.kind === "table" && b.name === "分地区评价情况");
    const status = table?.kind === "table" ? table.rows.map((r) => r.at(-1)?.text) : [];
    expect(status).toEqual(["已审核", "未填报", "未审核", "未填报（已退回）"]);
  });
});
