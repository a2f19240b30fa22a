import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import { assertPasswordPolicy } from "./password-policy.ts";

const codeOf = (password: string, username = "zhang.san") => {
  try {
    assertPasswordPolicy(password, username);
    return "ok";
  } catch (err) {
    return err instanceof DomainError ? err.code : "other";
  }
};

describe("assertPasswordPolicy", () => {
  it("accepts 10+ characters of three classes", () => {
    expect(codeOf("Renovate2026")).toBe("ok");
    expect(codeOf("renovate-2026")).toBe("ok");
    expect(codeOf("绩效评价Abc123")).toBe("ok");
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
});
