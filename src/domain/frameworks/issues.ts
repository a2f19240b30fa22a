/** A problem found in a framework or input file: where (path, line), what (code), with which values. */
import type { z } from "zod";
import { fill, type Locale } from "../bilingual.ts";
import { ISSUE_MESSAGES, type IssueCode, TYPE_WORDS } from "./issue-messages.ts";
import { ISSUE_TAG } from "./values.ts";

export type IssuePath = readonly (string | number)[];
export type IssueParams = Record<string, string | number>;

export interface Issue {
  path: IssuePath;
  code: IssueCode;
  params: IssueParams;
  /** 1-based line in the file, when the file's reader could tell. */
  line?: number;
}

export function issue(path: IssuePath, code: IssueCode, params: IssueParams = {}): Issue {
  return { path, code, params };
}

/** `indicators[2].children[0].rule.step`; keys that are not identifiers are quoted: `indicators["A.1"]`. */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === "" ? "(root)" : out;
}

export function issueMessage(found: Issue, locale: Locale): string {
  return fill(ISSUE_MESSAGES[found.code][locale], found.params);
}

/** `file:12 indicators[0].points: …` — the line a compiler would print. */
export function formatIssue(found: Issue, locale: Locale, file?: string): string {
  const where = file ? `${file}${found.line ? `:${found.line}` : ""} ` : "";
  return `${where}${formatPath(found.path)}: ${issueMessage(found, locale)}`;
}

const shown = (value: unknown): string =>
  typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);

/** Turns zod's issues (parsed with reportInput) into Jixiao issues, with `base` put before each path. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], base: IssuePath = []): Issue[] {
  return issues.flatMap((raw) => fromZodIssue(raw, base));
}

function fromZodIssue(raw: z.core.$ZodIssue, base: IssuePath): Issue[] {
  const path = [...base, ...(raw.path as (string | number)[])];
  const input = (raw as { input?: unknown }).input;
  if (raw.message.startsWith(`${ISSUE_TAG}:`)) {
    const code = raw.message.slice(ISSUE_TAG.length + 1) as IssueCode;
    const params = { ...((raw as { params?: IssueParams }).params ?? {}) };
    if (!("value" in params)) params.value = shown(input);
    if (!(code in ISSUE_MESSAGES)) return [issue(path, "invalid", { message: raw.message })];
    return [issue(path, code, params)];
  }
  switch (raw.code) {
    case "invalid_type":
      return [typeIssue(path, [raw.expected], input)];
    case "invalid_union": {
      if ((raw as { note?: string }).note === "No matching discriminator") {
        const options = (raw as { options?: unknown[] }).options ?? [];
        const discriminator = (raw as { discriminator?: string }).discriminator;
        const value =
          discriminator && input !== null && typeof input === "object"
            ? (input as Record<string, unknown>)[discriminator]
            : input;
        if (value === undefined) return [issue(path, "required")];
        const code = discriminator === "type" ? "unknown_rule" : "unknown_option";
        return [issue(path, code, { value: shown(value), options: options.join(", ") })];
      }
      // A union whose branches all failed on the type: one message naming the accepted types.
      const branches = raw.errors.map((errs) => errs[0]);
      if (branches.every((b) => b?.code === "invalid_type" && b.path.length === 0)) {
        const expected = branches.map((b) => (b as z.core.$ZodIssueInvalidType).expected);
        return [typeIssue(path, expected, input)];
      }
      // Otherwise report the branch that got furthest: the one with the deepest first issue.
      const best = [...raw.errors].sort(
        (a, b) => (b[0]?.path.length ?? 0) - (a[0]?.path.length ?? 0),
      )[0];
      return best ? fromZodIssues(best, path) : [issue(path, "invalid", { message: raw.message })];
    }
    case "unrecognized_keys":
      return raw.keys.map((key) => issue([...path, key], "unknown_key", { key }));
    case "invalid_value":
      return [
        issue(path, "unknown_option", {
          value: shown(input),
          options: raw.values.map((v) => String(v)).join(", "),
        }),
      ];
    case "too_small":
      if (raw.origin === "array")
        return [issue(path, "min_items", { minimum: Number(raw.minimum) })];
      if (raw.origin === "string") return [issue(path, "text_too_short")];
      return [
        issue(path, raw.inclusive ? "min_inclusive" : "min_exclusive", {
          value: shown(input),
          minimum: Number(raw.minimum),
        }),
      ];
    case "too_big":
      return [issue(path, "max_inclusive", { value: shown(input), maximum: Number(raw.maximum) })];
    default:
      return [issue(path, "invalid", { message: raw.message })];
  }
}

function typeIssue(path: IssuePath, expected: readonly string[], input: unknown): Issue {
  if (input === undefined) return issue(path, "required");
  if (expected.includes("number") && expected.includes("string") && typeof input !== "object") {
    return issue(path, "not_a_number", { value: shown(input) });
  }
  const words = (locale: "zh-CN" | "en-US") =>
    expected.map((e) => TYPE_WORDS[e]?.[locale] ?? e).join(locale === "zh-CN" ? "或" : " or ");
  // The expected type is worded per language when the message is built.
  return issue(path, "wrong_type", { expected: words("en-US"), expected_zh: words("zh-CN") });
}
