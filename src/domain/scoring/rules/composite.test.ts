import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { CompositeRule, validateFacts } from "../../frameworks/index.ts";
import { scoreRule } from "./index.ts";

// Zhumadian 2020 indicator table, 资金筹集 row: 5 for local funds arranged + 5 for social funding
// ≥ 20% (每低四个百分点扣1分，最多扣5分).
const fundRaising = CompositeRule.parse({
  type: "composite",
  combine: "sum",
  parts: [
    {
      code: "local",
      name: "地方财政补助资金",
      points: 5,
      rule: {
        type: "checklist",
        items: [{ code: "arranged", label: "已安排补助资金", points: 5 }],
      },
    },
    {
      code: "social",
      name: "社会筹资比例",
      points: 5,
      rule: {
        type: "threshold",
        label: "社会筹资占比",
        unit: "%",
        threshold: 20,
        step: 4,
        deduction: 1,
        cap: 5,
        counting: "continuous",
      },
    },
  ],
});

// Zhumadian 2020 indicator table, 老旧小区居民满意度 row: both clauses deduct from one 5 points.
const satisfaction = CompositeRule.parse({
  type: "composite",
  combine: "deduct",
  parts: [
    {
      code: "rate",
      name: "满意度",
      points: 5,
      rule: {
        type: "threshold",
        unit: "%",
        threshold: 80,
        step: 1,
        deduction: 1,
        cap: 5,
        counting: "floor-integer",
      },
    },
    {
      code: "petitions",
      name: "信访处置",
      points: 5,
      rule: { type: "incidents", label: "未及时处置的信访", deduction: 1, cap: 5 },
    },
  ],
});

const ctx = (points: number) => ({
  points: dec(points),
  rounding: "half-up-1" as const,
  locale: "zh-CN" as const,
});

function score(rule: CompositeRule, points: number, raw: unknown) {
  const facts = validateFacts(rule, raw, dec(points), "half-up-1", []);
  expect(facts.issues).toEqual([]);
  if (!facts.value) throw new Error("no facts");
  return scoreRule(rule, facts.value, ctx(points));
}

describe("composite rules", () => {
  it("adds its parts: 5 + 4.1 = 9.1", () => {
    // Zhumadian 2020 indicator table, 资金筹集 row: published 9.1.
    const scored = score(fundRaising, 10, {
      parts: { local: { items: { arranged: true } }, social: { value: 16.4 } },
    });
    expect(scored.score.toString()).toBe("9.1");
    expect(scored.reason).toBe(
      "地方财政补助资金：已做到：已安排补助资金（5分），得5分；社会筹资比例：社会筹资占比16.4%，低于20%的标准3.6个百分点，每低4个百分点扣1分，按比例连续计算，扣0.9分，得4.1分；合计得9.1分",
    );
    expect(scored.trace.at(-1)).toMatchObject({
      op: "score = Σ part scores",
      expr: "5 + 4.1",
      value: "9.1",
    });
    expect(scored.trace[0]?.op).toBe("local: score = Σ points of items done");
  });

  it("deducts each part's shortfall from the whole, at most the whole", () => {
    const twoLow = score(satisfaction, 5, {
      parts: { rate: { value: 78 }, petitions: { count: 2 } },
    });
    expect(twoLow.score.toString()).toBe("1");
    expect(twoLow.reason).toContain("满分5分，合计扣4分，得1分");
    const all = score(satisfaction, 5, { parts: { rate: { value: 70 }, petitions: { count: 4 } } });
    expect(all.score.toString()).toBe("0");
  });

  it("names a part whose facts are missing or unknown", () => {
    const facts = validateFacts(
      fundRaising,
      { parts: { local: { items: { arranged: true } }, other: {} } },
      dec(10),
      "half-up-1",
      ["f"],
    );
    expect(facts.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["f.parts.social", "required"],
      ["f.parts.other", "unknown_key"],
    ]);
  });
});
