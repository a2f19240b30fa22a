/** Runs every rule over one region's year and orders what they find. */
import { RuleContext } from "./context.ts";
import { checkAsOfYear, checkDocumentYears, checkStageDates } from "./dates.ts";
import { checkCompletionProgress, checkSpendProgress, checkStageDeadlines } from "./monitoring.ts";
import {
  checkCopiedPlan,
  checkHighCompletion,
  checkOutliers,
  checkUnitChange,
} from "./plausibility.ts";
import { checkSatisfaction, checkSpendRates } from "./rates.ts";
import { checkScores } from "./scores.ts";
import { checkAllocations, checkFundItems, checkIdentities, checkRegionSums } from "./sums.ts";
import { checkTargets } from "./targets.ts";
import {
  type CheckData,
  type CheckOptions,
  DEFAULT_OPTIONS,
  type Finding,
  SEVERITIES,
  type Severity,
} from "./types.ts";

const RULE_GROUPS: readonly ((c: RuleContext) => void)[] = [
  checkFundItems,
  checkAllocations,
  checkRegionSums,
  checkIdentities,
  checkSpendRates,
  checkSatisfaction,
  checkScores,
  checkCopiedPlan,
  checkHighCompletion,
  checkOutliers,
  checkUnitChange,
  checkAsOfYear,
  checkDocumentYears,
  checkStageDates,
  checkTargets,
  checkSpendProgress,
  checkCompletionProgress,
  checkStageDeadlines,
];

export interface CheckResult {
  findings: Finding[];
  counts: Record<Severity, number>;
}

/** Options with defaults filled in; asOf must be given (checks never read the clock). */
export function checkOptions(options: Partial<CheckOptions> & { asOf: string }): CheckOptions {
  return { ...DEFAULT_OPTIONS, ...options };
}

/** Ranks of strings in `localeCompare` order, equal ones sharing a rank. */
function ranks(values: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const rank = new Map<string, number>();
  let r = 0;
  sorted.forEach((v, i) => {
    if (i > 0 && (sorted[i - 1] as string).localeCompare(v) !== 0) r += 1;
    rank.set(v, r);
  });
  return rank;
}

/**
 * Findings errors first, then by region (its path), data set, rule and row. A national year has
 * ~50,000 findings: each is given one number for the first four keys (the ranks of its strings in
 * `localeCompare` order), so the sort compares numbers, in the same order as comparing the strings.
 */
function sortFindings(findings: Finding[], data: CheckData): Finding[] {
  const path = (code: string) => data.regions.get(code)?.path ?? "";
  const codes = new Set(findings.map((f) => f.regionCode));
  const pathRanks = ranks([...codes].map(path));
  const regionRank = new Map([...codes].map((code) => [code, pathRanks.get(path(code)) ?? 0]));
  const datasetRank = ranks(findings.map((f) => f.dataset));
  const ruleRank = ranks(findings.map((f) => f.rule));
  const regions = pathRanks.size + 1;
  const datasets = datasetRank.size + 1;
  const rules = ruleRank.size + 1;
  const key = new Float64Array(findings.length);
  const row = new Float64Array(findings.length);
  findings.forEach((f, i) => {
    const severity = SEVERITIES.indexOf(f.severity);
    const region = regionRank.get(f.regionCode) ?? 0;
    const dataset = datasetRank.get(f.dataset) ?? 0;
    const rule = ruleRank.get(f.rule) ?? 0;
    key[i] = ((severity * regions + region) * datasets + dataset) * rules + rule;
    row[i] = f.rowId ?? 0;
  });
  // Stable, as Array.prototype.sort is: ties keep the order the rules found them in.
  const order = findings.map((_, i) => i);
  order.sort(
    (a, b) =>
      (key[a] as number) - (key[b] as number) || (row[a] as number) - (row[b] as number) || a - b,
  );
  return order.map((i) => findings[i] as Finding);
}

/**
 * `runChecks` one rule group at a time: it yields after each group and returns the result, so a
 * caller on a busy thread can let other work run between them (a national year's groups take tens
 * to a few hundred milliseconds each).
 */
export function* checkSteps(
  data: CheckData,
  options: CheckOptions,
): Generator<undefined, CheckResult, undefined> {
  const c = new RuleContext(data, options);
  for (const group of RULE_GROUPS) {
    group(c);
    yield;
  }
  const findings = sortFindings(c.findings, data);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return { findings, counts };
}

/** Every finding, errors first, then by region (its path), data set, rule and row. */
export function runChecks(data: CheckData, options: CheckOptions): CheckResult {
  const steps = checkSteps(data, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
