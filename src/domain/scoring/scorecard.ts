/** The result of scoring one input against one framework: every indicator and group, the total, the grade. */
import type { Decimal, RoundingPolicy } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import type { GradeBand, RuleType, Text } from "../frameworks/index.ts";
import type { TraceStep } from "./types.ts";

interface NodeScore {
  code: string;
  name: Text;
  /** 1 for 一级指标. */
  level: number;
  parent: string | null;
  points: Decimal;
  score: Decimal;
}

export interface IndicatorScore extends NodeScore {
  kind: "indicator";
  ruleType: RuleType;
  /** The policy its score is published with (the framework's, or its rule's own). */
  rounding: RoundingPolicy;
  reason: string;
  trace: TraceStep[];
  /** True when the input marked the value as impossible to provide. */
  missing: boolean;
  note?: Text;
}

export interface GroupScore extends NodeScore {
  kind: "group";
  /** 得分率: score ÷ points, as a fraction (0.964); shown as a percentage with two decimals. */
  rate: Decimal;
  children: string[];
  aggregate: "sum" | "scaled";
}

export type ScoredNode = IndicatorScore | GroupScore;

export interface Scorecard {
  framework: { code: string; name: Text; version: string; year: number; evaluationType: string };
  subject?: Text;
  locale: Locale;
  rounding: { indicator: RoundingPolicy; group: RoundingPolicy; total: RoundingPolicy };
  points: Decimal;
  total: Decimal;
  rate: Decimal;
  grade: GradeBand;
  /** Every group and indicator in reading order (a group before its children). */
  nodes: ScoredNode[];
  groups: GroupScore[];
  indicators: IndicatorScore[];
}
