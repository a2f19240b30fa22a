/** Scores an input against a framework: each indicator by its rule, groups and total from rounded parts. */
import { Decimal, type RoundingPolicy, roundBy, ZERO } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import {
  type Framework,
  type Indicator,
  indicatorRounding,
  type ParsedFacts,
  parseInput,
  type Rule,
  type ValidatedInput,
} from "../frameworks/index.ts";
import { compileFastRule, type Exact, exactSum, type FastRule, Overflow } from "./fast-rules.ts";
import { gradedValue, gradeFor } from "./grades.ts";
import { scoreMissing, scoreRule } from "./rules/index.ts";
import type { GroupScore, IndicatorScore, Scorecard, ScoredNode } from "./scorecard.ts";
import type { RuleContext, RuleResult, TraceStep } from "./types.ts";

export interface ScoreOptions {
  /** Language of the reasons; zh-CN unless asked. */
  locale?: Locale;
  /** Score by the decimal.js rules alone: the reference the fast path is tested against. */
  decimalOnly?: boolean;
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
  // Exact rational scores of the nodes the fast path scored: groups add them without Decimal.
  const exact = new Map<ScoredNode, Exact>();
  const sumExactly = (children: readonly ScoredNode[], points: Decimal, policy: RoundingPolicy) => {
    const parts: Exact[] = [];
    for (const child of children) {
      const value = exact.get(child);
      if (value === undefined) return undefined;
      parts.push(value);
    }
    const sum = exactSum(parts, points, policy);
    if (!sum) return undefined;
    return { score: scoreDecimal(sum.text, sum.value), value: sum.value };
  };

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
      const fast =
        group.aggregate === "sum"
          ? sumExactly(children, points, framework.rounding.group)
          : undefined;
      if (fast) {
        group.score = fast.score;
        group.rate = rateOf(fast.score, points);
        exact.set(group, fast.value);
        return group;
      }
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
    const fast =
      entry.kind === "facts" && !options.decimalOnly
        ? scoreFast(framework, indicator, rule, entry.facts, ctx)
        : undefined;
    const result =
      fast ??
      (entry.kind === "missing" ? scoreMissing(entry, ctx) : scoreRule(rule, entry.facts, ctx));
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
    if (fast) exact.set(scored, fast.value);
    nodes.push(scored);
    return scored;
  };

  const top = framework.indicators.map((i) => scoreNode(i, 1, null));
  const total =
    sumExactly(top, framework.points, framework.rounding.total)?.score ??
    atMost(
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

/** Compiled fast rules per framework, locale and leaf; null where the decimal rules score. */
const fastRules = new WeakMap<Framework, Record<Locale, Map<Indicator, FastRule | null>>>();

/** score ÷ points per points and score text: group rates repeat across counties too. */
const rates = new WeakMap<Decimal, Map<Decimal, Decimal>>();

function rateOf(score: Decimal, points: Decimal): Decimal {
  let byScore = rates.get(points);
  if (!byScore) {
    byScore = new Map();
    rates.set(points, byScore);
  }
  let rate = byScore.get(score);
  if (rate === undefined) {
    rate = score.div(points);
    if (byScore.size > 100_000) byScore.clear();
    byScore.set(score, rate);
  }
  return rate;
}

/**
 * Published scores as Decimals, shared: they repeat across counties and a Decimal is immutable.
 * Keyed by the exact rational n ÷ d (numbers hash faster than the text).
 */
const scoreDecimals = new Map<number, Map<number, Decimal>>();
let cachedScores = 0;

function scoreDecimal(text: string, value: Exact): Decimal {
  let byNumerator = scoreDecimals.get(value.d);
  if (!byNumerator) {
    byNumerator = new Map();
    scoreDecimals.set(value.d, byNumerator);
  }
  let score = byNumerator.get(value.n);
  if (score === undefined) {
    score = new Decimal(text);
    if (cachedScores > 100_000) {
      scoreDecimals.clear();
      cachedScores = 0;
    }
    byNumerator.set(value.n, score);
    cachedScores += 1;
  }
  return score;
}

/** The score and reason by the fast rules, or undefined when the decimal rules must score. */
function scoreFast(
  framework: Framework,
  indicator: Indicator,
  rule: Rule,
  facts: ParsedFacts,
  ctx: RuleContext,
): (RuleResult & { value: Exact }) | undefined {
  let byLocale = fastRules.get(framework);
  if (!byLocale) {
    byLocale = { "zh-CN": new Map(), "en-US": new Map() };
    fastRules.set(framework, byLocale);
  }
  const rules = byLocale[ctx.locale];
  let fast = rules.get(indicator);
  if (fast === undefined) {
    fast = compileFastRule(rule, ctx.points, ctx.rounding, ctx.locale) ?? null;
    rules.set(indicator, fast);
  }
  if (fast === null) return undefined;
  try {
    const { score, reason, value } = fast(facts);
    // The fast path gives score and reason; the steps come from the decimal rule when first read.
    return {
      score: scoreDecimal(score, value),
      reason,
      trace: lazyTrace(() => scoreRule(rule, facts, ctx).trace),
      value,
    };
  } catch (error) {
    if (error instanceof Overflow) return undefined;
    throw error;
  }
}

/**
 * A trace array whose steps the decimal rule works out on first touch: reading, iterating or
 * serialising it sees an ordinary array. A getter on each scored node would cost more than the
 * scoring itself (it turns every node into a slow dictionary object).
 */
class LazyTrace implements ProxyHandler<TraceStep[]> {
  #compute: (() => TraceStep[]) | undefined;

  constructor(compute: () => TraceStep[]) {
    this.#compute = compute;
  }

  #fill(target: TraceStep[]): TraceStep[] {
    const compute = this.#compute;
    if (compute) {
      this.#compute = undefined;
      target.push(...compute());
    }
    return target;
  }

  get(target: TraceStep[], key: string | symbol, receiver: unknown) {
    return Reflect.get(this.#fill(target), key, receiver);
  }
  set(target: TraceStep[], key: string | symbol, value: unknown, receiver: unknown) {
    return Reflect.set(this.#fill(target), key, value, receiver);
  }
  has(target: TraceStep[], key: string | symbol) {
    return Reflect.has(this.#fill(target), key);
  }
  ownKeys(target: TraceStep[]) {
    return Reflect.ownKeys(this.#fill(target));
  }
  getOwnPropertyDescriptor(target: TraceStep[], key: string | symbol) {
    return Reflect.getOwnPropertyDescriptor(this.#fill(target), key);
  }
  defineProperty(target: TraceStep[], key: string | symbol, descriptor: PropertyDescriptor) {
    return Reflect.defineProperty(this.#fill(target), key, descriptor);
  }
  deleteProperty(target: TraceStep[], key: string | symbol) {
    return Reflect.deleteProperty(this.#fill(target), key);
  }
}

function lazyTrace(compute: () => TraceStep[]): TraceStep[] {
  return new Proxy<TraceStep[]>([], new LazyTrace(compute));
}
