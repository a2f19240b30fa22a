/**
 * The report model as a Word document, after GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm,
 * title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 with a two-character first-line indent,
 * headings 一、（黑体）（一）（楷体）as Word's Heading 1–4, tables in 仿宋 五号 under their caption,
 * page numbers "— 1 —" in 四号 at the foot, and a new section wherever the model turns the page.
 * The font table names each Chinese face's fallbacks for machines without it (see docx-fonts.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  ImageRun,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type {
  Block,
  ChartBlock,
  TableCell as ModelCell,
  ReportDocument,
  TableBlock,
} from "../domain/reports/index.ts";
import { CHART_SIZE, chartPng } from "./chart.ts";
import {
  CELL_MARGIN,
  columnWidths,
  MARGIN,
  MM,
  pageTextWidth as textWidth,
} from "./column-widths.ts";
import { FONTS, fontTableXml } from "./docx-fonts.ts";
import { font, INDENT, LINE, SIZE, STYLE, STYLES } from "./docx-styles.ts";

type Orientation = ReportDocument["orientation"];

/** A chart is shown 15 cm wide (docx sizes images in pixels at 96 dpi), drawn at twice that. */
const CHART_WIDTH_PX = Math.round((150 / 25.4) * 96);

export { textWidth };

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

/** Lines of text as runs; a run carries properties only where its paragraph's style lacks them. */
function runs(text: string, props: { size?: number; font?: string; bold?: boolean } = {}) {
  return text.split("\n").map(
    (line, i) =>
      new TextRun({
        text: line,
        ...(props.size ? { size: props.size } : {}),
        ...(props.font ? { font: font(props.font) } : {}),
        ...(props.bold ? { bold: true } : {}),
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
}

type FlowBlock = Exclude<Block, { kind: "section" }>;

function paragraphOf(block: Extract<Block, { kind: "heading" | "paragraph" }>): Paragraph {
  if (block.kind === "heading") {
    return new Paragraph({
      style: STYLE.heading[block.level - 1],
      // GB/T 9704 sets the 附件 label flush left, not indented as the body.
      ...(block.annex ? { indent: { firstLine: 0 } } : {}),
      children: runs(block.text),
    });
  }
  return new Paragraph({
    alignment: ALIGN[block.align ?? "left"],
    children: runs(block.text, { size: SIZE.body, font: FONTS.body }),
    ...(block.indent ? { indent: INDENT } : {}),
    spacing: LINE,
  });
}

/** Centred by the style too; said again on the paragraph, where readers of the XML look for it. */
const CAPTION = { style: STYLE.caption, alignment: AlignmentType.CENTER } as const;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

function cellOf(cell: ModelCell, width: number): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        style: STYLE.table,
        alignment: ALIGN[cell.align ?? "left"],
        children: runs(cell.text, { bold: cell.bold ?? false }),
      }),
    ],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
  });
}

/** The caption above the table, kept with it; then the table, its header rows repeated on each page. */
function tableOf(block: TableBlock, width: number): (Paragraph | Table)[] {
  const widths = columnWidths(block, width);
  // A spanning cell is as wide as the columns it covers, counted from where it starts.
  const rowOf = (cells: readonly ModelCell[], header: boolean) => {
    let col = 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      height: { value: 400, rule: HeightRule.ATLEAST },
      children: cells.map((cell) => {
        const span = cell.colSpan ?? 1;
        const w = widths.slice(col, col + span).reduce((s, x) => s + x, 0);
        col += span;
        return cellOf(cell, w);
      }),
    });
  };
  const table = new Table({
    layout: TableLayoutType.FIXED,
    // Borders and cell margins once for the table, not per cell: a province table has 15,000 cells.
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      ...block.header.map((cells) => rowOf(cells, true)),
      ...block.rows.map((cells) => rowOf(cells, false)),
    ],
  });
  if (!block.caption) return [table];
  return [new Paragraph({ ...CAPTION, keepNext: true, children: runs(block.caption) }), table];
}

/** The chart as a PNG in its own centred paragraph, kept with its caption under it. */
async function chartOf(block: ChartBlock): Promise<Paragraph[]> {
  const png = await chartPng(block, { ...CHART_SIZE, scale: 2 });
  const height = Math.round((CHART_WIDTH_PX * CHART_SIZE.height) / CHART_SIZE.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: { width: CHART_WIDTH_PX, height },
          altText: { name: block.name, title: block.caption, description: block.caption },
        }),
      ],
    }),
    new Paragraph({ ...CAPTION, children: runs(block.caption) }),
  ];
}

async function blockOf(block: FlowBlock, width: number): Promise<(Paragraph | Table)[]> {
  if (block.kind === "table") return tableOf(block, width);
  if (block.kind === "chart") return chartOf(block);
  return [paragraphOf(block)];
}

interface Section {
  orientation: Orientation;
  blocks: FlowBlock[];
}

/**
 * The blocks cut where the model turns the page. A section mark with nothing before it changes the
 * orientation of the section it would close instead of leaving a page with only the title on it.
 */
export function sectionsOf(doc: ReportDocument): Section[] {
  const sections: Section[] = [{ orientation: doc.orientation, blocks: [] }];
  for (const block of doc.blocks) {
    const last = sections[sections.length - 1] as Section;
    if (block.kind !== "section") last.blocks.push(block);
    else if (last.blocks.length === 0) last.orientation = block.orientation;
    else sections.push({ orientation: block.orientation, blocks: [] });
  }
  const last = sections[sections.length - 1];
  if (sections.length > 1 && last?.blocks.length === 0) sections.pop();
  return sections;
}

/** "— 1 —" in 四号 (14 pt), the same in every section, numbered on across them. */
const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            size: 28,
            font: font(FONTS.latin),
          }),
        ],
      }),
    ],
  });

function sectionProperties(orientation: Orientation): ISectionOptions["properties"] {
  return {
    page: {
      // docx turns the page itself: w:w and w:h are swapped for landscape.
      size: {
        width: Math.round(210 * MM),
        height: Math.round(297 * MM),
        orientation:
          orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: {
        top: Math.round(MARGIN.top * MM),
        bottom: Math.round(MARGIN.bottom * MM),
        left: Math.round(MARGIN.left * MM),
        right: Math.round(MARGIN.right * MM),
      },
    },
  };
}

/** Renders the document; the bytes are a .docx that Word and WPS open. */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const sections: ISectionOptions[] = [];
  for (const [i, section] of sectionsOf(doc).entries()) {
    const width = textWidth(section.orientation);
    const children: (Paragraph | Table)[] =
      i === 0 ? [new Paragraph({ style: STYLE.title, children: runs(doc.title) })] : [];
    for (const block of section.blocks) children.push(...(await blockOf(block, width)));
    sections.push({
      properties: sectionProperties(section.orientation),
      footers: { default: pageFooter() },
      children,
    });
  }
  const document = new Document({
    creator: "Jixiao 绩效",
    title: doc.title,
    styles: STYLES,
    sections,
  });
  const fontTable = { path: "word/fontTable.xml", data: fontTableXml() };
  return new Uint8Array(await Packer.toBuffer(document, undefined, [fontTable]));
}
