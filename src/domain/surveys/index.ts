/**
 * Resident satisfaction surveys (满意度调查): questionnaires as data, answer checks, validity, rates, cross-tabs,
 * and the rules on who sees and edits a survey, its versions and its collection points.
 */
export * from "./check-answer.ts";
export * from "./cross-tab.ts";
export * from "./questionnaire-schema.ts";
export * from "./satisfaction-rate.ts";
export * from "./survey-collecting.ts";
export * from "./survey-communities.ts";
export * from "./survey-issues.ts";
export * from "./survey-scope.ts";
export * from "./survey-versions.ts";
export * from "./validate-questionnaire.ts";
export * from "./validity.ts";
