import { describe, expect, it } from "vitest";
import { headerRow, type TableBlock } from "../domain/reports/index.ts";
import {
  CELL_MARGIN,
  columnWidths,
  minColumnWidths,
  TABLE_EM,
  tokenWidth,
  unbreakableTokens,
} from "./column-widths.ts";

// The portrait text width of A4 with GB/T 9704's 28 + 26 mm side margins: 156 mm in twips.
const PORTRAIT = 8844;

/** The Zhumadian annex's two-level score table shape, with its widest figures. */
const scoreTable: TableBlock = {
  kind: "table",
  name: "评分表",
  columns: [
    { title: "一级指标", width: 12 },
    { title: "分值", width: 6 },
    { title: "二级指标", width: 12 },
    { title: "分值", width: 6 },
    { title: "评分标准", width: 36 },
    { title: "得分", width: 7 },
    { title: "评分理由", width: 36 },
  ],
  header: [
    [
      { text: "评价指标", colSpan: 4 },
      { text: "评分标准", rowSpan: 2 },
      { text: "得分", rowSpan: 2 },
      { text: "评分理由", rowSpan: 2 },
    ],
    ["一级指标", "分值", "二级指标", "分值"].map((text) => ({ text })),
  ],
  rows: [
    [
      { text: "资金管理" },
      { text: "25" },
      { text: "资金筹集" },
      { text: "10" },
      { text: "中央和省级资金到位率达到100%得满分" },
      { text: "9.1" },
      { text: "到位率91%，扣0.9分" },
    ],
    [
      { text: "合计", colSpan: 3 },
      { text: "100" },
      { text: "" },
      { text: "98.1", bold: true },
      { text: "评价等级：优" },
    ],
  ],
};

describe("unbreakable tokens", () => {
  it("keeps numbers and percentages whole, splits CJK per character, and binds closing marks", () => {
    expect(unbreakableTokens("完成率96.40%，面积15129.00平方米")).toEqual([
      "完",
      "成",
      "率",
      "96.40%，",
      "面",
      "积",
      "15129.00",
      "平",
      "方",
      "米",
    ]);
    expect(unbreakableTokens("（一）资金 情况")).toEqual(["（一）", "资", "金", "情", "况"]);
  });

  it("measures digits at half an em and CJK at one, plus a quarter em and the cell margins", () => {
    // "100": 1.5 em + 0.25 em = 367.5 → 368 twips, with 80 + 80 of margins.
    expect(tokenWidth("100")).toBe(368 + 2 * CELL_MARGIN);
    // "15129.00": 8 × 0.5 em = 4 em + 0.25 em.
    expect(tokenWidth("15129.00")).toBe(Math.ceil(4.25 * TABLE_EM) + 2 * CELL_MARGIN);
    // "96.40%": 5 × 0.5 + 0.75 (%) = 3.25 em + 0.25 em.
    expect(tokenWidth("96.40%")).toBe(Math.ceil(3.5 * TABLE_EM) + 2 * CELL_MARGIN);
  });
});

describe("column widths", () => {
  it("takes each column's least width from its widest token; short header titles stay whole", () => {
    const mins = minColumnWidths(scoreTable);
    // 分值 and 得分 as header titles: 2 em + 0.25 em = 473 twips, and the margins.
    expect(mins[1]).toBe(633);
    expect(mins[3]).toBe(633);
    expect(mins[3]).toBeGreaterThan(tokenWidth("100"));
    expect(mins[5]).toBe(633);
    // 一级指标 kept whole (4.25 em); "评价指标" spans four columns, so it sets none of them.
    expect(mins[0]).toBe(893 + 160);
    // A longer title breaks between its characters, (百 and 点) held by their brackets: 2 em.
    const lag: TableBlock = {
      kind: "table",
      name: "x",
      columns: [{ title: "落后（百分点）", width: 1 }],
      header: headerRow(["落后（百分点）"]),
      rows: [],
    };
    expect(minColumnWidths(lag)).toEqual([Math.ceil(2.25 * TABLE_EM) + 2 * CELL_MARGIN]);
  });

  it("keeps a short label whole (the monitoring table's 红色预警), but breaks longer CJK text", () => {
    const table: TableBlock = {
      kind: "table",
      name: "分地区支出",
      columns: [
        { title: "地区", width: 16 },
        { title: "预警", width: 8 },
      ],
      header: headerRow(["地区", "预警"]),
      rows: [[{ text: "广东省（本级）" }, { text: "红色预警" }]],
    };
    // 4 em + a quarter em of slack at 210 twips per em, plus 80 twips each side: 1052.5 → 1053.
    expect(minColumnWidths(table)[1]).toBe(Math.ceil(4.25 * TABLE_EM + 2 * CELL_MARGIN));
    // 广东省（本级） breaks between characters, brackets bound to theirs: 广 东 省 （本 级）, 2 em at most.
    expect(minColumnWidths(table)[0]).toBe(Math.ceil(2.25 * TABLE_EM + 2 * CELL_MARGIN));
  });

  it("widens the 0.8 cm 分值 columns of a portrait page to fit 100, from the two text columns", () => {
    // Scaled alone, 6 / 115 of 8844 twips is 461 twips (0.81 cm): "100" broke to "10/0" in Word.
    expect(Math.floor((6 / 115) * PORTRAIT)).toBeLessThan(tokenWidth("100"));
    const widths = columnWidths(scoreTable, PORTRAIT);
    expect(widths.reduce((s, w) => s + w, 0)).toBe(PORTRAIT);
    const mins = minColumnWidths(scoreTable);
    for (const [i, w] of widths.entries()) expect(w).toBeGreaterThanOrEqual(mins[i] ?? 0);
    expect(widths[1]).toBe(mins[1]);
    expect(widths[3]).toBe(mins[3]);
    // The width given to the narrow columns comes mostly from 评分标准 and 评分理由.
    const scaled = scoreTable.columns.map((c) => (c.width / 115) * PORTRAIT);
    const given = (i: number) => (scaled[i] ?? 0) - (widths[i] ?? 0);
    expect(given(4) + given(6)).toBeGreaterThan(0.7 * (given(4) + given(6) + given(0) + given(2)));
  });

  it("leaves the model's proportions when every column already fits", () => {
    const wide: TableBlock = {
      kind: "table",
      name: "x",
      columns: [
        { title: "一级指标", width: 30 },
        { title: "分值", width: 10 },
      ],
      header: headerRow(["一级指标", "分值"]),
      rows: [[{ text: "资金管理" }, { text: "100" }]],
    };
    // 30 / 40 and 10 / 40 of 8844: 6633 and 2211.
    expect(columnWidths(wide, PORTRAIT)).toEqual([6633, 2211]);
  });

  it("shrinks the least widths alike when even they exceed the page", () => {
    const crowded: TableBlock = {
      kind: "table",
      name: "x",
      columns: Array.from({ length: 30 }, () => ({ title: "", width: 1 })),
      header: [],
      rows: [Array.from({ length: 30 }, () => ({ text: "15129.00" }))],
    };
    const widths = columnWidths(crowded, PORTRAIT);
    expect(widths.reduce((s, w) => s + w, 0)).toBe(PORTRAIT);
    expect(Math.min(...widths)).toBe(Math.floor(PORTRAIT / 30));
  });
});
