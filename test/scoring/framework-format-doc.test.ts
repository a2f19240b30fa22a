/** docs/framework-format.md stays true: its worked example validates and prints exactly what it shows. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderTable } from "../../src/cli/score-commands.ts";
import { parseFramework, parseInput, RULE_TYPES } from "../../src/domain/frameworks/index.ts";
import { scoreValidated } from "../../src/domain/scoring/index.ts";

const doc = readFileSync(
  fileURLToPath(new URL("../../docs/framework-format.md", import.meta.url)),
  "utf8",
);

/** The body of the fenced block whose info string is exactly `info`. */
function block(info: string): string {
  const match = new RegExp(`\`\`\`${info}\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!match?.[1]) throw new Error(`no \`\`\`${info} block in the doc`);
  return match[1];
}

describe("docs/framework-format.md", () => {
  const framework = parseFramework(parse(block("yaml framework")), "framework block");
  const input = parseInput(framework, parse(block("yaml input")), "input block");

  it("has a worked example that is none of the seeds and uses every rule type", () => {
    expect(framework.code).toBe("lift-retrofit-2023");
    const used = new Set<string>();
    const collect = (rule: { type: string; parts?: { rule: unknown }[] }) => {
      used.add(rule.type);
      for (const part of rule.parts ?? []) collect(part.rule as never);
    };
    const walk = (list: typeof framework.indicators) => {
      for (const i of list) {
        if (i.rule) collect(i.rule as never);
        if (i.children) walk(i.children);
      }
    };
    walk(framework.indicators);
    expect([...used].sort()).toEqual([...RULE_TYPES].sort());
  });

  it("prints exactly the output it shows", () => {
    const lines = renderTable(scoreValidated(framework, input, { locale: "zh-CN" }));
    expect(lines.join("\n")).toBe(block("text output"));
  });

  it("documents every rule type under its own heading", () => {
    for (const type of RULE_TYPES) expect(doc).toContain(`### \`${type}\``);
  });
});
