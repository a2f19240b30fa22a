// What exceljs does not read back from a written .xlsx: the number formats and the quote prefix of
// its cell formats, from xl/styles.xml.
import JSZip from "jszip";

/** A format that can print a bare point ("63,120.", "10."): a point not followed by a 0. */
export function hasBareTrailingPoint(format: string): boolean {
  const unquoted = format.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /\.(?!0)/.test(unquoted);
}

/** Every number format and the cell formats that carry quotePrefix, from xl/styles.xml. */
export async function stylesOf(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
  const formats = [...xml.matchAll(/<numFmt [^>]*formatCode="([^"]*)"/g)].map((m) =>
    (m[1] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  );
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  const xfs = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
  return { zip, formats, xfs };
}

/** Whether the cell at `address` of the sheet file uses a quote-prefixed cell format. */
export async function isQuotePrefixed(bytes: Uint8Array, sheetFile: string, address: string) {
  const { zip, xfs } = await stylesOf(bytes);
  const xml = (await zip.file(`xl/worksheets/${sheetFile}`)?.async("string")) ?? "";
  const cell = new RegExp(`<c r="${address}"[^>]*>`).exec(xml)?.[0] ?? "";
  const style = Number(/ s="(\d+)"/.exec(cell)?.[1] ?? "0");
  return xfs[style]?.includes('quotePrefix="1"') === true;
}
