/**
 * 绩效评价报告: 基本情况 (funds, spend, targets), 评价结论 (total, grade, group table, last year),
 * 绩效分析 by indicator group, 存在问题 (lost points and checker findings) with their 整改, and the
 * indicator score table as the annex. Every sentence is generated from the figures it quotes.
 */
import type { Dashboard } from "../dashboard.ts";
import { Decimal } from "../decimal.ts";
import type { YearComparison } from "../evaluations/problems.ts";
import { formatWan } from "../money.ts";
import type { ScorecardJson } from "../scoring/index.ts";
import { type Block, type ReportDocument, simpleTable, type TableBlock } from "./document.ts";
import {
  allocationSentence,
  chineseDate,
  chineseNumeral,
  fundsSentence,
  planActualSentences,
  type ReportAllocation,
  type ReportSurvey,
  reportTitle,
  SHEET_STATUS_ZH,
  spendSentence,
  surveySentence,
} from "./sentences.ts";

const num = chineseNumeral;

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
  /** The regions below this one evaluated in the same task, ranked (分地区评价情况). */
  subregions: {
    rank: number | null;
    region: string;
    total: string | null;
    grade: string | null;
    status: string;
  }[];
  /** The evidence kept with the sheet (附件2). */
  evidence: { indicator: string; fileName: string; uploadedBy: string; uploadedAt: string }[];
  /** The user's rewrites by narrative key. */
  narratives?: Readonly<Record<string, string>>;
  /** The region's approved allocation plan of the year, if any (资金分配情况). */
  allocation?: ReportAllocation | null;
  /** The task's satisfaction survey as it covers the region, if any (满意度调查情况). */
  survey?: ReportSurvey | null;
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
  let tables = 0;
  /** "表1 …" in document order (the annex tables keep "附件1 …"). */
  const caption = (text: string) => {
    tables += 1;
    return `表${tables} ${text}`;
  };
  const narratives = input.narratives ?? {};
  /** A paragraph; with a key, a narrative the user may have rewritten. */
  const para = (text: string, key?: string) => {
    if (!key) return blocks.push({ kind: "paragraph", indent: true, text });
    const edited = narratives[key];
    return blocks.push({
      kind: "paragraph",
      indent: true,
      key,
      text: edited ?? text,
      ...(edited !== undefined ? { edited: true } : {}),
    });
  };

  h1("基本情况");
  blocks.push({ kind: "heading", level: 2, text: "（一）资金情况" });
  para(fundsSentence(d, region, year), "basic.funds");
  const spent = spendSentence(d);
  if (spent) para(spent, "basic.spend");
  let sub = 1;
  const h2 = (text: string) => {
    blocks.push({ kind: "heading", level: 2, text: `（${num(sub)}）${text}` });
    sub += 1;
  };
  const a = input.allocation;
  if (a) {
    h2("资金分配情况");
    para(allocationSentence(a), "basic.allocation");
    blocks.push(
      simpleTable({
        name: "资金分配结果",
        caption: caption("资金分配结果（金额单位：万元）"),
        columns: [
          { title: "地区", width: 30 },
          { title: "分配金额（万元）", width: 20 },
        ],
        rows: [
          ...a.regions.map((r) => [
            { text: r.name },
            { text: formatWan(r.amount), value: formatWan(r.amount), align: "right" as const },
          ]),
          [
            { text: "合计", bold: true, align: "center" as const },
            {
              text: formatWan(a.distributable),
              value: formatWan(a.distributable),
              align: "right" as const,
              bold: true,
            },
          ],
        ],
      }),
    );
  }
  h2("绩效目标完成情况");
  para(planActualSentences(d).join(""), "basic.targets");
  if (input.survey) {
    h2("满意度调查情况");
    para(surveySentence(input.survey), "basic.survey");
  }

  h1("评价结论");
  para(
    `根据${input.frameworkName}，经评价，${region}得分${card.total}分（满分${card.points}分），` +
      `得分率${card.rate}%，评价等级为“${card.grade}”。`,
    "conclusion",
  );
  const c = input.comparison;
  if (c?.total.lastYear && c.total.change !== null) {
    const delta = c.total.change.startsWith("-")
      ? `减少${c.total.change.slice(1)}`
      : `增加${c.total.change}`;
    para(
      `与${c.previous.year}年（${c.total.lastYear.score}分，“${c.grade.lastYear}”）相比，得分${delta}分` +
        `${c.grade.changed ? `，等级由“${c.grade.lastYear}”变为“${c.grade.thisYear}”` : ""}。`,
      "conclusion.comparison",
    );
  }
  const groups = card.groups.filter((g) => g.level === 1);
  blocks.push(
    simpleTable({
      name: "评价结论",
      caption: caption("各一级指标得分情况"),
      columns: [
        { title: "一级指标", width: 30 },
        { title: "分值", width: 10 },
        { title: "得分", width: 10 },
        { title: "得分率", width: 12 },
      ],
      rows: [
        ...groups.map((g) => [
          { text: g.name },
          { text: g.points, value: g.points, align: "right" as const },
          { text: g.score, value: g.score, align: "right" as const },
          { text: `${g.rate}%`, value: g.rate, percent: true as const, align: "right" as const },
        ]),
        [
          { text: "合计", bold: true, align: "center" as const },
          { text: card.points, value: card.points, align: "right" as const, bold: true },
          { text: card.total, value: card.total, align: "right" as const, bold: true },
          {
            text: `${card.rate}%`,
            value: card.rate,
            percent: true as const,
            align: "right" as const,
            bold: true,
          },
        ],
      ],
    }),
  );

  blocks.push({
    kind: "chart",
    name: "各一级指标得分率",
    caption: "图1 各一级指标得分率",
    categories: groups.map((g) => g.name),
    series: [{ name: "得分率", type: "bar", values: groups.map((g) => g.rate) }],
    axisUnits: ["%"],
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

  if (input.subregions.length > 0) {
    h1("分地区评价情况");
    const scored = input.subregions.filter((r) => r.total !== null);
    const counts = ["优", "良", "中", "差"]
      .map((g) => [g, scored.filter((r) => r.grade === g).length] as const)
      .filter(([, n]) => n > 0)
      .map(([g, n]) => `“${g}”${n}个`);
    para(
      `本次评价同时对${region}所辖${input.subregions.length}个地区开展评价，已评分${scored.length}个` +
        `${counts.length > 0 ? `，其中${counts.join("、")}` : ""}。`,
      "subregions",
    );
    blocks.push(
      simpleTable({
        name: "分地区评价情况",
        caption: caption("分地区评价得分及排名"),
        columns: [
          { title: "排名", width: 8 },
          { title: "地区", width: 24 },
          { title: "得分", width: 12 },
          { title: "等级", width: 10 },
          { title: "状态", width: 12 },
        ],
        rows: input.subregions.map((r) => [
          r.rank === null
            ? { text: "—", align: "center" as const }
            : { text: String(r.rank), value: String(r.rank), align: "center" as const },
          { text: r.region },
          r.total === null
            ? { text: "—", align: "right" as const }
            : { text: r.total, value: r.total, align: "right" as const },
          { text: r.grade ?? "—", align: "center" as const },
          { text: SHEET_STATUS_ZH[r.status] ?? r.status, align: "center" as const },
        ]),
      }),
    );
  }

  h1("主要经验");
  const full = groups
    .map((g) => ({
      g,
      names: card.indicators
        .filter((i) => input.level1Of[i.code] === g.code && new Decimal(i.score).eq(i.points))
        .map((i) => i.name),
    }))
    .filter((x) => x.names.length > 0);
  para(
    full.length === 0
      ? "本年度无满分指标。"
      : `${full
          .map(
            ({ g, names }) =>
              `${g.name}方面，${names.slice(0, 4).join("、")}${names.length > 4 ? "等" : ""}${names.length}项指标得满分`,
          )
          .join("；")}。`,
    "experience",
  );

  h1("存在问题及原因");
  if (input.problems.length === 0) para("经评价，未发现扣分指标和数据问题。");
  for (const [i, p] of input.problems.entries()) para(`${i + 1}. ${p.text}`);

  h1("整改情况与建议");
  const tracked = input.problems.filter((p) => p.rectification !== null);
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
  const lost = card.indicators.filter((i) => !new Decimal(i.score).eq(i.points));
  para(
    input.problems.length === 0
      ? "建议继续加强资金使用和项目管理，巩固改造成效，做好下一年度绩效目标申报。"
      : tracked.length < input.problems.length
        ? "上述问题尚未全部登记整改。建议责任单位逐项明确整改措施、责任人和整改期限，并及时报送整改结果" +
          (lost.length > 0
            ? `；重点改进${lost
                .slice(0, 5)
                .map((i) => i.name)
                .join("、")}等扣分指标。`
            : "。")
        : "建议责任单位按期完成整改并报送整改结果，财政部门跟踪问效。",
    "suggestions",
  );

  // The score table is as wide as a landscape page (GB/T 9704 lets an annex turn the page).
  blocks.push({ kind: "section", orientation: "landscape" });
  blocks.push({ kind: "heading", level: 1, text: "附件1", annex: true });
  blocks.push({ ...input.scoreTable, caption: "绩效评价指标评分表" });
  blocks.push({ kind: "section", orientation: "portrait" });
  blocks.push({ kind: "heading", level: 1, text: "附件2", annex: true });
  if (input.evidence.length === 0) {
    blocks.push({ kind: "paragraph", align: "center", text: "佐证材料清单" });
    para("未上传佐证材料。");
  } else
    blocks.push(
      simpleTable({
        name: "佐证材料清单",
        caption: "佐证材料清单",
        columns: [
          { title: "序号", width: 6 },
          { title: "指标", width: 22 },
          { title: "文件名", width: 30 },
          { title: "上传人", width: 12 },
          { title: "上传时间", width: 16 },
        ],
        rows: input.evidence.map((e, i) => [
          { text: String(i + 1), value: String(i + 1), align: "center" as const },
          { text: e.indicator },
          { text: e.fileName },
          { text: e.uploadedBy },
          { text: chineseDate(e.uploadedAt.slice(0, 10)) },
        ]),
      }),
    );

  return {
    title: reportTitle(input.region, input.year, input.taskName),
    orientation: "portrait",
    blocks,
  };
}
