/**
 * The report model as a self-contained HTML page (print styles included): the web preview and the
 * source of the PDF. Fonts: the official faces when the machine has them, otherwise TrueType faces
 * from Debian (AR PL UMing 明体 for 仿宋/小标宋, AR PL UKai for 楷体, WenQuanYi Zen Hei for 黑体; Liberation
 * Serif, metric-compatible with Times New Roman, for Latin and digits). Chromium embeds TrueType
 * faces as CID TrueType fonts; CFF-outlined faces such as Noto CJK it can only draw as Type 3
 * glyph procedures (poor printing, refused by archive tools), so Noto comes last, for glyphs the
 * others lack.
 */
import type {
  Block,
  ChartBlock,
  ReportDocument,
  SectionBlock,
  TableBlock,
  TableCell,
} from "../domain/reports/index.ts";
import { CHART_SIZE, chartSvg } from "./chart.ts";
import { columnWidths, pageTextWidth } from "./column-widths.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c).replace(/\n/g, "<br>");
}

function cellHtml(tag: "td" | "th", cell: TableCell): string {
  const attrs = [
    cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : "",
    cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : "",
    cell.align || cell.edited
      ? ` class="${[cell.align ?? "", cell.edited ? "edited" : ""].filter(Boolean).join(" ")}"`
      : "",
  ].join("");
  const text = cell.bold && tag === "td" ? `<b>${htmlText(cell.text)}</b>` : htmlText(cell.text);
  return `<${tag}${attrs}>${text}</${tag}>`;
}

/** The table with the Word document's column widths (as shares of the text width). */
function tableHtml(block: TableBlock, orientation: ReportDocument["orientation"]): string {
  const width = pageTextWidth(orientation);
  const cols = columnWidths(block, width)
    .map((w) => `<col style="width:${((w / width) * 100).toFixed(2)}%">`)
    .join("");
  const head = block.header.map((r) => `<tr>${r.map((c) => cellHtml("th", c)).join("")}</tr>`);
  const body = block.rows.map((r) => `<tr>${r.map((c) => cellHtml("td", c)).join("")}</tr>`);
  // The caption is a paragraph kept with the table (a <caption> would be kept with the whole table,
  // pushing a long table and its heading to the next page and leaving one holding only the title).
  const caption = block.caption ? `<p class="caption">${htmlText(block.caption)}</p>` : "";
  // A short table stays on one page; a long one (many rows, or rows of long text such as the score
  // table's 评分理由) breaks between rows, its header repeated — kept whole it would be pushed to
  // the next page, leaving the title alone on the first.
  const longest = Math.max(0, ...block.rows.flat().map((c) => c.text.length));
  const keep = block.rows.length <= 15 && longest <= 40;
  // Rows are not split across pages — except in a table with cells spanning rows, where Chromium
  // would then move the whole spanned group (the score table's 资金管理 and its three rows) on.
  const spans = block.rows.some((r) => r.some((c) => (c.rowSpan ?? 1) > 1));
  const classes = [keep ? "keep" : "", spans ? "" : "whole-rows"].filter(Boolean).join(" ");
  const attrs = classes ? ` class="${classes}"` : "";
  return `${caption}<table${attrs}><colgroup>${cols}</colgroup><thead>${head.join("")}</thead><tbody>${body.join("")}</tbody></table>`;
}

/** The chart as inline SVG (vector in the PDF too), its caption under it. */
function chartHtml(block: ChartBlock): string {
  const svg = chartSvg(block, CHART_SIZE);
  return `<figure class="chart">${svg}<figcaption>${htmlText(block.caption)}</figcaption></figure>`;
}

function blockHtml(
  block: Exclude<Block, SectionBlock>,
  orientation: ReportDocument["orientation"],
): string {
  if (block.kind === "table") return tableHtml(block, orientation);
  if (block.kind === "chart") return chartHtml(block);
  if (block.kind === "heading") {
    const annex = block.annex ? ' class="annex"' : "";
    return `<h${block.level + 1}${annex}>${htmlText(block.text)}</h${block.level + 1}>`;
  }
  const classes = [block.indent ? "indent" : "", block.align ?? "", block.edited ? "edited" : ""]
    .filter(Boolean)
    .join(" ");
  return `<p${classes ? ` class="${classes}"` : ""}>${htmlText(block.text)}</p>`;
}

const LATIN = '"Times New Roman", "Liberation Serif"';
const NOTO_SERIF = '"Noto Serif CJK SC", "Noto Serif SC", serif';
export const FONT_STACKS = {
  body: `${LATIN}, "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "AR PL UMing CN", ${NOTO_SERIF}`,
  title: `${LATIN}, "方正小标宋简体", "小标宋", "SimSun", "AR PL UMing CN", ${NOTO_SERIF}`,
  heading1: `${LATIN}, "黑体", "SimHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif`,
  heading2: `${LATIN}, "楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", ${NOTO_SERIF}`,
  /**
   * Bold text (table headers, totals, captions, 1. headings) in 黑体 at normal weight, as Chinese print
   * sets emphasis: the serif faces have no bold, and a synthesised bold is drawn as Type 3 glyphs.
   */
  bold: '"黑体", "SimHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif',
} as const;

/**
 * The blocks in runs of one orientation: a SectionBlock starts a new run on a new page. Runs in
 * landscape print on the named page `landscape` (Chromium turns those pages in the PDF).
 */
function sectionsOf(doc: ReportDocument) {
  const runs: {
    orientation: ReportDocument["orientation"];
    blocks: Exclude<Block, SectionBlock>[];
  }[] = [{ orientation: doc.orientation, blocks: [] }];
  for (const block of doc.blocks) {
    if (block.kind === "section") runs.push({ orientation: block.orientation, blocks: [] });
    else runs.at(-1)?.blocks.push(block);
  }
  return runs.filter((run, i) => i === 0 || run.blocks.length > 0);
}

/** A complete HTML page for the document. */
export function renderHtml(doc: ReportDocument): string {
  const page = doc.orientation === "landscape" ? "A4 landscape" : "A4";
  // The first run prints on the document's own page (a named page there would put a page break
  // between the title and the text); the title opens it.
  const sections = sectionsOf(doc)
    .map((run, i) => {
      const open = i === 0 ? "<section>" : `<section class="${run.orientation} break">`;
      const title = i === 0 ? `<h1>${htmlText(doc.title)}</h1>\n` : "";
      const body = run.blocks.map((b) => blockHtml(b, run.orientation)).join("\n");
      return `${open}\n${title}${body}\n</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${htmlText(doc.title)}</title>
<style>
@page { size: ${page}; margin: 37mm 26mm 35mm 28mm; }
@page portrait { size: A4 portrait; }
@page landscape { size: A4 landscape; }
section.portrait { page: portrait; }
section.landscape { page: landscape; }
section.break { break-before: page; }
body { font-family: ${FONT_STACKS.body}; font-size: 16pt; line-height: 1.75; color: #000; margin: 0; font-synthesis: none; }
th, b, p.caption, h4 { font-family: ${FONT_STACKS.bold}; font-weight: normal; }
h1 { font-family: ${FONT_STACKS.title}; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 12pt; break-after: avoid; }
h2 { font-family: ${FONT_STACKS.heading1}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; }
h3 { font-family: ${FONT_STACKS.heading2}; font-weight: normal; }
h3, h4, h5 { font-size: 16pt; margin: 0; text-indent: 2em; break-after: avoid; }
h5 { font-weight: normal; }
h2.annex { text-indent: 0; }
p.caption { font-size: 12pt; line-height: 1.4; text-align: center; margin: 8pt 0 0; break-after: avoid; }
p { margin: 0; }
p.indent { text-indent: 2em; }
p.center { text-align: center; }
p.right { text-align: right; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 10.5pt; line-height: 1.4; margin: 4pt 0 8pt; }
table.whole-rows tr { break-inside: avoid; }
thead { display: table-header-group; }
table.keep { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: middle; overflow-wrap: anywhere; }
th { text-align: center; }
figure.chart { margin: 8pt 0; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 12pt; line-height: 1.4; text-align: center; padding-top: 4pt; }
.center { text-align: center; } .right { text-align: right; } .left { text-align: left; }
/* A user's rewrite is marked in the preview only, never in the printed report. */
@media screen { .edited { background: #fff7d6; outline: 1px dashed #d4a017; } }
</style></head>
<body>
${sections}
</body></html>`;
}
