/**
 * Sentences that several reports say the same way, built from the dashboard's figures: funds by
 * source, spend against the budget, plan against actual. Each is a narrative a user may rewrite.
 */
import type { Dashboard } from "../dashboard.ts";
import { Decimal } from "../decimal.ts";
import { formatWan } from "../money.ts";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] as const;

/** Section numbers of official documents: 0 → "一", 9 → "十" (then digits). */
export function chineseNumeral(index: number): string {
  return NUMERALS[index] ?? String(index + 1);
}

/** An evaluation sheet's status as reports print it. */
export const SHEET_STATUS_ZH: Readonly<Record<string, string>> = {
  draft: "填报中",
  submitted: "待审核",
  returned: "已退回",
  approved: "已审定",
};

/** A region's name at the head of a task's name: "驻马店市" of "驻马店市2020年…". */
const LEADING_REGION = /^[\p{Script=Han}]{2,12}?(省|市|县|区|自治州|州|盟|旗)(?=\d{4}年)/u;

/**
 * A report's title from the region, the year and the task's name, saying neither twice and
 * whichever region the task's name starts with replaced by this one: (驿城区, 2020,
 * "驻马店市2020年城镇老旧小区改造财政资金绩效评价") → "驿城区2020年城镇老旧小区改造财政资金绩效评价报告".
 */
export function reportTitle(region: string, year: number, taskName: string): string {
  const core = taskName
    .trim()
    .replace(LEADING_REGION, "")
    .replace(new RegExp(`^${year}年度?`), "");
  const suffix = /报告$/.test(core) ? "" : /(评价|自评)$/.test(core) ? "报告" : "评价报告";
  return `${region}${year}年${core}${suffix}`;
}

/** An approved allocation plan as the evaluation report's 基本情况 quotes it; amounts in 元. */
export interface ReportAllocation {
  name: string;
  distributable: string;
  factors: { name: string; weight: string }[];
  coefficients: string[];
  regions: { name: string; amount: string }[];
}

/** "资金采用因素法分配（…）：按改造建筑面积（40%）、…等因素，结合…；可分配…万元，分配给15个地区，最多…，最少…。" */
export function allocationSentence(a: ReportAllocation): string {
  const factors = a.factors.map((f) => `${f.name}（${f.weight}%）`).join("、");
  const coefficients =
    a.coefficients.length > 0 ? `，结合${a.coefficients.join("、")}形成的综合系数` : "";
  const sorted = [...a.regions].sort((x, y) => new Decimal(y.amount).comparedTo(x.amount));
  const most = sorted[0];
  const least = sorted.at(-1);
  const range =
    most && least && sorted.length > 1
      ? `，最多为${most.name}${formatWan(most.amount)}万元，最少为${least.name}${formatWan(least.amount)}万元`
      : "";
  return (
    `资金采用因素法分配（${a.name}，已审定）：按${factors}等因素${coefficients}分配；` +
    `可分配资金${formatWan(a.distributable)}万元，分配给${a.regions.length}个地区${range}，各地区分配额之和等于可分配资金。`
  );
}

/** A linked satisfaction survey's figures for the report's region. */
export interface ReportSurvey {
  title: string;
  /** questionnaires: the overall question of each valid questionnaire; answers: every rating answer. */
  unit: "questionnaires" | "answers";
  method: "share" | "mean-score";
  valid: number;
  excluded: number;
  ratePercent: string;
  marginPercent: string | null;
}

/** "开展满意度调查（…），共回收问卷470份，其中有效问卷458份（12份认定无效），综合满意度为82.75%（…）。" */
export function surveySentence(s: ReportSurvey): string {
  const excluded = s.excluded > 0 ? `（${s.excluded}份经答题用时、重复提交等规则认定无效）` : "";
  const what =
    s.method === "mean-score"
      ? "满意度（平均得分÷满分）"
      : s.unit === "questionnaires"
        ? "综合满意度"
        : "满意度（满意及基本满意的答题占比）";
  const margin = s.marginPercent ? `（95%置信水平下误差为±${s.marginPercent}个百分点）` : "";
  return (
    `开展居民满意度调查（${s.title}），共回收问卷${s.valid + s.excluded}份，其中有效问卷${s.valid}份${excluded}，` +
    `${what}为${s.ratePercent}%${margin}。`
  );
}

/** "2024-12-31" → "2024年12月31日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** "2020年，驻马店市项目资金共15129万元，其中中央补助…（占…%）。" */
export function fundsSentence(d: Dashboard, region: string, year: number): string {
  if (d.funds.length === 0 || d.fundsTotal === null)
    return `${year}年${region}暂无分来源的资金数据。`;
  const parts = d.funds.map((f) => `${f.zh}${f.amount}万元（占${f.share}%）`).join("、");
  return `${year}年，${region}项目资金共${d.fundsTotal}万元，其中${parts}。`;
}

/** "截至2024年12月31日，下达资金…万元，实际支出3623.35万元，支出率19.21%。", or null without data. */
export function spendSentence(d: Dashboard): string | null {
  const spend = d.spend.at(-1);
  if (!spend) return null;
  return (
    `截至${chineseDate(spend.asOf)}，下达资金${spend.budget}万元，实际支出${spend.spent}万元，` +
    `支出率${spend.rate ?? "—"}%。`
  );
}

/** One sentence per stage: "开工：小区数计划320个，实际336个，完成率105.00%；…。" */
export function planActualSentences(d: Dashboard): string[] {
  if (d.planActual.length === 0) return ["暂无改造任务计划与完成数据。"];
  return d.planActual.map((stage) => {
    const parts = stage.measures.map(
      (m) =>
        `${m.zh}计划${m.plan ?? "—"}${m.unit}，实际${m.actual ?? "—"}${m.unit}，完成率${m.rate ?? "—"}%`,
    );
    return `${stage.zh}：${parts.join("；")}。`;
  });
}
