import { and, desc, eq } from "drizzle-orm";
/** Reports of an evaluation sheet, rendered from the report model: docx, xlsx and pdf (through HTML). */
import { loadStoredRows, type StoredRecord } from "../../db/dataset-repository.ts";
import type { DbOrTx } from "../../db/index.ts";
import { allocationPlans, reportNarratives } from "../../db/schema.ts";
import { AllocationModel } from "../../domain/allocation/index.ts";
import type { Dashboard } from "../../domain/dashboard.ts";
import { enumLabel } from "../../domain/datasets/display.ts";
import { EVALUATION_TYPES, findDataset } from "../../domain/datasets/specs/index.ts";
import { formatPlain, roundBy } from "../../domain/decimal.ts";
import type { LinkedSurvey } from "../../domain/evaluations/index.ts";
import { leafIndicators, textIn, walkIndicators } from "../../domain/frameworks/index.ts";
import { wanToYuan } from "../../domain/money.ts";
import {
  chineseDate,
  evaluationReportDocument,
  type FormBudget,
  fundsSentence,
  monitoringSummaryDocument,
  planActualSentences,
  type ReportAllocation,
  type ReportDocument,
  type ReportSurvey,
  reportTitle,
  scoreTableDocument,
  selfEvaluationFormDocument,
  spendSentence,
  type TableBlock,
  type TaskReportSheet,
  taskReportDocument as taskReportDocumentOf,
} from "../../domain/reports/index.ts";
import { scorecardToJson } from "../../domain/scoring/index.ts";
import { CONTENT_TYPES, type ReportFormat } from "../../render/formats.ts";
import type { PdfRenderer } from "../../render/pdf.ts";
import { SHEET_TEMPLATES } from "../../shared/report-schemas.ts";
import { runTask } from "../../workers/pool.ts";
import { computeAllocationPlan } from "../allocation/index.ts";
import type { ServiceContext } from "../context.ts";
import { getDashboard } from "../dashboard/dashboard-service.ts";
import { sheetScorecard, taskScorer } from "../evaluations/evaluation-service.ts";
import { getTask, loadTaskFramework } from "../evaluations/evaluation-task-service.ts";
import { listEvidence } from "../evaluations/evidence-service.ts";
import { getSheetResult } from "../evaluations/result-service.ts";
import { rollUpTask } from "../evaluations/rollup-service.ts";

/** Templates of one evaluation sheet, and of a region's year. */
export { SHEET_TEMPLATES } from "../../shared/report-schemas.ts";
export type ReportTemplate = (typeof SHEET_TEMPLATES)[number];
export const REGION_TEMPLATES = ["monitoring"] as const;
/** The report of a whole evaluation task (all its regions ranked). */
export const TASK_TEMPLATES = ["task-report"] as const;
export const REPORT_TEMPLATES = [
  ...SHEET_TEMPLATES,
  ...REGION_TEMPLATES,
  ...TASK_TEMPLATES,
] as const;
export { REPORT_FORMATS, type ReportFormat } from "../../render/formats.ts";

const TEMPLATE_ZH: Record<ReportTemplate, string> = {
  "score-table": "评分表",
  "evaluation-report": "绩效评价报告",
  "self-evaluation-form": "绩效自评表",
};

/** The report model of a sheet: every figure from the scoring engine over the sheet's entries and data. */
export async function sheetReportDocument(
  db: DbOrTx,
  ctx: ServiceContext,
  sheetId: number,
  template: ReportTemplate,
  options: { narratives?: boolean } = {},
): Promise<{ doc: ReportDocument; fileStem: string }> {
  const { framework, card, entries, facts, region, task, survey } = await sheetScorecard(
    db,
    ctx,
    sheetId,
  );
  const notes = Object.fromEntries(
    Object.entries(entries).flatMap(([code, e]) => (e.reason ? [[code, e.reason]] : [])),
  );
  const table = scoreTableDocument(framework, card, { unit: region.name, notes });
  const fileStem = `${region.name}${task.year}年${TEMPLATE_ZH[template]}`;
  if (template === "score-table") return { doc: table, fileStem };
  const result = await getSheetResult(db, ctx, sheetId);
  const dashboard = await getDashboard(db, ctx, { regionCode: region.code, year: task.year });
  const problems = result.problems.filter((p) => p.current);
  const narratives = options.narratives === false ? {} : await narrativesOf(db, sheetId, template);
  if (template === "self-evaluation-form") {
    const form = await formData(db, region, task.year, framework.code, dashboard);
    const doc = selfEvaluationFormDocument({
      ...form,
      region: region.name,
      year: task.year,
      framework,
      scorecard: card,
      facts,
      implementation: [fundsSentence(dashboard, region.name, task.year), spendSentence(dashboard)]
        .concat(planActualSentences(dashboard))
        .filter((t): t is string => t !== null)
        .join(""),
      problems: problems.map((p) => p.text.zh),
      narratives,
    });
    return { doc, fileStem };
  }
  const evidence = await listEvidence(db, ctx, sheetId);
  const names = new Map(
    leafIndicators(framework).map((n) => [n.indicator.code, textIn(n.indicator.name, "zh-CN")]),
  );
  const level1Of: Record<string, string> = {};
  let top = "";
  for (const node of walkIndicators(framework)) {
    if (node.level === 1) top = node.indicator.code;
    if (!node.indicator.children) level1Of[node.indicator.code] = top;
  }
  const doc = evaluationReportDocument({
    region: region.name,
    year: task.year,
    taskName: task.name,
    frameworkName: textIn(framework.name, "zh-CN"),
    scorecard: scorecardToJson(card),
    comparison: result.comparison,
    problems: problems.map((p) => ({
      text: p.text.zh,
      rectification: p.rectification
        ? {
            owner: p.rectification.owner,
            deadline: p.rectification.deadline,
            status: p.rectification.status,
            result: p.rectification.result,
          }
        : null,
    })),
    dashboard,
    scoreTable: table.blocks.find((b): b is TableBlock => b.kind === "table") as TableBlock,
    level1Of,
    subregions: await subregionsOf(db, ctx, task.id, region.path),
    evidence: evidence.files.map((f) => ({
      indicator: names.get(f.indicatorCode ?? "") ?? "（未指定指标）",
      fileName: f.fileName,
      uploadedBy: f.uploadedBy ?? "",
      uploadedAt: f.uploadedAt,
    })),
    narratives,
    allocation: await approvedAllocation(db, ctx, region.code, task.year),
    survey: surveyReport(survey, region.code),
  });
  return { doc, fileStem };
}

/** The task's satisfaction survey as it covers the region (valid questionnaires and the rate). */
function surveyReport(survey: LinkedSurvey | undefined, regionCode: string): ReportSurvey | null {
  const rate = survey?.byRegion[regionCode];
  if (!survey || !rate?.ratePercent) return null;
  return {
    title: survey.title,
    unit: survey.unit,
    method: survey.method,
    valid: rate.valid,
    excluded: rate.excluded,
    ratePercent: rate.ratePercent,
    marginPercent: rate.marginPercent,
  };
}

/** The region's approved allocation plan of the year, computed, as the report quotes it. */
async function approvedAllocation(
  db: DbOrTx,
  ctx: ServiceContext,
  regionCode: string,
  year: number,
): Promise<ReportAllocation | null> {
  const [plan] = await db
    .select({ id: allocationPlans.id })
    .from(allocationPlans)
    .where(
      and(
        eq(allocationPlans.regionCode, regionCode),
        eq(allocationPlans.year, year),
        eq(allocationPlans.status, "approved"),
      ),
    )
    .orderBy(desc(allocationPlans.approvedAt))
    .limit(1);
  if (!plan) return null;
  const { plan: stored, result, factors } = await computeAllocationPlan(db, ctx, plan.id);
  if (!result) return null;
  // The model was parsed to be computed; read it the same way here, not through a cast.
  const model = AllocationModel.safeParse(stored.model);
  const tables = model.success ? (model.data.coefficients ?? []) : [];
  return {
    name: stored.name,
    distributable: result.totals.distributable,
    factors: factors.map((f) => ({ name: f.name, weight: f.weight })),
    coefficients: tables.map((c) => textIn(c.name, "zh-CN")),
    regions: result.regions.map((r) => ({ name: r.name, amount: r.amount })),
  };
}

/** The regions strictly below this one evaluated in the same task, ranked as the task page ranks them. */
async function subregionsOf(db: DbOrTx, ctx: ServiceContext, taskId: number, path: string) {
  const task = await getTask(db, ctx, taskId);
  const below = task.sheets.filter((s) => s.regionPath.startsWith(path) && s.regionPath !== path);
  return below.map((s) => ({
    rank: s.rank,
    region: s.regionName,
    total: s.total,
    grade: s.grade,
    status: s.status,
  }));
}

/** The user's rewrites of a sheet's report paragraphs, by key. */
export async function narrativesOf(
  db: DbOrTx,
  sheetId: number,
  template: string,
): Promise<Record<string, string>> {
  const rows = await db
    .select({ key: reportNarratives.key, text: reportNarratives.text })
    .from(reportNarratives)
    .where(and(eq(reportNarratives.sheetId, sheetId), eq(reportNarratives.template, template)));
  return Object.fromEntries(rows.map((r) => [r.key, r.text]));
}

const own = (rows: readonly StoredRecord[], code: string) =>
  rows.filter((r) => r.regionCode === code);

/**
 * What the self-evaluation form reads from the region's own data: its programme (the one scored by
 * this framework, else the first), budget execution, sub-items and declared targets. Without
 * budget-execution or sub-item rows the form falls back to the dashboard's spend and funds by source,
 * and says so.
 */
async function formData(
  db: DbOrTx,
  region: { code: string; path: string; name: string },
  year: number,
  frameworkCode: string,
  dashboard: Dashboard,
) {
  const load = async (name: string) => {
    const spec = findDataset(name);
    return spec ? own(await loadStoredRows(db, spec, year, region.path), region.code) : [];
  };
  const programmes = await load("programmes");
  const programme = programmes.find((p) => p.values.framework === frameworkCode) ?? programmes[0];
  const ofProgramme = (rows: StoredRecord[]) =>
    programme ? rows.filter((r) => r.values.programme === String(programme.id)) : [];
  const [budgetRow] = ofProgramme(await load("budget-execution"));
  const items = ofProgramme(await load("fund-items"));
  const targets = ofProgramme(await load("targets"));
  const yuan = (wan: string | null | undefined) =>
    wan === null || wan === undefined ? null : wanToYuan(wan).toFixed();
  const spend = dashboard.spend.at(-1);
  const v = budgetRow?.values;
  const budget: FormBudget | null = v
    ? {
        initialBudget: v.initialBudget ?? null,
        adjustment: v.adjustment ?? null,
        appropriated: v.appropriated ?? null,
        quotaBalance: v.quotaBalance ?? null,
        paid: v.paid ?? null,
        carriedOver: v.carriedOver ?? null,
        recovered: v.recovered ?? null,
      }
    : spend
      ? {
          initialBudget: null,
          adjustment: null,
          appropriated: yuan(spend.budget),
          quotaBalance: null,
          paid: yuan(spend.spent),
          carriedOver: null,
          recovered: null,
          note: `未导入「预算执行」数据：财政拨款数取「资金下达与支出」截至${chineseDate(spend.asOf)}的下达资金，实际支付数取同日的实际支出。`,
        }
      : null;
  const comparison = findDataset("targets")?.columns.find((c) => c.key === "comparison");
  return {
    programme: {
      name: programme?.values.name ?? "—",
      department: programme?.values.department ?? "—",
      summary: programme?.values.summary ?? null,
      overallGoal: programme?.values.overallGoal ?? null,
      annualGoal: programme?.values.annualGoal ?? null,
    },
    budget,
    fundItemsTitle: items.length > 0 ? "项目资金构成" : "项目资金构成（按资金来源）",
    fundItems:
      items.length > 0
        ? items.map((i) => ({ item: i.values.item ?? "", amountYuan: i.values.amount ?? "0" }))
        : dashboard.funds.map((f) => ({ item: f.zh, amountYuan: yuan(f.amount) ?? "0" })),
    targets: targets.map((t) => ({
      indicator: t.values.indicator ?? "",
      comparison: comparison ? enumLabel(comparison, t.values.comparison ?? "", "zh-CN") : "",
      target: t.values.target ?? "",
      unit: t.values.unit ?? null,
      actual: t.values.actual ?? null,
    })),
  };
}

/**
 * The document as a file: docx and xlsx are rendered in a worker thread (seconds of CPU for a
 * province), PDF by Chromium from the HTML. The renderers load on the first report, not at start.
 */
async function renderFile(
  doc: ReportDocument,
  format: ReportFormat,
  pdf: PdfRenderer,
): Promise<Uint8Array> {
  if (format !== "pdf") return runTask("renderDocument", { doc, format });
  const { renderReport } = await import("../../render/index.ts");
  return renderReport(doc, format, pdf);
}

/** A sheet's report as a file to download. */
export async function sheetReport(
  db: DbOrTx,
  ctx: ServiceContext,
  sheetId: number,
  template: ReportTemplate,
  format: ReportFormat,
  pdf: PdfRenderer,
) {
  const { doc, fileStem } = await sheetReportDocument(db, ctx, sheetId, template);
  const bytes = await renderFile(doc, format, pdf);
  return { fileName: `${fileStem}.${format}`, contentType: CONTENT_TYPES[format], bytes };
}

/** The monitoring summary (绩效运行监控情况) of a region's year, from the dashboard's sums. */
export async function regionReport(
  db: DbOrTx,
  ctx: ServiceContext,
  request: { regionCode?: string | undefined; year: number },
  format: ReportFormat,
  pdf: PdfRenderer,
) {
  const dashboard = await getDashboard(db, ctx, request);
  const doc = monitoringSummaryDocument(dashboard);
  const bytes = await renderFile(doc, format, pdf);
  const fileName = `${dashboard.scope.name}${dashboard.year}年绩效运行监控情况.${format}`;
  return { fileName, contentType: CONTENT_TYPES[format], bytes };
}

/** Progress of a long report: how many of how many, and what it is doing, in words. */
export type ReportProgress = (done: number, total: number, stage: string) => void | Promise<void>;

/** The report of a whole evaluation task: each visible sheet scored (with progress), then ranked. */
export async function taskReportDocument(
  db: DbOrTx,
  ctx: ServiceContext,
  taskId: number,
  onProgress: ReportProgress = () => undefined,
): Promise<{ doc: ReportDocument; fileStem: string; regions: number }> {
  const task = await getTask(db, ctx, taskId);
  const framework = await loadTaskFramework(db, taskId);
  const groups = [...walkIndicators(framework)].filter((n) => n.level === 1);
  const sheets: TaskReportSheet[] = [];
  const total = task.sheets.length;
  await onProgress(0, total, "读取数据");
  const scoreOf = await taskScorer(db, ctx, taskId);
  for (const [i, s] of task.sheets.entries()) {
    await onProgress(i, total, `评分 ${i}/${total}：${s.regionName}`);
    // Only approved sheets are scored: a draft or a sheet awaiting review is listed, never counted.
    if (s.status !== "approved") {
      sheets.push({
        rank: null,
        region: s.regionName,
        status: s.status,
        total: null,
        grade: null,
        groups: {},
        lost: {},
      });
      continue;
    }
    const card = scoreOf(s.id);
    const json = scorecardToJson(card);
    sheets.push({
      rank: s.rank,
      region: s.regionName,
      status: s.status,
      total: s.total,
      grade: s.grade,
      groups: Object.fromEntries(
        json.groups.filter((g) => g.level === 1).map((g) => [g.code, g.score]),
      ),
      lost: Object.fromEntries(
        card.indicators
          .filter((x) => x.score.lt(x.points))
          .map((x) => [x.code, formatPlain(x.points.minus(roundBy(x.score, x.rounding)))]),
      ),
    });
  }
  await onProgress(total, total, "汇总");
  const rollUp = await rollUpTask(db, ctx, taskId, "mean").catch(() => null);
  const type = EVALUATION_TYPES.find((t) => t.code === task.type);
  const doc = taskReportDocumentOf({
    taskName: task.name,
    year: task.year,
    region: task.regionName,
    typeZh: type?.zh ?? task.type,
    frameworkName: task.frameworkName,
    deadline: task.deadline,
    groups: groups.map((g) => ({
      code: g.indicator.code,
      name: textIn(g.indicator.name, "zh-CN"),
      points: formatPlain(g.indicator.points),
    })),
    indicators: leafIndicators(framework).map((n) => ({
      code: n.indicator.code,
      name: textIn(n.indicator.name, "zh-CN"),
      points: formatPlain(n.indicator.points),
    })),
    sheets,
    rollUp: rollUp
      ? {
          method: "简单平均",
          score: rollUp.score,
          grade: rollUp.grade,
          reason: rollUp.reason,
          included: rollUp.included,
        }
      : null,
  });
  return {
    doc,
    fileStem: reportTitle(task.regionName, task.year, task.name),
    regions: total,
  };
}

/** A task's report as a file, with progress (scoring each sheet, then rendering). */
export async function taskReport(
  db: DbOrTx,
  ctx: ServiceContext,
  taskId: number,
  format: ReportFormat,
  pdf: PdfRenderer,
  onProgress: ReportProgress = () => undefined,
) {
  const { doc, fileStem, regions } = await taskReportDocument(db, ctx, taskId, onProgress);
  await onProgress(regions, regions, "生成文件");
  const bytes = await renderFile(doc, format, pdf);
  return { fileName: `${fileStem}.${format}`, contentType: CONTENT_TYPES[format], bytes };
}
