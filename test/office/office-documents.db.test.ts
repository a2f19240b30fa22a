// Every document and workbook Jixiao writes, opened in a real office suite: LibreOffice converts each
// .docx and .xlsx of the demo (reports of each template, every data-set template and export, the
// allocation, survey, findings and audit workbooks) to PDF, and poppler reads the pages back.
// Each converts; its phrases and figures come out in the model's order; no two words are drawn over
// each other (the overprinting of cells without row heights); Jixiao's own PDFs embed TrueType
// fonts, not Type 3 glyph procedures. The rendering does not depend on the database, so it runs
// once, on PGlite (the LibreOffice re-save round trip runs on both: resave-import.db.test.ts).
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASETS } from "../../src/domain/datasets/specs/index.ts";
import {
  type Block,
  monitoringSummaryDocument,
  type ReportDocument,
} from "../../src/domain/reports/index.ts";
import { renderReport } from "../../src/render/index.ts";
import { chromiumPdf, type PdfRenderer } from "../../src/render/pdf.ts";
import {
  allocationWorkbook,
  datasetTemplate,
  exportAudit,
  exportDataset,
  exportFindings,
  getDashboard,
  sheetReportDocument,
  surveyWorkbookFile,
  systemContext,
  taskReportDocument,
} from "../../src/services/index.ts";
import { artifactDir, CHROMIUM } from "../helpers/browser.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/databases.ts";
import {
  convertWithOffice,
  firstOutOfOrder,
  joinedText,
  onOneLine,
  overlappingWords,
  type PdfWord,
  pdfFonts,
  pdfPages,
  pdfWords,
  removeConverted,
} from "../helpers/office.ts";

/** A report's file name → its model, for the order and figure checks. */
const models = new Map<string, ReportDocument>();
const files: Record<string, Uint8Array> = {};
/** Jixiao's own PDFs (Chromium), by name. */
const ownPdfs: Record<string, Uint8Array> = {};
let converted: Record<string, string> = {};
const words = new Map<string, PdfWord[]>();

/** Thousands separators differ between a model's text and a spreadsheet's format; nothing else may. */
const squeeze = (text: string) => text.replace(/\s+/g, "").replace(/(\d),(?=\d{3})/g, "$1");

/** What a reader must find, in this order: the title, headings, paragraphs' openings, captions. */
function phrasesOf(doc: ReportDocument): string[] {
  const out = [doc.title];
  for (const block of doc.blocks as Block[]) {
    if (block.kind === "heading") out.push(block.text);
    else if (block.kind === "paragraph") out.push(block.text.slice(0, 12));
    else if (block.kind === "table" && block.caption) out.push(block.caption);
    else if (block.kind === "chart") out.push(block.caption);
  }
  return out.map(squeeze).filter((p) => p !== "");
}

/** Every figure printed in the model's tables (a cell that is a number, a percentage or a rank). */
function figuresOf(doc: ReportDocument): string[] {
  const out: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== "table") continue;
    for (const row of [...block.header, ...block.rows]) {
      for (const cell of row) {
        if (/^-?[\d,]+(\.\d+)?%?$/.test(cell.text.trim())) out.push(squeeze(cell.text));
      }
    }
  }
  return out;
}

/** How often `needle` occurs in `hay`, overlapping occurrences not counted. */
function occurrences(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n += 1;
  return n;
}

describe("Jixiao's files in LibreOffice", () => {
  let test: TestDatabase;
  let pdf: PdfRenderer;

  beforeAll(async () => {
    test = await createTestDatabase("pglite", {}, "demo");
    const db = test.database.db;
    const ctx = systemContext("test");
    pdf = chromiumPdf(CHROMIUM);
    const rows = async <T>(query: ReturnType<typeof sql>) =>
      ((await db.execute(query)) as unknown as { rows: T[] }).rows;

    const add = async (name: string, doc: ReportDocument) => {
      models.set(`${name}.docx`, doc);
      models.set(`${name}.xlsx`, doc);
      files[`${name}.docx`] = await renderReport(doc, "docx", pdf);
      files[`${name}.xlsx`] = await renderReport(doc, "xlsx", pdf);
      ownPdfs[name] = await renderReport(doc, "pdf", pdf);
    };

    const sheets = await rows<{ id: number; code: string }>(
      sql`select id, region_code as code from evaluation_sheets order by id`,
    );
    const sheetOf = (code: string) => Number(sheets.find((s) => s.code === code)?.id);
    for (const [code, label] of [
      ["411700", "zhumadian"],
      ["330100", "hangzhou"],
      ["320500", "suzhou"],
    ] as const) {
      if (!sheets.some((s) => s.code === code)) continue;
      for (const template of [
        "score-table",
        "evaluation-report",
        "self-evaluation-form",
      ] as const) {
        const { doc } = await sheetReportDocument(db, ctx, sheetOf(code), template);
        await add(`${label}-${template}`, doc);
      }
    }
    const [task] = await rows<{ id: number }>(
      sql`select id from evaluation_tasks order by id limit 1`,
    );
    if (task) await add("task-report", (await taskReportDocument(db, ctx, Number(task.id))).doc);
    await add(
      "monitoring-guangdong",
      monitoringSummaryDocument(await getDashboard(db, ctx, { regionCode: "440000", year: 2024 })),
    );

    for (const spec of DATASETS) {
      const template = await datasetTemplate(db, ctx, spec.name, {
        regionCode: "440000",
        year: 2024,
      });
      files[`template-${spec.name}.xlsx`] = template.bytes;
    }
    const manifest = JSON.parse(readFileSync("demo/manifest.json", "utf8")) as {
      regionCode: string;
      year: number;
      files: string[];
    }[];
    for (const entry of manifest) {
      for (const file of entry.files) {
        const dataset = file.replace(/\.xlsx$/, "");
        const exported = await exportDataset(db, ctx, dataset, {
          regionCode: entry.regionCode,
          year: entry.year,
        });
        files[`export-${entry.regionCode}-${dataset}.xlsx`] = exported.bytes;
      }
    }
    const [plan] = await rows<{ id: number }>(
      sql`select id from allocation_plans order by id limit 1`,
    );
    if (plan) files["allocation.xlsx"] = (await allocationWorkbook(db, ctx, Number(plan.id))).bytes;
    const [survey] = await rows<{ id: number }>(sql`select id from surveys order by id limit 1`);
    if (survey) files["survey.xlsx"] = (await surveyWorkbookFile(db, ctx, Number(survey.id))).bytes;
    files["findings.xlsx"] = (
      await exportFindings(db, ctx, { regionCode: "440000", year: 2024 }, {}, "zh-CN")
    ).bytes;
    files["audit.xlsx"] = (await exportAudit(db, ctx, {}, "zh-CN")).bytes;

    converted = await convertWithOffice(files, "pdf");
    for (const [name, path] of Object.entries(converted)) words.set(name, await pdfWords(path));
  });

  afterAll(async () => {
    await pdf?.close();
    removeConverted(converted);
    await test?.destroy();
  });

  it("has every kind of file to look at: reports of each template, templates, exports, workbooks", () => {
    const names = Object.keys(files);
    for (const stem of [
      "zhumadian-score-table",
      "zhumadian-evaluation-report",
      "zhumadian-self-evaluation-form",
      "task-report",
      "monitoring-guangdong",
    ]) {
      expect(names).toContain(`${stem}.docx`);
      expect(names).toContain(`${stem}.xlsx`);
    }
    expect(names.filter((n) => n.startsWith("template-"))).toHaveLength(DATASETS.length);
    expect(names.filter((n) => n.startsWith("export-")).length).toBeGreaterThanOrEqual(20);
    for (const name of ["allocation.xlsx", "survey.xlsx", "findings.xlsx", "audit.xlsx"]) {
      expect(names).toContain(name);
    }
  });

  it("converts every file to a PDF with pages and text", async () => {
    const failed = Object.keys(files).filter((name) => !converted[name]);
    expect(failed).toEqual([]);
    for (const [name, path] of Object.entries(converted)) {
      expect({ name, pages: (await pdfPages(path)) > 0 }).toEqual({ name, pages: true });
      expect({ name, words: (words.get(name)?.length ?? 0) > 5 }).toEqual({ name, words: true });
    }
  });

  it("draws no word over another on any page (rows as high as their wrapped text)", () => {
    const overprinted = [...words.entries()]
      .map(([name, list]) => ({
        name,
        pairs: overlappingWords(list)
          .slice(0, 3)
          .map(([a, b]) => `p${a.page}: ${a.text} × ${b.text}`),
      }))
      .filter((f) => f.pairs.length > 0);
    expect(overprinted).toEqual([]);
  });

  it("prints each report's headings, paragraphs and captions in the model's order", () => {
    for (const [name, doc] of models) {
      if (!name.endsWith(".docx")) continue;
      const text = squeeze(joinedText(words.get(name) ?? []));
      const phrases = phrasesOf(doc);
      const missing = firstOutOfOrder(text, phrases);
      expect({ name, missing: missing < 0 ? null : phrases[missing] }).toEqual({
        name,
        missing: null,
      });
    }
  });

  it("prints every figure of each report's tables, in the docx and in the xlsx, as the model prints it", () => {
    for (const [name, doc] of models) {
      const text = squeeze(joinedText(words.get(name) ?? []));
      const counts = new Map<string, number>();
      for (const f of figuresOf(doc)) counts.set(f, (counts.get(f) ?? 0) + 1);
      const short = [...counts]
        .filter(([figure, n]) => occurrences(text, figure) < n)
        .map(([figure]) => figure);
      expect({ name, short }).toEqual({ name, short: [] });
    }
  });

  it("prints the seeds' figures: 合计 100 98.1 on one line of Zhumadian's score table, 19.21% spent in Guangdong", () => {
    for (const name of ["zhumadian-score-table.docx", "zhumadian-score-table.xlsx"]) {
      expect({ name, row: onOneLine(words.get(name) ?? [], ["合计", "100", "98.1"]) }).toEqual({
        name,
        row: true,
      });
    }
    const guangdong = squeeze(joinedText(words.get("monitoring-guangdong.docx") ?? []));
    expect(guangdong).toContain("实际支出3623.35万元，支出率19.21%");
  });

  it("leaves no page but the last holding only a title, headings, captions or a one-line note, in Jixiao's PDFs and LibreOffice's", async () => {
    const lonely: string[] = [];
    const check = (name: string, doc: ReportDocument, list: readonly PdfWord[]) => {
      const labels = [
        doc.title,
        ...doc.blocks.flatMap((b) =>
          b.kind === "heading" || (b.kind === "paragraph" && b.text.length <= 20)
            ? [b.text]
            : b.kind === "table" && b.caption
              ? [b.caption]
              : [],
        ),
      ].map(squeeze);
      const pages = new Map<number, string>();
      for (const w of list) pages.set(w.page, (pages.get(w.page) ?? "") + w.text);
      // The last page may hold a short closing line; any other page holds some of the body.
      pages.delete(Math.max(...pages.keys()));
      for (const [page, raw] of pages) {
        let rest = squeeze(raw).replace(/—\d+—/g, "");
        for (const label of labels) rest = rest.split(label).join("");
        if (rest === "") lonely.push(`${name} p${page}`);
      }
    };
    for (const [name, bytes] of Object.entries(ownPdfs)) {
      const doc = models.get(`${name}.docx`);
      if (!doc) continue;
      const file = join(artifactDir("office"), `${name}.pdf`);
      writeFileSync(file, bytes);
      check(`${name}.pdf`, doc, await pdfWords(file));
      check(`${name}.docx`, doc, words.get(`${name}.docx`) ?? []);
    }
    expect(lonely).toEqual([]);
  });

  it("embeds TrueType (CID) fonts in Jixiao's own PDFs, never Type 3, and writes the pages to look at", async () => {
    const dir = artifactDir("office");
    for (const [name, bytes] of Object.entries(ownPdfs)) {
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, bytes);
      const fonts = await pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      expect({ name, type3: fonts.filter((f) => f.type === "Type 3").length }).toEqual({
        name,
        type3: 0,
      });
      expect(fonts.every((f) => f.type === "CID TrueType")).toBe(true);
      // Jixiao's PDF and LibreOffice's renderings of the docx and the xlsx, kept with a PNG of
      // each first page, for a person to look at side by side (test-artifacts/office/).
      for (const [kind, path] of [
        ["jixiao", file],
        ["docx", converted[`${name}.docx`]],
        ["xlsx", converted[`${name}.xlsx`]],
      ] as const) {
        if (!path) continue;
        const kept = kind === "jixiao" ? file : join(dir, `${name}.${kind}.pdf`);
        if (kept !== path) copyFileSync(path, kept);
        execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", kept, `${kept}-p`]);
      }
    }
  });
});
