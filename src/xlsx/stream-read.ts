/**
 * Reads an .xlsx by streaming each part's XML out of the zip: shared strings, styles (for dates and
 * percents), then each worksheet row by row into a grid, with the same cells exceljs would give.
 */
import { TextDecoder } from "node:util";
import type yauzl from "yauzl";
import type { Cell, SheetGrid } from "../domain/datasets/types.ts";
import { Decimal } from "../domain/decimal.ts";
import { DomainError } from "../domain/errors.ts";
import { parseAttributes, type XmlHandler, XmlScanner } from "./xml-scanner.ts";
import { contentOf, entriesOf, openZip, unreadable } from "./zip-guard.ts";

/** Built-in number formats that exceljs knows by id (the locale-dependent 27–36, 50–58 it does not). */
const BUILTIN_FORMATS: Record<number, string> = {
  9: "0%",
  10: "0.00%",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** A date format holds y, m, d, h, s or b outside quotes and brackets (exceljs' rule). */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** A serial day number as a Date (1900 system, or 1904 when the workbook says so). */
function serialToDate(value: number, date1904: boolean): Date {
  return new Date(Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** 0.9325 in a percent-formatted cell → "93.25%", exactly (the float is cut to 15 digits first). */
function percentText(value: number): string {
  return `${new Decimal(value.toPrecision(15)).times(100).toString()}%`;
}

/** "AB12" → 28 (1-based column), or 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  return n;
}

function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : 0;
}

const NAMED_ENTITY = /&(lt|gt|amp|apos|quot);/g;
const NAMED: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&apos;": "'",
  "&quot;": '"',
};

/** `_x000D_` escapes of shared strings, as Excel writes control characters. */
function unescapeExcel(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

interface Styles {
  /** cellXfs index → its number format (undefined: General). */
  formats: (string | undefined)[];
  /** Per cellXfs index: 1 date, 2 percent, 0 neither. */
  kinds: Uint8Array;
}

class StylesHandler implements XmlHandler {
  private readonly custom = new Map<number, string>();
  private readonly xfs: number[] = [];
  private inCellXfs = false;

  open(name: string, attributes: string): void {
    if (name === "numFmt") {
      const a = parseAttributes(attributes);
      const id = Number(a.numFmtId);
      if (Number.isInteger(id) && a.formatCode !== undefined) this.custom.set(id, a.formatCode);
    } else if (name === "cellXfs") this.inCellXfs = true;
    else if (name === "xf" && this.inCellXfs) {
      const id = Number.parseInt(parseAttributes(attributes).numFmtId ?? "0", 10);
      this.xfs.push(Number.isNaN(id) ? 0 : id);
    }
  }

  close(name: string): void {
    if (name === "cellXfs") this.inCellXfs = false;
  }

  text(): void {}

  wantsText(): boolean {
    return false;
  }

  styles(): Styles {
    const formats = this.xfs.map((id) =>
      id ? (this.custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined,
    );
    const kinds = new Uint8Array(formats.length);
    formats.forEach((f, i) => {
      if (f === undefined) return;
      kinds[i] = isDateFormat(f) ? 1 : f.includes("%") ? 2 : 0;
    });
    return { formats, kinds };
  }
}

/** `<si>` items in order; rich text runs joined, phonetic guides (`<rPh>`) left out. */
class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  private current = "";
  private inText = false;
  private inPhonetic = false;

  open(name: string, _attributes: string, selfClosing: boolean): void {
    if (name === "si") this.current = "";
    else if (name === "t" && !this.inPhonetic && !selfClosing) this.inText = true;
    else if (name === "rPh") this.inPhonetic = true;
  }

  close(name: string): void {
    if (name === "t") this.inText = false;
    else if (name === "rPh") this.inPhonetic = false;
    else if (name === "si") this.strings.push(unescapeExcel(this.current));
  }

  text(value: string): void {
    this.current += value;
  }

  wantsText(): boolean {
    return this.inText;
  }
}

interface SheetContext {
  strings: readonly string[];
  styles: Styles;
  date1904: boolean;
  fileName: string;
}

/** One worksheet's cells into rows, converted as exceljs converts them for `readWorkbook`. */
class SheetHandler implements XmlHandler {
  readonly rows: Cell[][] = [];
  readonly formulas: { row: number; column: number }[] = [];
  readonly merges: string[] = [];
  private line: Cell[] = [];
  private rowNumber = 0;
  private column = 0;
  private type: string | undefined;
  private style = 0;
  private value = "";
  private hasValue = false;
  private formula = false;
  private capture = false;
  private captureFormula = false;
  private inInline = false;
  private inPhonetic = false;

  constructor(private readonly ctx: SheetContext) {}

  open(name: string, attributes: string, selfClosing: boolean): void {
    switch (name) {
      case "row": {
        const r = attributes === "" ? undefined : parseAttributes(attributes).r;
        const n = r === undefined ? this.rowNumber + 1 : Number.parseInt(r, 10);
        if (!Number.isInteger(n) || n < 1) throw unreadable(this.ctx.fileName);
        this.rowNumber = n;
        this.column = 0;
        this.line = this.rows[n - 1] ?? [];
        this.rows[n - 1] = this.line;
        break;
      }
      case "c": {
        const a = parseAttributes(attributes);
        const column = a.r === undefined ? this.column + 1 : columnOf(a.r);
        if (column < 1) throw unreadable(this.ctx.fileName);
        this.column = column;
        this.type = a.t;
        this.style = a.s === undefined ? 0 : Number.parseInt(a.s, 10) || 0;
        this.value = "";
        this.hasValue = false;
        this.formula = false;
        this.inInline = false;
        break;
      }
      case "v":
        this.capture = !selfClosing;
        break;
      case "f":
        if (attributes !== "" && parseAttributes(attributes).t) this.formula = true;
        this.captureFormula = !selfClosing;
        break;
      case "is":
        this.inInline = true;
        break;
      case "rPh":
        this.inPhonetic = true;
        break;
      case "t":
        if (this.inInline && !this.inPhonetic) this.capture = !selfClosing;
        break;
      case "mergeCell": {
        const ref = parseAttributes(attributes).ref;
        if (ref) this.merges.push(ref);
        break;
      }
    }
  }

  close(name: string): void {
    switch (name) {
      case "v":
      case "t":
        this.capture = false;
        break;
      case "f":
        this.captureFormula = false;
        break;
      case "is":
        this.inInline = false;
        break;
      case "rPh":
        this.inPhonetic = false;
        break;
      case "c":
        this.finishCell();
        break;
    }
  }

  text(value: string): void {
    if (this.capture) {
      this.value += value;
      if (value !== "") this.hasValue = true;
    } else if (this.captureFormula && value !== "") this.formula = true;
  }

  wantsText(): boolean {
    return this.capture || this.captureFormula;
  }

  private kind(): number {
    return this.ctx.styles.kinds[this.style] ?? 0;
  }

  private number(raw: string): Cell {
    const n = Number.parseFloat(raw);
    const kind = this.kind();
    if (kind === 1) return serialToDate(n, this.ctx.date1904);
    return kind === 2 ? percentText(n) : n;
  }

  private finishCell(): void {
    const at = this.column - 1;
    if (this.formula) {
      if (!this.hasValue) {
        this.formulas.push({ row: this.rowNumber, column: this.column });
        this.line[at] = null;
        return;
      }
      this.line[at] = this.typed(true);
      return;
    }
    if (!this.hasValue) return;
    this.line[at] = this.typed(false);
  }

  /** The cell's text by its type attribute (a formula's result keeps strings, never as a date). */
  private typed(formula: boolean): Cell {
    const raw = this.value;
    switch (this.type) {
      case "s": {
        // A quote-prefixed cell ("=100%", "-A区") is a shared string like any other: the prefix is
        // a style, never a character, so its text comes back as written (see readWorkbook).
        if (formula) return this.number(raw);
        const s = this.ctx.strings[Number.parseInt(raw, 10)];
        if (s === undefined) throw unreadable(this.ctx.fileName);
        return s;
      }
      case "str":
        // exceljs decodes a `str` value's named entities once more; the same text comes out here.
        return raw.indexOf("&") < 0 ? raw : raw.replace(NAMED_ENTITY, (e) => NAMED[e] ?? e);
      case "inlineStr":
        return formula ? this.number(raw) : raw;
      case "b":
        return Number.parseInt(raw, 10) !== 0;
      case "e":
        return raw;
      default:
        return this.number(raw);
    }
  }
}

/** Fills every merged range with its top-left value; formula cells hidden under a merge are dropped. */
function applyMerges(handler: SheetHandler): SheetGrid["formulasWithoutResult"] {
  const { rows } = handler;
  const covered: [number, number, number, number][] = [];
  for (const range of handler.merges) {
    const [from, to] = range.split(":");
    if (!from || !to) continue;
    const top = rowOf(from);
    const left = columnOf(from);
    const bottom = rowOf(to);
    const right = columnOf(to);
    if (top < 1 || left < 1 || bottom < top || right < left) continue;
    covered.push([top, left, bottom, right]);
    const value = rows[top - 1]?.[left - 1] ?? null;
    for (let r = top; r <= bottom; r += 1) {
      const line = rows[r - 1] ?? [];
      rows[r - 1] = line;
      for (let c = left; c <= right; c += 1) line[c - 1] = value;
    }
  }
  return handler.formulas.filter(
    (f) =>
      !covered.some(
        ([t, l, b, r]) =>
          f.row >= t &&
          f.row <= b &&
          f.column >= l &&
          f.column <= r &&
          (f.row !== t || f.column !== l),
      ),
  );
}

function gridOf(name: string, handler: SheetHandler): SheetGrid {
  const formulas = applyMerges(handler) ?? [];
  // Dense rows: holes become null, trailing empty rows are dropped.
  const dense = Array.from(handler.rows, (line) => Array.from(line ?? [], (cell) => cell ?? null));
  while (dense.length > 0 && (dense[dense.length - 1] ?? []).every((c) => c === null || c === "")) {
    dense.pop();
  }
  return { name, rows: dense, ...(formulas.length > 0 && { formulasWithoutResult: formulas }) };
}

class WorkbookHandler implements XmlHandler {
  readonly sheets: { name: string; rid: string; hidden: boolean }[] = [];
  date1904 = false;

  open(name: string, attributes: string): void {
    if (name === "workbookPr") {
      const v = parseAttributes(attributes).date1904;
      this.date1904 = v === "1" || v === "true";
    } else if (name === "sheet") {
      const a = parseAttributes(attributes);
      const rid = Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
      const state = a.state;
      this.sheets.push({
        name: a.name ?? "",
        rid: rid ?? "",
        hidden: state !== undefined && state !== "visible",
      });
    }
  }

  close(): void {}
  text(): void {}
  wantsText(): boolean {
    return false;
  }
}

class RelsHandler implements XmlHandler {
  readonly targets = new Map<string, string>();

  open(name: string, attributes: string): void {
    if (name !== "Relationship") return;
    const a = parseAttributes(attributes);
    if (a.Id && a.Target) this.targets.set(a.Id, a.Target);
  }

  close(): void {}
  text(): void {}
  wantsText(): boolean {
    return false;
  }
}

/** A relationship target of the workbook as a zip path ("worksheets/sheet1.xml" → "xl/…"). */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

/**
 * Every worksheet of an .xlsx as a grid, visible sheets first, streamed part by part. The caller
 * has inspected the zip first (`inspectXlsx`): its sizes and counts are within the limits.
 */
export async function streamWorkbook(bytes: Uint8Array, fileName: string): Promise<SheetGrid[]> {
  const { zip, buffer } = await openZip(bytes, fileName);
  try {
    let list: yauzl.Entry[];
    try {
      list = await entriesOf(zip);
    } catch {
      throw unreadable(fileName);
    }
    const entries = new Map(list.map((e) => [e.fileName, e] as const));
    const feed = async (path: string, handler: XmlHandler): Promise<boolean> => {
      const entry = entries.get(path);
      if (!entry) return false;
      await scanEntry(zip, buffer, entry, handler, fileName);
      return true;
    };
    const book = new WorkbookHandler();
    if (!(await feed("xl/workbook.xml", book))) return [];
    const rels = new RelsHandler();
    await feed("xl/_rels/workbook.xml.rels", rels);
    const stylesHandler = new StylesHandler();
    await feed("xl/styles.xml", stylesHandler);
    const shared = new SharedStringsHandler();
    await feed("xl/sharedStrings.xml", shared);
    const ctx: SheetContext = {
      strings: shared.strings,
      styles: stylesHandler.styles(),
      date1904: book.date1904,
      fileName,
    };
    const visible: SheetGrid[] = [];
    const hidden: SheetGrid[] = [];
    for (const sheet of book.sheets) {
      const target = rels.targets.get(sheet.rid);
      if (!target) continue;
      const handler = new SheetHandler(ctx);
      // A chartsheet or a missing part is no worksheet (exceljs skips them too).
      if (!/^xl\/worksheets\//.test(partPath(target))) continue;
      if (!(await feed(partPath(target), handler))) continue;
      (sheet.hidden ? hidden : visible).push(gridOf(sheet.name, handler));
    }
    return [...visible, ...hidden];
  } finally {
    zip.close();
  }
}

async function scanEntry(
  zip: yauzl.ZipFile,
  buffer: Buffer,
  entry: yauzl.Entry,
  handler: XmlHandler,
  fileName: string,
): Promise<void> {
  if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
    throw unreadable(fileName);
  }
  try {
    const start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
    const data = buffer.subarray(start, start + entry.compressedSize);
    const decoder = new TextDecoder("utf-8");
    const scanner = new XmlScanner(handler);
    for await (const chunk of contentOf(data, entry.compressionMethod === 8)) {
      scanner.push(decoder.decode(chunk, { stream: true }));
    }
    scanner.push(decoder.decode());
    scanner.end();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // Broken deflate data or malformed XML: a damaged file.
    throw unreadable(fileName);
  }
}
