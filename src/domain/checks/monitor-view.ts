/** The monitoring page's figures: each region's spend and completion at its latest date, ranked. */
import { type Decimal, ZERO } from "../decimal.ts";
import { groupBy, num, pct, rate, wan } from "./context.ts";
import { latestRows, spendStanding, timeSchedule } from "./monitoring.ts";
import { PLAN_MEASURES } from "./sums.ts";
import type { CheckData, CheckOptions, CheckRow, Severity } from "./types.ts";

export interface SpendLine {
  regionCode: string;
  regionName: string;
  programme: string | null;
  asOf: string;
  /** 万元, as printed. */
  budget: string;
  arrived: string | null;
  spent: string;
  /** Percent, two decimals. */
  rate: string;
  schedule: string;
  /** Schedule − rate, percentage points (negative when ahead). */
  gap: string;
  severity: Severity | null;
  /** 1 for the highest spend rate. */
  rank: number;
}

export interface CompletionLine {
  regionCode: string;
  regionName: string;
  stage: string;
  asOf: string | null;
  /** measure key → { plan, actual, rate } as printed. */
  measures: Record<string, { plan: string; actual: string; rate: string | null }>;
}

export interface SeriesPoint {
  asOf: string;
  budget: string;
  spent: string;
  rate: string;
  schedule: string;
}

export interface CompletionPoint {
  asOf: string;
  stage: string;
  measures: CompletionLine["measures"];
}

export interface MonitoringView {
  /** The scope's own total at the latest date all its lines share, or null without data. */
  total: Omit<SpendLine, "rank" | "regionCode" | "regionName" | "programme"> | null;
  lines: SpendLine[];
  /** Σ over every row at each date: spend over time. */
  series: SeriesPoint[];
  completion: CompletionLine[];
  /** 开工/竣工 over time: at each date, the sum over the topmost regions reporting that date. */
  completionSeries: CompletionPoint[];
}

type Margins = Pick<CheckOptions, "spendMargin" | "spendErrorMargin">;

function spendOf(rows: readonly CheckRow[]) {
  let budget = ZERO;
  let spent = ZERO;
  let arrived: Decimal | null = ZERO;
  for (const r of rows) {
    budget = budget.plus(num(r, "budget") ?? ZERO);
    spent = spent.plus(num(r, "spent") ?? ZERO);
    const a = num(r, "arrived");
    arrived = arrived && a ? arrived.plus(a) : null;
  }
  return { budget, spent, arrived };
}

/** Lines ranked by spend rate, highest first; ties keep region order. */
export function buildMonitoring(data: CheckData, options: Margins): MonitoringView {
  const allocations = data.rows.allocations ?? [];
  const latest = latestRows(allocations, (r) => `${r.regionCode}|${r.values.programme}`);
  const unranked = latest
    .map((row) => {
      const budget = num(row, "budget");
      const spent = num(row, "spent") ?? ZERO;
      const asOf = row.values.asOf ?? "";
      const standing = budget ? spendStanding(spent, budget, asOf, options) : undefined;
      if (!budget || !standing) return undefined;
      const arrived = num(row, "arrived");
      const programmeId = row.values.programme ? Number(row.values.programme) : null;
      return {
        regionCode: row.regionCode,
        regionName: data.regions.get(row.regionCode)?.name ?? row.regionCode,
        path: data.regions.get(row.regionCode)?.path ?? "",
        programme: programmeId === null ? null : (data.programmes.get(programmeId)?.name ?? null),
        asOf,
        budget: wan(budget),
        arrived: arrived ? wan(arrived) : null,
        spent: wan(spent),
        rateValue: standing.rate,
        rate: pct(standing.rate),
        schedule: pct(standing.schedule),
        gap: pct(standing.gap),
        severity: standing.severity,
      };
    })
    .filter((x) => x !== undefined);
  unranked.sort((a, b) => b.rateValue.comparedTo(a.rateValue) || a.path.localeCompare(b.path));
  const lines: SpendLine[] = unranked.map(({ rateValue: _r, path: _p, ...line }, i) => ({
    ...line,
    rank: i + 1,
  }));

  const byDate = new Map<string, CheckRow[]>();
  for (const row of allocations) {
    const d = row.values.asOf;
    if (!d) continue;
    byDate.set(d, [...(byDate.get(d) ?? []), row]);
  }
  const series = [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([asOf, rows]) => {
      const s = spendOf(rows);
      return {
        asOf,
        budget: wan(s.budget),
        spent: wan(s.spent),
        rate: pct(rate(s.spent, s.budget) ?? ZERO),
        schedule: pct(timeSchedule(asOf)),
      };
    });

  const dates = new Set(latest.map((r) => r.values.asOf));
  let total: MonitoringView["total"] = null;
  if (latest.length > 0 && dates.size === 1) {
    const asOf = [...dates][0] ?? "";
    const s = spendOf(latest);
    const standing = spendStanding(s.spent, s.budget, asOf, options);
    if (standing) {
      total = {
        asOf,
        budget: wan(s.budget),
        arrived: s.arrived ? wan(s.arrived) : null,
        spent: wan(s.spent),
        rate: pct(standing.rate),
        schedule: pct(standing.schedule),
        gap: pct(standing.gap),
        severity: standing.severity,
      };
    }
  }

  const planRows = data.rows["plan-actual"] ?? [];
  const completionSeries = [...groupBy(planRows, (r) => `${r.values.asOf ?? ""}|${r.values.stage}`)]
    .filter(([key]) => !key.startsWith("|"))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, rows]) => {
      const first = rows[0] as CheckRow;
      const codes = new Set(rows.map((r) => r.regionCode));
      // A region whose parent also reports at this date is inside the parent's figure already.
      const topmost = rows.filter(
        (r) => !codes.has(data.regions.get(r.regionCode)?.parentCode ?? ""),
      );
      return {
        asOf: first.values.asOf ?? "",
        stage: first.values.stage ?? "",
        measures: measuresOf(topmost),
      };
    });

  const completion = latestRows(
    data.rows["plan-actual"] ?? [],
    (r) => `${r.regionCode}|${r.values.stage}`,
  )
    .map((row) => {
      const measures = measuresOf([row]);
      return {
        regionCode: row.regionCode,
        regionName: data.regions.get(row.regionCode)?.name ?? row.regionCode,
        path: data.regions.get(row.regionCode)?.path ?? "",
        stage: row.values.stage ?? "",
        asOf: row.values.asOf ?? null,
        measures,
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path) || a.stage.localeCompare(b.stage))
    .map(({ path: _p, ...line }) => line);

  return { total, lines, series, completion, completionSeries };
}

/** Plan, actual and completion rate of each measure, summed over rows (a measure no row gives is left out). */
function measuresOf(rows: readonly CheckRow[]): CompletionLine["measures"] {
  const measures: CompletionLine["measures"] = {};
  for (const m of PLAN_MEASURES) {
    const plans = rows.map((r) => num(r, `plan${m.key}`)).filter((v) => v !== undefined);
    const actuals = rows.map((r) => num(r, `actual${m.key}`)).filter((v) => v !== undefined);
    if (plans.length === 0 && actuals.length === 0) continue;
    const plan = plans.length > 0 ? plans.reduce((a, b) => a.plus(b), ZERO) : undefined;
    const actual = actuals.length > 0 ? actuals.reduce((a, b) => a.plus(b), ZERO) : undefined;
    const r = plan && actual ? rate(actual, plan) : undefined;
    measures[m.key] = {
      plan: plan ? m.show(plan) : "",
      actual: actual ? m.show(actual) : "",
      rate: r ? pct(r) : null,
    };
  }
  return measures;
}
