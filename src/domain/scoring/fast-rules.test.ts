import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, ROUNDING_POLICIES } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import { FACTS_SCHEMAS, parseFramework, parseInput, Rule } from "../frameworks/index.ts";
import { scoreValidated } from "./evaluate.ts";
import { compileFastRule, exactText, Overflow } from "./fast-rules.ts";
import { scoreRule } from "./rules/index.ts";
import { scorecardToJson } from "./scorecard-json.ts";

/** Decimals with up to `places` places in [min, max], as strings or numbers as files write them. */
const decimal = (min: number, max: number, places = 2) =>
  fc
    .integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) })
    .map((n) =>
      dec(n)
        .div(10 ** places)
        .toString(),
    );
const counting = fc.constantFrom("continuous", "floor-integer", "ceil-integer", "half-up-integer");
const rounding = fc.constantFrom(...ROUNDING_POLICIES);
const unit = fc.constantFrom(undefined, "%", "户", { "zh-CN": "平方米", "en-US": "m²" });
const labels = fc.constantFrom(undefined, {
  actual: "已开工",
  target: { "zh-CN": "计划", "en-US": "plan" },
});
const ratioFacts = fc.record({ actual: decimal(0, 50000, 3), target: decimal(0.01, 50000, 3) });
const ctxArb = fc.record({
  points: decimal(0.5, 60, 2),
  rounding,
  locale: fc.constantFrom<Locale>("zh-CN", "en-US"),
});
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Every rule type the fast path knows, with the options that change its words. */
const ruleAndFacts = fc.oneof(
  fc.record({
    rule: fc.record({
      type: fc.constant("shortfall"),
      step: decimal(0.5, 5),
      deduction: decimal(0.1, 3),
      cap: decimal(0.1, 100),
      counting,
      unit,
      labels,
      rounding: optional(rounding),
    }),
    facts: ratioFacts,
  }),
  fc.record({
    rule: fc.record({
      type: fc.constant("shortfall"),
      step: fc.constant(1),
      deduction: fc.constantFrom(1, 0.5),
      cap: decimal(0.1, 10),
      counting,
    }),
    facts: ratioFacts,
  }),
  fc
    .record({
      type: fc.constant("completion-band"),
      lower: decimal(50, 100),
      upper: optional(decimal(100, 200)),
      belowPenalty: decimal(0, 10),
      abovePenalty: decimal(0, 10),
      counting,
      unit,
      labels,
    })
    .chain((rule) =>
      fc.record({
        rule: fc.constant(rule.upper === undefined ? { ...rule, abovePenalty: undefined } : rule),
        facts: ratioFacts,
      }),
    ),
  fc.record({
    rule: fc.record({
      type: fc.constant("threshold"),
      threshold: decimal(0, 100, 3),
      direction: fc.constantFrom("at-least", "at-most"),
      step: decimal(0.5, 5),
      deduction: decimal(0.1, 3),
      cap: decimal(0.1, 100),
      counting,
      unit,
      label: fc.constantFrom(undefined, "社会筹资占比"),
    }),
    facts: fc.record({ value: decimal(0, 100, 4) }),
  }),
  fc.record({
    rule: fc.record({
      type: fc.constant("incidents"),
      deduction: decimal(0.1, 3),
      cap: decimal(0.1, 100),
      grave: optional(fc.record({ deduction: decimal(0.1, 100) })),
      label: fc.constantFrom(undefined, "违规行为"),
    }),
    facts: fc.record({ count: fc.integer({ min: 0, max: 100 }), grave: fc.boolean() }),
  }),
  fc.record({
    rule: fc.record({
      type: fc.constant("grade-map"),
      grades: optional(
        fc.constant([
          { label: "优", en: "excellent", ratio: 1 },
          { label: "良", ratio: 0.85 },
          { label: "差", ratio: 0.333 },
        ]),
      ),
    }),
    facts: fc.record({ grade: fc.constantFrom("好", "较好", "一般", "较差", "差", "优", "良") }),
  }),
  fc.record({
    rule: fc.record({
      type: fc.constant("proportional"),
      label: fc.constantFrom(undefined, "满意度"),
      labels,
      unit,
    }),
    facts: fc.oneof(fc.record({ rate: decimal(0, 100, 3) }), ratioFacts),
  }),
);

describe("the fast scoring rules", () => {
  it("give the decimal rules' score and reason to the last digit", () => {
    let scored = 0;
    let worded = 0;
    fc.assert(
      fc.property(ruleAndFacts, ctxArb, ({ rule: spec, facts: rawFacts }, ctx) => {
        const rule = Rule.parse(JSON.parse(JSON.stringify(spec)));
        const parsed = FACTS_SCHEMAS[rule.type].safeParse(rawFacts);
        // A grade the rule does not list, or a grave case it does not allow: not a valid input.
        if (!parsed.success) return;
        if (
          rule.type === "grade-map" &&
          !rule.grades.some((g) => g.label === (rawFacts as { grade?: string }).grade)
        ) {
          return;
        }
        const context = { ...ctx, points: dec(ctx.points) };
        const compiled = compileFastRule(rule, context.points, context.rounding, context.locale);
        expect(compiled).toBeDefined();
        const reference = scoreRule(rule, parsed.data as never, {
          ...context,
          ...(rule.rounding ? { rounding: rule.rounding } : {}),
        });
        const fastRule = compiled as NonNullable<typeof compiled>;
        // Each half may run out of safe integers on its own (the reason shows more digits than
        // the score needs): the caller then scores, or words, by the decimal rules.
        let score: ReturnType<typeof fastRule.score> | undefined;
        try {
          score = fastRule.score(parsed.data as never);
        } catch (error) {
          expect(error).toBeInstanceOf(Overflow);
        }
        if (score !== undefined) {
          scored += 1;
          expect(exactText(score)).toBe(reference.score.toString());
          expect(dec(exactText(score)).eq(reference.score)).toBe(true);
        }
        let reason: string | undefined;
        try {
          reason = fastRule.reason(parsed.data as never);
        } catch (error) {
          expect(error).toBeInstanceOf(Overflow);
        }
        if (reason !== undefined) {
          worded += 1;
          expect(reason).toBe(reference.reason);
          // Words come with a score: the reason needs every figure the score does.
          expect(score).toBeDefined();
        }
      }),
      { numRuns: 4000 },
    );
    // Overflow stays the exception: most generated cases were scored and worded by the fast path.
    expect(scored).toBeGreaterThan(2500);
    expect(worded).toBeGreaterThan(2500);
  });

  it("scorecards with and without the fast path are the same, steps included", () => {
    const framework = parseFramework({
      code: "fast-card",
      name: "快速评分",
      version: "1",
      year: 2024,
      evaluationType: "finance",
      points: 20,
      rounding: { indicator: "half-up-2", group: "half-up-1", total: "truncate-1" },
      grades: {
        basis: "rate",
        bands: [
          { min: 90, label: "优" },
          { min: 0, label: "差" },
        ],
      },
      indicators: [
        {
          code: "A",
          name: "甲",
          points: 10,
          children: [
            {
              code: "A.1",
              name: "开工",
              points: 4,
              rule: { type: "shortfall", step: 1, deduction: 1, cap: 4, counting: "floor-integer" },
            },
            {
              code: "A.2",
              name: "满意度",
              points: 6,
              rule: { type: "proportional", label: "满意度", rounding: "continuous" },
            },
          ],
        },
        {
          code: "B",
          name: "乙",
          points: 10,
          aggregate: "scaled",
          children: [
            { code: "B.1", name: "等级", points: 3, rule: { type: "grade-map" } },
            {
              code: "B.2",
              name: "违规",
              points: 4,
              rule: { type: "incidents", deduction: 0.5, cap: 3 },
            },
          ],
        },
      ],
    });
    fc.assert(
      fc.property(
        ratioFacts,
        decimal(0, 100, 3),
        fc.constantFrom("好", "较好", "一般"),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom<Locale>("zh-CN", "en-US"),
        (started, rate, grade, count, locale) => {
          const input = parseInput(framework, {
            framework: "fast-card",
            indicators: {
              "A.1": { facts: started },
              "A.2": { facts: { rate } },
              "B.1": { facts: { grade } },
              "B.2": { facts: { count } },
            },
          });
          const card = scoreValidated(framework, input, { locale });
          const reference = scoreValidated(framework, input, { locale, decimalOnly: true });
          expect(JSON.stringify(scorecardToJson(card))).toBe(
            JSON.stringify(scorecardToJson(reference)),
          );
          expect(card.total.eq(reference.total)).toBe(true);
          expect(card.rate.eq(reference.rate)).toBe(true);
          for (const [i, group] of card.groups.entries()) {
            expect(group.rate.eq(reference.groups[i]?.rate ?? dec(-1))).toBe(true);
          }
          // A fast node's reason is worked out when read, yet reads, spreads and serialises as a
          // plain property, in the same place among the keys.
          for (const [i, node] of card.indicators.entries()) {
            const ref = reference.indicators[i];
            expect(Object.keys(node)).toEqual(Object.keys(ref ?? {}));
            const { trace: _trace, ...plain } = node;
            expect(plain.reason).toBe(ref?.reason);
            expect(JSON.stringify(node)).toBe(JSON.stringify(ref));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("word a reason by the decimal rule when only its figures leave the safe-integer range", () => {
    const framework = parseFramework({
      code: "fast-words",
      name: "快速评分",
      version: "1",
      year: 2024,
      evaluationType: "finance",
      points: 4,
      rounding: "half-up-2",
      indicators: [
        {
          code: "A",
          name: "甲",
          points: 4,
          children: [
            {
              code: "A.1",
              name: "开工",
              points: 4,
              rule: { type: "shortfall", step: 1, deduction: 1, cap: 4, counting: "floor-integer" },
            },
          ],
        },
      ],
    });
    const [leaf] = framework.indicators[0]?.children ?? [];
    const rule = leaf?.rule as Rule;
    const facts = { actual: "1234567890123", target: "1234567890127" };
    // The score fits in safe integers; the ratio the reason shows to two places does not.
    const fast = compileFastRule(rule, dec(4), "half-up-2", "zh-CN");
    const parsed = FACTS_SCHEMAS.shortfall.parse(facts) as never;
    expect(exactText(fast?.score(parsed) ?? { n: -1, d: 1 })).toBe("4");
    expect(() => fast?.reason(parsed)).toThrow(Overflow);
    const input = parseInput(framework, {
      framework: "fast-words",
      indicators: { "A.1": { facts } },
    });
    const card = scoreValidated(framework, input);
    const reference = scoreValidated(framework, input, { decimalOnly: true });
    expect(card.indicators[0]?.reason).toBe(reference.indicators[0]?.reason);
    expect(card.indicators[0]?.reason).toContain("1234567890123");
    expect(JSON.stringify(scorecardToJson(card))).toBe(JSON.stringify(scorecardToJson(reference)));
  });

  it("let a fast node's reason be set like a plain property", () => {
    const framework = parseFramework({
      code: "fast-set",
      name: "快速评分",
      version: "1",
      year: 2024,
      evaluationType: "finance",
      points: 3,
      rounding: "half-up-2",
      indicators: [
        {
          code: "A",
          name: "甲",
          points: 3,
          children: [{ code: "A.1", name: "等级", points: 3, rule: { type: "grade-map" } }],
        },
      ],
    });
    const input = parseInput(framework, {
      framework: "fast-set",
      indicators: { "A.1": { facts: { grade: "较好" } } },
    });
    const node = scoreValidated(framework, input).indicators[0];
    if (!node) throw new Error("no indicator scored");
    expect(node.score.toString()).toBe("2.4");
    // Scored by the fast path: the reason is still to be worked out.
    expect(typeof Object.getOwnPropertyDescriptor(node, "reason")?.get).toBe("function");
    node.reason = "人工复核";
    expect(node.reason).toBe("人工复核");
    expect({ ...node }.reason).toBe("人工复核");
    expect(JSON.stringify(node)).toContain('"reason":"人工复核"');
  });
});
