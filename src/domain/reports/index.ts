export * from "./document.ts";
export * from "./evaluation-report.ts";
export * from "./monitoring-summary.ts";
export * from "./score-table.ts";
export * from "./self-evaluation-form.ts";
export * from "./sentences.ts";
export * from "./task-report.ts";
