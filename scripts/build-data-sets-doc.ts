/** Rewrites the generated part of docs/data-sets.md from the specs: `npm run docs:datasets`. */
import { readFileSync, writeFileSync } from "node:fs";
import { dataSetsMarkdown } from "../src/domain/datasets/markdown.ts";

export const DOC = new URL("../docs/data-sets.md", import.meta.url);
export const MARK = "<!-- generated from src/domain/datasets/specs/: npm run docs:datasets -->";

const text = readFileSync(DOC, "utf8");
const head = text.slice(0, text.indexOf(MARK) + MARK.length);
writeFileSync(DOC, `${head}\n\n${dataSetsMarkdown()}`);
console.log("docs/data-sets.md updated");
