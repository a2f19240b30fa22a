/** Text PostgreSQL cannot store: NUL (text and jsonb refuse it) and UTF-16 halves without their pair. */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

/** Whether the text holds a NUL or an unpaired surrogate. */
export function isUnstorableText(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/** The text with each such character shown as U+FFFD, to quote it back in a message. */
export function showUnstorable(text: string): string {
  return text.replaceAll("\u0000", "\uFFFD").replace(LONE_SURROGATES, "\uFFFD");
}

/** Where a walk of parsed data stopped: a string or a key holding such a character, or nesting too deep. */
export interface UnstorableFinding {
  /** The dotted path of the string, or of the object whose key it is ("" at the top). */
  path: string;
  at: "value" | "key" | "depth";
}

/**
 * The first string or key holding such a character in parsed data (JSON, YAML), or an object nested
 * deeper than `maxDepth`; null when there is none. Iterative: a 1 MB body can nest 500,000 arrays.
 */
export function findUnstorable(root: unknown, maxDepth = Infinity): UnstorableFinding | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: "", depth: 0 },
  ];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === "string") {
      if (isUnstorableText(value)) return { path, at: "value" };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= maxDepth) return { path, at: "depth" };
    for (const [key, v] of Object.entries(value)) {
      if (isUnstorableText(key)) return { path, at: "key" };
      stack.push({ value: v, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return null;
}

/** The dotted path of the first string or key holding such a character in parsed data, or null. */
export function findUnstorableText(root: unknown): string | null {
  const found = findUnstorable(root);
  if (found === null) return null;
  return found.at === "key" ? found.path || "(root)" : found.path;
}
