import { describe, expect, it } from "vitest";
import { dec } from "../../decimal.ts";
import { ChecklistFacts, ChecklistRule } from "../../frameworks/index.ts";
import { scoreChecklist } from "./checklist.ts";

// Zhumadian 2020 indicator table, 资金分配 row: 办法健全规范 2 + 按时分配下达 2 + 结合本地特点 1.
const rule = ChecklistRule.parse({
  type: "checklist",
  items: [
    { code: "rules", label: "资金管理办法健全规范", points: 2 },
    { code: "timely", label: "资金按规定时间分配下达", points: 2 },
    { code: "targeted", label: "资金分配结合本地特点", points: 1 },
  ],
});
const ctx = { points: dec(5), rounding: "half-up-1" as const, locale: "zh-CN" as const };
const score = (items: Record<string, boolean>) =>
  scoreChecklist(rule, ChecklistFacts.parse({ items }), ctx);

describe("scoreChecklist", () => {
  it("adds up the items done (Zhumadian 资金分配: all done, 5)", () => {
    // Zhumadian 2020 indicator table, 资金分配 row: published 5.
    expect(score({ rules: true, timely: true, targeted: true }).score.toString()).toBe("5");
  });

  it("deducts the points of each item not done and names it", () => {
    const scored = score({ rules: true, timely: false, targeted: true });
    expect(scored.score.toString()).toBe("3");
    expect(scored.reason).toBe(
      "已做到：资金管理办法健全规范（2分）、资金分配结合本地特点（1分），未做到：资金按规定时间分配下达（2分），得3分",
    );
  });

  it("gives 0 when nothing is done", () => {
    expect(score({ rules: false, timely: false, targeted: false }).score.toString()).toBe("0");
  });
});
