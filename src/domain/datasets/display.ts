/** Canonical values as people read and type them: quantities in the column's unit, enum labels. */

import { Decimal } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import { readCell } from "./cells.ts";
import type { ColumnSpec } from "./types.ts";
import { findUnit } from "./units.ts";

function plain(d: Decimal): string {
  return d.isZero() ? "0" : d.toString();
}

/** 722723600 (元) → "72272.36" (万元); "82.7500" → "82.75"; other kinds unchanged. */
export function toDisplay(column: ColumnSpec, canonical: string | null): string | null {
  if (canonical === null) return null;
  const k = column.kind;
  if (k.type === "quantity") {
    const unit = findUnit(k.defaultUnit);
    return plain(new Decimal(canonical).div(unit?.factor ?? "1"));
  }
  if (k.type === "percent" || k.type === "integer" || k.type === "year") {
    return plain(new Decimal(canonical));
  }
  return canonical;
}

/** A text typed into the web table, read with the import's rules in the column's unit. */
export function fromDisplay(
  column: ColumnSpec,
  text: string,
): { value: string | null } | { issue: { code: string; zh: string; en: string } } {
  const header = column.zh[0] ?? column.key;
  if (column.kind.type === "region" || column.kind.type === "programme") {
    return {
      issue: {
        code: "data.key_not_editable",
        zh: `「${header}」不能在表格中修改`,
        en: `${header} cannot be edited in place`,
      },
    };
  }
  const unit = column.kind.type === "quantity" ? findUnit(column.kind.defaultUnit) : undefined;
  const read = readCell(column, text, { header, unit });
  if (read.ok) return { value: read.value };
  return { issue: { code: read.code, zh: read.zh, en: read.en } };
}

/** "basic,improvement" → 「基础类、完善类」 (or "basic, improvement" in English). */
export function enumLabel(column: ColumnSpec, codes: string, locale: Locale): string {
  const k = column.kind;
  if (k.type !== "enum") return codes;
  return codes
    .split(",")
    .map((code) => {
      const v = k.values.find((x) => x.code === code);
      return v ? (locale === "zh-CN" ? v.zh : v.en) : code;
    })
    .join(locale === "zh-CN" ? "、" : ", ");
}
