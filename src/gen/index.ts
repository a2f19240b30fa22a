export * from "./generate.ts";
