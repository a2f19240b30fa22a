/**
 * A satisfaction survey as an Excel workbook: 结果汇总 (the region tree with each rate and its margin),
 * 分题满意度 (each satisfaction question), 答卷明细 (one row per questionnaire, answers as the
 * options' labels) and 意见建议 (free text by community). Numbers as numbers, user text neutralised.
 */
import ExcelJS from "exceljs";
import { Decimal } from "../domain/decimal.ts";
import type {
  RateNodeT,
  RateTT,
  SurveyResponseItemT,
  SurveyResultsT,
  SurveySettingsT,
} from "../shared/survey-schemas.ts";
import { writeWorkbook } from "./office.ts";
import { tableSheet as table, type TableValue as Value } from "./table-sheet.ts";

type QuestionInfoT = SurveyResultsT["questions"][number];

export interface SurveyWorkbookInput {
  title: string;
  regionName: string;
  year: number;
  settings: SurveySettingsT;
  results: SurveyResultsT;
  responses: SurveyResponseItemT[];
  /** The questions in order (results.questions): answer columns and option labels. */
  questions: QuestionInfoT[];
}

const MODES: Record<SurveyResponseItemT["mode"], string> = { online: "线上", "on-site": "现场" };

/** A percent string "82.75" as the number 82.75 shown with two decimals; empty when there is none. */
const percent = (value: string | null): Value =>
  value === null ? null : { number: value, format: "0.00" };
const count = (value: number | null): Value => value;

function rateCells(rate: RateTT, meanScore: boolean): Value[] {
  return [
    count(rate.valid),
    count(rate.excluded),
    count(rate.sample),
    count(rate.satisfied),
    ...(meanScore
      ? [rate.meanScore === null ? null : { number: rate.meanScore, format: "0.00" }]
      : []),
    percent(rate.ratePercent),
    percent(rate.marginPercent),
  ];
}

/** The region tree in reading order, each node with its depth. */
function flatten(nodes: readonly RateNodeT[], depth = 0): { node: RateNodeT; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

/**
 * Beijing time as Excel shows it: a date cell has no time zone, so the clock time goes in as if UTC.
 * Residents and evaluators read times in China Standard Time (UTC+8, no daylight saving).
 */
function beijing(iso: string): Date | null {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : new Date(at + 8 * 3600_000);
}

/** What the settings mean, in words, under the summary table. */
function settingNotes(settings: SurveySettingsT): string[] {
  const share = new Decimal(settings.minAnsweredShare).times(100).toString();
  return [
    settings.unit === "questionnaires"
      ? "统计口径：按有效问卷计，每份有效问卷按总体满意度题计一次。"
      : "统计口径：按答题计，每份有效问卷的每道满意度题各计一次。",
    settings.method === "share"
      ? "计算方法：满意度 = 满意（含非常满意、满意、基本满意）的样本数 ÷ 样本数 × 100%。"
      : "计算方法：满意度 = 平均得分 ÷ 量表最高分 × 100%。",
    "误差：95% 置信水平下的误差范围（± 百分点）。",
    `有效问卷：答题用时不少于 ${settings.minSeconds} 秒，${settings.straightLineMin} 道及以上量表题未全部选择同一选项，` +
      `作答题目不少于应答题目的 ${share}%，未填写隐藏校验字段，且非重复提交；评价人员可人工认定。`,
  ];
}

/** The answer as a reader wants it: option labels, several joined by 、, numbers as numbers. */
function answerCell(question: QuestionInfoT, value: string | string[] | undefined): Value {
  if (value === undefined) return null;
  const label = (key: string) => question.options.find((o) => o.key === key)?.label ?? key;
  if (Array.isArray(value)) return value.map(label).join("、");
  if (question.kind === "number") return { number: value, format: "General" };
  if (question.kind === "single" || question.kind === "rating") return label(value);
  return value;
}

function overrideText(override: SurveyResponseItemT["override"]): string {
  if (!override) return "";
  return `${override.valid ? "认定有效" : "认定无效"}（${override.by}：${override.reason}）`;
}

export async function surveyWorkbook(input: SurveyWorkbookInput): Promise<Buffer> {
  const { results, settings, questions } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jixiao";
  const caption = `${input.regionName} ${input.year} 年 ${input.title}`;
  const meanScore = settings.method === "mean-score";
  const rateHeader = [
    "有效问卷",
    "无效问卷",
    "样本数",
    "满意数",
    ...(meanScore ? ["平均得分"] : []),
    "满意度（%）",
    "误差（±%）",
  ];

  // One root is the whole survey already; several roots get a 合计 row of their own.
  const tree = flatten(results.tree);
  const totalRow =
    results.tree.length === 1 ? [] : [["合计", ...rateCells(results.overall, meanScore)]];
  table(
    workbook,
    "结果汇总",
    `${caption}：满意度结果汇总`,
    ["地区/小区", ...rateHeader],
    [
      ...tree.map(({ node, depth }) => [
        { text: node.name, indent: depth },
        ...rateCells(node.rate, meanScore),
      ]),
      ...totalRow,
    ],
    [32, 10, 10, 10, 10, ...(meanScore ? [10] : []), 12, 12],
    settingNotes(settings),
  );

  table(
    workbook,
    "分题满意度",
    `${caption}：分题满意度`,
    ["序号", "题目", ...rateHeader],
    results.byQuestion.map((q, i) => [i + 1, q.title, ...rateCells(q.rate, meanScore)]),
    [6, 40, 10, 10, 10, 10, ...(meanScore ? [10] : []), 12, 12],
  );

  table(
    workbook,
    "答卷明细",
    `${caption}：答卷明细`,
    [
      "编号",
      "小区",
      "方式",
      "纸质编号",
      "提交时间（北京时间）",
      "用时（秒）",
      "有效",
      "原因",
      "人工认定",
      ...questions.map((q) => q.title),
    ],
    input.responses.map((r) => {
      const at = beijing(r.receivedAt);
      return [
        r.id,
        r.communityName,
        MODES[r.mode],
        r.paperNo ?? "",
        at ? { date: at, format: "yyyy-mm-dd hh:mm:ss" } : r.receivedAt,
        r.seconds === null ? null : { number: r.seconds, format: "0" },
        r.valid ? "有效" : "无效",
        r.reasons.map((reason) => reason.text).join("；"),
        overrideText(r.override),
        ...questions.map((q) => answerCell(q, r.answers[q.key])),
      ];
    }),
    [8, 18, 6, 10, 20, 8, 6, 30, 24, ...questions.map((q) => (q.kind === "text" ? 30 : 16))],
  );

  table(
    workbook,
    "意见建议",
    `${caption}：意见建议`,
    ["序号", "题目", "答卷编号", "小区", "内容"],
    results.texts
      .flatMap((group) => group.answers.map((a) => ({ title: group.title, ...a })))
      .map((a, i) => [i + 1, a.title, a.responseId, a.community, a.text]),
    [6, 30, 10, 18, 60],
  );

  return Buffer.from(await writeWorkbook(workbook));
}
