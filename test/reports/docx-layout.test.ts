// The Word layout of the reports after GB/T 9704: Heading 1–4 styles with outline levels, captions
// above their tables, the annex score table in a landscape section, columns that never break a
// number, the font table's fallbacks, zh-CN text and 四号 page numbers.
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import {
  monitoringSummaryDocument,
  type ReportDocument,
  scoreTableDocument,
  type TableBlock,
  taskReportDocument,
} from "../../src/domain/reports/index.ts";
import { columnWidths, tokenWidth } from "../../src/render/column-widths.ts";
import { renderDocx, sectionsOf, textWidth } from "../../src/render/docx.ts";
import { readFrameworkFile } from "../../src/services/evaluations/framework-files.ts";
import {
  zhumadianDashboard,
  zhumadianReport as zhumadianEvaluationReport,
} from "../helpers/report-fixtures.ts";
import { FRAMEWORKS_DIR, scoreBuiltin } from "../scoring/builtin-helpers.ts";

const dashboard = zhumadianDashboard("964000");

/** Zhumadian's 2020 evaluation report: the seed's scores (98.1 优) and its annex score table. */
const zhumadianReport = () =>
  zhumadianEvaluationReport(dashboard, [
    {
      indicator: "资金筹集",
      fileName: "资金到位文件.pdf",
      uploadedBy: "张三",
      uploadedAt: "2021-03-01T08:00:00Z",
    },
  ]);

interface Unzipped {
  document: string;
  styles: string;
  fonts: string;
  footers: string[];
}

async function unzip(doc: ReportDocument): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(await renderDocx(doc));
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const footerPaths = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
  return {
    document: await text("word/document.xml"),
    styles: await text("word/styles.xml"),
    fonts: await text("word/fontTable.xml"),
    footers: await Promise.all(footerPaths.map(text)),
  };
}

/** The body's top-level elements in order: paragraphs and tables, each as its XML. */
function bodyElements(xml: string): { kind: "p" | "tbl"; xml: string }[] {
  const body = xml.slice(xml.indexOf("<w:body>") + 8, xml.lastIndexOf("</w:body>"));
  const out: { kind: "p" | "tbl"; xml: string }[] = [];
  let i = 0;
  while (i >= 0 && i < body.length) {
    const tag = body.slice(i, i + 8);
    const kind = tag.startsWith("<w:tbl>") ? "tbl" : /^<w:p[ >/]/.test(tag) ? "p" : null;
    if (!kind) {
      i = body.indexOf("<", i + 1);
      continue;
    }
    // Tables nest paragraphs, never tables, here: the first closing tag of its kind ends it.
    const close = kind === "tbl" ? "</w:tbl>" : "</w:p>";
    const end = tag.startsWith("<w:p/>") ? i + 6 : body.indexOf(close, i) + close.length;
    if (end < i) throw new Error(`unclosed ${kind} at ${i}`);
    out.push({ kind, xml: body.slice(i, end) });
    i = end;
  }
  return out;
}

const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
const styleOf = (xml: string) => xml.match(/<w:pStyle w:val="([^"]+)"\/>/)?.[1];
const styleXml = (styles: string, id: string) =>
  styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`))?.[0] ?? "";
const gridCols = (tbl: string) =>
  [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));

describe("the evaluation report in Word", () => {
  let doc: ReportDocument;
  let out: Unzipped;
  let body: ReturnType<typeof bodyElements>;
  beforeAll(async () => {
    doc = zhumadianReport();
    out = await unzip(doc);
    body = bodyElements(out.document);
  });

  it("gives every heading of the model its Heading n style, and the title the Title style", () => {
    const headings = doc.blocks.flatMap((b) => (b.kind === "heading" ? [b] : []));
    expect(headings.length).toBeGreaterThan(8);
    const paragraphs = body.filter((e) => e.kind === "p");
    for (const h of headings) {
      const p = paragraphs.find((e) => textOf(e.xml) === h.text);
      expect(p, h.text).toBeDefined();
      expect(styleOf(p?.xml ?? ""), h.text).toBe(`Heading${h.level}`);
    }
    expect(styleOf(body[0]?.xml ?? "")).toBe("Title");
    expect(textOf(body[0]?.xml ?? "")).toBe(doc.title);
  });

  it("defines Heading 1–4 under Word's names with GB/T 9704's faces, 三号, outline levels, keep-with-next", () => {
    const faces = ["黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312"];
    for (const [i, face] of faces.entries()) {
      const style = styleXml(out.styles, `Heading${i + 1}`);
      expect(style).toContain(`<w:name w:val="heading ${i + 1}"/>`);
      expect(style).toContain(`w:eastAsia="${face}"`);
      expect(style).toContain('<w:sz w:val="32"/>');
      expect(style).toContain(`<w:outlineLvl w:val="${i}"/>`);
      expect(style).toContain("<w:keepNext/>");
      expect(style).toContain("<w:keepLines/>");
      expect(style).toMatch(/<w:spacing [^>]*w:line="560"[^>]*w:lineRule="exact"/);
      expect(style).toContain('w:firstLine="640"');
      // Only 1. headings (level 3) are bold, and none is the default blue.
      expect(style.includes("<w:b/>")).toBe(i === 2);
      expect(style).not.toContain("2E74B5");
    }
    const title = styleXml(out.styles, "Title");
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain("<w:keepNext/>");
    const caption = styleXml(out.styles, "Caption");
    expect(caption).toContain('<w:name w:val="caption"/>');
    expect(caption).toContain('w:eastAsia="仿宋_GB2312"');
    expect(caption).toContain('<w:jc w:val="center"/>');
    expect(caption).not.toContain("<w:i/>");
  });

  it("sets every table's caption right above it, in the Caption style, kept with the table", () => {
    const captioned = doc.blocks.filter((b): b is TableBlock => b.kind === "table" && !!b.caption);
    expect(captioned.length).toBeGreaterThanOrEqual(4);
    const tables = body.flatMap((e, i) => (e.kind === "tbl" ? [i] : []));
    expect(tables).toHaveLength(captioned.length);
    for (const [n, i] of tables.entries()) {
      const before = body[i - 1]?.xml ?? "";
      expect(textOf(before)).toBe(captioned[n]?.caption);
      expect(styleOf(before)).toBe("Caption");
      expect(before).toContain("<w:keepNext/>");
    }
    // A chart keeps its caption under the picture, in the same style.
    const chart = doc.blocks.find((b) => b.kind === "chart");
    const under = body.find(
      (e) => textOf(e.xml) === (chart?.kind === "chart" ? chart.caption : ""),
    );
    expect(styleOf(under?.xml ?? "")).toBe("Caption");
  });

  it("repeats header rows and never splits a row", () => {
    const annex = body.filter((e) => e.kind === "tbl").at(-2)?.xml ?? "";
    const rows = annex.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    // Zhumadian: 2 header rows, 12 indicators, the total.
    expect(rows).toHaveLength(15);
    expect(rows.map((r) => r.includes("<w:tblHeader/>"))).toEqual([
      true,
      true,
      ...Array.from({ length: 13 }, () => false),
    ]);
    expect(rows.every((r) => r.includes("<w:cantSplit/>"))).toBe(true);
  });

  it("puts the annex score table in a landscape section and turns the page back for 附件2", () => {
    const breaks = body.flatMap((e, i) => (e.xml.includes("<w:sectPr") ? [i] : []));
    const finalSect = out.document.slice(out.document.lastIndexOf("<w:sectPr"));
    const sizes = [...breaks.map((i) => body[i]?.xml ?? ""), finalSect].map(
      (x) => x.match(/<w:pgSz [^>]*\/>/)?.[0],
    );
    expect(sizes).toHaveLength(3);
    expect(sizes[0]).toContain('w:w="11906"');
    expect(sizes[0]).toContain('w:orient="portrait"');
    expect(sizes[1]).toContain('w:w="16838"');
    expect(sizes[1]).toContain('w:h="11906"');
    expect(sizes[1]).toContain('w:orient="landscape"');
    expect(sizes[2]).toContain('w:orient="portrait"');
    // 附件1 and its table lie between the first and second section breaks, 附件2 after them.
    const at = (text: string) => body.findIndex((e) => textOf(e.xml) === text);
    const annex1 = at("附件1");
    const annex2 = at("附件2");
    // The annex label, then its title as the table's caption (GB/T 9704), then the table.
    expect(textOf(body[annex1 + 1]?.xml ?? "")).toBe("绩效评价指标评分表");
    expect(annex1).toBeGreaterThan(breaks[0] ?? Infinity);
    expect(body[annex1 + 2]?.kind).toBe("tbl");
    expect(annex1 + 2).toBeLessThanOrEqual(breaks[1] ?? -1);
    expect(annex2).toBeGreaterThan(breaks[1] ?? Infinity);
    // Each section starts on a new page and has the same footer.
    expect(out.document).not.toContain('<w:type w:val="continuous"/>');
    expect(out.footers).toHaveLength(3);
  });

  it("makes the annex's 分值 and 得分 columns wide enough for 100 and 98.1 at 五号", () => {
    const tables = body.filter((e) => e.kind === "tbl");
    const annex = doc.blocks.filter((b): b is TableBlock => b.kind === "table").at(-2);
    if (!annex) throw new Error("no annex table");
    const cols = gridCols(tables.at(-2)?.xml ?? "");
    // Laid out for the landscape text width: 297 − 28 − 26 mm = 13776 twips.
    expect(textWidth("landscape")).toBe(13776);
    expect(cols).toEqual(columnWidths(annex, 13776));
    expect(cols.reduce((s, w) => s + w, 0)).toBe(13776);
    const titles = annex.columns.map((c) => c.title);
    expect(titles).toEqual([
      "一级指标",
      "分值",
      "二级指标",
      "分值",
      "评分标准",
      "得分",
      "评分理由",
    ]);
    for (const i of [1, 3]) expect(cols[i]).toBeGreaterThanOrEqual(tokenWidth("100"));
    expect(cols[5]).toBeGreaterThanOrEqual(tokenWidth("98.1"));
    // The 评价结论 table on the portrait page: 210 − 28 − 26 mm = 8844 twips.
    const blocks = doc.blocks.filter((b): b is TableBlock => b.kind === "table");
    const conclusion = blocks.findIndex((b) => b.name === "评价结论");
    const conclusionCols = gridCols(tables[conclusion]?.xml ?? "");
    expect(conclusionCols).toEqual(columnWidths(blocks[conclusion] as TableBlock, 8844));
    expect(conclusionCols[1]).toBeGreaterThanOrEqual(tokenWidth("100"));
  });

  it("declares the Chinese faces with their fallbacks, GB2312 charset and family in the font table", () => {
    const font = (name: string) =>
      out.fonts.match(new RegExp(`<w:font w:name="${name}">[\\s\\S]*?</w:font>`))?.[0] ?? "";
    const expected = [
      ["仿宋_GB2312", "仿宋", "roman"],
      ["仿宋", "FangSong", "roman"],
      ["FangSong", "STFangsong", "roman"],
      ["方正小标宋简体", "小标宋", "roman"],
      ["小标宋", "SimSun", "roman"],
      ["黑体", "SimHei", "swiss"],
      ["楷体_GB2312", "楷体", "roman"],
      ["楷体", "KaiTi", "roman"],
      ["KaiTi", "STKaiti", "roman"],
    ] as const;
    for (const [name, alt, family] of expected) {
      const entry = font(name);
      expect(entry, name).toContain(`<w:altName w:val="${alt}"/>`);
      expect(entry, name).toContain('<w:charset w:val="86"/>');
      expect(entry, name).toContain(`<w:family w:val="${family}"/>`);
      expect(entry, name).toContain("<w:pitch ");
    }
    expect(font("SimSun")).toContain('<w:panose1 w:val="02010600030101010101"/>');
    expect(font("Times New Roman")).toContain('<w:family w:val="roman"/>');
  });

  it("marks East Asian text zh-CN and Latin en-US in the document defaults", () => {
    const defaults = out.styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)?.[0] ?? "";
    expect(defaults).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
  });

  it("numbers the pages — 1 — in 四号 (28 half-points) in every section's footer", () => {
    for (const footer of out.footers) {
      expect(footer).toContain("PAGE");
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(textOf(footer)).toBe("—  —");
    }
  });
});

describe("the other reports in Word", () => {
  it("captions the monitoring summary's and task report's tables above them", async () => {
    const summary = monitoringSummaryDocument(dashboard);
    const task = taskReportDocument({
      taskName: "老旧小区改造资金绩效评价",
      year: 2024,
      region: "某省",
      typeZh: "重点评价",
      frameworkName: "某指标体系",
      deadline: null,
      groups: [{ code: "A", name: "决策", points: "20" }],
      indicators: [],
      sheets: [
        {
          rank: 1,
          region: "甲市",
          status: "approved",
          total: "91.5",
          grade: "优",
          groups: { A: "18" },
          lost: {},
        },
      ],
      rollUp: null,
    });
    for (const doc of [summary, task]) {
      const captions = doc.blocks.flatMap((b) =>
        b.kind === "table" && b.caption ? [b.caption] : [],
      );
      expect(captions.length, doc.title).toBeGreaterThan(0);
      const body = bodyElements((await unzip(doc)).document);
      const above = body.flatMap((e, i) =>
        e.kind === "tbl" ? [textOf(body[i - 1]?.xml ?? "")] : [],
      );
      expect(above.filter((t) => captions.includes(t))).toEqual(captions);
    }
  });

  it("lays a score table document out on landscape pages from its first section", async () => {
    const framework = readFrameworkFile(`${FRAMEWORKS_DIR}hangzhou-2020/framework.yaml`);
    const doc = scoreTableDocument(framework, scoreBuiltin("hangzhou-2020"), { unit: "杭州市" });
    const xml = (await unzip(doc)).document;
    expect(xml.match(/<w:pgSz [^>]*\/>/g)).toEqual([
      expect.stringMatching(/w:w="16838"[^>]*w:orient="landscape"/),
    ]);
    const table = doc.blocks.find((b): b is TableBlock => b.kind === "table") as TableBlock;
    const cols = gridCols(bodyElements(xml).find((e) => e.kind === "tbl")?.xml ?? "");
    expect(cols).toEqual(columnWidths(table, 13776));
    // Hangzhou's three 分值 columns and 得分 (90.7 in the total row).
    for (const i of [1, 3, 5]) expect(cols[i]).toBeGreaterThanOrEqual(tokenWidth("100"));
    expect(cols[7]).toBeGreaterThanOrEqual(tokenWidth("90.7"));
  });

  it("turns the first section when the model opens with a section mark, and drops an empty last one", () => {
    const para = { kind: "paragraph", text: "正文" } as const;
    const sections = sectionsOf({
      title: "t",
      orientation: "portrait",
      blocks: [
        { kind: "section", orientation: "landscape" },
        para,
        { kind: "section", orientation: "portrait" },
        { kind: "section", orientation: "landscape" },
        para,
        { kind: "section", orientation: "portrait" },
      ],
    });
    expect(sections).toEqual([
      { orientation: "landscape", blocks: [para] },
      { orientation: "landscape", blocks: [para] },
    ]);
  });
});
