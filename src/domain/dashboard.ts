/**
 * The dashboard of a region's year, from figures the database has already summed: funds by source,
 * spend against the time schedule, plan against actual, the regions below ranked, grades, alerts.
 * Plain data in (decimal strings in 元 and counts), printed figures out; no rows are read here.
 */
import { pct, plain, rate, wan } from "./checks/context.ts";
import { spendStanding, timeSchedule } from "./checks/monitoring.ts";
import { PLAN_MEASURES } from "./checks/sums.ts";
import type { CheckOptions, Severity } from "./checks/types.ts";
import { FUND_SOURCES, GRADES, STAGES } from "./datasets/specs/index.ts";
import { Decimal, ZERO } from "./decimal.ts";
import { rankByScore } from "./scoring/index.ts";

export interface DashboardRegion {
  code: string;
  name: string;
  level: string;
}

/** One region below the scope (or the scope's own 本级 rows), summed over its subtree. */
export interface RegionFigures extends DashboardRegion {
  /** True for the scope's own rows (省本级, 市本级). */
  own: boolean;
  hasChildren: boolean;
  /** The latest date of its allocation rows, and their sums in 元. */
  asOf: string | null;
  budgetYuan: string | null;
  spentYuan: string | null;
  /** 开工 and 竣工 communities, planned and actual, at the topmost level reporting. */
  planStarted: string | null;
  actualStarted: string | null;
  planCompleted: string | null;
  actualCompleted: string | null;
  /** The region's evaluation result of the year, if any. */
  score: string | null;
  grade: string | null;
  /** "evaluation" from an approved sheet, "published" from the programme's published result. */
  scoreSource: "evaluation" | "published" | null;
}

export interface DashboardInput {
  year: number;
  scope: DashboardRegion;
  /** The scope's ancestors down from the top the user may see, for the way back up. */
  trail: DashboardRegion[];
  funds: { source: string; amountYuan: string }[];
  /** Σ budget and spent of every allocation row at each date. */
  spendSeries: { asOf: string; budgetYuan: string; spentYuan: string }[];
  /** Per stage and measure, the sums over the topmost regions reporting, at each one's latest date. */
  planActual: {
    stage: string;
    plan: Record<string, string | null>;
    actual: Record<string, string | null>;
  }[];
  regions: RegionFigures[];
  /** Grades of every region evaluated below the scope (latest approved sheet each). */
  grades: { grade: string; count: number }[];
  margins: Pick<CheckOptions, "spendMargin" | "spendErrorMargin">;
}

export interface RegionLine extends DashboardRegion {
  own: boolean;
  hasChildren: boolean;
  asOf: string | null;
  /** 万元. */
  budget: string | null;
  spent: string | null;
  /** Percent, two decimals. */
  spendRate: string | null;
  schedule: string | null;
  /** Schedule − spend rate, percentage points, from the unrounded figures. */
  gap: string | null;
  severity: Severity | null;
  /** 开工 and 竣工 communities, actual ÷ plan, percent. */
  startRate: string | null;
  completionRate: string | null;
  score: string | null;
  grade: string | null;
  scoreSource: RegionFigures["scoreSource"];
  /** 1 for the highest score; null without a score. */
  scoreRank: number | null;
}

export interface Dashboard {
  year: number;
  scope: DashboardRegion;
  trail: DashboardRegion[];
  funds: { source: string; zh: string; en: string; amount: string; share: string }[];
  fundsTotal: string | null;
  spend: { asOf: string; budget: string; spent: string; rate: string | null; schedule: string }[];
  planActual: {
    stage: string;
    zh: string;
    en: string;
    measures: {
      key: string;
      zh: string;
      unit: string;
      plan: string | null;
      actual: string | null;
      rate: string | null;
    }[];
  }[];
  /** Every region line, ranked by spend rate (highest first; regions without spend last). */
  regions: RegionLine[];
  /** Regions with a score, highest first. */
  scores: RegionLine[];
  grades: { grade: string; count: number }[];
  /** Regions behind the time schedule, the worst first. */
  alerts: {
    code: string;
    name: string;
    severity: Severity;
    spendRate: string;
    schedule: string;
    gap: string;
  }[];
}

const dec = (v: string | null | undefined) =>
  v === null || v === undefined ? undefined : new Decimal(v);
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function lineOf(r: RegionFigures, margins: DashboardInput["margins"]): RegionLine {
  const budget = dec(r.budgetYuan);
  const spent = dec(r.spentYuan);
  const standing =
    budget && r.asOf ? spendStanding(spent ?? ZERO, budget, r.asOf, margins) : undefined;
  const ratio = (plan: string | null, actual: string | null) => {
    const p = dec(plan);
    const a = dec(actual);
    const r = p && a ? rate(a, p) : undefined;
    return r ? pct(r) : null;
  };
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    own: r.own,
    hasChildren: r.hasChildren,
    asOf: r.asOf,
    budget: budget ? wan(budget) : null,
    spent: spent ? wan(spent) : null,
    spendRate: standing ? pct(standing.rate) : null,
    schedule: standing ? pct(standing.schedule) : null,
    gap: standing ? pct(standing.gap) : null,
    severity: standing?.severity ?? null,
    startRate: ratio(r.planStarted, r.actualStarted),
    completionRate: ratio(r.planCompleted, r.actualCompleted),
    score: r.score === null ? null : plain(new Decimal(r.score)),
    grade: r.grade,
    scoreSource: r.scoreSource,
    scoreRank: null,
  };
}

/** The dashboard model: every figure printed, every rate recomputed from its parts. */
export function buildDashboard(input: DashboardInput): Dashboard {
  const fundAmounts = input.funds.map((f) => ({ ...f, amount: new Decimal(f.amountYuan) }));
  const fundsTotal = fundAmounts.reduce((s, f) => s.plus(f.amount), ZERO);
  const sourceOrder = (code: string) => {
    const i = FUND_SOURCES.findIndex((s) => s.code === code);
    return i < 0 ? FUND_SOURCES.length : i;
  };
  const funds = fundAmounts
    .filter((f) => !f.amount.isZero())
    .sort((a, b) => sourceOrder(a.source) - sourceOrder(b.source))
    .map((f) => {
      const known = FUND_SOURCES.find((s) => s.code === f.source);
      return {
        source: f.source,
        zh: known?.zh ?? f.source,
        en: known?.en ?? f.source,
        amount: wan(f.amount),
        share: pct(rate(f.amount, fundsTotal) ?? ZERO),
      };
    });

  const spend = [...input.spendSeries]
    .sort((a, b) => a.asOf.localeCompare(b.asOf))
    .map((p) => {
      const budget = new Decimal(p.budgetYuan);
      const spent = new Decimal(p.spentYuan);
      const r = rate(spent, budget);
      return {
        asOf: p.asOf,
        budget: wan(budget),
        spent: wan(spent),
        rate: r ? pct(r) : null,
        schedule: pct(timeSchedule(p.asOf)),
      };
    });

  const stageOrder = (code: string) => STAGES.findIndex((s) => s.code === code);
  const planActual = [...input.planActual]
    .sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage))
    .map((s) => {
      const stage = STAGES.find((x) => x.code === s.stage);
      return {
        stage: s.stage,
        zh: stage?.zh ?? s.stage,
        en: stage?.en ?? s.stage,
        measures: PLAN_MEASURES.map((m) => {
          const plan = dec(s.plan[m.key]);
          const actual = dec(s.actual[m.key]);
          const r = plan && actual ? rate(actual, plan) : undefined;
          return {
            key: m.key,
            zh: m.zh,
            unit: m.unit,
            plan: plan ? m.show(plan) : null,
            actual: actual ? m.show(actual) : null,
            rate: r ? pct(r) : null,
          };
        }).filter((m) => m.plan !== null || m.actual !== null),
      };
    });

  const lines = input.regions.map((r) => lineOf(r, input.margins));
  const scored = lines.filter((l) => l.score !== null);
  const ranked = rankByScore(scored, (l) => new Decimal(l.score ?? "0"));
  for (const { item, rank } of ranked) item.scoreRank = rank;
  const bySpend = [...lines].sort((a, b) => {
    if (a.spendRate === null || b.spendRate === null) {
      return (a.spendRate === null ? 1 : 0) - (b.spendRate === null ? 1 : 0);
    }
    return new Decimal(b.spendRate).comparedTo(a.spendRate);
  });

  const gradeOrder = (g: string) => GRADES.findIndex((x) => x.code === g);
  const counts = new Map(input.grades.map((g) => [g.grade, g.count]));
  const grades = GRADES.map((g) => ({ grade: g.code, count: counts.get(g.code) ?? 0 })).concat(
    input.grades
      .filter((g) => gradeOrder(g.grade) < 0)
      .map((g) => ({ grade: g.grade, count: g.count })),
  );

  const alerts = lines
    .flatMap((l) =>
      l.severity !== null && l.spendRate !== null && l.schedule !== null && l.gap !== null
        ? [
            {
              code: l.code,
              name: l.name,
              severity: l.severity,
              spendRate: l.spendRate,
              schedule: l.schedule,
              gap: l.gap,
            },
          ]
        : [],
    )
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        new Decimal(b.gap).comparedTo(a.gap),
    );

  return {
    year: input.year,
    scope: input.scope,
    trail: input.trail,
    funds,
    fundsTotal: fundAmounts.length > 0 ? wan(fundsTotal) : null,
    spend,
    planActual,
    regions: bySpend,
    scores: ranked.map((r) => r.item),
    grades,
    alerts,
  };
}
