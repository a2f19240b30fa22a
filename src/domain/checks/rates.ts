/** Published rates recomputed from their numerator and denominator. */
import { type Decimal, ZERO } from "../decimal.ts";
import { agreesAtPrecision } from "./compare.ts";
import { groupBy, num, pct, plain, type RuleContext, rate, wan } from "./context.ts";
import type { CheckRow } from "./types.ts";

/** 支出率 = 实际支出 ÷ 预算指标. */
export function checkSpendRates(c: RuleContext): void {
  for (const row of c.rows("allocations")) {
    const published = num(row, "publishedSpendRate");
    const budget = num(row, "budget");
    const spent = num(row, "spent");
    if (!published || !budget || !spent) continue;
    const computed = rate(spent, budget);
    if (!computed || agreesAtPrecision(published, computed)) continue;
    c.add("rate.spend", {
      dataset: "allocations",
      row,
      field: "publishedSpendRate",
      message: {
        zh: `${c.regionName(row.regionCode)}支出率填报为 ${plain(published)}%，按实际支出 ${wan(spent)} 万元 ÷ 预算指标 ${wan(budget)} 万元应为 ${pct(computed)}%`,
        en: `${c.regionName(row.regionCode)}: spend rate given as ${plain(published)}%, but ${wan(spent)} ÷ ${wan(budget)} = ${pct(computed)}%`,
      },
      figures: { published: plain(published), computed: pct(computed) },
    });
  }
}

/** 满意度 = 满意问卷 ÷ 有效问卷, and a region's rate against those of the regions below it. */
export function checkSatisfaction(c: RuleContext): void {
  const rows = c.rows("satisfaction");
  for (const row of rows) {
    const published = num(row, "rate");
    const satisfied = num(row, "satisfied");
    const valid = num(row, "validResponses");
    if (!published || !satisfied || !valid) continue;
    const computed = rate(satisfied, valid);
    if (!computed || agreesAtPrecision(published, computed)) continue;
    c.add("rate.satisfaction", {
      dataset: "satisfaction",
      row,
      field: "rate",
      message: {
        zh: `${c.regionName(row.regionCode)}满意度填报为 ${plain(published)}%，按满意问卷 ${plain(satisfied)} 份 ÷ 有效问卷 ${plain(valid)} 份应为 ${pct(computed)}%`,
        en: `${c.regionName(row.regionCode)}: satisfaction given as ${plain(published)}%, but ${plain(satisfied)} ÷ ${plain(valid)} = ${pct(computed)}%`,
      },
      figures: { published: plain(published), computed: pct(computed) },
    });
  }
  const byParent = groupBy(
    rows.filter((r) => c.data.regions.get(r.regionCode)?.parentCode),
    (r) => c.data.regions.get(r.regionCode)?.parentCode ?? "",
  );
  for (const parent of rows) {
    const children = byParent.get(parent.regionCode);
    const published = num(parent, "rate");
    if (!children || !published) continue;
    checkRollUp(c, parent, published, children);
  }
}

function checkRollUp(c: RuleContext, parent: CheckRow, published: Decimal, children: CheckRow[]) {
  const name = c.regionName(parent.regionCode);
  const counted = children.every((r) => num(r, "satisfied") && num(r, "validResponses"));
  if (counted) {
    const satisfied = children.reduce((a, r) => a.plus(num(r, "satisfied") ?? ZERO), ZERO);
    const valid = children.reduce((a, r) => a.plus(num(r, "validResponses") ?? ZERO), ZERO);
    const weighted = rate(satisfied, valid);
    if (!weighted || agreesAtPrecision(published, weighted)) return;
    c.add("rate.roll-up", {
      dataset: "satisfaction",
      row: parent,
      field: "rate",
      message: {
        zh: `${name}满意度 ${plain(published)}%，而下级 ${children.length} 个地区合计满意问卷 ${plain(satisfied)} 份 ÷ 有效问卷 ${plain(valid)} 份为 ${pct(weighted)}%`,
        en: `${name}: ${plain(published)}%, but its ${subregions(children.length)} ${children.length === 1 ? "gives" : "give"} ${plain(satisfied)} ÷ ${plain(valid)} = ${pct(weighted)}%`,
      },
      figures: { published: plain(published), weighted: pct(weighted) },
    });
    return;
  }
  const rates = children.map((r) => num(r, "rate"));
  if (rates.some((x) => x === undefined)) return;
  const mean = (rates as Decimal[]).reduce((a, b) => a.plus(b), ZERO).div(children.length);
  const list = children.map(
    (r) => `${c.regionName(r.regionCode)} ${plain(num(r, "rate") ?? ZERO)}%`,
  );
  if (agreesAtPrecision(published, mean)) {
    c.add("rate.unweighted-mean", {
      dataset: "satisfaction",
      row: parent,
      field: "rate",
      message: {
        zh: `${name}满意度 ${plain(published)}% 是下级 ${children.length} 个地区满意度的简单平均（${pct(mean)}%），未按各地有效问卷数加权；比率应由合计的分子、分母重新计算`,
        en: `${name}: ${plain(published)}% is the plain mean of the rates of ${subregions(children.length)} (${pct(mean)}%), not weighted by their questionnaires`,
      },
      figures: { published: plain(published), mean: pct(mean), parts: list.join("、") },
    });
    return;
  }
  c.add("rate.roll-up", {
    dataset: "satisfaction",
    row: parent,
    field: "rate",
    message: {
      zh: `${name}满意度 ${plain(published)}% 既不是下级 ${children.length} 个地区的简单平均（${pct(mean)}%），下级也没有问卷数可供加权计算`,
      en: `${name}: ${plain(published)}% is not the mean of its ${subregions(children.length)} (${pct(mean)}%), and they give no questionnaire counts`,
    },
    figures: { published: plain(published), mean: pct(mean) },
  });
}

/** "1 subregion", "3 subregions". */
function subregions(count: number): string {
  return `${count} ${count === 1 ? "subregion" : "subregions"}`;
}
