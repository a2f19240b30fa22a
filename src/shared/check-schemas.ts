/** Request and response shapes of the checker and monitoring API. */
import { z } from "@hono/zod-openapi";
import { Year } from "./data-schemas.ts";
import { DateText, Paging, RegionCode } from "./schemas.ts";
import { ShortText } from "./text-schemas.ts";

export const SeverityName = z.enum(["error", "warning", "info"]);
export const CategoryName = z.enum([
  "sums",
  "identities",
  "rates",
  "scores",
  "plausibility",
  "dates",
  "targets",
  "monitoring",
]);

export const FindingSchema = z
  .object({
    rule: z.string().openapi({ example: "rate.spend" }),
    category: CategoryName,
    severity: SeverityName,
    dataset: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    programme: z.string().nullable(),
    rowId: z.number().int().nullable(),
    field: z.string().nullable(),
    message: ShortText,
    figures: z.record(z.string(), z.string()),
  })
  .openapi("Finding");

export const ProblemSchema = z
  .object({
    source: z.enum(["finding", "score"]),
    rule: z.string().nullable(),
    severity: SeverityName,
    regionCode: z.string(),
    regionName: z.string(),
    programme: z.string().nullable(),
    text: ShortText,
    figures: z.record(z.string(), z.string()),
  })
  .openapi("Problem");

export const RuleSchema = z
  .object({ code: z.string(), category: CategoryName, severity: SeverityName, title: ShortText })
  .openapi("CheckRule");

const Points = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,2})?$/)
  .openapi({ example: "10" });

export const CheckQuery = z.object({
  regionCode: RegionCode.optional(),
  year: Year,
  asOf: DateText.optional(),
  spendMargin: Points.optional(),
  spendErrorMargin: Points.optional(),
  highCompletion: Points.optional(),
});

/** The checks list also filters by severity, category and the region a finding is in, and pages. */
export const CheckListQuery = CheckQuery.extend({
  severity: SeverityName.optional(),
  category: CategoryName.optional(),
  within: RegionCode.optional().openapi({
    description: "Only findings of this region (and below it), inside regionCode",
  }),
  ...Paging,
  /** The page of candidate problems (PROBLEM_PAGE_SIZE each). */
  problemsPage: Paging.page,
});

/** How many spend lines (and completion lines) one monitoring answer carries by default. */
export const MONITORING_PAGE_SIZE = 50;

/**
 * The monitoring page pages its two region tables: 全国 has a line for every region that reports,
 * some 3,000, so the whole list is not sent at once (`page` for the spend ranking, `completionPage`
 * for the completion table, `pageSize` for both).
 */
export const MonitoringQuery = CheckQuery.extend({
  page: Paging.page,
  completionPage: Paging.page,
  pageSize: z.coerce.number<string>().int().min(1).max(200).default(MONITORING_PAGE_SIZE),
});

/** The export takes the list's filters without paging. */
export const CheckExportQuery = CheckQuery.extend({
  severity: SeverityName.optional(),
  category: CategoryName.optional(),
  within: RegionCode.optional(),
});

export const RegionCount = z.object({ code: z.string(), name: z.string(), count: z.number() });

export const CheckAnswer = z
  .object({
    region: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    asOf: z.string(),
    /** Of every finding in the scope, whatever the filters. */
    counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
    /** The same findings by level in the field's words: monitoring's are 红色/黄色预警, not 错误/警告. */
    levels: z.object({
      error: z.number(),
      warning: z.number(),
      info: z.number(),
      "red-alert": z.number(),
      "yellow-alert": z.number(),
    }),
    /** Findings that pass the filters; `findings` is one page of them. */
    total: z.number().int(),
    findings: z.array(FindingSchema),
    /**
     * The region itself and the regions one level below it, each with the findings in its subtree
     * (after the severity and category filters), most findings first.
     */
    regions: z.array(RegionCount),
    problemsTotal: z.number().int(),
    /** One page (PROBLEM_PAGE_SIZE, `problemsPage`) of the candidate problems. */
    problems: z.array(ProblemSchema),
    rules: z.array(RuleSchema),
  })
  .openapi("CheckAnswer");

const Measures = z.record(
  z.string(),
  z.object({ plan: z.string(), actual: z.string(), rate: z.string().nullable() }),
);

const Standing = {
  asOf: z.string(),
  budget: z.string().openapi({ description: "万元" }),
  arrived: z.string().nullable(),
  spent: z.string(),
  rate: z.string().openapi({ description: "支出率 %, two decimals" }),
  schedule: z.string().openapi({ description: "时间进度 %" }),
  gap: z.string().openapi({ description: "schedule − rate, percentage points" }),
  severity: SeverityName.nullable(),
};

export const MonitoringAnswer = z
  .object({
    region: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    total: z.object(Standing).nullable(),
    /** Every ranked spend line of the scope; `lines` is the asked page of them. */
    linesTotal: z.number().int(),
    lines: z.array(
      z.object({
        ...Standing,
        regionCode: z.string(),
        regionName: z.string(),
        programme: z.string().nullable(),
        rank: z.number().int(),
      }),
    ),
    series: z.array(
      z.object({
        asOf: z.string(),
        budget: z.string(),
        spent: z.string(),
        rate: z.string(),
        schedule: z.string(),
      }),
    ),
    /** Every completion line of the scope; `completion` is the asked page of them. */
    completionTotal: z.number().int(),
    completion: z.array(
      z.object({
        regionCode: z.string(),
        regionName: z.string(),
        stage: z.string(),
        asOf: z.string().nullable(),
        measures: Measures,
      }),
    ),
    completionSeries: z.array(
      z.object({ asOf: z.string(), stage: z.string(), measures: Measures }),
    ),
    alertsTotal: z.number().int(),
    /** The first ALERT_LIMIT monitoring alerts, errors first (the checks page lists them all). */
    alerts: z.array(FindingSchema),
  })
  .openapi("MonitoringAnswer");

/** How many candidate problems a checks answer carries (one page), and monitoring alerts at most. */
export const PROBLEM_PAGE_SIZE = 20;
export const ALERT_LIMIT = 50;

export type FindingT = z.infer<typeof FindingSchema>;
export type CheckAnswerT = z.infer<typeof CheckAnswer>;
export type MonitoringAnswerT = z.infer<typeof MonitoringAnswer>;
export type CheckQueryT = z.infer<typeof CheckQuery>;
export type MonitoringQueryT = z.infer<typeof MonitoringQuery>;
export type CheckListQueryT = z.infer<typeof CheckListQuery>;
