/**
 * A real office suite for the tests: LibreOffice (Debian's libreoffice-writer and -calc) converts
 * Jixiao's files headless, and poppler reads the result back — the words in reading order and
 * where each lands on its page. What Word, WPS and Excel users see is judged from that.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const SOFFICE = process.env.JIXIAO_SOFFICE ?? "/usr/bin/soffice";

/**
 * Converts files to `format` (pdf, or xlsx/docx for a LibreOffice re-save) in one soffice run with
 * a private profile, so test files converting at the same time do not share (and lock) one.
 * Returns the converted file of each input, by the input's name.
 */
export async function convertWithOffice(
  files: Record<string, Uint8Array>,
  format: "pdf" | "xlsx" | "docx",
): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-office-"));
  const inputs = join(dir, "in");
  const outputs = join(dir, "out");
  mkdirSync(inputs);
  mkdirSync(outputs);
  // Each input is written under its full name as the stem ("a.docx" → "a.docx.docx" → "a.docx.pdf"),
  // so "a.docx" and "a.xlsx" do not convert to the same "a.pdf".
  const paths = Object.entries(files).map(([name, bytes]) => {
    const path = join(inputs, `${name}${extname(name)}`);
    writeFileSync(path, bytes);
    return path;
  });
  await run(
    SOFFICE,
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outputs,
      ...paths,
    ],
    { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const made = new Set(readdirSync(outputs));
  const out: Record<string, string> = {};
  for (const name of Object.keys(files)) {
    const target = `${name}.${format}`;
    if (made.has(target)) out[name] = join(outputs, target);
  }
  return out;
}

/** Removes what convertWithOffice wrote for these results. */
export function removeConverted(results: Record<string, string>): void {
  const dirs = new Set(Object.values(results).map((p) => join(p, "..", "..")));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its box (points), in poppler's reading order. */
export async function pdfWords(pdf: string): Promise<PdfWord[]> {
  const { stdout } = await run("pdftotext", ["-bbox", pdf, "-"], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of stdout.split("\n")) {
    if (line.includes("<page ")) page += 1;
    const m =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      );
    if (!m) continue;
    words.push({
      page,
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: unescapeXml(m[5] ?? ""),
    });
  }
  return words;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The PDF's text with every whitespace removed: figures and phrases are found whatever the layout. */
export function joinedText(words: readonly PdfWord[]): string {
  return words.map((w) => w.text).join("");
}

/**
 * Pairs of words drawn over each other: boxes that overlap by more than `tolerance` points both
 * across and down (glyph boxes of neighbouring lines touch; overprinted text overlaps by a line).
 */
export function overlappingWords(words: readonly PdfWord[], tolerance = 1.5): [PdfWord, PdfWord][] {
  const found: [PdfWord, PdfWord][] = [];
  const byPage = new Map<number, PdfWord[]>();
  for (const w of words) {
    const list = byPage.get(w.page) ?? [];
    list.push(w);
    byPage.set(w.page, list);
  }
  for (const list of byPage.values()) {
    // Sweep down the page: only words whose vertical extents meet are compared.
    const sorted = [...list].sort((a, b) => a.yMin - b.yMin);
    for (let i = 0; i < sorted.length; i += 1) {
      const a = sorted[i] as PdfWord;
      for (let j = i + 1; j < sorted.length; j += 1) {
        const b = sorted[j] as PdfWord;
        if (b.yMin >= a.yMax - tolerance) break;
        const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (across > tolerance && down > tolerance) found.push([a, b]);
      }
    }
  }
  return found;
}

/**
 * Whether the texts stand on one line of one page, left to right (a table row as printed: 合计 │ 100
 * │ 98.1), whatever order the reading order gives merged cells in.
 */
export function onOneLine(words: readonly PdfWord[], texts: readonly string[]): boolean {
  const [first, ...rest] = texts;
  const centre = (w: PdfWord) => (w.yMin + w.yMax) / 2;
  return words
    .filter((w) => w.text === first)
    .some((start) => {
      let x = start.xMax;
      for (const text of rest) {
        const next = words
          .filter(
            (w) =>
              w.page === start.page &&
              w.text === text &&
              w.xMin >= x &&
              Math.abs(centre(w) - centre(start)) < 3,
          )
          .sort((a, b) => a.xMin - b.xMin)[0];
        if (!next) return false;
        x = next.xMax;
      }
      return true;
    });
}

/** How many pages the PDF has. */
export async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdf]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
}

/** The fonts of a PDF as pdffonts lists them: name and type ("CID TrueType", "Type 3", …). */
export async function pdfFonts(pdf: string): Promise<{ name: string; type: string }[]> {
  const { stdout } = await run("pdffonts", [pdf]);
  return stdout
    .split("\n")
    .slice(2)
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const m = /^(\S+)\s+(.+?)\s{2,}/.exec(l);
      return { name: m?.[1] ?? "", type: m?.[2] ?? "" };
    });
}

/**
 * Where each expected phrase is found in the text, searching after the previous one: the index of
 * the first phrase not found in that order, or -1 when all are in order.
 */
export function firstOutOfOrder(text: string, phrases: readonly string[]): number {
  let from = 0;
  for (const [i, phrase] of phrases.entries()) {
    const at = text.indexOf(phrase.replace(/\s+/g, ""), from);
    if (at < 0) return i;
    from = at + 1;
  }
  return -1;
}
