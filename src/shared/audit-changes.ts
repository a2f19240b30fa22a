/** Before and after of an audit entry, field by field, in words: for the detail panel and the export. */
import { auditTimeText } from "../domain/time-text.ts";
import { auditFieldName } from "./audit-codes.ts";
import type { Locale } from "./bilingual.ts";
import { ROLE_NAMES, ROLES, type Role } from "./roles.ts";

export { auditTimeText };

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

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface AuditValueOptions {
  /** The field the value belongs to: a role is named in words. */
  key?: string;
  /** Longest text before it is cut with an ellipsis. */
  max?: number;
  /** The time zone stored instants are shown in (the browser's own in the web app). */
  timeZone?: string;
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * A value in words: yes/no for booleans, a dash for nothing, a role by its name, an instant as
 * date and time, text as it is, the rest as compact JSON.
 */
export function auditValueText(
  value: unknown,
  locale: Locale,
  { key, max = 400, timeZone }: AuditValueOptions = {},
): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "boolean")
    return locale === "en-US" ? (value ? "Yes" : "No") : value ? "是" : "否";
  if (key === "role" && typeof value === "string" && isRole(value))
    return ROLE_NAMES[value][locale === "en-US" ? "en" : "zh"];
  if (typeof value === "string" && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
    return auditTimeText(value, timeZone);
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
      const options = { key: c.key, max: 200 };
      const text =
        before === null || before === undefined
          ? auditValueText(c.after, locale, options)
          : after === null || after === undefined
            ? auditValueText(c.before, locale, options)
            : `${auditValueText(c.before, locale, options)} → ${auditValueText(c.after, locale, options)}`;
      return `${c.label}${en ? ": " : "："}${text}`;
    })
    .join(en ? "; " : "；");
}
