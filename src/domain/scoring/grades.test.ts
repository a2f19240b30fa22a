import { describe, expect, it } from "vitest";
import { dec } from "../decimal.ts";
import { DEFAULT_GRADE_BANDS, GradeBand, parseFramework } from "../frameworks/index.ts";
import { scoreInput } from "./evaluate.ts";
import { gradeFor } from "./grades.ts";

const bands = DEFAULT_GRADE_BANDS.map((b) => GradeBand.parse(b));

describe("gradeFor", () => {
  // 财预〔2020〕10号: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60; each lower bound belongs to its band.
  it.each([
    ["100", "优"],
    ["90", "优"],
    ["89.99", "良"],
    ["80", "良"],
    ["79.99", "中"],
    ["60", "中"],
    ["59.99", "差"],
    ["0", "差"],
  ])("%s is %s", (value, label) => {
    expect(gradeFor(dec(value), bands).label).toBe(label);
  });
});

describe("grade boundaries after rounding", () => {
  const framework = (rounding: string) =>
    parseFramework({
      code: "edge",
      name: "边界",
      version: "1",
      year: 2024,
      evaluationType: "finance",
      points: 100,
      rounding,
      indicators: [{ code: "a", name: "甲", points: 100, rule: { type: "proportional" } }],
    });
  const input = { framework: "edge", indicators: { a: { facts: { rate: "89.995" } } } };

  it("89.995 under half-up-2 is 90.00 → 优", () => {
    const card = scoreInput(framework("half-up-2"), input);
    expect(card.total.toString()).toBe("90");
    expect(card.grade.label).toBe("优");
  });

  it("89.995 under truncate-2 is 89.99 → 良", () => {
    const card = scoreInput(framework("truncate-2"), input);
    expect(card.total.toString()).toBe("89.99");
    expect(card.grade.label).toBe("良");
  });
});
