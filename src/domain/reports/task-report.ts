/**
 * The report of a whole evaluation task (a province or city evaluating its regions): the task, the
 * rolled-up conclusion, every region ranked with its 一级指标 scores, and the indicators that lost
 * the most points across regions. Every figure comes from the sheets' scorecards.
 */
import { Decimal, formatPercent, formatPlain, roundBy } from "../decimal.ts";
import { type Block, type ReportDocument, simpleTable, type TableCell } from "./document.ts";
import { chineseNumeral, reportTitle, SHEET_STATUS_ZH } from "./sentences.ts";

export interface TaskReportSheet {
  rank: number | null;
  region: string;
  status: string;
  /** The published total and grade of an approved sheet; null otherwise (未填报 / 未审核). */
  total: string | null;
  grade: string | null;
  /** 一级指标 scores by group code, as published. */
  groups: Readonly<Record<string, string>>;
  /** Leaf indicators that lost points (approved sheets only): code → points lost. */
  lost: Readonly<Record<string, string>>;
}

export interface TaskReportInput {
  taskName: string;
  year: number;
  region: string;
  typeZh: string;
  frameworkName: string;
  deadline: string | null;
  groups: { code: string; name: string; points: string }[];
  indicators: { code: string; name: string; points: string }[];
  sheets: TaskReportSheet[];
  rollUp: { method: string; score: string; grade: string; reason: string; included: number } | null;
}

const num = (text: string | null | undefined): TableCell =>
  text === null || text === undefined || text === ""
    ? { text: "—", align: "right" }
    : { text, value: text, align: "right" };

const GRADES = ["优", "良", "中", "差"] as const;

/** The mean over the scored regions of a group's score ÷ its points, as a percentage; null if none. */
function meanRate(scored: readonly TaskReportSheet[], group: { code: string; points: string }) {
  if (new Decimal(group.points).isZero()) return null;
  const rates = scored
    .map((s) => s.groups[group.code])
    .filter((v): v is string => v !== undefined && v !== "")
    .map((v) => new Decimal(v).div(group.points));
  if (rates.length === 0) return null;
  return formatPercent(rates.reduce((a, b) => a.plus(b), new Decimal(0)).div(rates.length));
}

/** How the report groups the sheet states: scored (已审核), awaiting review, not yet reported. */
const REPORTING: readonly (readonly [string, readonly string[]])[] = [
  ["已审核", ["approved"]],
  ["未审核", ["submitted"]],
  ["未填报", ["draft", "returned"]],
];

const reportingLabel = (status: string) =>
  status === "returned"
    ? `未填报（${SHEET_STATUS_ZH.returned}）`
    : (REPORTING.find(([, codes]) => codes.includes(status))?.[0] ?? status);

const isScored = (s: TaskReportSheet) => s.status === "approved" && s.total !== null;

export function taskReportDocument(input: TaskReportInput): ReportDocument {
  const blocks: Block[] = [];
  let section = 0;
  const h1 = (text: string) => {
    blocks.push({
      kind: "heading",
      level: 1,
      text: `${chineseNumeral(section)}、${text}`,
    });
    section += 1;
  };
  const para = (text: string) => blocks.push({ kind: "paragraph", indent: true, text });
  let tables = 0;
  const caption = (text: string) => {
    tables += 1;
    return `表${tables} ${text}`;
  };
  // Only approved sheets are scored: a draft's zeros are not yet reported, never deductions.
  const scored = input.sheets.filter((s) => isScored(s));
  const all = input.sheets.length;
  const progress = REPORTING.map(
    ([label, codes]) => `${label}${input.sheets.filter((s) => codes.includes(s.status)).length}个`,
  );

  h1("评价概况");
  para(
    `${input.region}${input.year}年“${input.taskName}”为${input.typeZh}，采用${input.frameworkName}，` +
      `共评价${all}个地区${input.deadline ? `，截止日期${input.deadline}` : ""}。` +
      `目前${progress.join("、")}；本报告的得分、排名和扣分只计已审核的${scored.length}个地区（共${all}个）。`,
  );

  h1("评价结论");
  if (scored.length === 0) para(`尚无审核通过的地区（共${all}个），暂无评价结论。`);
  else {
    const sum = scored.reduce((s, x) => s.plus(x.total ?? "0"), new Decimal(0));
    const mean = roundBy(sum.div(scored.length), "half-up-2");
    const counts = GRADES.map((g) => `“${g}”${scored.filter((s) => s.grade === g).length}个`);
    const top = scored.filter((s) => s.rank === 1).map((s) => s.region);
    para(
      `已审核评分${scored.length}个地区（共${all}个），平均得分${formatPlain(mean)}分，其中${counts.join("、")}` +
        `${top.length > 0 ? `；${top.join("、")}得分最高` : ""}。`,
    );
  }
  if (input.rollUp) {
    para(
      `按${input.rollUp.method}汇总${input.rollUp.included}个已审定地区，${input.region}得分` +
        `${input.rollUp.score}分，等级为“${input.rollUp.grade}”。${input.rollUp.reason}`,
    );
  }

  if (scored.length > 0) {
    // Charts that stay legible for hundreds of regions: counts by grade, mean rates by group.
    blocks.push({
      kind: "chart",
      name: "评价等级分布",
      caption: "图1 评价等级分布",
      categories: [...GRADES],
      series: [
        {
          name: "地区数",
          type: "bar",
          values: GRADES.map((g) => String(scored.filter((s) => s.grade === g).length)),
        },
      ],
      axisUnits: ["个"],
    });
    blocks.push({
      kind: "chart",
      name: "一级指标平均得分率",
      caption: "图2 各一级指标平均得分率",
      categories: input.groups.map((g) => g.name),
      series: [
        {
          name: "平均得分率",
          type: "bar",
          values: input.groups.map((g) => meanRate(scored, g)),
        },
      ],
      axisUnits: ["%"],
      reference: { name: "满分", value: "100" },
    });
  }

  h1("分地区评价情况");
  const groupCols = input.groups.map((g) => ({ title: `${g.name}（${g.points}分）`, width: 11 }));
  blocks.push(
    simpleTable({
      name: "分地区评价情况",
      caption: caption("分地区评价得分及排名"),
      columns: [
        { title: "排名", width: 6 },
        { title: "地区", width: 14 },
        ...groupCols,
        { title: "总分", width: 9 },
        { title: "等级", width: 7 },
        { title: "状态", width: 9 },
      ],
      rows: input.sheets.map((s) => {
        const shown = isScored(s);
        return [
          shown && s.rank !== null
            ? { text: String(s.rank), value: String(s.rank), align: "center" }
            : { text: "—", align: "center" },
          { text: s.region },
          ...input.groups.map((g) => num(shown ? s.groups[g.code] : null)),
          num(shown ? s.total : null),
          { text: shown ? (s.grade ?? "—") : "—", align: "center" },
          { text: reportingLabel(s.status), align: "center" },
        ];
      }),
    }),
  );

  h1("主要扣分指标");
  const lostRows = input.indicators
    .map((ind) => {
      const losing = scored.filter((s) => s.lost[ind.code] !== undefined);
      const lost = losing.reduce((sum, s) => sum.plus(s.lost[ind.code] ?? "0"), new Decimal(0));
      return { ind, regions: losing.length, lost };
    })
    .filter((r) => r.regions > 0)
    .sort((a, b) => b.regions - a.regions || b.lost.comparedTo(a.lost));
  if (scored.length === 0) para(`尚无审核通过的地区（共${all}个），暂无扣分统计。`);
  else if (lostRows.length === 0) {
    para(`已审核的${scored.length}个地区均未在任何指标上扣分。`);
  } else {
    const first = lostRows[0];
    if (first) {
      para(
        `扣分地区最多的指标是“${first.ind.name}”，已审核的${scored.length}个地区中${first.regions}个扣分，` +
          `合计扣${formatPlain(first.lost)}分（未填报、未审核的地区不计）。`,
      );
    }
    blocks.push(
      simpleTable({
        name: "主要扣分指标",
        caption: caption(`各指标扣分情况（已审核${scored.length}个地区，按扣分地区数排列）`),
        columns: [
          { title: "指标", width: 30 },
          { title: "分值", width: 8 },
          { title: "扣分地区数", width: 10 },
          { title: "合计扣分", width: 10 },
        ],
        rows: lostRows.map((r) => [
          { text: r.ind.name },
          num(r.ind.points),
          num(String(r.regions)),
          num(formatPlain(r.lost)),
        ]),
      }),
    );
  }
  return {
    title: reportTitle(input.region, input.year, input.taskName),
    orientation: input.groups.length > 4 ? "landscape" : "portrait",
    blocks,
  };
}
