/** Totals that must be the sum of their parts: funds, sub-items, allocations, regions. */
import { type Decimal, ZERO } from "../decimal.ts";
import { groupBy, num, plain, type RuleContext, wan } from "./context.ts";
import type { CheckRow } from "./types.ts";

const sum = (values: readonly Decimal[]) => values.reduce((a, b) => a.plus(b), ZERO);

function programmeKey(row: CheckRow): string {
  return `${row.regionCode}|${row.values.programme ?? ""}`;
}

/** 资金构成: the sub-items of a programme add up to its appropriation (or its funds). */
export function checkFundItems(c: RuleContext): void {
  const executions = new Map(c.rows("budget-execution").map((r) => [programmeKey(r), r]));
  const funds = groupBy(c.rows("funds"), programmeKey);
  for (const [key, items] of groupBy(c.rows("fund-items"), programmeKey)) {
    const first = items[0] as CheckRow;
    const total = sum(items.map((r) => num(r, "amount") ?? ZERO));
    const execution = executions.get(key);
    const appropriated = execution ? num(execution, "appropriated") : undefined;
    const fundRows = funds.get(key);
    const against = appropriated
      ? { zh: "财政拨款数", en: "the appropriation", value: appropriated }
      : fundRows
        ? {
            zh: "资金来源合计",
            en: "the funds",
            value: sum(fundRows.map((r) => num(r, "amount") ?? ZERO)),
          }
        : undefined;
    if (!against || against.value.equals(total)) continue;
    c.add("sum.fund-items", {
      dataset: "fund-items",
      row: first,
      field: "amount",
      message: {
        zh: `资金构成 ${items.length} 个子项目合计 ${wan(total)} 万元，与${against.zh} ${wan(against.value)} 万元不符（相差 ${wan(total.minus(against.value))} 万元）`,
        en: `${items.length} sub-items add up to ${wan(total)} (10k yuan), not ${against.en} ${wan(against.value)}`,
      },
      figures: {
        subItems: wan(total),
        [against.en === "the funds" ? "funds" : "appropriated"]: wan(against.value),
      },
    });
  }
}

/**
 * 资金下达: at each date, what a programme allocates to its own level (本级) and to the regions
 * directly below its owner adds up to the programme's funds.
 */
export function checkAllocations(c: RuleContext): void {
  const fundsByProgramme = groupBy(c.rows("funds"), (r) => r.values.programme ?? "");
  const byProgrammeDate = groupBy(
    c.rows("allocations"),
    (r) => `${r.values.programme ?? ""}|${r.values.asOf ?? ""}`,
  );
  for (const rows of byProgrammeDate.values()) {
    const first = rows[0] as CheckRow;
    const programmeId = c.programmeOf(first);
    const owner = programmeId === null ? undefined : c.data.programmes.get(programmeId)?.regionCode;
    const funds = fundsByProgramme.get(first.values.programme ?? "");
    if (!owner || !funds) continue;
    const own = rows.filter(
      (r) => r.regionCode === owner || c.data.regions.get(r.regionCode)?.parentCode === owner,
    );
    if (own.length === 0) continue;
    const allocated = sum(own.map((r) => num(r, "budget") ?? ZERO));
    const total = sum(funds.map((r) => num(r, "amount") ?? ZERO));
    if (allocated.equals(total)) continue;
    c.add("sum.allocations", {
      dataset: "allocations",
      row: first,
      field: "budget",
      message: {
        zh: `截至${first.values.asOf}，${own.length} 个地区（含本级）预算指标合计 ${wan(allocated)} 万元，与资金来源合计 ${wan(total)} 万元不符（相差 ${wan(allocated.minus(total))} 万元）`,
        en: `As of ${first.values.asOf}, ${own.length} regions are allocated ${wan(allocated)} (10k yuan) in all, but the funds total ${wan(total)}`,
      },
      figures: { allocated: wan(allocated), funds: wan(total), regions: String(own.length) },
    });
  }
}

interface Measure {
  key: string;
  zh: string;
  en: string;
  unit: string;
  show: (value: Decimal) => string;
}

const asCount = (value: Decimal) => plain(value);
const asWanM2 = (value: Decimal) => plain(value.div(10000));

/** The measures of 计划与完成, each once for plan and once for actual. */
export const PLAN_MEASURES: readonly Measure[] = [
  { key: "Communities", zh: "小区数", en: "communities", unit: "个", show: asCount },
  { key: "Buildings", zh: "楼栋数", en: "buildings", unit: "栋", show: asCount },
  { key: "Households", zh: "户数", en: "households", unit: "户", show: asCount },
  { key: "Area", zh: "建筑面积", en: "floor area", unit: "万平方米", show: asWanM2 },
  {
    key: "ElderlyArea",
    zh: "配建养老服务设施面积",
    en: "elderly-care area",
    unit: "平方米",
    show: asCount,
  },
];

export const STAGE_ZH: Record<string, string> = { started: "开工", completed: "竣工" };

/**
 * 计划与完成: a region's row (a 合计) equals the sum of the rows of the regions directly below it.
 * When the sum differs but some of those regions have not reported yet, the 合计 cannot be judged:
 * one coverage finding per region (「10 个下级地区中 1 个已填报」) instead of an error per measure.
 */
export function checkRegionSums(c: RuleContext): void {
  const groups = groupBy(c.rows("plan-actual"), (r) => `${r.values.stage}|${r.values.asOf ?? ""}`);
  const expected = childCounts(c);
  /** parent code → its first row that differs and the subregions that did report. */
  const partial = new Map<string, { row: CheckRow; reported: Set<string> }>();
  for (const rows of groups.values()) {
    const byParent = groupBy(
      rows.filter((r) => c.data.regions.get(r.regionCode)?.parentCode),
      (r) => c.data.regions.get(r.regionCode)?.parentCode ?? "",
    );
    for (const parent of rows) {
      const children = byParent.get(parent.regionCode);
      if (!children) continue;
      const mismatches = regionSumMismatches(parent, children);
      if (mismatches.length === 0) continue;
      const reported = new Set(children.map((r) => r.regionCode));
      if (reported.size < (expected.get(parent.regionCode) ?? 0)) {
        const seen = partial.get(parent.regionCode);
        if (seen) for (const code of reported) seen.reported.add(code);
        else partial.set(parent.regionCode, { row: parent, reported });
        continue;
      }
      for (const { side, m, key, total, partSum } of mismatches) {
        const stage = STAGE_ZH[parent.values.stage ?? ""] ?? "";
        const sideZh = side === "plan" ? "计划" : "实际";
        c.add("sum.regions", {
          dataset: "plan-actual",
          row: parent,
          field: key,
          message: {
            zh: `${c.regionName(parent.regionCode)}${stage}${sideZh}${m.zh}为 ${m.show(total)}${m.unit}，下级 ${children.length} 个地区之和为 ${m.show(partSum)}${m.unit}（相差 ${m.show(total.minus(partSum))}${m.unit}）`,
            en: `${c.regionName(parent.regionCode)}: ${side} ${m.en} ${m.show(total)}, but its ${children.length} ${children.length === 1 ? "subregion adds" : "subregions add"} up to ${m.show(partSum)}`,
          },
          figures: {
            total: m.show(total),
            sumOfParts: m.show(partSum),
            parts: String(children.length),
          },
        });
      }
    }
  }
  for (const [code, { row, reported }] of partial) {
    const all = expected.get(code) ?? 0;
    const name = c.regionName(code);
    c.add("sum.regions-coverage", {
      dataset: "plan-actual",
      row,
      field: null,
      message: {
        zh: `${name}计划与完成：${all} 个下级地区中 ${reported.size} 个已填报，待全部填报后再核对合计`,
        en: `${name} plan and completion: ${reported.size} of ${all} subregions have reported; the total is checked once all have`,
      },
      figures: { subregions: String(all), reported: String(reported.size) },
    });
  }
}

/** How many regions lie directly below each region. */
function childCounts(c: RuleContext): Map<string, number> {
  const counts = new Map<string, number>();
  for (const region of c.data.regions.values()) {
    if (region.parentCode) counts.set(region.parentCode, (counts.get(region.parentCode) ?? 0) + 1);
  }
  return counts;
}

/** The measures on which a region's row differs from the sum of its subregions' rows. */
function regionSumMismatches(parent: CheckRow, children: readonly CheckRow[]) {
  const out: {
    side: "plan" | "actual";
    m: Measure;
    key: string;
    total: Decimal;
    partSum: Decimal;
  }[] = [];
  for (const side of ["plan", "actual"] as const) {
    for (const m of PLAN_MEASURES) {
      const key = `${side}${m.key}`;
      const total = num(parent, key);
      const parts = children.map((r) => num(r, key));
      if (total === undefined || parts.some((p) => p === undefined)) continue;
      const partSum = sum(parts as Decimal[]);
      if (!partSum.equals(total)) out.push({ side, m, key, total, partSum });
    }
  }
  return out;
}

/** The Suzhou form's identities between the budget-execution figures. */
export function checkIdentities(c: RuleContext): void {
  for (const row of c.rows("budget-execution")) {
    const budget = num(row, "initialBudget");
    const adjustment = num(row, "adjustment") ?? ZERO;
    const appropriated = num(row, "appropriated");
    const quota = num(row, "quotaBalance");
    if (budget && appropriated && quota) {
      const expected = budget.plus(adjustment).minus(appropriated);
      if (!expected.equals(quota)) {
        c.add("identity.quota-balance", {
          dataset: "budget-execution",
          row,
          field: "quotaBalance",
          message: {
            zh: `指标结余数应为 年初预算数 ${wan(budget)} ＋ 调整数 ${wan(adjustment)} − 财政拨款数 ${wan(appropriated)} ＝ ${wan(expected)} 万元，表中为 ${wan(quota)} 万元`,
            en: `Unused quota should be ${wan(budget)} + ${wan(adjustment)} − ${wan(appropriated)} = ${wan(expected)} (10k yuan), the form has ${wan(quota)}`,
          },
          figures: { expected: wan(expected), published: wan(quota) },
        });
      }
    }
    const paid = num(row, "paid");
    const carried = num(row, "carriedOver");
    const recovered = num(row, "recovered");
    if (appropriated && paid && (carried || recovered)) {
      const balance = appropriated.minus(paid);
      const split = (carried ?? ZERO).plus(recovered ?? ZERO);
      if (!balance.equals(split)) {
        c.add("identity.fund-balance", {
          dataset: "budget-execution",
          row,
          field: "carriedOver",
          message: {
            zh: `财政拨款数 ${wan(appropriated)} − 实际支付数 ${wan(paid)} ＝ ${wan(balance)} 万元，而结转数 ${wan(carried ?? ZERO)} ＋ 财政收回数 ${wan(recovered ?? ZERO)} ＝ ${wan(split)} 万元`,
            en: `Appropriation ${wan(appropriated)} − paid ${wan(paid)} = ${wan(balance)} (10k yuan), but carried over + recovered = ${wan(split)}`,
          },
          figures: { balance: wan(balance), carriedAndRecovered: wan(split) },
        });
      }
    }
  }
}

export type { Measure };
export { sum as sumOf };
