import { describe, expect, it } from "vitest";
import {
  dec,
  describePolicy,
  fitsPolicy,
  formatByPolicy,
  formatFixed,
  formatPercent,
  formatPlain,
  ROUNDING_POLICIES,
  roundBy,
} from "./decimal.ts";

describe("dec", () => {
  it("reads numbers and decimal strings exactly", () => {
    expect(dec("341.4058").toString()).toBe("341.4058");
    expect(dec(0.1).plus(dec(0.2)).toString()).toBe("0.3");
  });

  it("refuses text, separators, exponents and non-finite numbers", () => {
    for (const bad of ["六万", "62,395", "1e3", "", " 1"])
      expect(() => dec(bad)).toThrow(RangeError);
    expect(() => dec(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => dec(Number.NaN)).toThrow(RangeError);
  });

  it("keeps 40 significant digits in a quotient", () => {
    // Zhumadian 配建养老: 62395 ÷ 63120 × 100.
    expect(dec(62395).div(63120).times(100).toString()).toBe(
      "98.85139416983523447401774397972116603295",
    );
  });
});

describe("roundBy", () => {
  const cases: [string, (typeof ROUNDING_POLICIES)[number], string][] = [
    ["6.62", "half-up-1", "6.6"],
    ["6.65", "half-up-1", "6.7"],
    ["89.995", "half-up-2", "90"],
    ["89.995", "truncate-2", "89.99"],
    ["89.999", "truncate-1", "89.9"],
    ["1.1486", "floor-integer", "1"],
    ["1.1486", "ceil-integer", "2"],
    ["1.5", "half-up-integer", "2"],
    ["1.4999", "half-up-integer", "1"],
    ["1.1486", "continuous", "1.1486"],
  ];
  it.each(cases)("%s by %s is %s", (value, policy, expected) => {
    expect(roundBy(dec(value), policy).toString()).toBe(expected);
  });
});

describe("formatting", () => {
  it("formatFixed keeps trailing zeros and never prints a negative zero", () => {
    expect(formatFixed(dec("6.6"), 2)).toBe("6.60");
    expect(formatFixed(dec("10"), 1)).toBe("10.0");
    expect(formatFixed(dec("-0.001"), 2)).toBe("0.00");
    expect(formatFixed(dec("123.456"), 0)).toBe("123");
  });

  it("formatByPolicy publishes with the policy's decimals", () => {
    expect(formatByPolicy(dec("98.1"), "half-up-1")).toBe("98.1");
    expect(formatByPolicy(dec("10"), "half-up-1")).toBe("10.0");
    expect(formatByPolicy(dec("89.995"), "truncate-2")).toBe("89.99");
    expect(formatByPolicy(dec("1.125"), "continuous")).toBe("1.125");
  });

  it("formatPlain drops trailing zeros; formatPercent shows two decimals", () => {
    expect(formatPlain(dec("101.20"))).toBe("101.2");
    expect(formatPlain(dec("0.00000001"), 4)).toBe("0");
    expect(formatPercent(dec("0.981"))).toBe("98.10");
  });

  it("fitsPolicy tells whether a value has more decimals than the policy publishes", () => {
    expect(fitsPolicy(dec("1.1"), "half-up-1")).toBe(true);
    expect(fitsPolicy(dec("1.15"), "half-up-1")).toBe(false);
    expect(fitsPolicy(dec("1.123456"), "continuous")).toBe(true);
  });

  it("describes every policy in both languages", () => {
    for (const policy of ROUNDING_POLICIES) {
      expect(describePolicy(policy, "zh-CN")).not.toBe("");
      expect(describePolicy(policy, "en-US")).not.toBe("");
    }
    expect(describePolicy("half-up-1", "zh-CN")).toBe("四舍五入保留一位小数");
  });
});
