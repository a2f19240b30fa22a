/** Scores an input against a framework: each indicator by its rule, groups and total from rounded parts. */
import { type Decimal, roundBy, ZERO } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import {
  type Framework,
  type Indicator,
  indicatorRounding,
  parseInput,
  type ValidatedInput,
} from "../frameworks/index.ts";
import { gradedValue, gradeFor } from "./grades.ts";
import { scoreMissing, scoreRule } from "./rules/index.ts";
import type { GroupScore, IndicatorScore, Scorecard, ScoredNode } from "./scorecard.ts";

export interface ScoreOptions {
  /** Language of the reasons; zh-CN unless asked. */
  locale?: Locale;
}

/** Validates raw input data against the framework (throwing a ValidationError), then scores it. */
export function scoreInput(
  framework: Framework,
  data: unknown,
  options: ScoreOptions & { file?: string } = {},
): Scorecard {
  return scoreValidated(framework, parseInput(framework, data, options.file), options);
}

/**
 * Scores an input validated against this framework. A group's score is the sum of its children's
 * published (rounded) scores, rounded by the group policy; the total is the sum of the rounded
 * level-1 scores, rounded by the total policy: the way the seeds' tables add up.
 */
export function scoreValidated(
  framework: Framework,
  input: ValidatedInput,
  options: ScoreOptions = {},
): Scorecard {
  const locale = options.locale ?? "zh-CN";
  const nodes: ScoredNode[] = [];

  const scoreNode = (indicator: Indicator, level: number, parent: string | null): ScoredNode => {
    const { code, name, points } = indicator;
    if (indicator.children) {
      const group: GroupScore = {
        kind: "group",
        code,
        name,
        level,
        parent,
        points,
        score: ZERO,
        rate: ZERO,
        children: indicator.children.map((c) => c.code),
        aggregate: indicator.aggregate ?? "sum",
      };
      nodes.push(group);
      const children = indicator.children.map((c) => scoreNode(c, level + 1, code));
      const sum = children.reduce((acc, c) => acc.plus(c.score), ZERO);
      const scaled =
        group.aggregate === "scaled"
          ? sum.times(points).div(children.reduce((acc, c) => acc.plus(c.points), ZERO))
          : sum;
      group.score = atMost(roundBy(scaled, framework.rounding.group), points);
      group.rate = group.score.div(points);
      return group;
    }
    const entry = input.entries.get(code);
    const rule = indicator.rule;
    if (!entry || !rule) {
      // validateInput guarantees both; reaching here means the input was validated elsewhere.
      throw new RangeError(`indicator ${code} has no validated entry or rule`);
    }
    const ctx = { points, rounding: indicatorRounding(framework, indicator), locale };
    const result =
      entry.kind === "missing" ? scoreMissing(entry, ctx) : scoreRule(rule, entry.facts, ctx);
    const scored: IndicatorScore = {
      kind: "indicator",
      code,
      name,
      level,
      parent,
      points,
      ruleType: rule.type,
      rounding: ctx.rounding,
      score: result.score,
      reason: result.reason,
      trace: result.trace,
      missing: entry.kind === "missing",
    };
    if (entry.note !== undefined) scored.note = entry.note;
    nodes.push(scored);
    return scored;
  };

  const top = framework.indicators.map((i) => scoreNode(i, 1, null));
  const total = atMost(
    roundBy(
      top.reduce((acc: Decimal, n) => acc.plus(n.score), ZERO),
      framework.rounding.total,
    ),
    framework.points,
  );
  return {
    framework: {
      code: framework.code,
      name: framework.name,
      version: framework.version,
      year: framework.year,
      evaluationType: framework.evaluationType,
    },
    ...(input.subject !== undefined ? { subject: input.subject } : {}),
    locale,
    rounding: framework.rounding,
    points: framework.points,
    total,
    rate: total.div(framework.points),
    grade: gradeFor(gradedValue(framework, total), framework.grades.bands),
    nodes,
    groups: nodes.filter((n): n is GroupScore => n.kind === "group"),
    indicators: nodes.filter((n): n is IndicatorScore => n.kind === "indicator"),
  };
}

/** Rounding up must not lift a score above its points when the points are finer than the policy. */
function atMost(value: Decimal, points: Decimal): Decimal {
  return value.gt(points) ? points : value;
}
