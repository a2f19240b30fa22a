import { describe, expect, it } from "vitest";
import { localeOf } from "./locale.ts";

describe("localeOf", () => {
  it("is zh-CN unless English comes first", () => {
    expect(localeOf(undefined)).toBe("zh-CN");
    expect(localeOf("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeOf("en")).toBe("en-US");
    expect(localeOf("en-GB,en;q=0.9")).toBe("en-US");
    expect(localeOf("fr-FR")).toBe("zh-CN");
  });
});
