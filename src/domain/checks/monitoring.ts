/** 双监控: budget execution and target progress against the time schedule, and stage deadlines. */
import { Decimal, ZERO } from "../decimal.ts";
import { num, pct, plain, type RuleContext, rate, wan } from "./context.ts";
import { STAGE_DATES } from "./dates.ts";
import { PLAN_MEASURES, STAGE_ZH } from "./sums.ts";
import type { CheckOptions, CheckRow, Severity } from "./types.ts";

const DAY_MS = 86_400_000;

function utc(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

/** Days from a to b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / DAY_MS);
}

/** 时间进度 by day: a national year's rows share a handful of dates (Decimals are immutable). */
const schedules = new Map<string, Decimal>();

/** 时间进度: the share of the calendar year passed at the end of a day, in percent (31 Dec → 100). */
export function timeSchedule(date: string): Decimal {
  const known = schedules.get(date);
  if (known) return known;
  if (schedules.size >= 4096) schedules.clear();
  const schedule = computeSchedule(date);
  schedules.set(date, schedule);
  return schedule;
}

function computeSchedule(date: string): Decimal {
  const year = Number(date.slice(0, 4));
  const start = `${year}-01-01`;
  const days = daysBetween(start, `${year + 1}-01-01`);
  return new Decimal(daysBetween(start, date) + 1).div(days).times(100);
}

/** The latest row of each key (dates compare as text). */
export function latestRows(rows: readonly CheckRow[], key: (r: CheckRow) => string): CheckRow[] {
  const latest = new Map<string, CheckRow>();
  for (const row of rows) {
    const k = key(row);
    const seen = latest.get(k);
    if (!seen || (row.values.asOf ?? "") > (seen.values.asOf ?? "")) latest.set(k, row);
  }
  return [...latest.values()];
}

/** How far spend lags the schedule, and the severity that earns. */
export function spendStanding(
  spent: Decimal,
  budget: Decimal,
  asOf: string,
  options: Pick<CheckOptions, "spendMargin" | "spendErrorMargin">,
): { rate: Decimal; schedule: Decimal; gap: Decimal; severity: Severity | null } | undefined {
  const r = rate(spent, budget);
  if (!r) return undefined;
  const schedule = timeSchedule(asOf);
  const gap = schedule.minus(r);
  const severity = gap.gt(options.spendErrorMargin)
    ? "error"
    : gap.gt(options.spendMargin)
      ? "warning"
      : null;
  return { rate: r, schedule, gap, severity };
}

/** Spend at each region's latest date against the share of the year gone. */
export function checkSpendProgress(c: RuleContext): void {
  const latest = latestRows(c.rows("allocations"), (r) => `${r.regionCode}|${r.values.programme}`);
  for (const row of latest) {
    const budget = num(row, "budget");
    const spent = num(row, "spent") ?? ZERO;
    const asOf = row.values.asOf;
    if (!budget || !asOf) continue;
    const standing = spendStanding(spent, budget, asOf, c.options);
    if (!standing?.severity) continue;
    const name = c.regionName(row.regionCode);
    c.add(standing.severity === "error" ? "monitor.spend-far-behind" : "monitor.spend-behind", {
      dataset: "allocations",
      row,
      field: "spent",
      message: {
        zh: `${name}截至${asOf}实际支出 ${wan(spent)} 万元，预算指标 ${wan(budget)} 万元，支出率 ${pct(standing.rate)}%，时间进度 ${pct(standing.schedule)}%，落后 ${pct(standing.gap)} 个百分点`,
        en: `${name}: ${wan(spent)} of ${wan(budget)} (10k yuan) spent by ${asOf}, ${pct(standing.rate)}% against ${pct(standing.schedule)}% of the year — ${pct(standing.gap)} points behind`,
      },
      figures: {
        spent: wan(spent),
        budget: wan(budget),
        rate: pct(standing.rate),
        schedule: pct(standing.schedule),
        gap: pct(standing.gap),
      },
    });
  }
}

/** 开工/竣工 completion at each region's latest date against the share of the year gone. */
export function checkCompletionProgress(c: RuleContext): void {
  const margin = new Decimal(c.options.completionMargin);
  const latest = latestRows(c.rows("plan-actual"), (r) => `${r.regionCode}|${r.values.stage}`);
  for (const row of latest) {
    const asOf = row.values.asOf;
    if (!asOf) continue;
    const schedule = timeSchedule(asOf);
    const behind = PLAN_MEASURES.map((m) => {
      const plan = num(row, `plan${m.key}`);
      const actual = num(row, `actual${m.key}`) ?? ZERO;
      const r = plan ? rate(actual, plan) : undefined;
      return r && schedule.minus(r).gt(margin) ? { m, r } : undefined;
    }).filter((x) => x !== undefined);
    if (behind.length === 0) continue;
    const name = c.regionName(row.regionCode);
    const stage = STAGE_ZH[row.values.stage ?? ""] ?? "";
    const list = behind.map((b) => `${b.m.zh} ${pct(b.r)}%`).join("、");
    c.add("monitor.completion-behind", {
      dataset: "plan-actual",
      row,
      field: `actual${behind[0]?.m.key}`,
      message: {
        zh: `${name}截至${asOf}${stage}完成率 ${list}，时间进度 ${pct(schedule)}%，落后超过 ${plain(margin)} 个百分点`,
        en: `${name}: by ${asOf} ${row.values.stage} ${behind.map((b) => `${b.m.en} ${pct(b.r)}%`).join(", ")} against ${pct(schedule)}% of the year`,
      },
      figures: { rates: list, schedule: pct(schedule) },
    });
  }
}

/** The steps after 开工, each with its time limit: the first one overdue is reported. */
const DEADLINE_STEPS = [
  { from: 2, to: 3, limit: "acceptanceDays", code: "monitor.acceptance-overdue" },
  { from: 3, to: 4, limit: "settlementDays", code: "monitor.settlement-overdue" },
  { from: 4, to: 5, limit: "auditDays", code: "monitor.audit-overdue" },
] as const;

/** Stage deadlines of community projects, seen from options.asOf. */
export function checkStageDeadlines(c: RuleContext): void {
  const asOf = c.options.asOf;
  const startBy = `${c.data.year}-${c.options.startBy}`;
  const started = STAGE_DATES[2];
  // Plain loops, no closure or array per row: a national year has 55,000 rows.
  for (const row of c.rows("communities")) {
    const v = row.values;
    if (!v.startedOn) {
      if (asOf > startBy && v.status !== "completed") {
        c.add("monitor.start-overdue", {
          dataset: "communities",
          row,
          field: started.key,
          message: {
            zh: `「${v.name}」应于 ${startBy} 前开工，截至 ${asOf} 仍未开工（逾期 ${daysBetween(startBy, asOf)} 天）`,
            en: `"${v.name}" should have started by ${startBy}; not started by ${asOf}`,
          },
          figures: { startBy, asOf },
        });
      }
      continue;
    }
    for (const step of DEADLINE_STEPS) {
      const prev = STAGE_DATES[step.from];
      const next = STAGE_DATES[step.to];
      const from = v[prev.key];
      if (!from || v[next.key]) continue;
      const limit = c.options[step.limit];
      const days = daysBetween(from, asOf);
      if (days <= limit) break;
      c.add(step.code, {
        dataset: "communities",
        row,
        field: next.key,
        message: {
          zh: `「${v.name}」${prev.zh}于 ${from}，至 ${asOf} 已 ${days} 天仍未${next.zh}（期限 ${limit} 天）`,
          en: `"${v.name}": ${prev.key} ${from}, still no ${next.key} after ${days} days (limit ${limit})`,
        },
        figures: { from, days: String(days), limit: String(limit) },
      });
      break;
    }
  }
}
