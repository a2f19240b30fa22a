export * from "./document.ts";
export * from "./monitoring-summary.ts";
export * from "./score-table.ts";
