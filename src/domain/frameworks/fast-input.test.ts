import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastValidateInput } from "./fast-input.ts";
import { parseFramework } from "./validate-framework.ts";
import { validateInput, validateInputBySchema } from "./validate-input.ts";

// One leaf per rule type, with the bounds the fast path must honour (actualMax, valueMin/Max, grave…).
const framework = parseFramework({
  code: "fast-path",
  name: "快速校验",
  version: "1",
  year: 2024,
  evaluationType: "finance",
  points: 100,
  rounding: "half-up-1",
  indicators: [
    {
      code: "A",
      name: "甲",
      points: 50,
      children: [
        {
          code: "A.1",
          name: "短缺",
          points: 5,
          rule: {
            type: "shortfall",
            step: 1,
            deduction: 1,
            cap: 5,
            counting: "floor-integer",
            actualMax: 500,
          },
        },
        {
          code: "A.2",
          name: "区间",
          points: 5,
          rule: {
            type: "completion-band",
            lower: 100,
            upper: 130,
            belowPenalty: 5,
            abovePenalty: 1,
            counting: "continuous",
          },
        },
        {
          code: "A.3",
          name: "阈值",
          points: 5,
          rule: {
            type: "threshold",
            threshold: 20,
            step: 4,
            deduction: 1,
            cap: 3,
            counting: "continuous",
            valueMin: 0,
            valueMax: 100,
          },
        },
        {
          code: "A.4",
          name: "越低越好",
          points: 5,
          rule: {
            type: "lower-is-better",
            step: 1,
            deduction: 1,
            cap: 5,
            counting: "ceil-integer",
          },
        },
        {
          code: "A.5",
          name: "逾期",
          points: 5,
          rule: { type: "per-unit", deduction: 1, cap: 5 },
        },
        { code: "A.6", name: "等级", points: 5, rule: { type: "grade-map" } },
        {
          code: "A.7",
          name: "清单",
          points: 5,
          rule: {
            type: "checklist",
            items: [
              { code: "x", label: "一", points: 2 },
              { code: "y", label: "二", points: 3 },
            ],
          },
        },
        {
          code: "A.8",
          name: "违规",
          points: 5,
          rule: { type: "incidents", deduction: 1, cap: 5, grave: { deduction: 5 } },
        },
        {
          code: "A.9",
          name: "无严重情形",
          points: 5,
          rule: { type: "incidents", deduction: 1, cap: 5 },
        },
        { code: "A.10", name: "比例", points: 5, rule: { type: "proportional" } },
      ],
    },
    {
      code: "B",
      name: "乙",
      points: 50,
      children: [
        { code: "B.1", name: "专家", points: 25, rule: { type: "expert" } },
        {
          code: "B.2",
          name: "组合",
          points: 25,
          rule: {
            type: "composite",
            combine: "sum",
            parts: [
              { code: "p", name: "部分一", points: 10, rule: { type: "expert" } },
              {
                code: "q",
                name: "部分二",
                points: 15,
                rule: { type: "proportional", rounding: "truncate-2" },
              },
            ],
          },
        },
      ],
    },
  ],
});

/** Values a careless file holds, beside good ones: each must take the fast path to the same answer. */
const odd = fc.constantFrom<unknown>(
  -1,
  "-0.5",
  0,
  "0",
  "62,395",
  "1e3",
  " 12",
  "六万",
  Number.NaN,
  Number.POSITIVE_INFINITY,
  null,
  true,
  "",
  [],
  {},
  undefined,
  "1.005",
  1.25,
  101,
  "600",
);
/** Two-place decimals in [min, max], written as numbers or as strings. */
const decimal = (min: number, max: number, places = 2) =>
  fc
    .integer({ min: min * 10 ** places, max: max * 10 ** places })
    .chain((n) => fc.constantFrom<unknown>(n / 10 ** places, (n / 10 ** places).toString()));
const whole = (max: number) => fc.integer({ min: 0, max });
// Mostly a good value, one time in forty an odd one: about half the inputs stay valid.
const maybe = (good: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 40, arbitrary: good }, { weight: 1, arbitrary: odd });
const goodText = fc.oneof(
  fc.constant("说明"),
  fc.record(
    { "zh-CN": fc.constant("说明"), "en-US": fc.constant("note") },
    { requiredKeys: ["zh-CN"] },
  ),
);
const text = fc.oneof(
  { weight: 20, arbitrary: goodText },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>("", { "zh-CN": "说明", fr: "note" }, { "en-US": "x" }),
  },
);
const ratio = fc.record({ actual: maybe(decimal(0, 500)), target: maybe(decimal(0.01, 1000)) });
const expert = (points: number) =>
  fc.record({ score: maybe(decimal(0, points, 1)), reason: maybe(text) });
const proportional = fc.oneof(
  { weight: 10, arbitrary: fc.record({ rate: maybe(decimal(0, 100)) }) },
  { weight: 10, arbitrary: ratio },
  { weight: 1, arbitrary: fc.record({ rate: decimal(0, 100), actual: decimal(0, 500) }) },
);
const incidents = fc.record(
  { count: maybe(whole(10)), grave: maybe(fc.boolean()) },
  { requiredKeys: ["count"] },
);

const facts: Record<string, fc.Arbitrary<unknown>> = {
  "A.1": ratio,
  "A.2": ratio,
  "A.3": fc.record({ value: maybe(decimal(0, 100)) }),
  "A.4": ratio,
  "A.5": fc.record({ count: maybe(whole(10)) }),
  "A.6": fc.record({ grade: maybe(fc.constantFrom("好", "较好", "一般", "较差", "差")) }),
  "A.7": fc.record({ x: maybe(fc.boolean()), y: maybe(fc.boolean()) }).map((items) => ({ items })),
  "A.8": incidents,
  "A.9": incidents,
  "A.10": proportional,
  "B.1": expert(25),
  "B.2": fc.record({ p: expert(10), q: proportional }).map((parts) => ({ parts })),
};

/** An entry: facts most of the time, or 无法提供 with or without a score, sometimes with a note or a stray key. */
const entry = (code: string) => {
  const given = facts[code] ?? fc.constant({});
  return fc.oneof(
    { weight: 40, arbitrary: fc.record({ facts: given }) },
    { weight: 1, arbitrary: fc.constant({ missing: {} }) },
    {
      weight: 1,
      arbitrary: fc.record({
        missing: fc.record(
          { explanation: maybe(text), score: maybe(decimal(0, 5, 1)) },
          { requiredKeys: [] },
        ),
      }),
    },
    { weight: 2, arbitrary: fc.record({ facts: given, note: text }) },
    { weight: 1, arbitrary: odd },
    { weight: 1, arbitrary: fc.record({ facts: given, extra: fc.constant(1) }) },
  );
};

const codes = Object.keys(facts);
const input = fc
  .record({
    indicators: fc.record(Object.fromEntries(codes.map((c) => [c, entry(c)]))),
    // Now and then a leaf left out, a group code or an unknown code among the leaves.
    change: fc.constantFrom<string>("", "", "", "", "", "", "", "", "drop", "group", "unknown"),
    framework: fc.constantFrom("fast-path", "fast-path", "fast-path", "other", "Fast-Path"),
    subject: fc.oneof(fc.constant(undefined), text),
    region: fc.constantFrom<unknown>(undefined, "411700", "411700", 411700),
    stray: fc.constantFrom<unknown>(undefined, undefined, undefined, undefined, "x"),
  })
  .map(({ indicators, change, framework, subject, region, stray }) => {
    const leaves: Record<string, unknown> = { ...indicators };
    if (change === "drop") delete leaves["A.10"];
    if (change === "group") leaves.A = { facts: {} };
    if (change === "unknown") leaves.C = { facts: {} };
    return {
      framework,
      ...(subject !== undefined ? { subject } : {}),
      ...(region !== undefined ? { region } : {}),
      ...(stray !== undefined ? { stray } : {}),
      indicators: leaves,
    };
  });

/** A validation result with its Map made plain, so that key order is compared too. */
const shown = (result: ReturnType<typeof validateInput>) =>
  JSON.stringify(result.ok ? { ...result.value, entries: [...result.value.entries] } : result);

describe("the fast input path", () => {
  it("gives what the zod schemas give, for good and bad inputs alike", () => {
    let fast = 0;
    let refused = 0;
    fc.assert(
      fc.property(input, (data) => {
        const reference = validateInputBySchema(framework, data);
        const result = validateInput(framework, data);
        expect(result).toStrictEqual(reference);
        expect(shown(result)).toBe(shown(reference));
        if (fastValidateInput(framework, data)) {
          fast += 1;
          expect(reference.ok).toBe(true);
        }
        if (!reference.ok) refused += 1;
      }),
      { numRuns: 3000 },
    );
    // Both kinds were generated: the comparison saw the fast path and the errors.
    expect(fast).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it("refuses group codes and unknown codes through the zod path's words", () => {
    const data = {
      framework: "fast-path",
      indicators: { A: { facts: {} }, C: { facts: {} } },
    };
    expect(fastValidateInput(framework, data)).toBeUndefined();
    const result = validateInput(framework, data);
    expect(result).toStrictEqual(validateInputBySchema(framework, data));
    expect(result.ok).toBe(false);
  });
});
