import { describe, expect, it } from "vitest";
import { Decimal } from "./decimal.ts";
import { formatWan, formatWanText, wanToYuan, yuanToWan } from "./money.ts";

describe("元 and 万元", () => {
  it("converts exactly both ways", () => {
    // Zhumadian 2020 (demo seed): 15129 万元 of subsidy from above, stored as 151290000 元.
    expect(wanToYuan("15129").toFixed()).toBe("151290000");
    expect(yuanToWan("151290000").toFixed()).toBe("15129");
    // Hangzhou's funds last year, 722723600 元 = 72272.36 万元; and a cent stays a cent.
    expect(yuanToWan(new Decimal("722723600")).toFixed()).toBe("72272.36");
    expect(yuanToWan("0.01").toFixed()).toBe("0.000001");
    expect(wanToYuan(yuanToWan("123456789.87")).toFixed()).toBe("123456789.87");
  });

  it("prints the checker's figures as the shortest exact text (continuous)", () => {
    // Guangdong 2024 表2-2, 湛江市: 7.29 of 841 万元.
    expect(formatWan(new Decimal("72900"))).toBe("7.29");
    expect(formatWan(new Decimal("8410000"))).toBe("841");
    // 杭州市 this year, 72272.36 typed into a 元 column: 7.2272 万元, no digit dropped.
    expect(formatWan("72272")).toBe("7.2272");
    expect(formatWan("0")).toBe("0");
    expect(formatWan("-90000")).toBe("-9");
  });

  it("prints the self-evaluation form's amounts with two decimals, half up", () => {
    // Suzhou's form: 会议、考察经费 88000 元 → 8.80, 年初预算 17000000 → 1700.00, 调整 −1500.00.
    expect(formatWan("88000", "half-up-2")).toBe("8.80");
    expect(formatWan("17000000", "half-up-2")).toBe("1700.00");
    expect(formatWan("-15000000", "half-up-2")).toBe("-1500.00");
    expect(formatWan("125", "half-up-2")).toBe("0.01");
    expect(formatWan("124.99", "half-up-2")).toBe("0.01");
    expect(formatWan("49.99", "half-up-2")).toBe("0.00");
    expect(formatWan("-50", "half-up-2")).toBe("-0.01");
    expect(formatWan("-49", "half-up-2")).toBe("0.00");
  });

  it("turns 元 text into 万元 exactly, as the web's pages show it", () => {
    expect(formatWanText("722723600")).toBe("72272.36");
    expect(formatWanText("8850000.00")).toBe("885");
    expect(formatWanText("12345678.9")).toBe("1234.56789");
    expect(formatWanText("5")).toBe("0.0005");
    expect(formatWanText("-15000000.00")).toBe("-1500");
    // Guangdong 2024: 18672万元 distributed (guangdong-2024-self-evaluation.txt 一（一）)
    expect(formatWanText("186720000", "half-up-2")).toBe("18672.00");
    expect(formatWanText("12345678.9", "half-up-2")).toBe("1234.57");
  });

  it("returns text that is not a plain decimal as it is", () => {
    expect(formatWanText("722723600")).toBe("72272.36");
    expect(formatWanText("1,000")).toBe("1,000");
    expect(formatWanText("")).toBe("");
    expect(formatWanText("1e5", "half-up-2")).toBe("1e5");
  });
});
