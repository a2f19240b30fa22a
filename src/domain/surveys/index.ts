/** Resident satisfaction surveys (满意度调查): questionnaires as data, answer checks, validity, rates, cross-tabs. */
export * from "./check-answer.ts";
export * from "./cross-tab.ts";
export * from "./questionnaire-schema.ts";
export * from "./satisfaction-rate.ts";
export * from "./survey-issues.ts";
export * from "./validate-questionnaire.ts";
export * from "./validity.ts";
