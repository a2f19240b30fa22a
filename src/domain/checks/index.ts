export { type CheckResult, checkOptions, checkSteps, runChecks } from "./check.ts";
export { agreesAtPrecision } from "./compare.ts";
export {
  CATEGORY_TITLES,
  FIGURE_TITLES,
  FINDING_LEVELS,
  type FindingLevel,
  findingLevel,
  LEVEL_TITLES,
  spendLevel,
} from "./levels.ts";
export {
  buildMonitoring,
  type CompletionLine,
  type MonitoringView,
  type SeriesPoint,
  type SpendLine,
} from "./monitor-view.ts";
export { daysBetween, timeSchedule } from "./monitoring.ts";
export { candidateProblems, type Problem } from "./problems.ts";
export { READ_COLUMNS } from "./read-columns.ts";
export { RULES, ruleInfo } from "./rules.ts";
export { parseFigure } from "./targets.ts";
export * from "./types.ts";
