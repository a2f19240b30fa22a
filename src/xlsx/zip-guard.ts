/** Looks inside an .xlsx (a zip) while inflating it, and refuses a zip bomb before any parser sees it. */
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import yauzl from "yauzl";
import { DomainError } from "../domain/errors.ts";
import { DEFAULT_UPLOAD_LIMITS, fileTooLarge, type UploadLimits } from "../domain/upload-limits.ts";

export const NOT_XLSX =
  "不是有效的 .xlsx 文件（请在 Excel 或 WPS 中另存为 .xlsx）/ not a valid .xlsx file";

/** What an inspected file holds, counted while inflating (never taken from the zip's headers). */
export interface XlsxCensus {
  entries: number;
  /** Bytes all entries inflated to. */
  expandedBytes: number;
  /** `<row>` elements over all worksheets. */
  rows: number;
  /** `<c>` elements over all worksheets. */
  cells: number;
  /** `<si>` elements of the shared strings. */
  strings: number;
}

const SLICE = 64 * 1024;
/** The longest tag looked for is `<row`: a chunk's last 4 bytes are decided with the next chunk. */
const CARRY = 4;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i;
const ROW = "<row";
const CELL = "<c";
const STRING = "<si";

export function unreadable(fileName: string): DomainError {
  return new DomainError("file.unreadable", { file: fileName, reason: NOT_XLSX });
}

/**
 * Opens the zip in bytes for reading entry by entry, with the buffer its entries' raw data is
 * sliced from; what is not a zip is `file.unreadable`.
 */
export async function openZip(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ zip: yauzl.ZipFile; buffer: Buffer }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const zip = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      validateEntrySizes: false,
    });
    return { zip, buffer };
  } catch {
    throw unreadable(fileName);
  }
}

function isTagEnd(code: number): boolean {
  // space, tab, LF, CR, ">" or "/": `<c ` is a cell, `<cols` is not.
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x3e ||
    code === 0x2f
  );
}

/** Counts start tags in XML arriving in chunks, without keeping more than a few bytes of it. */
export class TagCounter {
  private tail = "";
  readonly counts: number[];

  constructor(private readonly tags: readonly string[]) {
    this.counts = tags.map(() => 0);
  }

  push(chunk: Buffer): void {
    // As latin1 each byte is one char: V8's string search is far cheaper per hit than Buffer's.
    const data = this.tail + chunk.toString("latin1");
    // A tag starting in the last CARRY bytes waits for the next chunk to show how it ends.
    const end = data.length - CARRY;
    this.tags.forEach((tag, t) => {
      let n = 0;
      for (let i = data.indexOf(tag); i >= 0 && i < end; i = data.indexOf(tag, i + 1)) {
        if (isTagEnd(data.charCodeAt(i + tag.length))) n += 1;
      }
      this.counts[t] = (this.counts[t] ?? 0) + n;
    });
    this.tail = data.slice(Math.max(0, end));
  }
}

function* slices(raw: Buffer): Generator<Buffer> {
  for (let i = 0; i < raw.length; i += SLICE) yield raw.subarray(i, i + SLICE);
}

/** An entry's bytes as they inflate, one chunk at a time; leaving the loop early stops the inflater. */
export async function* contentOf(raw: Buffer, deflated: boolean): AsyncGenerator<Buffer> {
  if (!deflated) {
    yield* slices(raw);
    return;
  }
  const source = Readable.from(slices(raw), { objectMode: false });
  const inflate = createInflateRaw({ chunkSize: SLICE });
  source.pipe(inflate);
  try {
    for await (const chunk of inflate) yield chunk as Buffer;
  } finally {
    source.unpipe(inflate);
    source.destroy();
    inflate.destroy();
  }
}

export async function entriesOf(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
  return entries;
}

/**
 * Inflates every entry of an .xlsx once, counting the bytes that come out and the worksheets' rows
 * and cells, and stops at the first limit passed: `file.too_large` (the limit named) or
 * `file.unreadable` for what is not a sound zip. Memory stays at a few chunks whatever the file.
 */
export async function inspectXlsx(
  bytes: Uint8Array,
  fileName: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<XlsxCensus> {
  const { zip, buffer } = await openZip(bytes, fileName);
  try {
    if (zip.entryCount > limits.maxEntries) throw fileTooLarge(fileName, "entries", limits);
    let entries: yauzl.Entry[];
    try {
      entries = await entriesOf(zip);
    } catch {
      throw unreadable(fileName);
    }
    // Honest headers of a huge file are believed at once; lying ones are caught by the count below.
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxExpandedBytes) throw fileTooLarge(fileName, "expanded", limits);
    const census: XlsxCensus = {
      entries: entries.length,
      expandedBytes: 0,
      rows: 0,
      cells: 0,
      strings: 0,
    };
    // Directory entries too: their data is not meant to exist, so it is counted if it does.
    for (const entry of entries) {
      await inspectEntry(zip, buffer, entry, fileName, limits, census);
    }
    return census;
  } finally {
    zip.close();
  }
}

async function inspectEntry(
  zip: yauzl.ZipFile,
  buffer: Buffer,
  entry: yauzl.Entry,
  fileName: string,
  limits: UploadLimits,
  census: XlsxCensus,
): Promise<void> {
  if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
    throw unreadable(fileName);
  }
  let start: number;
  try {
    start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
  } catch {
    throw unreadable(fileName);
  }
  const data = buffer.subarray(start, start + entry.compressedSize);
  const sheet = WORKSHEET.test(entry.fileName);
  const strings = SHARED_STRINGS.test(entry.fileName);
  const counter = sheet ? new TagCounter([ROW, CELL]) : strings ? new TagCounter([STRING]) : null;
  const before = { rows: census.rows, cells: census.cells, strings: census.strings };
  try {
    for await (const chunk of contentOf(data, entry.compressionMethod === 8)) {
      census.expandedBytes += chunk.length;
      if (census.expandedBytes > limits.maxExpandedBytes) {
        throw fileTooLarge(fileName, "expanded", limits);
      }
      if (!counter) continue;
      counter.push(chunk);
      if (sheet) {
        census.rows = before.rows + (counter.counts[0] ?? 0);
        census.cells = before.cells + (counter.counts[1] ?? 0);
        if (census.rows > limits.maxRows) throw fileTooLarge(fileName, "rows", limits);
      } else census.strings = before.strings + (counter.counts[0] ?? 0);
      if (census.cells > limits.maxCells || census.strings > limits.maxCells) {
        throw fileTooLarge(fileName, "cells", limits);
      }
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // zlib's "invalid stored block lengths" and the like: a damaged file.
    throw unreadable(fileName);
  }
}
