export * from "./bindings.ts";
export * from "./sheet.ts";
export * from "./workflow.ts";
