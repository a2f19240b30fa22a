/** The check levels and rule descriptions the web shows findings with, from the domain's checks. */
export { type FindingLevel, findingLevel, spendLevel } from "../domain/checks/levels.ts";
export { ruleInfo } from "../domain/checks/rules.ts";
