/**
 * 绩效自评表 in the layout of the Suzhou form (苏州市级财政支出项目绩效自评表): project, budget
 * execution with its two identities, funds by sub-item, each indicator with 目标值, 权重, 实际完成值
 * and 自评分, then the project's basic situation — 项目概况, 总目标 and 年度绩效目标 taken from the
 * target declaration (the programme's data), the rest generated from the figures and editable.
 */
import { Decimal, formatByPolicy, formatPlain, roundBy } from "../decimal.ts";
import { type Framework, type Indicator, textIn, walkIndicators } from "../frameworks/index.ts";
import { formatWan } from "../money.ts";
import type { Scorecard } from "../scoring/index.ts";
import type { Block, ReportDocument, TableCell, TableColumn } from "./document.ts";

/** Amounts arrive in 元 (the stored unit) and print in 万元 with two decimals, as the form prints them. */
export const FORM_AMOUNT_POLICY = "half-up-2" as const;
const wan = (yuan: Decimal) => formatWan(yuan, FORM_AMOUNT_POLICY);

export interface FormBudget {
  /** Each in 元 as stored; null when not reported. */
  initialBudget: string | null;
  adjustment: string | null;
  appropriated: string | null;
  quotaBalance: string | null;
  paid: string | null;
  carriedOver: string | null;
  recovered: string | null;
  /** Where the figures come from when the budget-execution data are missing. */
  note?: string;
}

export interface FormTarget {
  indicator: string;
  /** ≥ ≤ = 是/否 定性 */
  comparison: string;
  target: string;
  unit: string | null;
  actual: string | null;
}

export interface SelfEvaluationFormInput {
  region: string;
  year: number;
  programme: {
    name: string;
    department: string;
    summary: string | null;
    overallGoal: string | null;
    annualGoal: string | null;
  };
  budget: FormBudget | null;
  /** 项目资金构成: sub-items (or, without them, funds by source), amounts in 元. */
  fundItems: { item: string; amountYuan: string }[];
  fundItemsTitle: string;
  targets: FormTarget[];
  framework: Framework;
  scorecard: Scorecard;
  /** The facts each leaf was scored on (entered or read from the data). */
  facts: Readonly<Record<string, Record<string, unknown> | undefined>>;
  /** Generated texts of the narrative rows. */
  implementation: string;
  problems: string[];
  /** The user's rewrites by narrative key. */
  narratives?: Readonly<Record<string, string>>;
}

/** The keys of the form's narrative cells, in order, with their row labels. */
export const FORM_NARRATIVES = {
  "form.implementation": "项目实施情况",
  "form.effects": "项目管理成效",
  "form.problems": "项目管理存在的问题及原因",
  "form.suggestions": "进一步加强项目管理的建议",
} as const;

/** Letters and digits only: "组织老旧小区改造工作培训" matches "组织老旧小区改造 工作培训". */
const normal = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, "");

/** The declared target of an indicator: the same name, or the longest declared name within it. */
function targetOf(name: string, targets: readonly FormTarget[]): FormTarget | undefined {
  const n = normal(name);
  const same = targets.find((t) => normal(t.indicator) === n);
  if (same) return same;
  return targets
    .filter((t) => normal(t.indicator).length >= 2 && n.includes(normal(t.indicator)))
    .sort((a, b) => normal(b.indicator).length - normal(a.indicator).length)[0];
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

function ruleUnit(indicator: Indicator): string {
  const unit = (indicator.rule as { unit?: Parameters<typeof textIn>[0] } | undefined)?.unit;
  return unit ? textIn(unit, "zh-CN") : "";
}

const cell = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ text, ...extra });

/**
 * 实际完成值 as a cell: "16个" holds the number 16 with its unit, "96.4%" the percentage, "好" text.
 */
function figure(text: string, unit: string): TableCell {
  // A figure entered with its unit ("1个") is the same figure.
  const withUnit = /^(-?\d+(?:\.\d+)?)(%|[^\d\s.+\-=][^\d]{0,3})$/.exec(text);
  const [number, shownUnit] = NUMERIC.test(text)
    ? [text, unit]
    : withUnit
      ? [withUnit[1] ?? "", withUnit[2] ?? ""]
      : [null, ""];
  if (number === null) return cell(text || "—", { align: "center" });
  if (shownUnit === "%") {
    return cell(`${number}%`, { value: number, percent: true, align: "center" });
  }
  return cell(`${number}${shownUnit}`, {
    value: number,
    ...(shownUnit !== "" && { suffix: shownUnit }),
    align: "center",
  });
}

/**
 * 目标值 and 实际完成值 as the form prints them: "=13个" and "16个"; "合规" and "好". The target keeps
 * its comparator (text; the spreadsheet quote-prefixes it); the actual value is a plain figure (the
 * Suzhou seed wrote "=16个", which reads as a spreadsheet formula and says nothing the figure does
 * not).
 */
function targetAndActual(
  indicator: Indicator,
  targets: readonly FormTarget[],
  facts: Record<string, unknown> | undefined,
): [string, TableCell] {
  const declared = targetOf(textIn(indicator.name, "zh-CN"), targets);
  if (declared) {
    const unit = declared.unit ?? "";
    const cmp =
      declared.comparison === "定性" || declared.comparison === "是/否" ? "" : declared.comparison;
    return [
      `${cmp}${declared.target}${NUMERIC.test(declared.target) ? unit : ""}`,
      figure(declared.actual ?? "", unit),
    ];
  }
  const stated = indicator.target ? textIn(indicator.target, "zh-CN") : "";
  const unit = ruleUnit(indicator);
  const f = facts ?? {};
  const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  if (f.actual !== undefined && f.target !== undefined) {
    return [stated || `${text(f.target)}${unit}`, figure(text(f.actual), unit)];
  }
  if (f.rate !== undefined) return [stated || "=100%", figure(text(f.rate), "%")];
  if (f.grade !== undefined)
    return [stated || "—", cell(text(f.grade) || "—", { align: "center" })];
  if (f.value !== undefined) return [stated || "—", figure(text(f.value), unit)];
  return [stated || "—", cell("—", { align: "center" })];
}

const label = (text: string, extra: Partial<TableCell> = {}) =>
  cell(text, { align: "center", bold: true, ...extra });
const amount = (text: string, extra: Partial<TableCell> = {}) =>
  cell(text, { value: text === "—" ? undefined : text, align: "center", ...extra });

/** The budget block's two rows of figures, with the identities the form's 填表说明 states. */
function budgetRows(b: FormBudget | null): TableCell[][] {
  const d = (v: string | null | undefined) =>
    v === null || v === undefined ? null : new Decimal(v);
  const show = (v: Decimal | null) => (v === null ? "—" : wan(v));
  const initial = d(b?.initialBudget);
  const adjustment = d(b?.adjustment) ?? (initial ? new Decimal(0) : null);
  const appropriated = d(b?.appropriated);
  const paid = d(b?.paid);
  // 指标结余数 = 年初预算数 + 调整数 − 财政拨款数 (as reported, else computed).
  const quota =
    d(b?.quotaBalance) ??
    (initial && adjustment && appropriated ? initial.plus(adjustment).minus(appropriated) : null);
  // 资金结余、结转数 = 财政拨款数 − 实际支付数 (= 结转数 + 财政收回数).
  const balance = appropriated && paid ? appropriated.minus(paid) : null;
  const carried = d(b?.carriedOver) ?? (balance?.isZero() ? balance : null);
  const recovered = d(b?.recovered) ?? (balance?.isZero() ? balance : null);
  return [
    [
      label("预算执行情况（万元）", { rowSpan: 2 }),
      label("年初预算数"),
      label("当年使用上年结余、结转及当年调整预算数", { colSpan: 2 }),
      label("财政拨款数", { colSpan: 2 }),
      label("指标结余数"),
    ],
    [
      amount(show(initial)),
      amount(show(adjustment), { colSpan: 2 }),
      amount(show(appropriated), { colSpan: 2 }),
      amount(show(quota)),
    ],
    [
      label("财政资金使用情况（万元）", { rowSpan: 2 }),
      label("财政拨款数"),
      label("实际支付数"),
      label("资金结余、结转数"),
      label("其中：结转数", { colSpan: 2 }),
      label("财政收回数"),
    ],
    [
      amount(show(appropriated)),
      amount(show(paid)),
      amount(show(balance)),
      amount(show(carried), { colSpan: 2 }),
      amount(show(recovered)),
    ],
  ];
}

/** The self-evaluation form of one region's programme. */
export function selfEvaluationFormDocument(input: SelfEvaluationFormInput): ReportDocument {
  const { framework, scorecard: card, programme } = input;
  const narratives = input.narratives ?? {};
  const columns: TableColumn[] = [
    { title: "项目", width: 13 },
    { title: "类别", width: 13 },
    { title: "指标名称", width: 22 },
    { title: "目标值", width: 13 },
    { title: "权重", width: 9 },
    { title: "实际完成值", width: 13 },
    { title: "自评分", width: 10 },
  ];
  const rows: TableCell[][] = [
    [
      label("项目名称"),
      cell(programme.name, { colSpan: 3 }),
      label("项目年份", { colSpan: 2 }),
      cell(String(input.year), { value: String(input.year), align: "center" }),
    ],
    [label("项目主管部门（单位）", { colSpan: 2 }), cell(programme.department, { colSpan: 5 })],
    ...budgetRows(input.budget),
  ];

  // 项目资金构成: a label spanning the sub-item rows, 合计 first, as the form lists them.
  const items = input.fundItems;
  const itemsTotal = items.reduce((s, i) => s.plus(i.amountYuan), new Decimal(0));
  rows.push([
    label(input.fundItemsTitle, { rowSpan: items.length + 2, colSpan: 2 }),
    label("子项目名称", { colSpan: 3 }),
    label("实际金额（万元）", { colSpan: 2 }),
  ]);
  rows.push([
    label("合计", { colSpan: 3 }),
    amount(items.length > 0 ? wan(itemsTotal) : "—", { colSpan: 2, bold: true }),
  ]);
  for (const i of items) {
    rows.push([
      cell(i.item, { colSpan: 3 }),
      amount(wan(new Decimal(i.amountYuan)), { colSpan: 2 }),
    ]);
  }

  // The indicators: 项目 spans all, 类别 (一级指标) spans its leaves.
  rows.push(columns.map((c) => label(c.title)));
  const leaves: { leaf: Indicator; top: Indicator }[] = [];
  let top: Indicator | undefined;
  for (const node of walkIndicators(framework)) {
    if (node.level === 1) top = node.indicator;
    if (!node.indicator.children && top) leaves.push({ leaf: node.indicator, top });
  }
  const scores = new Map(card.indicators.map((i) => [i.code, i]));
  const under = (t: Indicator) => leaves.filter((l) => l.top === t).length;
  const totalPoints = formatPlain(card.points);
  for (const [i, { leaf, top: group }] of leaves.entries()) {
    const row: TableCell[] = [];
    if (i === 0) {
      row.push(label(`项目绩效实现情况（${totalPoints}分）`, { rowSpan: leaves.length }));
    }
    if (leaves[i - 1]?.top !== group) {
      const name = `${textIn(group.name, "zh-CN")}（${formatPlain(group.points)}分）`;
      row.push(group === leaf ? label(name) : label(name, { rowSpan: under(group) }));
    }
    const [target, actual] = targetAndActual(leaf, input.targets, input.facts[leaf.code]);
    const scored = scores.get(leaf.code);
    const score = scored ? formatPlain(roundBy(scored.score, scored.rounding)) : "—";
    const weight = formatPlain(leaf.points);
    row.push(
      cell(group === leaf ? "" : textIn(leaf.name, "zh-CN")),
      cell(target, { align: "center" }),
      amount(weight),
      actual,
      amount(score),
    );
    rows.push(row);
  }
  const total = formatByPolicy(card.total, card.rounding.total);
  rows.push([
    label("合计", { colSpan: 4 }),
    amount(totalPoints, { bold: true }),
    cell(`等级：${card.grade.label}`, { align: "center", bold: true }),
    amount(total, { bold: true }),
  ]);

  // 项目基本情况: declared texts, then the narratives (generated unless the user rewrote them).
  const lost = card.indicators
    .filter((i) => i.score.lt(i.points))
    .map(
      (i) =>
        `${textIn(i.name, "zh-CN")}（扣${formatPlain(i.points.minus(roundBy(i.score, i.rounding)))}分）`,
    );
  const groups = card.groups.filter((g) => g.level === 1);
  const generated: Record<keyof typeof FORM_NARRATIVES, string> = {
    "form.implementation": input.implementation,
    "form.effects":
      `项目绩效自评得分${total}分（满分${totalPoints}分），等级为“${card.grade.label}”。其中` +
      groups
        .map(
          (g) =>
            `${textIn(g.name, "zh-CN")}得${formatPlain(roundBy(g.score, card.rounding.group))}分` +
            `（分值${formatPlain(g.points)}分）`,
        )
        .join("，") +
      "。",
    "form.problems":
      input.problems.length === 0
        ? "经自评，未发现扣分指标和数据问题。"
        : input.problems.map((p, i) => `${i + 1}. ${p}`).join("\n"),
    "form.suggestions":
      lost.length === 0
        ? "各项指标均达到目标，建议继续加强资金使用与项目进度管理，巩固改造成效。"
        : `建议重点改进扣分指标：${lost.join("、")}，逐项明确整改措施、责任人和期限。`,
  };
  const story: TableCell[][] = [];
  const declared: [string, string | null][] = [
    ["项目概况", programme.summary],
    ["项目总目标", programme.overallGoal],
    ["年度绩效目标", programme.annualGoal],
  ];
  for (const [name, text] of declared) {
    story.push([
      label(name, { colSpan: 2 }),
      cell(text?.trim() || "（申报表未填写）", { colSpan: 5 }),
    ]);
  }
  for (const [key, name] of Object.entries(FORM_NARRATIVES) as [
    keyof typeof FORM_NARRATIVES,
    string,
  ][]) {
    const edited = narratives[key];
    const text = edited ?? generated[key];
    story.push([
      label(name, { colSpan: 2 }),
      cell(text, { colSpan: 5, key, ...(edited !== undefined ? { edited: true } : {}) }),
    ]);
  }

  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "项目绩效自评表" },
    {
      kind: "table",
      name: "绩效自评表",
      caption: "表1 项目绩效自评表（金额单位：万元）",
      columns,
      header: [],
      rows,
    },
  ];
  if (input.budget?.note) blocks.push({ kind: "paragraph", text: `注：${input.budget.note}` });
  blocks.push(
    { kind: "heading", level: 1, text: "项目基本情况" },
    {
      kind: "table",
      name: "项目基本情况",
      caption: "表2 项目基本情况",
      columns: [
        { title: "", width: 13 },
        { title: "", width: 13 },
        ...Array.from({ length: 5 }, () => ({ title: "", width: 14.8 })),
      ],
      header: [],
      rows: story,
    },
    {
      kind: "paragraph",
      text: "（标注：项目概况、项目总目标、年度绩效目标由系统自动从申报表中生成）",
    },
  );
  return {
    title: `${input.region}${input.year}年度项目绩效自评表`,
    orientation: "portrait",
    blocks,
  };
}
