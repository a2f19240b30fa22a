export * from "./bindings.ts";
export * from "./problems.ts";
export * from "./reminders.ts";
export * from "./sheet.ts";
export * from "./task-state.ts";
export * from "./workflow.ts";
