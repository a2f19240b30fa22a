/**
 * No source file imports, directly or through others, a file that imports it back: the layers and
 * the files inside them form a tree of dependencies, type imports included (a type cycle is a design
 * cycle too, and it turns into a runtime one with the first value moved along it).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SOURCE = /\.(ts|tsx|mjs)$/;
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"|import\("(\.{1,2}\/[^"]+)"\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(path);
    return SOURCE.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Each file's relative imports that name another source file. */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const text = readFileSync(file, "utf8");
      const targets = [...text.matchAll(IMPORT)]
        .map((m) => resolve(dirname(file), m[1] ?? m[2] ?? ""))
        .filter((target) => known.has(target));
      return [file, [...new Set(targets)]];
    }),
  );
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

it("finds a cycle when there is one (the walk itself)", () => {
  const graph = new Map([
    ["a", ["b"]],
    ["b", ["c"]],
    ["c", ["a"]],
    ["d", ["a"]],
  ]);
  expect(cycles(graph)).toEqual([["a", "b", "c", "a"]]);
});

it("has no import cycle in src/ or web/src/", () => {
  const files = [...sources(join(ROOT, "src")), ...sources(join(ROOT, "web", "src"))];
  expect(files.length).toBeGreaterThan(300);
  const graph = importGraph(files);
  // The graph is read right: the schema re-exports the table files.
  expect(graph.get(join(ROOT, "src/db/schema.ts"))).toContain(join(ROOT, "src/db/tables/core.ts"));
  const shown = cycles(graph).map((cycle) => cycle.map((f) => relative(ROOT, f)).join(" → "));
  expect(shown).toEqual([]);
});
