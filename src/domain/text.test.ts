import { describe, expect, it } from "vitest";
import { findUnstorableText, isUnstorableText, showUnstorable } from "./text.ts";

describe("unstorable text", () => {
  it("finds NUL and unpaired surrogates, and lets paired ones and ordinary text pass", () => {
    expect(["a\u0000b", "\uD800", "x\uDC00", "\uDBFF\uDBFF\uDC00"].map(isUnstorableText)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["幸福小区", "\u{1F300}", "", "\uFFFD", "\\u0000"].map(isUnstorableText)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("names the first string or key of parsed data that holds one, without recursion", () => {
    expect(findUnstorableText({ regions: [{ code: "P01" }, { name: "幸\u0000福" }] })).toBe(
      "regions.1.name",
    );
    expect(findUnstorableText({ a: { "k\uD800": 1 } })).toBe("a");
    expect(findUnstorableText({ a: ["ok", 1, null, { b: true }] })).toBeNull();
    let deep: unknown = "\u0000";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.split(".").length).toBe(10_000);
  });

  it("shows each such character as U+FFFD and keeps the rest", () => {
    expect(showUnstorable("幸\u0000福\uD800\u{1F300}")).toBe("幸\uFFFD福\uFFFD\u{1F300}");
  });
});
