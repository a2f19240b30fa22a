export * from "./document.ts";
export * from "./evaluation-report.ts";
export * from "./monitoring-summary.ts";
export * from "./score-table.ts";
