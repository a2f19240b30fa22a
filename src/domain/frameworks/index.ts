/** Indicator frameworks and scoring inputs as data: zod schemas, validation, JSON Schema. */
export * from "./facts-schemas.ts";
export * from "./framework-schema.ts";
export * from "./input-schema.ts";
export * from "./issue-messages.ts";
export * from "./issues.ts";
export * from "./json-schema.ts";
export * from "./rule-schemas.ts";
export * from "./tree.ts";
export * from "./validate-framework.ts";
export * from "./validate-input.ts";
export * from "./validation-error.ts";
export * from "./values.ts";
