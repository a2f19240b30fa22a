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

/** The dotted path of the first string or key holding such a character in parsed data, or null. */
export function findUnstorableText(root: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: "" }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path } = item;
    if (typeof value === "string") {
      if (isUnstorableText(value)) return path;
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    for (const [key, v] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (isUnstorableText(key)) return path || "(root)";
      stack.push({ value: v, path: at });
    }
  }
  return null;
}
