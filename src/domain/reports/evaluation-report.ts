/**
 * 绩效评价报告: 基本情况 (funds, spend, targets), 评价结论 (total, grade, group table, last year),
 * 绩效分析 by indicator group, 存在问题 (lost points and checker findings) with their 整改, and the
 * indicator score table as the annex. Every sentence is generated from the figures it quotes.
 */
import type { Dashboard } from "../dashboard.ts";
import type { YearComparison } from "../evaluations/problems.ts";
import type { ScorecardJson } from "../scoring/index.ts";
import type { Block, ReportDocument, TableBlock } from "./document.ts";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] as const;
const num = (i: number) => NUMERALS[i] ?? String(i + 1);

const STATUS_ZH = {
  open: "待整改",
  "in-progress": "整改中",
  done: "已整改",
  verified: "已验收",
} as const;

export interface ReportProblem {
  text: string;
  rectification: {
    owner: string | null;
    deadline: string | null;
    status: keyof typeof STATUS_ZH;
    result: string | null;
  } | null;
}

export interface EvaluationReportInput {
  region: string;
  year: number;
  taskName: string;
  frameworkName: string;
  scorecard: ScorecardJson;
  comparison: (YearComparison & { previous: { year: number } }) | null;
  problems: ReportProblem[];
  /** The region's year from the dashboard: funds, spend, plan vs actual. */
  dashboard: Dashboard;
  /** The indicator score table, as the annex. */
  scoreTable: TableBlock;
  /** Each leaf indicator's 一级指标 code. */
  level1Of: Readonly<Record<string, string>>;
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The evaluation report of one region's sheet. */
export function evaluationReportDocument(input: EvaluationReportInput): ReportDocument {
  const { region, year, scorecard: card, dashboard: d } = input;
  const blocks: Block[] = [];
  let section = 0;
  const h1 = (text: string) => {
    blocks.push({ kind: "heading", level: 1, text: `${num(section)}、${text}` });
    section += 1;
  };
  const para = (text: string) => blocks.push({ kind: "paragraph", indent: true, text });

  h1("基本情况");
  blocks.push({ kind: "heading", level: 2, text: "（一）资金情况" });
  if (d.funds.length > 0 && d.fundsTotal !== null) {
    const parts = d.funds.map((f) => `${f.zh}${f.amount}万元（占${f.share}%）`).join("、");
    para(`${year}年，${region}项目资金共${d.fundsTotal}万元，其中${parts}。`);
  } else {
    para(`${year}年${region}暂无分来源的资金数据。`);
  }
  const spend = d.spend.at(-1);
  if (spend) {
    para(
      `截至${chineseDate(spend.asOf)}，下达资金${spend.budget}万元，实际支出${spend.spent}万元，` +
        `支出率${spend.rate ?? "—"}%。`,
    );
  }
  blocks.push({ kind: "heading", level: 2, text: "（二）绩效目标完成情况" });
  if (d.planActual.length === 0) para("暂无改造任务计划与完成数据。");
  for (const stage of d.planActual) {
    const parts = stage.measures.map(
      (m) =>
        `${m.zh}计划${m.plan ?? "—"}${m.unit}，实际${m.actual ?? "—"}${m.unit}，完成率${m.rate ?? "—"}%`,
    );
    para(`${stage.zh}：${parts.join("；")}。`);
  }

  h1("评价结论");
  para(
    `根据${input.frameworkName}，经评价，${region}得分${card.total}分（满分${card.points}分），` +
      `得分率${card.rate}%，评价等级为“${card.grade}”。`,
  );
  const c = input.comparison;
  if (c?.total.lastYear && c.total.change !== null) {
    const delta = c.total.change.startsWith("-")
      ? `减少${c.total.change.slice(1)}`
      : `增加${c.total.change}`;
    para(
      `与${c.previous.year}年（${c.total.lastYear.score}分，“${c.grade.lastYear}”）相比，得分${delta}分` +
        `${c.grade.changed ? `，等级由“${c.grade.lastYear}”变为“${c.grade.thisYear}”` : ""}。`,
    );
  }
  const groups = card.groups.filter((g) => g.level === 1);
  blocks.push({
    kind: "table",
    name: "评价结论",
    caption: "各一级指标得分情况",
    columns: [
      { title: "一级指标", width: 30 },
      { title: "分值", width: 10 },
      { title: "得分", width: 10 },
      { title: "得分率", width: 12 },
    ],
    header: [
      ["一级指标", "分值", "得分", "得分率"].map((text) => ({ text, align: "center", bold: true })),
    ],
    rows: [
      ...groups.map((g) => [
        { text: g.name },
        { text: g.points, value: g.points, align: "right" as const },
        { text: g.score, value: g.score, align: "right" as const },
        { text: `${g.rate}%`, align: "right" as const },
      ]),
      [
        { text: "合计", bold: true, align: "center" as const },
        { text: card.points, value: card.points, align: "right" as const, bold: true },
        { text: card.total, value: card.total, align: "right" as const, bold: true },
        { text: `${card.rate}%`, align: "right" as const, bold: true },
      ],
    ],
  });

  h1("绩效分析");
  for (const [gi, g] of groups.entries()) {
    blocks.push({
      kind: "heading",
      level: 2,
      text: `（${num(gi)}）${g.name}（分值${g.points}分，得分${g.score}分，得分率${g.rate}%）`,
    });
    const under = card.indicators.filter((i) => input.level1Of[i.code] === g.code);
    for (const [ii, ind] of under.entries()) {
      para(`${ii + 1}. ${ind.name}（分值${ind.points}分，得分${ind.score}分）：${ind.reason}`);
    }
  }

  h1("存在问题及原因");
  if (input.problems.length === 0) para("经评价，未发现扣分指标和数据问题。");
  for (const [i, p] of input.problems.entries()) para(`${i + 1}. ${p.text}`);

  h1("整改情况与建议");
  const tracked = input.problems.filter((p) => p.rectification !== null);
  if (tracked.length === 0 && input.problems.length > 0) {
    para(
      "上述问题尚未登记整改。建议责任单位逐项明确整改措施、责任人和整改期限，并及时报送整改结果。",
    );
  }
  for (const [i, p] of tracked.entries()) {
    const r = p.rectification;
    if (!r) continue;
    const who = [
      r.owner ? `责任单位：${r.owner}` : "",
      r.deadline ? `整改期限：${chineseDate(r.deadline)}` : "",
      `状态：${STATUS_ZH[r.status]}`,
      r.result ? `整改结果：${r.result}` : "",
    ]
      .filter(Boolean)
      .join("；");
    para(`${i + 1}. ${p.text}（${who}）`);
  }

  blocks.push({ kind: "heading", level: 1, text: "附件：绩效评价指标评分表" });
  blocks.push({ ...input.scoreTable, caption: "附件 绩效评价指标评分表" });

  return { title: `${input.taskName}报告`, orientation: "portrait", blocks };
}
