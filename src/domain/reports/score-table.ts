/**
 * 绩效评价指标表 / 评分表: every indicator with its points, 评分标准, score and 评分理由, the levels
 * above it merged as in the Zhumadian and Hangzhou annex tables, and the total with its grade.
 */
import { formatByPolicy, formatPlain, roundBy } from "../decimal.ts";
import { type Framework, type Indicator, textIn, walkIndicators } from "../frameworks/index.ts";
import type { IndicatorScore, Scorecard } from "../scoring/index.ts";
import type { ReportDocument, TableCell, TableColumn } from "./document.ts";

const LEVEL_ZH = ["一", "二", "三", "四", "五"] as const;

export interface ScoreTableSubject {
  /** 填报单位 / the evaluated region, e.g. 驻马店市. */
  unit: string;
  /** What users wrote as the basis of a judged score, by indicator code (added to the reason). */
  notes?: Record<string, string>;
}

interface Leaf {
  indicator: Indicator;
  /** The indicator and its ancestors, from 一级指标 down. */
  line: Indicator[];
}

function leavesOf(framework: Framework): Leaf[] {
  const stack: Indicator[] = [];
  const leaves: Leaf[] = [];
  for (const node of walkIndicators(framework)) {
    stack.length = node.level - 1;
    stack.push(node.indicator);
    if (!node.indicator.children) leaves.push({ indicator: node.indicator, line: [...stack] });
  }
  return leaves;
}

/** How many leaves lie under each indicator (its row span in the table). */
function leafCounts(leaves: readonly Leaf[]): Map<Indicator, number> {
  const counts = new Map<Indicator, number>();
  for (const leaf of leaves) {
    for (const node of leaf.line) counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

const cell = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ text, ...extra });
const points = (indicator: Indicator): TableCell => {
  const text = formatPlain(indicator.points);
  return cell(text, { value: text, align: "center" });
};

/** The indicator score table of one scored sheet, as the report annex prints it. */
export function scoreTableDocument(
  framework: Framework,
  scorecard: Scorecard,
  subject: ScoreTableSubject,
): ReportDocument {
  const leaves = leavesOf(framework);
  const depth = Math.max(...leaves.map((l) => l.line.length));
  const spans = leafCounts(leaves);
  const scores = new Map<string, IndicatorScore>(scorecard.indicators.map((i) => [i.code, i]));
  const name = (i: Indicator) => textIn(i.name, "zh-CN");

  const columns: TableColumn[] = [];
  for (let l = 0; l < depth; l += 1) {
    columns.push({ title: `${LEVEL_ZH[l] ?? l + 1}级指标`, width: 12 });
    columns.push({ title: "分值", width: 6 });
  }
  columns.push({ title: "评分标准", width: 36 }, { title: "得分", width: 7 });
  columns.push({ title: "评分理由", width: 36 });

  const header: TableCell[][] = [
    [
      cell("评价指标", { colSpan: depth * 2, align: "center", bold: true }),
      cell("评分标准", { rowSpan: 2, align: "center", bold: true }),
      cell("得分", { rowSpan: 2, align: "center", bold: true }),
      cell("评分理由", { rowSpan: 2, align: "center", bold: true }),
    ],
    columns.slice(0, depth * 2).map((c) => cell(c.title, { align: "center", bold: true })),
  ];

  const shown = new Set<Indicator>();
  const rows: TableCell[][] = leaves.map((leaf) => {
    const row: TableCell[] = [];
    for (const [l, node] of leaf.line.entries()) {
      if (shown.has(node)) continue;
      shown.add(node);
      const isLeaf = node === leaf.indicator;
      // A leaf above the deepest level spans the level columns it leaves empty.
      const extra = isLeaf ? (depth - 1 - l) * 2 : 0;
      const span = spans.get(node) ?? 1;
      const rowSpan = span > 1 ? { rowSpan: span } : {};
      row.push(cell(name(node), { ...rowSpan, ...(extra > 0 ? { colSpan: extra + 1 } : {}) }));
      row.push({ ...points(node), ...rowSpan });
    }
    const scored = scores.get(leaf.indicator.code);
    const score = scored ? formatPlain(roundBy(scored.score, scored.rounding)) : "";
    const note = subject.notes?.[leaf.indicator.code]?.trim();
    row.push(
      cell(leaf.indicator.criteria ? textIn(leaf.indicator.criteria, "zh-CN") : ""),
      cell(score, { value: score, align: "center" }),
      cell([scored?.reason ?? "", note ? `评分依据：${note}` : ""].filter(Boolean).join("\n")),
    );
    return row;
  });

  const total = formatByPolicy(scorecard.total, scorecard.rounding.total);
  const totalPoints = formatPlain(scorecard.points);
  rows.push([
    cell("合计", { colSpan: depth * 2 - 1, align: "center", bold: true }),
    cell(totalPoints, { value: totalPoints, align: "center", bold: true }),
    cell(""),
    cell(total, { value: total, align: "center", bold: true }),
    cell(`评价等级：${scorecard.grade.label}`, { bold: true }),
  ]);

  const title = textIn(framework.name, "zh-CN");
  return {
    title,
    orientation: "landscape",
    blocks: [
      { kind: "paragraph", text: `填报单位：${subject.unit}` },
      { kind: "table", name: "评分表", caption: "表1 绩效评价指标评分表", columns, header, rows },
      {
        kind: "paragraph",
        text: `总分 ${total} 分（满分 ${totalPoints} 分），评价等级为“${scorecard.grade.label}”。`,
      },
    ],
  };
}
