// Levels in the field's words: monitoring alerts are 红色/黄色预警, other findings keep their severity.
import { describe, expect, it } from "vitest";
import { checkData, row, yuan } from "../../../test/helpers/check-data.ts";
import { checkOptions, findingLevel, runChecks, spendLevel } from "./index.ts";

describe("finding levels", () => {
  it("names monitoring errors red alerts and warnings yellow alerts", () => {
    expect(findingLevel({ category: "monitoring", severity: "error" })).toBe("red-alert");
    expect(findingLevel({ category: "monitoring", severity: "warning" })).toBe("yellow-alert");
    expect(findingLevel({ category: "sums", severity: "error" })).toBe("error");
    expect(findingLevel({ category: "targets", severity: "warning" })).toBe("warning");
    expect(spendLevel(null)).toBeNull();
    expect(spendLevel("error")).toBe("red-alert");
  });

  it("gives spend far behind a red alert and spend a little behind a yellow one", () => {
    // 云浮市 2024: 2.61% spent at 30 June against 49.59% of the year; 汕头市 40% — 9.6 points behind.
    const allocations = [
      row("445300", {
        programme: "1",
        asOf: "2024-06-30",
        budget: yuan("1000"),
        spent: yuan("26.1"),
      }),
      row("440500", {
        programme: "1",
        asOf: "2024-06-30",
        budget: yuan("1000"),
        spent: yuan("380"),
      }),
      row("440200", {
        programme: "1",
        asOf: "2024-06-30",
        budget: yuan("1000"),
        spent: yuan("480"),
      }),
    ];
    const result = runChecks(checkData({ allocations }), checkOptions({ asOf: "2024-06-30" }));
    const spend = result.findings.filter((f) => f.rule.startsWith("monitor.spend"));
    expect(spend.map((f) => [f.regionCode, f.rule, findingLevel(f)])).toEqual([
      ["445300", "monitor.spend-far-behind", "red-alert"],
      ["440500", "monitor.spend-behind", "yellow-alert"],
    ]);
  });
});
