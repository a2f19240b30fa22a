/**
 * The page geometry and table column widths both renderers use, so the Word document and the PDF
 * lay tables out alike: every column at least as wide as its longest unbreakable token, so that
 * "100" never wraps to "10/0", and the rest of the text width shared as the model's relative
 * widths ask, taken from the columns with the most room (the wide text columns).
 */
import { placeCells, type ReportDocument, type TableBlock } from "../domain/reports/index.ts";

export const MM = 56.6929; // twips per millimetre
/** GB/T 9704's margins, kept in reading direction on a turned page (the footer stays at the foot). */
export const MARGIN = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** The width in twips between the margins of an A4 page (210 × 297 mm) in that orientation. */
export function pageTextWidth(orientation: ReportDocument["orientation"]): number {
  return Math.round(((orientation === "landscape" ? 297 : 210) - MARGIN.left - MARGIN.right) * MM);
}

/** Table text is 五号 (10.5 pt); one em is 210 twips. */
export const TABLE_EM = 210;
/** Left and right cell margins, in twips, as the table sets them. */
export const CELL_MARGIN = 80;
/** Rounding, bold digits and a substituted face need a little more than the sum of the glyphs. */
const SLACK_EM = 0.25;
/** One overlong token (a file name, a URL) may not take more than this share of the text width. */
const MAX_SHARE = 0.4;
/** A header title or cell label this short (分值, 得分率, 一级指标, 红色预警) is not broken either. */
const SHORT_TITLE = 4;

// CJK ideographs, kana, CJK and full-width punctuation, and the quotes and dashes Chinese fonts set full width.
const WIDE =
  /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u2014\u2026\u2018\u2019\u201C\u201D]/u;
// Kinsoku: a line never starts with a closing mark nor ends with an opening one.
const CLOSING = new Set("，。、；：？！）》」』】〕〉”’％…—");
const OPENING = new Set("（《「『【〔〈“‘");
const WIDE_LATIN = /[A-Z%@&Wm]/u;

/** A character's advance in em: CJK 1, Latin capitals and % about 0.75, digits and the rest 0.5. */
export function charEm(ch: string): number {
  if (WIDE.test(ch)) return 1;
  return WIDE_LATIN.test(ch) ? 0.75 : 0.5;
}

/**
 * The pieces of a text a line never breaks inside: each CJK character (with the marks kinsoku binds
 * to it) on its own, a run of Latin letters, digits and signs ("96.40%", "15129.00") as a whole.
 */
export function unbreakableTokens(text: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let previous = "";
  for (const ch of text) {
    if (/\s/u.test(ch)) {
      if (current) tokens.push(current);
      current = "";
      previous = "";
      continue;
    }
    const breakable =
      current !== "" &&
      (WIDE.test(ch) || WIDE.test(previous)) &&
      !CLOSING.has(ch) &&
      !OPENING.has(previous);
    if (breakable) {
      tokens.push(current);
      current = "";
    }
    current += ch;
    previous = ch;
  }
  if (current) tokens.push(current);
  return tokens;
}

const cellWidth = (ems: number, em: number) => Math.ceil((ems + SLACK_EM) * em) + 2 * CELL_MARGIN;

const emsOf = (token: string) => {
  let w = 0;
  for (const ch of token) w += charEm(ch);
  return w;
};

/** The width in twips a cell needs to show `text` without breaking a token, margins included. */
export function tokenWidth(text: string, em: number = TABLE_EM): number {
  return cellWidth(Math.max(0, ...unbreakableTokens(text).map(emsOf)), em);
}

/** Each column's least width in twips, from the cells that lie in it alone (spanning cells aside). */
export function minColumnWidths(block: TableBlock, em: number = TABLE_EM): number[] {
  const mins = block.columns.map(() => 0);
  const measure = (rows: readonly TableBlock["rows"][number][]) => {
    for (const { cell, col } of placeCells(rows)) {
      if ((cell.colSpan ?? 1) > 1 || col >= mins.length) continue;
      // A short title or label (分值, 得分率, 红色预警) is read as one word and not broken either.
      const short = [...cell.text].length <= SHORT_TITLE && !/\s/.test(cell.text);
      const need = short ? cellWidth(emsOf(cell.text), em) : tokenWidth(cell.text, em);
      mins[col] = Math.max(mins[col] ?? 0, need);
    }
  };
  measure(block.header);
  measure(block.rows);
  return mins;
}

/**
 * Column widths in twips adding up to `textWidth`: the relative widths scaled to it, each column
 * raised to its least width, the difference taken from the others in proportion to their room.
 */
export function columnWidths(
  block: TableBlock,
  textWidth: number,
  em: number = TABLE_EM,
): number[] {
  if (block.columns.length === 0) return [];
  // Columns without relative widths share the page equally.
  const weights = block.columns.map((c) => (c.width > 0 ? c.width : 0));
  const sum = weights.reduce((s, w) => s + w, 0);
  const scaled = weights.map((w) => (sum > 0 ? w / sum : 1 / weights.length) * textWidth);
  const cap = Math.floor(textWidth * MAX_SHARE);
  const mins = minColumnWidths(block, em).map((m) => Math.min(m, cap));
  const needed = mins.reduce((s, m) => s + m, 0);
  let widths: number[];
  if (needed >= textWidth) {
    // Nothing fits: the least widths shrunk alike, Word then breaks inside the tokens.
    widths = mins.map((m) => (m / needed) * textWidth);
  } else {
    const raised = scaled.map((w, i) => Math.max(w, mins[i] ?? 0));
    const deficit = raised.reduce((s, w) => s + w, 0) - textWidth;
    const room = raised.map((w, i) => w - (mins[i] ?? 0));
    const totalRoom = room.reduce((s, r) => s + r, 0);
    widths = raised.map((w, i) => w - (deficit * (room[i] ?? 0)) / totalRoom);
  }
  const floored = widths.map((w) => Math.floor(w));
  // The twips lost to flooring go to the widest column, so the table fills the text width exactly.
  const rest = textWidth - floored.reduce((s, w) => s + w, 0);
  const widest = floored.indexOf(Math.max(...floored));
  if (widest >= 0) floored[widest] = (floored[widest] ?? 0) + rest;
  return floored;
}
