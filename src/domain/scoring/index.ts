/** The scoring engine: rules, aggregation, grades, roll-up and ranking; pure, in decimal arithmetic. */
export * from "./draft-facts.ts";
export * from "./evaluate.ts";
export * from "./grades.ts";
export * from "./messages.ts";
export * from "./ranking.ts";
export * from "./roll-up.ts";
export * from "./rules/index.ts";
export * from "./scorecard.ts";
export * from "./scorecard-json.ts";
export type * from "./types.ts";
