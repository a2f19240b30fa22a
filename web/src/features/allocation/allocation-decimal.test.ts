import { describe, expect, it } from "vitest";
import {
  compareDecimals,
  roundDecimal,
  subtractDecimals,
  sumDecimals,
  wanText,
  yuanText,
} from "./allocation-decimal.ts";

describe("allocation decimal text", () => {
  it("rounds half away from zero without a float", () => {
    expect(roundDecimal("1.005", 2)).toBe("1.01");
    expect(roundDecimal("-1.005", 2)).toBe("-1.01");
    expect(roundDecimal("9.995", 2)).toBe("10.00");
    expect(roundDecimal("0.994999", 2)).toBe("0.99");
    expect(roundDecimal("-0.001", 2)).toBe("0.00");
    expect(roundDecimal("5", 2)).toBe("5.00");
    expect(roundDecimal("abc", 2)).toBe("abc");
  });

  it("adds, subtracts and compares exactly", () => {
    expect(sumDecimals(["40", "40", "10.5", "9.5"])).toBe("100.0");
    expect(sumDecimals(["40", "x"])).toBeNull();
    expect(compareDecimals("100.0", "100")).toBe(0);
    expect(compareDecimals("-0.5", "0")).toBe(-1);
    expect(subtractDecimals("186720000", "186720000.00")).toBe("0.00");
    expect(subtractDecimals("1", "3.25")).toBe("-2.25");
  });

  it("shows 元 as 万元 with 2 decimals and 元 with separators", () => {
    // Guangdong 2024: 18672万元 distributed (guangdong-2024-self-evaluation.txt 一（一）)
    expect(wanText("186720000")).toBe("18,672.00");
    expect(wanText("12345678.9")).toBe("1,234.57");
    expect(wanText("5")).toBe("0.00");
    expect(wanText(null)).toBe("—");
    expect(yuanText("12449231")).toBe("12,449,231");
    expect(yuanText("-0.3333333333333333333333333333333333333", 2)).toBe("-0.33");
  });
});
