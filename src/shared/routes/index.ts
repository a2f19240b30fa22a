/**
 * Every route definition of the API: the route table pairs each with its access rule and handler;
 * the OpenAPI document, docs/api-contract.md and the web's addresses.ts are written from them.
 */
export * from "./allocations.ts";
export * from "./audit.ts";
export * from "./auth.ts";
export * from "./checks.ts";
export * from "./dashboard.ts";
export * from "./datasets.ts";
export * from "./evaluation-tasks.ts";
export * from "./evaluations.ts";
export * from "./health.ts";
export * from "./imports.ts";
export * from "./public-surveys.ts";
export * from "./regions.ts";
export * from "./reminders.ts";
export * from "./report-jobs.ts";
export * from "./reports.ts";
export * from "./results.ts";
export * from "./surveys.ts";
export * from "./users.ts";
