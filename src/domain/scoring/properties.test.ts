import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Decimal, dec, ZERO } from "../decimal.ts";
import { FACTS_SCHEMAS, parseFramework, Rule } from "../frameworks/index.ts";
import { scoreInput } from "./evaluate.ts";
import { scoreRule } from "./rules/index.ts";
import type { RuleContext } from "./types.ts";

/** A decimal with two places in [min, max]. */
const cents = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((n) => dec(n).div(100).toString());
const counting = fc.constantFrom("continuous", "floor-integer", "ceil-integer", "half-up-integer");
const rounding = fc.constantFrom(
  "half-up-1",
  "half-up-2",
  "truncate-1",
  "truncate-2",
  "continuous",
);

const ctxArb = fc.record({
  points: cents(0.5, 60),
  rounding,
  locale: fc.constantFrom("zh-CN", "en-US"),
});

/** A rule and the facts for it, any type but composite and expert (which need the points). */
const ruleAndFacts = fc.oneof(
  fc.record({
    rule: fc.record({
      type: fc.constant("shortfall"),
      step: cents(0.5, 5),
      deduction: cents(0.1, 3),
      cap: cents(0.1, 100),
      counting,
    }),
    facts: fc.record({ actual: cents(0, 2000), target: cents(0.01, 2000) }),
  }),
  fc.record({
    rule: fc.record({
      type: fc.constant("completion-band"),
      lower: cents(50, 100),
      upper: cents(100, 200),
      belowPenalty: cents(0, 10),
      abovePenalty: cents(0, 10),
      counting,
    }),
    facts: fc.record({ actual: cents(0, 2000), target: cents(0.01, 2000) }),
  }),
  fc.record({
    rule: fc.record({
      type: fc.constant("threshold"),
      threshold: cents(0, 100),
      direction: fc.constantFrom("at-least", "at-most"),
      step: cents(0.5, 5),
      deduction: cents(0.1, 3),
      cap: cents(0.1, 100),
      counting,
    }),
    facts: fc.record({ value: cents(0, 100) }),
  }),
  fc.record({
    rule: fc.record({
      type: fc.constant("lower-is-better"),
      step: cents(0.5, 5),
      deduction: cents(0.1, 3),
      cap: cents(0.1, 100),
      counting,
    }),
    facts: fc.record({ actual: cents(0, 2000), target: cents(0.01, 2000) }),
  }),
  fc.record({
    rule: fc.record({
      type: fc.constant("per-unit"),
      deduction: cents(0.1, 3),
      cap: cents(0.1, 100),
    }),
    facts: fc.record({ count: fc.integer({ min: 0, max: 100 }) }),
  }),
  fc.record({
    rule: fc.record({
      type: fc.constant("incidents"),
      deduction: cents(0.1, 3),
      cap: cents(0.1, 100),
      grave: fc.record({ deduction: cents(0.1, 100) }),
    }),
    facts: fc.record({ count: fc.integer({ min: 0, max: 100 }), grave: fc.boolean() }),
  }),
  fc.record({
    rule: fc.record({ type: fc.constant("grade-map") }),
    facts: fc.record({ grade: fc.constantFrom("好", "较好", "一般", "较差", "差") }),
  }),
  fc.record({
    rule: fc.record({ type: fc.constant("proportional") }),
    facts: fc.oneof(
      fc.record({ rate: cents(0, 100) }),
      fc.record({ actual: cents(0, 2000), target: cents(0.01, 2000) }),
    ),
  }),
);

function score(
  ruleSpec: unknown,
  factsSpec: unknown,
  ctx: { points: string; rounding: string; locale: string },
) {
  const rule = Rule.parse(ruleSpec);
  const facts = FACTS_SCHEMAS[rule.type].parse(factsSpec);
  const context = { ...ctx, points: dec(ctx.points) } as RuleContext;
  return scoreRule(rule, facts as never, context);
}

const within = (value: Decimal, points: string) => value.gte(ZERO) && value.lte(dec(points));

describe("properties of every rule", () => {
  it("every score lies within [0, points] and has a reason", () => {
    fc.assert(
      fc.property(ruleAndFacts, ctxArb, ({ rule, facts }, ctx) => {
        const result = score(rule, facts, ctx);
        expect(within(result.score, ctx.points)).toBe(true);
        expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("more achievement never lowers a higher-is-better score", () => {
    const higherIsBetter = ruleAndFacts.filter(
      ({ rule }) =>
        rule.type === "shortfall" ||
        rule.type === "proportional" ||
        (rule.type === "threshold" && rule.direction === "at-least"),
    );
    fc.assert(
      fc.property(higherIsBetter, cents(0, 500), ctxArb, ({ rule, facts }, more, ctx) => {
        const f = facts as Record<string, string>;
        const field = "value" in f ? "value" : "rate" in f ? "rate" : "actual";
        const cap = field === "actual" ? Number.POSITIVE_INFINITY : 100;
        const raised = dec(f[field] ?? "0").plus(more);
        const better = { ...f, [field]: (raised.gt(cap) ? dec(cap) : raised).toString() };
        const before = score(rule, f, ctx).score;
        const after = score(rule, better, ctx).score;
        expect(after.gte(before)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("a completion band without an upper end is higher-is-better too", () => {
    fc.assert(
      fc.property(
        cents(0, 1000),
        cents(0, 1000),
        cents(0.01, 500),
        counting,
        ctxArb,
        (a, b, target, c, ctx) => {
          const rule = { type: "completion-band", lower: 100, belowPenalty: 5, counting: c };
          const [low, high] = dec(a).lte(dec(b)) ? [a, b] : [b, a];
          const before = score(rule, { actual: low, target }, ctx).score;
          const after = score(rule, { actual: high, target }, ctx).score;
          expect(after.gte(before)).toBe(true);
        },
      ),
    );
  });

  it("more days late, incidents or overrun never raise a lower-is-better score", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        ctxArb,
        (a, b, ctx) => {
          const [few, many] = a <= b ? [a, b] : [b, a];
          for (const rule of [
            { type: "per-unit", deduction: 1, cap: 5 },
            { type: "incidents", deduction: 0.5, cap: 5 },
          ]) {
            const s = (count: number) => score(rule, { count }, ctx).score;
            expect(s(many).lte(s(few))).toBe(true);
          }
          const cost = {
            type: "lower-is-better",
            step: 1,
            deduction: 1,
            cap: 5,
            counting: "continuous",
          };
          const c = (actual: number) =>
            score(cost, { actual: 100 + actual, target: 100 }, ctx).score;
          expect(c(many).lte(c(few))).toBe(true);
        },
      ),
    );
  });
});

describe("properties of aggregation", () => {
  /** A random tree of up to three levels whose group points are the sums of their children's. */
  const leafArb = fc.record({ points: fc.integer({ min: 1, max: 20 }), rate: cents(0, 100) });
  const groupArb = fc.array(leafArb, { minLength: 1, maxLength: 4 });
  const treeArb = fc.array(fc.array(groupArb, { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 4,
  });

  it("with one policy throughout, the total is exactly the sum of the published indicator scores", () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.constantFrom("half-up-1", "half-up-2", "truncate-2"),
        (tree, policy) => {
          const facts: Record<string, { facts: { rate: string } }> = {};
          let points = 0;
          const indicators = tree.map((level2, i) => {
            const children = level2.map((leaves, j) => {
              const kids = leaves.map((leaf, k) => {
                const code = `L${i}.${j}.${k}`;
                facts[code] = { facts: { rate: leaf.rate } };
                points += leaf.points;
                return { code, name: code, points: leaf.points, rule: { type: "proportional" } };
              });
              const sum = leaves.reduce((s, l) => s + l.points, 0);
              return { code: `G${i}.${j}`, name: "g", points: sum, children: kids };
            });
            const sum = children.reduce((s, c) => s + c.points, 0);
            return { code: `G${i}`, name: "g", points: sum, children };
          });
          const framework = parseFramework({
            code: "prop",
            name: "prop",
            version: "1",
            year: 2024,
            evaluationType: "finance",
            points,
            rounding: policy,
            indicators,
          });
          const card = scoreInput(framework, { framework: "prop", indicators: facts });
          const leafSum = card.indicators.reduce((s, i) => s.plus(i.score), ZERO);
          expect(card.total.eq(leafSum)).toBe(true);
          for (const group of card.groups) {
            const children = card.nodes.filter((n) => n.parent === group.code);
            expect(group.score.eq(children.reduce((s, c) => s.plus(c.score), ZERO))).toBe(true);
            expect(within(group.score, group.points.toString())).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
