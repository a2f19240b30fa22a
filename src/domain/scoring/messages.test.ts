import { describe, expect, it } from "vitest";
import { REASON_MESSAGES, say } from "./messages.ts";

describe("reason messages", () => {
  it("have the same placeholders in zh-CN and en-US", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, m] of Object.entries(REASON_MESSAGES)) {
      expect(names(m["en-US"]), key).toEqual(names(m["zh-CN"]));
    }
  });

  it("fill templates in both languages, an unknown placeholder left visible", () => {
    const params = { deduction: "0.5", cap: 5 };
    expect(say("deducted_capped", "zh-CN", params)).toBe("扣0.5分（最多扣5分）");
    expect(say("deducted_capped", "en-US", params)).toBe("0.5 point(s) deducted (at most 5)");
    expect(say("deducted_capped", "zh-CN", { deduction: 1 })).toBe("扣1分（最多扣{cap}分）");
  });
});
