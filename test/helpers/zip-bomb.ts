/** Builds .xlsx files for the upload-limit tests and bench: bombs, huge sheets, lying headers, cheaply. */
import { Readable } from "node:stream";
import { constants, crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

/** One part's content: bytes, one chunk repeated (inflates huge, costs one deflate), or chunks. */
export type PartData =
  | Buffer
  | { repeat: Buffer; times: number; head?: Buffer; foot?: Buffer }
  | (() => Iterable<Buffer>);

export interface ZipPart {
  name: string;
  data: PartData;
  /** Write 1 KB as the uncompressed size in the headers, as a bomb would. */
  lieAboutSize?: boolean;
  /** Store without compression (method 0). */
  stored?: boolean;
}

interface Packed {
  compressed: Buffer[];
  size: number;
  crc: number;
}

// A stored, final, empty deflate block: ends a stream of full-flushed blocks.
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

function fullFlushed(bytes: Buffer): Buffer {
  return deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
}

async function pack(data: PartData, stored: boolean): Promise<Packed> {
  if (Buffer.isBuffer(data)) {
    return {
      compressed: [stored ? data : deflateRawSync(data)],
      size: data.length,
      crc: crc32(data),
    };
  }
  if (typeof data === "function") {
    let size = 0;
    let crc = 0;
    const source = Readable.from(
      (function* () {
        for (const chunk of data()) {
          size += chunk.length;
          crc = crc32(chunk, crc);
          yield chunk;
        }
      })(),
      { objectMode: false },
    );
    const compressed: Buffer[] = [];
    for await (const chunk of source.pipe(createDeflateRaw({ level: 6 }))) {
      compressed.push(chunk as Buffer);
    }
    return { compressed, size, crc };
  }
  // After a full flush the compressor starts afresh, so the same input deflates to the same bytes:
  // one deflate of the chunk, repeated, is a valid stream of `times` copies.
  const head = data.head ?? Buffer.alloc(0);
  const foot = data.foot ?? Buffer.alloc(0);
  const block = fullFlushed(data.repeat);
  const blockCrcInput = data.repeat;
  let crc = crc32(head);
  for (let i = 0; i < data.times; i += 1) crc = crc32(blockCrcInput, crc);
  crc = crc32(foot, crc);
  const compressed = [fullFlushed(head)];
  for (let i = 0; i < data.times; i += 1) compressed.push(block);
  compressed.push(fullFlushed(foot), FINAL_EMPTY_BLOCK);
  return { compressed, size: head.length + data.repeat.length * data.times + foot.length, crc };
}

/** A zip file (no zip64: each part under 4 GB declared, as a bomb declares anyway). */
export async function buildZip(parts: readonly ZipPart[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const stored = part.stored === true && Buffer.isBuffer(part.data);
    const packed = await pack(part.data, stored);
    const compressedSize = packed.compressed.reduce((n, c) => n + c.length, 0);
    const declared = part.lieAboutSize ? 1024 : Math.min(packed.size, 0xfffffffe);
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(packed.crc >>> 0, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(stored ? 0 : 8, 10);
    header.writeUInt32LE(packed.crc >>> 0, 16);
    header.writeUInt32LE(compressedSize, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    out.push(local, name, ...packed.compressed);
    offset += local.length + name.length + compressedSize;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const SHEET_HEAD = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`,
);
export const SHEET_FOOT = Buffer.from("</sheetData></worksheet>");

/** The parts every .xlsx needs around one worksheet. */
function skeleton(sheetName: string): ZipPart[] {
  return [
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
  ];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Row `line` (1-based) of inline-string and number cells, as Excel writes it. */
export function rowXml(line: number, cells: readonly (string | number | null)[]): string {
  const inner = cells
    .map((v, j) => {
      const at = `${columnName(j)}${line}`;
      if (v === null) return "";
      return typeof v === "number"
        ? `<c r="${at}"><v>${v}</v></c>`
        : `<c r="${at}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
    })
    .join("");
  return `<row r="${line}">${inner}</row>`;
}

/** A one-sheet .xlsx whose rows are given as chunks of `<row>` XML. */
export function xlsxOfRows(
  rows: PartData,
  options: { sheetName?: string; lieAboutSize?: boolean } = {},
): Promise<Buffer> {
  const sheet: PartData =
    Buffer.isBuffer(rows) || typeof rows === "function"
      ? typeof rows === "function"
        ? () =>
            (function* () {
              yield SHEET_HEAD;
              yield* rows();
              yield SHEET_FOOT;
            })()
        : Buffer.concat([SHEET_HEAD, rows, SHEET_FOOT])
      : { ...rows, head: SHEET_HEAD, foot: SHEET_FOOT };
  return buildZip([
    ...skeleton(options.sheetName ?? "Sheet1"),
    {
      name: "xl/worksheets/sheet1.xml",
      data: sheet,
      ...(options.lieAboutSize && { lieAboutSize: true }),
    },
  ]);
}

/** A sheet whose XML inflates to about `megabytes` MB of rows, compressed to about a thousandth. */
export function rowBomb(megabytes: number, options: { lieAboutSize?: boolean } = {}) {
  const row = rowXml(1, ["bomb", 1, 2, 3]);
  const perChunk = Math.floor((1024 * 1024) / row.length);
  return xlsxOfRows({ repeat: Buffer.from(row.repeat(perChunk)), times: megabytes }, options);
}

/** A sheet whose XML is one cell of `megabytes` MB of text: no row limit is reached, only the size. */
export function textBomb(megabytes: number, options: { lieAboutSize?: boolean } = {}) {
  return buildZip([
    ...skeleton("Sheet1"),
    {
      name: "xl/worksheets/sheet1.xml",
      data: {
        head: Buffer.concat([SHEET_HEAD, Buffer.from('<row><c t="inlineStr"><is><t>')]),
        repeat: Buffer.alloc(1024 * 1024, "a"),
        times: megabytes,
        foot: Buffer.concat([Buffer.from("</t></is></c></row>"), SHEET_FOOT]),
      },
      ...(options.lieAboutSize && { lieAboutSize: true }),
    },
  ]);
}
