/** The signature of the rule dispatcher, which a composite calls for its parts. */
import type { ParsedFacts, Rule } from "../../frameworks/index.ts";
import type { RuleContext, RuleResult } from "../types.ts";

export type ScoreRule = (rule: Rule, facts: ParsedFacts, ctx: RuleContext) => RuleResult;
