import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import { assertPasswordPolicy, isCommonPassword } from "./password-policy.ts";

const codeOf = (password: string, username = "zhang.san") => {
  try {
    assertPasswordPolicy(password, username);
    return "ok";
  } catch (err) {
    return err instanceof DomainError ? err.code : "other";
  }
};

describe("assertPasswordPolicy", () => {
  it("accepts 10+ characters of three classes that are not a common password", () => {
    expect(codeOf("Renovate-Lane-2026")).toBe("ok");
    expect(codeOf("renovate-lane-2026")).toBe("ok");
    expect(codeOf("绩效评价Abc-2026")).toBe("ok");
    // The test suite's and the demo's passwords stay valid.
    expect(codeOf("Test-Passw0rd!")).toBe("ok");
    expect(codeOf("Demo-Passw0rd!")).toBe("ok");
  });

  it("refuses short passwords and too few classes", () => {
    expect(codeOf("Ab1-xyz")).toBe("password.policy");
    expect(codeOf("onlylowercaseletters")).toBe("password.policy");
    expect(codeOf("lowercase123456")).toBe("password.policy");
    expect(codeOf(`Aa1-${"x".repeat(130)}`)).toBe("password.policy");
  });

  it("refuses a password that contains the username", () => {
    expect(codeOf("Zhang.San-2026!")).toBe("password.contains_username");
  });

  it("refuses common passwords and their usual variants, though they meet the length and classes", () => {
    for (const common of [
      "Password123!",
      "Passw0rd!23",
      "P@ssw0rd123",
      "Qwerty123!",
      "Abc123456!",
      "1qaz2wsx3EDC",
      "Welcome2024!",
      "Admin@12345",
      "Renovate2026",
    ]) {
      expect([common, codeOf(common)]).toEqual([common, "password.common"]);
    }
  });

  it("says so in Chinese first and in English", () => {
    const err = (() => {
      try {
        assertPasswordPolicy("Password123!", "li.ming");
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err?.messageIn("zh-CN")).toBe("密码过于常见，请换一个");
    expect(err?.messageIn("en-US")).toBe("This password is too common; choose another one");
    expect(err?.details).toEqual({ field: "password" });
  });

  it("refuses a long repetition of a common password too (zxcvbn reads its first 32 characters)", () => {
    expect(codeOf("Password123!".repeat(10))).toBe("password.common");
    expect(isCommonPassword("Kx7#pQ2-mLw9@zR4vT1!")).toBe(false);
  });
});
