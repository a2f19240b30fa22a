/** The checker's plain-data input and output: rows of the data sets in, findings out. */
import type { ShortBilingual } from "../bilingual.ts";
import type { Framework } from "../frameworks/index.ts";

export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** What a rule looks at; the list in the UI filters by it. */
export type RuleCategory =
  | "sums"
  | "identities"
  | "rates"
  | "scores"
  | "plausibility"
  | "dates"
  | "targets"
  | "monitoring";

/** One thing the checker found, located to a row and field, with the figures it is about. */
export interface Finding {
  /** The rule's code, e.g. "sum.allocations". */
  rule: string;
  category: RuleCategory;
  severity: Severity;
  /** The data set of the row the finding points at. */
  dataset: string;
  regionCode: string;
  regionName: string;
  /** The programme's name when the row belongs to one. */
  programme: string | null;
  rowId: number | null;
  /** The column key of the figure that is wrong (or the first of them). */
  field: string | null;
  message: ShortBilingual;
  /** The evidence: the figures the message quotes, as printed (万元, %, 分). */
  figures: Record<string, string>;
}

/** A stored row in canonical form: money in 元, areas in m², percents as numbers, dates ISO. */
export interface CheckRow {
  id: number;
  regionCode: string;
  values: Readonly<Record<string, string | null>>;
}

export interface CheckRegion {
  code: string;
  name: string;
  /** "/000000/440000/440500/" */
  path: string;
  parentCode: string | null;
  level: "nation" | "province" | "city" | "county";
}

export interface CheckProgramme {
  id: number;
  name: string;
  regionCode: string;
}

/** The data sets a check reads, by data-set name; a missing one counts as empty. */
export type RowsByDataset = Partial<Record<string, readonly CheckRow[]>>;

export interface CheckData {
  year: number;
  /** Every region the rows name (and their parents inside the scope). */
  regions: ReadonlyMap<string, CheckRegion>;
  /** The programmes the rows refer to, by id. */
  programmes: ReadonlyMap<number, CheckProgramme>;
  /** This year's rows at and below the checked region. */
  rows: RowsByDataset;
  /** The previous year's rows, for comparisons between years (funds only are needed). */
  previous?: RowsByDataset;
  /** Frameworks that programmes name, by code. */
  frameworks: ReadonlyMap<string, Framework>;
}

/** Thresholds of the plausibility and monitoring rules; every one configurable. */
export interface CheckOptions {
  /** The day monitoring looks from (stage deadlines), YYYY-MM-DD. */
  asOf: string;
  /** A completion rate above this percent is implausibly high for a target set by the same office. */
  highCompletion: string;
  /** A region's rate more than this many times the median of the others is far outside their range. */
  outlierFactor: string;
  /** Spend behind the time schedule by more than this many percentage points: 警告. */
  spendMargin: string;
  /** … by more than this many: 错误. */
  spendErrorMargin: string;
  /** Completion (开工/竣工) behind the time schedule by more than this many percentage points. */
  completionMargin: string;
  /** A planned community not started by this day of the year (MM-DD). */
  startBy: string;
  /** Days from 开工 to 竣工验收 after which acceptance is overdue. */
  acceptanceDays: number;
  /** Days from 竣工验收 to 结算审核 after which settlement is overdue. */
  settlementDays: number;
  /** Days from 结算 to 决算审计 after which the final audit is overdue. */
  auditDays: number;
}

export const DEFAULT_OPTIONS: Omit<CheckOptions, "asOf"> = {
  highCompletion: "150",
  outlierFactor: "2",
  spendMargin: "10",
  spendErrorMargin: "30",
  completionMargin: "10",
  startBy: "06-30",
  acceptanceDays: 365,
  settlementDays: 180,
  auditDays: 365,
};

/** A rule's description, for the docs, the UI's filter and the tests. */
export interface RuleInfo {
  code: string;
  category: RuleCategory;
  severity: Severity;
  title: ShortBilingual;
}
