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

/** Every finding, errors first, then by region (its path), data set, rule and row. */
export function runChecks(data: CheckData, options: CheckOptions): CheckResult {
  const c = new RuleContext(data, options);
  for (const group of RULE_GROUPS) group(c);
  const path = (code: string) => data.regions.get(code)?.path ?? "";
  const findings = c.findings.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      path(a.regionCode).localeCompare(path(b.regionCode)) ||
      a.dataset.localeCompare(b.dataset) ||
      a.rule.localeCompare(b.rule) ||
      (a.rowId ?? 0) - (b.rowId ?? 0),
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return { findings, counts };
}
