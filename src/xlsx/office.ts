/**
 * What every workbook Jixiao writes shares so that it opens office-grade in Excel, WPS and
 * LibreOffice: row heights for wrapped text, A4 print setup, numbers as numbers with the published
 * decimals, and formula-like user text kept as text by Excel's quote prefix.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { Decimal } from "../domain/decimal.ts";
import { isFormulaLike } from "./neutralise.ts";

// ---------------------------------------------------------------------------------------------
// Row heights: no spreadsheet auto-fits merged cells, and Excel only auto-fits a row it edits.

/** Excel's column-width unit is one "0" of the default 11 pt font; a CJK glyph takes about two. */
const DEFAULT_FONT = 11;
const DEFAULT_WIDTH = 8.43;
/** Points per line as a multiple of the font size: Noto/SimSun CJK faces set about 1.35 em. */
const LINE = 1.4;
const PADDING = 4;
const MAX_HEIGHT = 409;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** The text's width in column units at 11 pt: CJK characters two, others one. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** How many lines a text takes in a column (or merged range) this wide, at this font size. */
export function lineCount(text: string, width: number, fontSize = DEFAULT_FONT, wrap = true) {
  const paragraphs = text.split(/\r\n|\n|\r/);
  if (!wrap) return paragraphs.length;
  // One unit of cell padding; 0.95 for the space lost where Latin words wrap whole.
  const room = Math.max(1, (width - 1) * 0.95 * (DEFAULT_FONT / fontSize));
  return paragraphs.reduce((n, p) => n + Math.max(1, Math.ceil(textWidth(p) / room)), 0);
}

/** The row height in points that shows this many lines (quarter points, as Excel stores them). */
export function rowHeight(lines: number, fontSize = DEFAULT_FONT): number {
  return Math.min(MAX_HEIGHT, Math.ceil((lines * fontSize * LINE + PADDING) * 4) / 4);
}

interface Span {
  bottom: number;
  right: number;
}

/** Merged ranges by their top-left cell: exceljs keeps them, but only behind its private model. */
const spans = new WeakMap<ExcelJS.Worksheet, Map<string, Span>>();

/** Merges a range and remembers it, so that fitRowHeights measures the text at the merged width. */
export function merge(
  sheet: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
): void {
  sheet.mergeCells(top, left, bottom, right);
  let map = spans.get(sheet);
  if (!map) {
    map = new Map();
    spans.set(sheet, map);
  }
  map.set(`${top}:${left}`, { bottom, right });
}

/** The width in units of columns `left` to `right` (a merged range, or the whole table). */
function columnsWidth(sheet: ExcelJS.Worksheet, left: number, right: number): number {
  let w = 0;
  for (let c = left; c <= right; c += 1) w += sheet.getColumn(c).width ?? DEFAULT_WIDTH;
  return w;
}

function shownText(value: ExcelJS.CellValue): string | null {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object" && "richText" in value) {
    return value.richText.map((r) => r.text).join("");
  }
  return null;
}

/**
 * Sets the height of every row from `from` to `to` that holds something: enough lines for the
 * longest text at its column's (or merged range's) width and font size; a range merged over rows
 * shares out what the rows it spans lack.
 */
export function fitRowHeights(sheet: ExcelJS.Worksheet, from = 1, to = sheet.rowCount): void {
  const merged = spans.get(sheet) ?? new Map<string, Span>();
  const heights = new Map<number, number>();
  const tall: { top: number; bottom: number; need: number }[] = [];
  for (let r = from; r <= to; r += 1) {
    const row = sheet.findRow(r);
    if (!row) continue;
    let height = 0;
    row.eachCell((cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const size = cell.font?.size ?? DEFAULT_FONT;
      const span = merged.get(`${r}:${c}`);
      const text = shownText(cell.value);
      const lines =
        text === null
          ? 1
          : lineCount(
              text,
              columnsWidth(sheet, c, span?.right ?? c),
              size,
              cell.alignment?.wrapText === true,
            );
      const need = rowHeight(lines, size);
      if (span && span.bottom > r) tall.push({ top: r, bottom: span.bottom, need });
      else height = Math.max(height, need);
    });
    if (height > 0) heights.set(r, height);
  }
  for (const { top, bottom, need } of tall) {
    let have = 0;
    for (let r = top; r <= bottom; r += 1) have += heights.get(r) ?? rowHeight(1);
    if (have >= need) continue;
    const extra = (need - have) / (bottom - top + 1);
    for (let r = top; r <= bottom; r += 1) {
      const h = (heights.get(r) ?? rowHeight(1)) + extra;
      heights.set(r, Math.min(MAX_HEIGHT, Math.ceil(h * 4) / 4));
    }
  }
  for (const [r, h] of heights) sheet.getRow(r).height = h;
}

// ---------------------------------------------------------------------------------------------
// Print setup.

/** Column units that still print at ≥ 75 % on A4 portrait (about 90 units fit at 100 %). */
const PORTRAIT_WIDTH = 120;

/**
 * A4, as wide as the page (as many pages down as it takes), the header rows repeated on each page;
 * landscape when the columns are too wide for portrait.
 */
export function printSetup(
  sheet: ExcelJS.Worksheet,
  options: {
    columns: number;
    titleRows?: [number, number];
    /** Landscape whatever the columns' width (a sheet with a picture wider than its table). */
    landscape?: true;
  },
): void {
  const wide = options.landscape || columnsWidth(sheet, 1, options.columns) > PORTRAIT_WIDTH;
  Object.assign(sheet.pageSetup, {
    paperSize: 9,
    orientation: wide ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(options.titleRows && {
      printTitlesRow: `${options.titleRows[0]}:${options.titleRows[1]}`,
    }),
  });
  sheet.headerFooter.oddFooter = "&C第 &P 页，共 &N 页";
}

// ---------------------------------------------------------------------------------------------
// Numbers: the cell holds the number, its format prints exactly the published decimals.

/** Decimal places of a decimal string: "9.10" → 2, "100" → 0. */
function placesOf(value: string): number {
  return /^-?\d*\.(\d+)$/.exec(value)?.[1]?.length ?? 0;
}

/** "0", "0.00" or with grouping "#,##0.00": never a bare trailing point. */
export function decimalFormat(value: string, grouping = false): string {
  const places = placesOf(value);
  const whole = grouping ? "#,##0" : "0";
  return places === 0 ? whole : `${whole}.${"0".repeat(places)}`;
}

/** "96.40" (in percent) → "0.00%". */
export function percentFormat(valueInPercent: string): string {
  const places = placesOf(valueInPercent);
  return places === 0 ? "0%" : `0.${"0".repeat(places)}%`;
}

/** A unit after the number, quoted so Excel takes it as text: `0"个"`. */
function withSuffix(format: string, suffix: string | undefined): string {
  return suffix ? `${format}"${suffix.replace(/"/g, "")}"` : format;
}

/** Writes a decimal string as a number: the conversion to binary happens here and only here. */
export function setNumber(
  cell: ExcelJS.Cell,
  value: string,
  options: { grouping?: boolean; suffix?: string; format?: string } = {},
): void {
  cell.value = Number(value);
  cell.numFmt = withSuffix(
    options.format ?? decimalFormat(value, options.grouping),
    options.suffix,
  );
}

/** "96.4" (percent) → the cell holds 0.964, shown "96.4%"; the point is shifted in decimal. */
export function setPercent(cell: ExcelJS.Cell, valueInPercent: string): void {
  cell.value = percentNumber(valueInPercent);
  cell.numFmt = percentFormat(valueInPercent);
}

export function percentNumber(valueInPercent: string): number {
  return Number(new Decimal(valueInPercent).div(100).toString());
}

// ---------------------------------------------------------------------------------------------
// Text that stays text.

/**
 * The text format marks a quote-prefixed cell: writeWorkbook adds quotePrefix="1" to every cell
 * style with it (exceljs 4.4 cannot write that attribute), so Excel keeps the text as text when the
 * cell is edited, and shows no apostrophe.
 */
const TEXT_FORMAT = "@";
const TEXT_FORMAT_ID = 49;

/** Workbooks holding a quote-prefixed cell: only their styles.xml needs rewriting. */
const quoted = new WeakSet<ExcelJS.Workbook>();

/** Writes user text; formula-like text ("=100%", "+86 …", "-A区") as a quote-prefixed text cell. */
export function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  if (!isFormulaLike(text)) return;
  cell.numFmt = TEXT_FORMAT;
  quoted.add(cell.workbook);
}

/** Adds quotePrefix="1" to the cell formats (cellXfs) that use the text format. */
export function markQuotePrefix(stylesXml: string): string {
  return stylesXml.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, (block) =>
    block.replace(/<xf\b([^>]*?)(\/?)>/g, (xf, attributes: string, slash: string) =>
      attributes.includes(`numFmtId="${TEXT_FORMAT_ID}"`) && !attributes.includes("quotePrefix")
        ? `<xf${attributes} quotePrefix="1"${slash}>`
        : xf,
    ),
  );
}

/** The workbook's bytes, quote prefixes added where text cells need them. */
export async function writeWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  // Most workbooks have no formula-like text: their bytes are not unzipped again.
  if (!quoted.has(workbook)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const styles = zip.file("xl/styles.xml");
  if (!styles) return bytes;
  const xml = await styles.async("string");
  const marked = markQuotePrefix(xml);
  if (marked === xml) return bytes;
  zip.file("xl/styles.xml", marked);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
