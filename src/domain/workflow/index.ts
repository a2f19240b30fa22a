export * from "./allocation-plan.ts";
export * from "./review.ts";
export * from "./survey-publish.ts";
