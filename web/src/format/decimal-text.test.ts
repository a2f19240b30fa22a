import { describe, expect, it } from "vitest";
import { groupDigits } from "./decimal-text.ts";

describe("decimal text", () => {
  it("groups thousands without touching the digits", () => {
    expect(groupDigits("1204.96")).toBe("1,204.96");
    expect(groupDigits("-15000000")).toBe("-15,000,000");
    expect(groupDigits("28500")).toBe("28,500");
    expect(groupDigits("abc")).toBe("abc");
  });
});
