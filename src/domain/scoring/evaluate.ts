/** Scores an input against a framework: each indicator by its rule, groups and total from rounded parts. */
import { Decimal, roundBy, ZERO } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import {
  type Framework,
  type GradeBand,
  type Indicator,
  indicatorRounding,
  type ParsedFacts,
  parseInput,
  type Rule,
  type ValidatedInput,
} from "../frameworks/index.ts";
import {
  compileFastRule,
  type Exact,
  exactSum,
  exactText,
  type FastRule,
  Overflow,
} from "./fast-rules.ts";
import { gradedValue, gradeFor } from "./grades.ts";
import { scoreMissing, scoreRule } from "./rules/index.ts";
import type { GroupScore, IndicatorScore, Scorecard, ScoredNode } from "./scorecard.ts";
import type { RuleContext, TraceStep } from "./types.ts";

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
  const leaves = leavesOf(framework, locale);
  const nodes: ScoredNode[] = [];
  const groups: GroupScore[] = [];
  const indicators: IndicatorScore[] = [];
  // The exact rational score of the node scoreNode last returned, when the fast path scored it
  // (a group: all its children were): groups add these up without Decimal.
  let lastExact: Exact | undefined;

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
      groups.push(group);
      const summing = group.aggregate === "sum";
      const parts: Exact[] | undefined = summing ? [] : undefined;
      let exactParts = summing;
      const children: ScoredNode[] = [];
      for (const child of indicator.children) {
        children.push(scoreNode(child, level + 1, code));
        if (lastExact === undefined) exactParts = false;
        else parts?.push(lastExact);
      }
      const fast =
        exactParts && parts ? exactSum(parts, points, framework.rounding.group) : undefined;
      if (fast) {
        const shared = sharedScore(fast);
        group.score = shared.score;
        group.rate = sharedRate(shared, points);
        lastExact = fast;
        return group;
      }
      const sum = children.reduce((acc, c) => acc.plus(c.score), ZERO);
      const scaled =
        group.aggregate === "scaled"
          ? sum.times(points).div(children.reduce((acc, c) => acc.plus(c.points), ZERO))
          : sum;
      group.score = atMost(roundBy(scaled, framework.rounding.group), points);
      group.rate = group.score.div(points);
      lastExact = undefined;
      return group;
    }
    const entry = input.entries.get(code);
    const rule = indicator.rule;
    if (!entry || !rule) {
      // validateInput guarantees both; reaching here means the input was validated elsewhere.
      throw new RangeError(`indicator ${code} has no validated entry or rule`);
    }
    const leaf = leaves.get(indicator) ?? leafOf(framework, indicator, rule, locale);
    const { ctx } = leaf;
    lastExact = undefined;
    if (entry.kind === "facts" && leaf.fast && !options.decimalOnly) {
      const value = scoreFast(leaf.fast, entry.facts);
      if (value !== undefined) {
        const scored = lazyIndicator(
          indicator,
          level,
          parent,
          rule,
          ctx,
          scoreDecimal(value),
          new LazyParts(leaf.fast, rule, entry.facts, ctx),
        );
        if (entry.note !== undefined) scored.note = entry.note;
        lastExact = value;
        nodes.push(scored);
        indicators.push(scored);
        return scored;
      }
    }
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
    indicators.push(scored);
    return scored;
  };

  let topExact = true;
  const topParts: Exact[] = [];
  const top: ScoredNode[] = [];
  for (const indicator of framework.indicators) {
    top.push(scoreNode(indicator, 1, null));
    if (lastExact === undefined) topExact = false;
    else topParts.push(lastExact);
  }
  const fastTotal = topExact
    ? exactSum(topParts, framework.points, framework.rounding.total)
    : undefined;
  const shared = fastTotal !== undefined ? sharedScore(fastTotal) : undefined;
  const total =
    shared?.score ??
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
    rate: shared ? sharedRate(shared, framework.points) : rateOf(total, framework.points),
    grade: gradeOf(framework, total),
    nodes,
    groups,
    indicators,
  };
}

/** Rounding up must not lift a score above its points when the points are finer than the policy. */
function atMost(value: Decimal, points: Decimal): Decimal {
  return value.gt(points) ? points : value;
}

/** A leaf's rule context and compiled fast rule (null where the decimal rules score). */
interface Leaf {
  ctx: RuleContext;
  fast: FastRule | null;
}

/** Leaves per framework and locale, worked out on first use: they are the same for every county. */
const leafCache = new WeakMap<Framework, Record<Locale, Map<Indicator, Leaf>>>();

function leavesOf(framework: Framework, locale: Locale): Map<Indicator, Leaf> {
  let byLocale = leafCache.get(framework);
  if (!byLocale) {
    byLocale = { "zh-CN": new Map(), "en-US": new Map() };
    leafCache.set(framework, byLocale);
  }
  return byLocale[locale];
}

function leafOf(framework: Framework, indicator: Indicator, rule: Rule, locale: Locale): Leaf {
  const ctx: RuleContext = {
    points: indicator.points,
    rounding: indicatorRounding(framework, indicator),
    locale,
  };
  const fast = compileFastRule(rule, ctx.points, ctx.rounding, locale) ?? null;
  const leaf = { ctx, fast };
  leavesOf(framework, locale).set(indicator, leaf);
  return leaf;
}

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

/** A total's grade per framework and total: totals are shared Decimals, and repeat. */
const grades = new WeakMap<Framework, WeakMap<Decimal, GradeBand>>();

function gradeOf(framework: Framework, total: Decimal): GradeBand {
  let byTotal = grades.get(framework);
  if (!byTotal) {
    byTotal = new WeakMap();
    grades.set(framework, byTotal);
  }
  let grade = byTotal.get(total);
  if (grade === undefined) {
    grade = gradeFor(gradedValue(framework, total), framework.grades.bands);
    byTotal.set(total, grade);
  }
  return grade;
}

/** A published score as a shared Decimal, and the last rate worked out from it. */
interface SharedScore {
  score: Decimal;
  ratePoints: Decimal | undefined;
  rate: Decimal | undefined;
}

/**
 * Published scores as Decimals, shared: they repeat across counties and a Decimal is immutable.
 * Keyed by the score in units of 10^-10, exact since a fast score's denominator divides 10^10
 * (numbers hash faster than the text); the text is worked out only for a score not seen yet.
 */
const sharedScores = new Map<number, SharedScore>();

function sharedScore(value: Exact): SharedScore {
  const key = value.n * (1e10 / value.d);
  let shared = sharedScores.get(key);
  if (shared === undefined) {
    shared = { score: new Decimal(exactText(value)), ratePoints: undefined, rate: undefined };
    // A score too large for an exact key is not shared.
    if (!Number.isSafeInteger(key)) return shared;
    if (sharedScores.size > 100_000) sharedScores.clear();
    sharedScores.set(key, shared);
  }
  return shared;
}

function scoreDecimal(value: Exact): Decimal {
  return sharedScore(value).score;
}

/**
 * A shared score's rate (score ÷ points): its last points are nearly always the ones asked, or
 * the same figure (every group of a framework has its own Decimal for its points).
 */
function sharedRate(shared: SharedScore, points: Decimal): Decimal {
  const last = shared.ratePoints;
  if (last === undefined || shared.rate === undefined || (last !== points && !last.eq(points))) {
    shared.rate = rateOf(shared.score, points);
    shared.ratePoints = points;
  }
  return shared.rate;
}

/** The exact score by the fast rule, or undefined when the decimal rules must score. */
function scoreFast(fast: FastRule, facts: ParsedFacts): Exact | undefined {
  try {
    return fast.score(facts);
  } catch (error) {
    if (error instanceof Overflow) return undefined;
    throw error;
  }
}

/** The key under which a lazy trace gives its LazyParts, without working the steps out. */
const PARTS = Symbol("lazy parts");

/**
 * What a fast-scored indicator leaves for later: its reason and its steps, worked out when first
 * read. It is the handler of the trace, an array whose steps the decimal rule works out on first
 * touch: reading, iterating or serialising it sees an ordinary array.
 */
class LazyParts implements ProxyHandler<TraceStep[]> {
  readonly #fast: FastRule;
  readonly #rule: Rule;
  readonly #facts: ParsedFacts;
  readonly #ctx: RuleContext;
  #traced = false;
  #reason: string | undefined;

  constructor(fast: FastRule, rule: Rule, facts: ParsedFacts, ctx: RuleContext) {
    this.#fast = fast;
    this.#rule = rule;
    this.#facts = facts;
    this.#ctx = ctx;
  }

  /** The fast rule's words; the decimal rule's (the same, by the property test) past its range. */
  get reason(): string {
    if (this.#reason === undefined) {
      try {
        this.#reason = this.#fast.reason(this.#facts);
      } catch (error) {
        if (!(error instanceof Overflow)) throw error;
        this.#reason = scoreRule(this.#rule, this.#facts, this.#ctx).reason;
      }
    }
    return this.#reason;
  }

  set reason(reason: string) {
    this.#reason = reason;
  }

  #fill(target: TraceStep[]): TraceStep[] {
    if (!this.#traced) {
      this.#traced = true;
      target.push(...scoreRule(this.#rule, this.#facts, this.#ctx).trace);
    }
    return target;
  }

  get(target: TraceStep[], key: string | symbol, receiver: unknown) {
    if (key === PARTS) return this;
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

/** The LazyParts behind a fast-scored node, from its trace. */
function partsOf(node: IndicatorScore): LazyParts {
  const parts = (node.trace as unknown as { [PARTS]?: LazyParts })[PARTS];
  if (!parts) throw new RangeError(`indicator ${node.code}: its reason was lost with its trace`);
  return parts;
}

/**
 * The reason of a fast-scored node: an own, enumerable accessor, so that reading, spreading and
 * serialising the node see it as a plain string. The same getter for every node keeps the nodes
 * one shape (a getter made per node, or turning it into a value later, would make each a slow
 * dictionary object); the reason is kept, once worked out or set, by the trace's LazyParts.
 */
const REASON: PropertyDescriptor = {
  get(this: IndicatorScore): string {
    return partsOf(this).reason;
  },
  set(this: IndicatorScore, reason: string) {
    partsOf(this).reason = reason;
  },
  enumerable: true,
  configurable: true,
};

/** A fast-scored indicator: its fields in the order of a decimal-scored one, its reason lazy. */
function lazyIndicator(
  indicator: Indicator,
  level: number,
  parent: string | null,
  rule: Rule,
  ctx: RuleContext,
  score: Decimal,
  parts: LazyParts,
): IndicatorScore {
  const node = {
    kind: "indicator",
    code: indicator.code,
    name: indicator.name,
    level,
    parent,
    points: indicator.points,
    ruleType: rule.type,
    rounding: ctx.rounding,
    score,
  } as IndicatorScore;
  Object.defineProperty(node, "reason", REASON);
  node.trace = new Proxy<TraceStep[]>([], parts);
  node.missing = false;
  return node;
}
