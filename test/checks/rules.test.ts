// The rule list is complete: every rule the checker can report is listed once, with both titles.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/domain/checks/index.ts";

const dir = join(import.meta.dirname, "../../src/domain/checks");
const reported = new Set<string>();
for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
  const source = readFileSync(join(dir, file), "utf8");
  for (const m of source.matchAll(
    /["`]((?:sum|identity|rate|score|plausibility|date|target|monitor)\.[a-z-]+)["`]/g,
  )) {
    if (m[1]) reported.add(m[1]);
  }
}

describe("RULES", () => {
  it("lists each rule once with a Chinese and an English title", () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      expect(rule.title.zh, rule.code).toMatch(/\p{Script=Han}/u);
      expect(rule.title.en, rule.code).toMatch(/^[A-Z]/);
    }
  });

  it("holds exactly the rules the checker's code reports", () => {
    expect([...reported].sort()).toEqual(RULES.map((r) => r.code).sort());
  });
});
