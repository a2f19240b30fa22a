/** Figures that add up but are hard to believe: copied plans, runaway completion, unit slips. */
import { Decimal, formatByPolicy, ZERO } from "../decimal.ts";
import { groupBy, num, pct, plain, type RuleContext, rate, wan } from "./context.ts";
import { PLAN_MEASURES, STAGE_ZH } from "./sums.ts";
import { parseFigure } from "./targets.ts";
import type { CheckRow } from "./types.ts";

/** 实际 = 计划 on every measure a row gives (at least three): a sign the plan was copied. */
export function checkCopiedPlan(c: RuleContext): void {
  for (const row of c.rows("plan-actual")) {
    const pairs = PLAN_MEASURES.map((m) => ({
      m,
      plan: num(row, `plan${m.key}`),
      actual: num(row, `actual${m.key}`),
    })).filter((p) => p.plan && p.actual) as {
      m: (typeof PLAN_MEASURES)[number];
      plan: Decimal;
      actual: Decimal;
    }[];
    if (pairs.length < 3) continue;
    const differing = pairs.filter((p) => !p.plan.equals(p.actual));
    if (differing.length > 1) continue;
    const name = c.regionName(row.regionCode);
    const stage = STAGE_ZH[row.values.stage ?? ""] ?? "";
    if (differing.length === 0) {
      const listed = pairs.map((p) => `${p.m.zh} ${p.m.show(p.actual)}${p.m.unit}`).join("、");
      c.add("plausibility.copied-plan", {
        dataset: "plan-actual",
        row,
        field: `actual${pairs[0]?.m.key}`,
        message: {
          zh: `${name}${stage}实际完成数与计划数 ${pairs.length} 项完全相同（${listed}），请核实是否照抄计划数`,
          en: `${name}: actual equals plan on all ${pairs.length} measures — was the plan copied?`,
        },
        figures: { measures: String(pairs.length), values: listed },
      });
    } else if (differing.length === 1) {
      const d = differing[0] as (typeof pairs)[number];
      c.add("plausibility.mostly-copied", {
        dataset: "plan-actual",
        row,
        field: `actual${d.m.key}`,
        message: {
          zh: `${name}${stage}实际完成数与计划数 ${pairs.length} 项中 ${pairs.length - 1} 项相同，仅${d.m.zh}不同（计划 ${d.m.show(d.plan)}${d.m.unit}，实际 ${d.m.show(d.actual)}${d.m.unit}）`,
          en: `${name}: actual equals plan on ${pairs.length - 1} of ${pairs.length} measures; only ${d.m.en} differs`,
        },
        figures: { plan: d.m.show(d.plan), actual: d.m.show(d.actual) },
      });
    }
  }
}

/** A "≥" target exceeded by more than the threshold: the target was probably set too low. */
export function checkHighCompletion(c: RuleContext): void {
  const limit = new Decimal(c.options.highCompletion);
  for (const row of c.rows("targets")) {
    if (row.values.comparison !== "gte") continue;
    const target = parseFigure(row.values.target, row.values.unit);
    const actual = parseFigure(row.values.actual, row.values.unit);
    if (!target || !actual) continue;
    const r = rate(actual, target);
    if (!r || r.lte(limit)) continue;
    const unit = row.values.unit ?? "";
    c.add("plausibility.high-completion", {
      dataset: "targets",
      row,
      field: "target",
      message: {
        zh: `「${row.values.indicator}」目标值 ≥${plain(target)}${unit}，实际完成 ${plain(actual)}${unit}，完成率 ${pct(r)}%，超过 ${plain(limit)}%：目标值可能设定偏低`,
        en: `"${row.values.indicator}": target ≥${plain(target)}, actual ${plain(actual)}, ${pct(r)}% — above ${plain(limit)}%, the target looks set too low`,
      },
      figures: { target: plain(target), actual: plain(actual), rate: pct(r) },
    });
  }
}

function median(values: readonly Decimal[]): Decimal {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as Decimal;
  return (sorted[mid - 1] as Decimal).plus(sorted[mid] as Decimal).div(2);
}

/**
 * Among the regions under one parent, a completion rate above the threshold and more than
 * `outlierFactor` times the median of the others' is far outside their range.
 */
export function checkOutliers(c: RuleContext): void {
  const limit = new Decimal(c.options.highCompletion);
  const factor = new Decimal(c.options.outlierFactor);
  const groups = groupBy(
    c.rows("plan-actual"),
    (r) =>
      `${r.values.stage}|${r.values.asOf ?? ""}|${c.data.regions.get(r.regionCode)?.parentCode ?? ""}`,
  );
  for (const rows of groups.values()) {
    if (rows.length < 3) continue;
    for (const m of PLAN_MEASURES) {
      const rates = rows
        .map((row) => {
          const plan = num(row, `plan${m.key}`);
          const actual = num(row, `actual${m.key}`);
          const r = plan && actual ? rate(actual, plan) : undefined;
          return r ? { row, plan, actual, r } : undefined;
        })
        .filter((x) => x !== undefined) as {
        row: CheckRow;
        plan: Decimal;
        actual: Decimal;
        r: Decimal;
      }[];
      if (rates.length < 3) continue;
      for (const item of rates) {
        // Most rates are under the threshold: the median of the others only for those above it.
        if (item.r.lte(limit)) continue;
        const others = median(rates.filter((x) => x !== item).map((x) => x.r));
        if (item.r.lte(others.times(factor))) continue;
        const name = c.regionName(item.row.regionCode);
        c.add("plausibility.outlier", {
          dataset: "plan-actual",
          row: item.row,
          field: `actual${m.key}`,
          message: {
            zh: `${name}${m.zh}完成率 ${pct(item.r)}%（计划 ${m.show(item.plan)}${m.unit}，实际 ${m.show(item.actual)}${m.unit}），为其他 ${rates.length - 1} 个地区中位数 ${pct(others)}% 的 ${formatByPolicy(item.r.div(others), "half-up-1")} 倍`,
            en: `${name}: ${m.en} ${pct(item.r)}% of plan, ${formatByPolicy(item.r.div(others), "half-up-1")} times the median of the other ${rates.length - 1} regions (${pct(others)}%)`,
          },
          figures: {
            rate: pct(item.r),
            plan: m.show(item.plan),
            actual: m.show(item.actual),
            medianOfOthers: pct(others),
          },
        });
      }
    }
  }
}

const UNIT_SLIP = new Decimal(5000);

/** A region's funds of one source about 10,000 times last year's (or a 10,000th): 元 typed as 万元. */
export function checkUnitChange(c: RuleContext): void {
  const previous = c.data.previous?.funds;
  if (!previous || previous.length === 0) return;
  const key = (r: CheckRow) => `${r.regionCode}|${r.values.source}`;
  const totals = (rows: readonly CheckRow[]) => {
    const map = new Map<string, { row: CheckRow; sum: Decimal }>();
    for (const r of rows) {
      const entry = map.get(key(r)) ?? { row: r, sum: ZERO };
      entry.sum = entry.sum.plus(num(r, "amount") ?? ZERO);
      map.set(key(r), entry);
    }
    return map;
  };
  const before = totals(previous);
  for (const [k, now] of totals(c.rows("funds"))) {
    const then = before.get(k);
    if (!then || then.sum.isZero() || now.sum.isZero()) continue;
    const ratio = now.sum.div(then.sum);
    if (ratio.lt(UNIT_SLIP) && ratio.gt(new Decimal(1).div(UNIT_SLIP))) continue;
    const name = c.regionName(now.row.regionCode);
    c.add("plausibility.unit-change", {
      dataset: "funds",
      row: now.row,
      field: "amount",
      message: {
        zh: `${name}本年资金 ${wan(now.sum)} 万元，上年同来源 ${wan(then.sum)} 万元，相差约 ${formatByPolicy(ratio.gte(1) ? ratio : new Decimal(1).div(ratio), "half-up-integer")} 倍：请核实是否把元当作万元（或相反）填报`,
        en: `${name}: ${wan(now.sum)} this year against ${wan(then.sum)} last year (10k yuan) — 元 and 万元 mixed up?`,
      },
      figures: { thisYear: wan(now.sum), lastYear: wan(then.sum) },
    });
  }
}
