import { describe, expect, it } from "vitest";
import { fill, templateParts } from "./bilingual.ts";
import { ERROR_MESSAGES } from "./errors.ts";

describe("fill", () => {
  it("fills every {name} from params, numbers as String() writes them", () => {
    expect(fill("{a} and {b}", { a: 1, b: "二" })).toBe("1 and 二");
    expect(fill("{x}{x}", { x: 0.5 })).toBe("0.50.5");
    expect(fill("扣{deduction}分", { deduction: 1e21 })).toBe("扣1e+21分");
    expect(fill("{a}|{b}", { a: "", b: 0 })).toBe("|0");
  });

  it("leaves a placeholder without a param visible", () => {
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
    expect(fill("无占位", { a: 1 })).toBe("无占位");
    expect(fill("{a}")).toBe("{a}");
  });

  it("takes only word characters as a name; other braces stay text", () => {
    expect(fill("{ a } {a-b} {} {{a}} {名}", { a: "x", "a-b": "y", 名: "z" })).toBe(
      "{ a } {a-b} {} {x} {名}",
    );
    expect(fill("{count, plural, one {#} other {#}}", { count: 2 })).toBe(
      "{count, plural, one {#} other {#}}",
    );
  });

  it("does not fill a value's own braces again", () => {
    expect(fill("{a} {b}", { a: "{b}", b: "B" })).toBe("{b} B");
  });

  it("gives the catalogue's messages as they read", () => {
    expect(fill(ERROR_MESSAGES["survey.rate_limited"]["zh-CN"], { limit: 30 })).toBe(
      "同一网络在一小时内提交已超过 30 份，请稍后再试",
    );
  });

  it("splits a template once, literal text at even places", () => {
    const parts = templateParts("{a}：剩余{pool}元");
    expect(parts).toEqual(["", "a", "：剩余", "pool", "元"]);
    expect(templateParts("{a}：剩余{pool}元")).toBe(parts);
  });
});
