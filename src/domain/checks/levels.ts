/**
 * How a finding's severity is named to users. Monitoring (双监控) speaks of 预警: its errors are
 * 红色预警 and its warnings 黄色预警, never 错误; every other rule keeps 错误 / 警告 / 提示.
 */
import type { ShortBilingual } from "../bilingual.ts";
import type { RuleCategory, Severity } from "./types.ts";

export type FindingLevel = Severity | "red-alert" | "yellow-alert";

export const FINDING_LEVELS: readonly FindingLevel[] = [
  "error",
  "warning",
  "info",
  "red-alert",
  "yellow-alert",
];

export function findingLevel(finding: {
  category: RuleCategory;
  severity: Severity;
}): FindingLevel {
  if (finding.category !== "monitoring") return finding.severity;
  if (finding.severity === "error") return "red-alert";
  if (finding.severity === "warning") return "yellow-alert";
  return "info";
}

/** A spend line's level on the monitoring page (null: on schedule). */
export function spendLevel(severity: Severity | null): FindingLevel | null {
  return severity === null ? null : findingLevel({ category: "monitoring", severity });
}

/** Level names, the same words as the web app's (severity.*, alert.*), for exports. */
export const LEVEL_TITLES: Record<FindingLevel, ShortBilingual> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Note" },
  "red-alert": { zh: "红色预警", en: "Red alert" },
  "yellow-alert": { zh: "黄色预警", en: "Yellow alert" },
};

export const CATEGORY_TITLES: Record<RuleCategory, ShortBilingual> = {
  sums: { zh: "合计", en: "Totals" },
  identities: { zh: "恒等关系", en: "Identities" },
  rates: { zh: "比率", en: "Rates" },
  scores: { zh: "评分", en: "Scores" },
  plausibility: { zh: "合理性", en: "Plausibility" },
  dates: { zh: "日期", en: "Dates" },
  targets: { zh: "绩效目标", en: "Performance targets" },
  monitoring: { zh: "运行监控", en: "Monitoring" },
};

/** Names of the figures findings quote (Finding.figures keys); an unknown key is shown as is. */
export const FIGURE_TITLES: Record<string, ShortBilingual> = {
  total: { zh: "合计数", en: "Total" },
  sumOfParts: { zh: "各项之和", en: "Sum of the parts" },
  parts: { zh: "项数", en: "Parts" },
  subregions: { zh: "下级地区数", en: "Subregions" },
  reported: { zh: "已填报地区数", en: "Reported" },
  subItems: { zh: "子项目合计（万元）", en: "Sub-items (10k yuan)" },
  funds: { zh: "资金来源合计（万元）", en: "Funds (10k yuan)" },
  appropriated: { zh: "财政拨款数（万元）", en: "Appropriation (10k yuan)" },
  allocated: { zh: "下达合计（万元）", en: "Allocated (10k yuan)" },
  regions: { zh: "地区数", en: "Regions" },
  expected: { zh: "应为", en: "Expected" },
  published: { zh: "表中数", en: "Published" },
  balance: { zh: "结余（万元）", en: "Balance (10k yuan)" },
  carriedAndRecovered: { zh: "结转＋收回（万元）", en: "Carried over + recovered (10k yuan)" },
  computed: { zh: "计算值", en: "Computed" },
  weighted: { zh: "加权值（%）", en: "Weighted (%)" },
  mean: { zh: "简单平均（%）", en: "Plain mean (%)" },
  spent: { zh: "实际支出（万元）", en: "Spent (10k yuan)" },
  budget: { zh: "预算指标（万元）", en: "Budget (10k yuan)" },
  rate: { zh: "完成率/支出率（%）", en: "Rate (%)" },
  rates: { zh: "完成率", en: "Rates" },
  schedule: { zh: "时间进度（%）", en: "Time schedule (%)" },
  gap: { zh: "落后（百分点）", en: "Behind (points)" },
  plan: { zh: "计划数", en: "Plan" },
  actual: { zh: "实际数", en: "Actual" },
  target: { zh: "目标值", en: "Target" },
  medianOfOthers: { zh: "其他地区中位数（%）", en: "Median of the others (%)" },
  measures: { zh: "指标个数", en: "Measures" },
  values: { zh: "数值", en: "Values" },
  thisYear: { zh: "本年（万元）", en: "This year (10k yuan)" },
  lastYear: { zh: "上年（万元）", en: "Last year (10k yuan)" },
  score: { zh: "得分", en: "Score" },
  points: { zh: "分值", en: "Points" },
  lost: { zh: "扣分", en: "Points lost" },
  subtotal: { zh: "小计", en: "Subtotal" },
  others: { zh: "其余各项之和", en: "Sum of the others" },
  missing: { zh: "差额", en: "Missing" },
  indicators: { zh: "指标个数", en: "Indicators" },
  share: { zh: "应得权重", en: "Equal share" },
  weights: { zh: "各项权重", en: "Weights" },
  sumOfScores: { zh: "各项得分之和", en: "Sum of the scores" },
  sumOfPoints: { zh: "分值合计", en: "Sum of the points" },
  frameworkPoints: { zh: "指标体系总分", en: "Framework total" },
  grade: { zh: "等级", en: "Grade" },
  date: { zh: "日期", en: "Date" },
  year: { zh: "评价年度", en: "Evaluation year" },
  documentYear: { zh: "文件年份", en: "Document year" },
  status: { zh: "项目状态", en: "Status" },
  startedOn: { zh: "开工日期", en: "Started on" },
  startBy: { zh: "应开工日期", en: "Start by" },
  asOf: { zh: "截止日期", en: "As of" },
  from: { zh: "起始日期", en: "From" },
  days: { zh: "已过天数", en: "Days" },
  limit: { zh: "期限（天）", en: "Limit (days)" },
};
