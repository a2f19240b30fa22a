/** The benchmark measures what it claims: a valid 30-indicator framework, and a float baseline of the same rules. */
import { describe, expect, it } from "vitest";
import { parseInput } from "../src/domain/frameworks/index.ts";
import { benchFramework, COUNTIES, countyInputs, decimalTotals, floatTotals } from "./score.ts";

describe("bench/score", () => {
  const framework = benchFramework();
  const raw = countyInputs(COUNTIES);

  it("scores 3,000 counties against 30 indicators worth 100", () => {
    const leaves = framework.indicators.flatMap((g) => g.children ?? []);
    expect(leaves).toHaveLength(30);
    expect(framework.points.toString()).toBe("100");
    expect(raw).toHaveLength(3000);
  });

  it("has a float baseline that gives every county the same total as the decimal engine", () => {
    const decimal = decimalTotals(
      framework,
      raw.map((data) => parseInput(framework, data)),
    );
    const float = floatTotals(raw);
    const differing = decimal.filter((total, i) => Number(total) !== float[i]);
    expect(differing).toEqual([]);
  });
});
