/**
 * Facts an evaluation reads from Jixiao's data instead of asking for them: each indicator with a
 * `data:` binding gets its facts from the evaluated region's rows, with a sentence saying where.
 */
import type { ShortBilingual } from "../bilingual.ts";
import type { CheckRegion, CheckRow, RowsByDataset } from "../checks/index.ts";
import { Decimal, formatByPolicy, roundBy, ZERO } from "../decimal.ts";
import type { DataBinding, Framework, Indicator } from "../frameworks/index.ts";
import { leafIndicators } from "../frameworks/index.ts";
import { formatWan } from "../money.ts";

/** A linked survey's rate for one region: valid questionnaires, the rate and its margin, in percent. */
export interface SurveyRegionRate {
  valid: number;
  /** Questionnaires left out as invalid. */
  excluded: number;
  ratePercent: string | null;
  marginPercent: string | null;
}

/** The satisfaction survey an evaluation task is linked to, with its rate per region code. */
export interface LinkedSurvey {
  id: number;
  title: string;
  /** questionnaires: each valid questionnaire's overall answer; answers: every rating answer. */
  unit: "questionnaires" | "answers";
  method: "share" | "mean-score";
  byRegion: Readonly<Record<string, SurveyRegionRate>>;
}

/** The stored rows of the evaluated region (and those directly below it) for the year. */
export interface SheetData {
  regionCode: string;
  regions: ReadonlyMap<string, CheckRegion>;
  rows: RowsByDataset;
  /** The task's satisfaction survey: read before the 满意度 data set when it covers the region. */
  survey?: LinkedSurvey | undefined;
}

export interface BoundFacts {
  code: string;
  /** The facts of the indicator (or of its part, already placed in `parts`). */
  facts: Record<string, unknown>;
  dataset: string;
  rowIds: number[];
  /** Where the figures come from, in words. */
  source: ShortBilingual;
}

export interface UnboundFacts {
  code: string;
  /** Why the data could not give the facts: no row, or a rule that cannot take them. */
  missing: ShortBilingual;
}

type Figure =
  | { kind: "ratio"; actual: Decimal; target: Decimal; shown: [string, string]; unit: string }
  | { kind: "rate"; rate: Decimal };

const MEASURE_ZH: Record<string, [string, string, (d: Decimal) => string]> = {
  Communities: ["小区数", "个", (d) => d.toFixed()],
  Buildings: ["楼栋数", "栋", (d) => d.toFixed()],
  Households: ["户数", "户", (d) => d.toFixed()],
  Area: ["建筑面积", "万平方米", (d) => d.div(10000).toFixed()],
  ElderlyArea: ["配建养老服务设施面积", "平方米", (d) => d.toFixed()],
};

const num = (row: CheckRow, key: string) => {
  const v = row.values[key];
  return v === null || v === undefined || v === "" ? undefined : new Decimal(v);
};

function latest(rows: readonly CheckRow[]): CheckRow | undefined {
  return rows.reduce<CheckRow | undefined>(
    (best, r) => (!best || (r.values.asOf ?? "") > (best.values.asOf ?? "") ? r : best),
    undefined,
  );
}

/** The region's own rows, or else the sum of the rows of the regions directly below it. */
function ownOrChildren(data: SheetData, dataset: string): CheckRow[] {
  const rows = data.rows[dataset] ?? [];
  const own = rows.filter((r) => r.regionCode === data.regionCode);
  if (own.length > 0) return own;
  return rows.filter((r) => data.regions.get(r.regionCode)?.parentCode === data.regionCode);
}

interface Found {
  figure: Figure;
  dataset: string;
  rowIds: number[];
  source: ShortBilingual;
}

function find(binding: DataBinding, data: SheetData): Found | ShortBilingual {
  switch (binding.source) {
    case "plan-actual": {
      const rows = ownOrChildren(data, "plan-actual").filter(
        (r) => r.values.stage === binding.stage,
      );
      const row = latest(rows.filter((r) => r.regionCode === data.regionCode)) ?? undefined;
      const picked = row ? [row] : latestPerRegion(rows);
      const plan = sumOf(picked, `plan${binding.measure}`);
      const actual = sumOf(picked, `actual${binding.measure}`);
      const [name, unit, show] = MEASURE_ZH[binding.measure] ?? [
        "",
        "",
        (d: Decimal) => d.toFixed(),
      ];
      const stage = binding.stage === "started" ? "开工" : "竣工";
      if (!plan || !actual || plan.isZero()) {
        return {
          zh: `「计划与完成」中没有${stage}${name}的计划数与实际数`,
          en: `No ${binding.stage} ${binding.measure} plan and actual`,
        };
      }
      const asOf = picked.map((r) => r.values.asOf).find(Boolean);
      return {
        figure: { kind: "ratio", actual, target: plan, shown: [show(actual), show(plan)], unit },
        dataset: "plan-actual",
        rowIds: picked.map((r) => r.id),
        source: {
          zh: `计划与完成（${stage}）：计划${name} ${show(plan)}${unit}，实际 ${show(actual)}${unit}${asOf ? `，截至 ${asOf}` : ""}${row ? "" : `（${picked.length} 个下级地区合计）`}`,
          en: `Plan and actual (${binding.stage}): ${binding.measure} planned ${show(plan)}, actual ${show(actual)}${asOf ? ` as of ${asOf}` : ""}`,
        },
      };
    }
    case "spend-rate": {
      const rows = latestPerRegion(ownOrChildren(data, "allocations"));
      const budget = sumOf(rows, "budget");
      const spent = sumOf(rows, "spent") ?? ZERO;
      if (!budget || budget.isZero()) {
        return { zh: "「资金下达与支出」中没有预算指标", en: "No budget in allocations and spend" };
      }
      const rate = roundBy(spent.div(budget).times(100), "half-up-2");
      const asOf = rows.map((r) => r.values.asOf).find(Boolean);
      return {
        figure: { kind: "rate", rate },
        dataset: "allocations",
        rowIds: rows.map((r) => r.id),
        source: {
          zh: `资金下达与支出：实际支出 ${formatWan(spent)} 万元 ÷ 预算指标 ${formatWan(budget)} 万元 = ${formatByPolicy(rate, "half-up-2")}%${asOf ? `，截至 ${asOf}` : ""}`,
          en: `Allocations: spent ${formatWan(spent)} ÷ budget ${formatWan(budget)} (10k yuan) = ${formatByPolicy(rate, "half-up-2")}%`,
        },
      };
    }
    case "satisfaction": {
      const surveyed = data.survey?.byRegion[data.regionCode];
      if (data.survey && surveyed?.ratePercent) {
        const { title } = data.survey;
        const margin = surveyed.marginPercent;
        return {
          figure: { kind: "rate", rate: new Decimal(surveyed.ratePercent) },
          dataset: "survey",
          rowIds: [],
          source: {
            zh: `满意度调查「${title}」：有效问卷 ${surveyed.valid} 份，满意度 ${surveyed.ratePercent}%${margin ? `（95% 置信水平下误差 ±${margin} 个百分点）` : ""}`,
            en: `Survey "${title}": ${surveyed.valid} valid questionnaires, satisfaction ${surveyed.ratePercent}%${margin ? ` (±${margin} points at 95%)` : ""}`,
          },
        };
      }
      const row = (data.rows.satisfaction ?? []).find((r) => r.regionCode === data.regionCode);
      const rate = row ? num(row, "rate") : undefined;
      if (!row || !rate)
        return data.survey
          ? {
              zh: `满意度调查「${data.survey.title}」中没有该地区的有效问卷，「满意度」数据中也没有该地区的满意度`,
              en: `No valid questionnaire of the region in the survey "${data.survey.title}", and no satisfaction rate in the data`,
            }
          : { zh: "「满意度」中没有该地区的满意度", en: "No satisfaction rate for the region" };
      const valid = row.values.validResponses;
      return {
        figure: { kind: "rate", rate },
        dataset: "satisfaction",
        rowIds: [row.id],
        source: {
          zh: `满意度：${rate.toFixed()}%${valid ? `（有效问卷 ${valid} 份）` : ""}`,
          en: `Satisfaction: ${rate.toFixed()}%${valid ? ` (${valid} valid questionnaires)` : ""}`,
        },
      };
    }
  }
}

function latestPerRegion(rows: readonly CheckRow[]): CheckRow[] {
  const byRegion = new Map<string, CheckRow>();
  for (const r of rows) {
    const seen = byRegion.get(r.regionCode);
    if (!seen || (r.values.asOf ?? "") > (seen.values.asOf ?? "")) byRegion.set(r.regionCode, r);
  }
  return [...byRegion.values()];
}

function sumOf(rows: readonly CheckRow[], key: string): Decimal | undefined {
  const values = rows.map((r) => num(r, key)).filter((v) => v !== undefined);
  return values.length === 0 ? undefined : values.reduce((a, b) => a.plus(b), ZERO);
}

/** The rule the binding feeds: the indicator's own, or the named part's of a composite rule. */
function boundRule(indicator: Indicator, binding: DataBinding) {
  const rule = indicator.rule;
  if (!rule) return undefined;
  if (!binding.part) return rule;
  if (rule.type !== "composite") return undefined;
  return rule.parts.find((p) => p.code === binding.part)?.rule;
}

/** A figure as the facts a rule type takes, or undefined when that rule cannot take it. */
function factsFor(ruleType: string, figure: Figure): Record<string, string> | undefined {
  const ratio = figure.kind === "ratio";
  switch (ruleType) {
    case "completion-band":
    case "shortfall":
    case "lower-is-better":
      return ratio
        ? { actual: figure.shown[0], target: figure.shown[1] }
        : { actual: figure.rate.toFixed(), target: "100" };
    case "threshold":
      return {
        value: ratio
          ? roundBy(figure.actual.div(figure.target).times(100), "half-up-2").toFixed()
          : figure.rate.toFixed(),
      };
    case "proportional":
      return ratio
        ? { actual: figure.shown[0], target: figure.shown[1] }
        : { rate: figure.rate.toFixed() };
    default:
      return undefined;
  }
}

/** Every bound indicator of a framework, with its facts from the data or the reason it has none. */
export function bindFacts(framework: Framework, data: SheetData): (BoundFacts | UnboundFacts)[] {
  const out: (BoundFacts | UnboundFacts)[] = [];
  for (const { indicator } of leafIndicators(framework)) {
    const binding = indicator.data;
    if (!binding) continue;
    const rule = boundRule(indicator, binding);
    const found = find(binding, data);
    if (!("figure" in found)) {
      out.push({ code: indicator.code, missing: found });
      continue;
    }
    const facts = rule ? factsFor(rule.type, found.figure) : undefined;
    if (!facts) {
      out.push({
        code: indicator.code,
        missing: {
          zh: "该指标的评分规则不能使用这项数据",
          en: "The indicator's rule cannot take this figure",
        },
      });
      continue;
    }
    out.push({
      code: indicator.code,
      facts: binding.part ? { parts: { [binding.part]: facts } } : facts,
      dataset: found.dataset,
      rowIds: found.rowIds,
      source: found.source,
    });
  }
  return out;
}
