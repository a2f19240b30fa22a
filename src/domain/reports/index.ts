export * from "./document.ts";
export * from "./score-table.ts";
