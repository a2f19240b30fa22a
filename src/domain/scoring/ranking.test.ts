import { describe, expect, it } from "vitest";
import { dec } from "../decimal.ts";
import { rankByScore } from "./ranking.ts";

describe("rankByScore", () => {
  it("gives equal scores the same rank and skips the next (1, 2, 2, 4)", () => {
    const counties = [
      { name: "甲", score: dec("88.5") },
      { name: "乙", score: dec("90.7") },
      { name: "丙", score: dec("88.50") },
      { name: "丁", score: dec("70") },
    ];
    const ranked = rankByScore(counties, (c) => c.score);
    expect(ranked.map((r) => [r.rank, r.item.name])).toEqual([
      [1, "乙"],
      [2, "甲"],
      [2, "丙"],
      [4, "丁"],
    ]);
  });

  it("ranks everyone first when all tie, and nothing when empty", () => {
    const ranked = rankByScore([dec(5), dec(5), dec(5)], (s) => s);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1]);
    expect(rankByScore([], (s: ReturnType<typeof dec>) => s)).toEqual([]);
  });
});
