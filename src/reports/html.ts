/**
 * The report model as a self-contained HTML page (print styles included): the web preview and the
 * source of the PDF. Fonts: 仿宋/方正小标宋 when present, Noto Serif/Sans CJK SC otherwise.
 */
import type {
  Block,
  ChartBlock,
  ReportDocument,
  TableBlock,
  TableCell,
} from "../domain/reports/index.ts";
import { CHART_SIZE, chartSvg } from "./chart.ts";

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

function tableHtml(block: TableBlock): string {
  const sum = block.columns.reduce((s, c) => s + c.width, 0);
  const cols = block.columns
    .map((c) => `<col style="width:${((c.width / sum) * 100).toFixed(2)}%">`)
    .join("");
  const head = block.header.map((r) => `<tr>${r.map((c) => cellHtml("th", c)).join("")}</tr>`);
  const body = block.rows.map((r) => `<tr>${r.map((c) => cellHtml("td", c)).join("")}</tr>`);
  const caption = block.caption ? `<caption>${htmlText(block.caption)}</caption>` : "";
  // A short table stays on one page with its caption; a long one breaks between rows.
  const keep = block.rows.length <= 15 ? ' class="keep"' : "";
  return `<table${keep}>${caption}<colgroup>${cols}</colgroup><thead>${head.join("")}</thead><tbody>${body.join("")}</tbody></table>`;
}

/** The chart as inline SVG (vector in the PDF too), its caption under it. */
function chartHtml(block: ChartBlock): string {
  const svg = chartSvg(block, CHART_SIZE);
  return `<figure class="chart">${svg}<figcaption>${htmlText(block.caption)}</figcaption></figure>`;
}

function blockHtml(block: Block): string {
  if (block.kind === "table") return tableHtml(block);
  if (block.kind === "chart") return chartHtml(block);
  if (block.kind === "heading")
    return `<h${block.level + 1}>${htmlText(block.text)}</h${block.level + 1}>`;
  const classes = [block.indent ? "indent" : "", block.align ?? "", block.edited ? "edited" : ""]
    .filter(Boolean)
    .join(" ");
  return `<p${classes ? ` class="${classes}"` : ""}>${htmlText(block.text)}</p>`;
}

const SERIF = '"仿宋_GB2312", "FangSong", "Noto Serif CJK SC", "Noto Serif SC", serif';
const TITLE = '"方正小标宋简体", "Noto Serif CJK SC", "Noto Serif SC", serif';
const SANS = '"黑体", "SimHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

/** A complete HTML page for the document. */
export function renderHtml(doc: ReportDocument): string {
  const page = doc.orientation === "landscape" ? "A4 landscape" : "A4";
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${htmlText(doc.title)}</title>
<style>
@page { size: ${page}; margin: 37mm 26mm 35mm 28mm; }
body { font-family: ${SERIF}; font-size: 16pt; line-height: 1.75; color: #000; margin: 0; }
h1 { font-family: ${TITLE}; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 12pt; }
h2 { font-family: ${SANS}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; }
h3, h4, h5 { font-size: 16pt; margin: 0; text-indent: 2em; }
p { margin: 0; }
p.indent { text-indent: 2em; }
p.center { text-align: center; }
p.right { text-align: right; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 10.5pt; line-height: 1.4; margin: 8pt 0; }
thead { display: table-header-group; }
table.keep { break-inside: avoid; }
caption { font-weight: bold; padding-bottom: 4pt; }
th, td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: middle; word-break: break-all; }
th { font-weight: bold; text-align: center; }
figure.chart { margin: 8pt 0; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 12pt; line-height: 1.4; text-align: center; padding-top: 4pt; }
.center { text-align: center; } .right { text-align: right; } .left { text-align: left; }
/* A user's rewrite is marked in the preview only, never in the printed report. */
@media screen { .edited { background: #fff7d6; outline: 1px dashed #d4a017; } }
</style></head>
<body><h1>${htmlText(doc.title)}</h1>
${doc.blocks.map(blockHtml).join("\n")}
</body></html>`;
}
