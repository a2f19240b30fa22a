/** Before and after of an audit entry, field by field, in words: for the detail panel and the export. */
import { auditFieldName } from "./audit-codes.ts";

type Locale = "zh-CN" | "en-US";

export interface AuditFieldChange {
  key: string;
  /** The field in words; a key that is data (an indicator or column code) as it is. */
  label: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One line per top-level field of either side, before and after side by side; a side that is not an
 * object (or is missing) counts as one field named by `wholeLabel`.
 */
export function auditFieldChanges(
  before: unknown,
  after: unknown,
  locale: Locale,
  wholeLabel: string,
): AuditFieldChange[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if ((b !== undefined && !isPlain(b)) || (a !== undefined && !isPlain(a))) {
    return [{ key: "", label: wholeLabel, before: b, after: a, changed: !same(b, a) }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.map((key) => {
    const was = b === undefined ? undefined : b[key];
    const now = a === undefined ? undefined : a[key];
    return {
      key,
      label: auditFieldName(key, locale),
      before: was,
      after: now,
      changed: b !== undefined && a !== undefined && !same(was, now),
    };
  });
}

/** A value in words: yes/no for booleans, a dash for nothing, text as it is, the rest as compact JSON. */
export function auditValueText(value: unknown, locale: Locale, max = 400): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "boolean")
    return locale === "en-US" ? (value ? "Yes" : "No") : value ? "是" : "否";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    const text = value.join(locale === "en-US" ? ", " : "、");
    return text.length > max ? `${text.slice(0, max)}…` : text;
  }
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The whole change on one line: 「状态：草稿 → 已提交；总分：— → 86.5」. */
export function auditChangeSummary(
  before: unknown,
  after: unknown,
  locale: Locale,
  wholeLabel: string,
): string {
  const en = locale === "en-US";
  return auditFieldChanges(before, after, locale, wholeLabel)
    .map((c) => {
      const text =
        before === null || before === undefined
          ? auditValueText(c.after, locale, 200)
          : after === null || after === undefined
            ? auditValueText(c.before, locale, 200)
            : `${auditValueText(c.before, locale, 200)} → ${auditValueText(c.after, locale, 200)}`;
      return `${c.label}${en ? ": " : "："}${text}`;
    })
    .join(en ? "; " : "；");
}
