import { describe, expect, it } from "vitest";
import { groupDigits, wanOf } from "./decimal-text.ts";

describe("decimal text", () => {
  it("groups thousands without touching the digits", () => {
    expect(groupDigits("1204.96")).toBe("1,204.96");
    expect(groupDigits("-15000000")).toBe("-15,000,000");
    expect(groupDigits("28500")).toBe("28,500");
    expect(groupDigits("abc")).toBe("abc");
  });

  it("turns 元 into 万元 exactly by moving the point", () => {
    expect(wanOf("722723600")).toBe("72272.36");
    expect(wanOf("8850000.00")).toBe("885");
    expect(wanOf("12345678.9")).toBe("1234.56789");
    expect(wanOf("5")).toBe("0.0005");
    expect(wanOf("-15000000.00")).toBe("-1500");
  });
});
