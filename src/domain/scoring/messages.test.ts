import { describe, expect, it } from "vitest";
import { formatMessage } from "../errors.ts";
import { REASON_MESSAGES, say } from "./messages.ts";

describe("reason messages", () => {
  it("have the same placeholders in zh-CN and en-US", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, m] of Object.entries(REASON_MESSAGES)) {
      expect(names(m["en-US"]), key).toEqual(names(m["zh-CN"]));
    }
  });

  it("fill templates as formatMessage does, an unknown placeholder left visible", () => {
    const params = { deduction: "0.5", cap: 5 };
    for (const locale of ["zh-CN", "en-US"] as const) {
      expect(say("deducted_capped", locale, params)).toBe(
        formatMessage(REASON_MESSAGES.deducted_capped[locale], params),
      );
    }
    expect(say("deducted_capped", "zh-CN", { deduction: 1 })).toBe("扣1分（最多扣{cap}分）");
  });
});
