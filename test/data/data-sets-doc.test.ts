import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dataSetsMarkdown } from "../../src/domain/datasets/markdown.ts";

const MARK = "<!-- generated from src/domain/datasets/specs/: npm run docs:datasets -->";

describe("docs/data-sets.md", () => {
  it("lists every data set and column as the specs define them (npm run docs:datasets)", () => {
    const text = readFileSync(new URL("../../docs/data-sets.md", import.meta.url), "utf8");
    expect(text).toContain(MARK);
    const generated = text.slice(text.indexOf(MARK) + MARK.length).trim();
    expect(generated).toBe(dataSetsMarkdown().trim());
    expect(generated).toContain("| 小区名称（亦可：项目名称） | `name` |");
  });
});
