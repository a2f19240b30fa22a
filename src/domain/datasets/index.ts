export * from "./cells.ts";
export * from "./diff.ts";
export * from "./display.ts";
export * from "./markdown.ts";
export * from "./parse-sheet.ts";
export * from "./specs/index.ts";
export * from "./types.ts";
export * from "./units.ts";
