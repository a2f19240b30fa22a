// Every rule has a name in both languages, and every rule the checker can report is in the registry.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/domain/checks/index.ts";

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const DIR = join(import.meta.dirname, "../../src/domain/checks");

/** Rule codes the checker's sources name in c.add("…") or as a ternary's branches of it. */
function codesInSources(): Set<string> {
  const codes = new Set<string>();
  for (const file of readdirSync(DIR)) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts") || file === "rules.ts") continue;
    const text = readFileSync(join(DIR, file), "utf8");
    for (const m of text.matchAll(
      /"((?:sum|identity|rate|score|plausibility|date|target|monitor)\.[a-z-]+)"/g,
    )) {
      codes.add(m[1] as string);
    }
  }
  return codes;
}

describe("rule names", () => {
  it("names every rule in Chinese and in English without Chinese characters", () => {
    for (const rule of RULES) {
      expect(rule.title.zh, rule.code).toMatch(CJK);
      expect(rule.title.en.trim(), rule.code).not.toBe("");
      expect(rule.title.en, rule.code).not.toMatch(CJK);
    }
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
  });

  it("has a registry entry, so a name, for every rule code the checker reports", () => {
    const known = new Set(RULES.map((r) => r.code));
    const used = [...codesInSources()];
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((code) => !known.has(code))).toEqual([]);
  });
});
