// 方案对比 in decimal: changes and percentages against the first plan, exact and half-up to 2 places.
import { describe, expect, it } from "vitest";
import { comparePlans } from "./compare.ts";

const plan = (amounts: Record<string, string> | null, distributable: string | null = null) => ({
  regions: amounts
    ? Object.entries(amounts).map(([code, amount]) => ({ code, name: `地区${code}`, amount }))
    : null,
  distributable,
});

describe("comparePlans", () => {
  it("gives each region's change against the first plan in 元 and in %", () => {
    const compared = comparePlans([
      plan({ A: "33946341", B: "200000", C: "0" }, "34146341"),
      plan({ A: "34146341", B: "0", C: "5" }, "34146346"),
    ]);
    expect(compared.regions).toEqual([
      {
        code: "A",
        name: "地区A",
        amounts: ["33946341", "34146341"],
        changes: ["0", "200000"],
        // 200000 ÷ 33946341 × 100 = 0.58916…
        changePercents: ["0.00", "0.59"],
      },
      {
        code: "B",
        name: "地区B",
        amounts: ["200000", "0"],
        changes: ["0", "-200000"],
        changePercents: ["0.00", "-100.00"],
      },
      // No percentage of a base of 0.
      {
        code: "C",
        name: "地区C",
        amounts: ["0", "5"],
        changes: ["0", "5"],
        changePercents: [null, null],
      },
    ]);
    expect(compared.distributableChanges).toEqual(["0", "5"]);
  });

  it("rounds a percentage half up and keeps cents exact", () => {
    // 0.125 ÷ 10 × 100 = 1.25; 1 ÷ 8 × 100 = 12.5; 1 ÷ 3 × 100 = 33.333…; 0.5 ÷ 1000 × 100 = 0.05
    const compared = comparePlans([
      plan({ A: "10", B: "8", C: "3", D: "1000" }),
      plan({ A: "10.125", B: "9", C: "4", D: "1000.5" }),
    ]);
    expect(compared.regions.map((r) => r.changes[1])).toEqual(["0.125", "1", "1", "0.5"]);
    expect(compared.regions.map((r) => r.changePercents[1])).toEqual([
      "1.25",
      "12.50",
      "33.33",
      "0.05",
    ]);
  });

  it("leaves a change empty where a plan lacks the region or cannot compute", () => {
    const compared = comparePlans([plan({ A: "100" }, "100"), plan({ B: "50" }), plan(null)]);
    expect(compared.regions).toEqual([
      {
        code: "A",
        name: "地区A",
        amounts: ["100", null, null],
        changes: ["0", null, null],
        changePercents: ["0.00", null, null],
      },
      {
        code: "B",
        name: "地区B",
        amounts: [null, "50", null],
        changes: [null, null, null],
        changePercents: [null, null, null],
      },
    ]);
    expect(compared.distributableChanges).toEqual(["0", null, null]);
  });
});
