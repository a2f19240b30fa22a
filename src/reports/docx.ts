/**
 * The report model as a Word document, after GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm,
 * title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 with a two-character first-line indent,
 * headings 一、（黑体）（一）（楷体）, tables in 仿宋 五号, page numbers "— 1 —" at the foot.
 * Word and WPS substitute a font they lack (Noto Serif CJK SC / 宋体 on most machines).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  ImageRun,
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

/** Fonts named as Chinese official documents name them. */
export const FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  latin: "Times New Roman",
} as const;

const MM = 56.6929; // twips per millimetre
const PT = 2; // half-points per point
const SIZE = { title: 22 * PT, body: 16 * PT, table: 10.5 * PT, caption: 12 * PT } as const;
/** A chart is shown 15 cm wide (docx sizes images in pixels at 96 dpi), drawn at twice that. */
const CHART_WIDTH_PX = Math.round((150 / 25.4) * 96);

const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin });

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

function textRuns(text: string, options: { size: number; font: string; bold?: boolean }) {
  return text.split("\n").map(
    (line, i) =>
      new TextRun({
        text: line,
        size: options.size,
        font: font(options.font),
        bold: options.bold ?? false,
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
}

function paragraphOf(block: Exclude<Block, TableBlock | ChartBlock>): Paragraph {
  if (block.kind === "heading") {
    const face =
      block.level === 1 ? FONTS.heading1 : block.level === 2 ? FONTS.heading2 : FONTS.body;
    return new Paragraph({
      children: textRuns(block.text, { size: SIZE.body, font: face, bold: block.level >= 3 }),
      indent: { firstLine: 2 * SIZE.body * 10 },
      spacing: { line: 560, lineRule: "exact" },
    });
  }
  return new Paragraph({
    alignment: ALIGN[block.align ?? "left"],
    children: textRuns(block.text, { size: SIZE.body, font: FONTS.body }),
    ...(block.indent ? { indent: { firstLine: 2 * SIZE.body * 10 } } : {}),
    spacing: { line: 560, lineRule: "exact" },
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

/** Table text takes its font and size from one paragraph style: runs carry no properties. */
const TABLE_STYLE = "JixiaoTableText";

function cellOf(cell: ModelCell, width: number): TableCell {
  const runs = cell.text.split("\n").map(
    (line, i) =>
      new TextRun({
        text: line,
        ...(cell.bold ? { bold: true } : {}),
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
  return new TableCell({
    children: [
      new Paragraph({ style: TABLE_STYLE, alignment: ALIGN[cell.align ?? "left"], children: runs }),
    ],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
  });
}

function tableOf(block: TableBlock, pageWidth: number): Table {
  const sum = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / sum) * pageWidth));
  // A spanning cell is as wide as the columns it covers, counted from where it starts.
  const rowOf = (cells: readonly ModelCell[], header: boolean) => {
    let col = 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      height: { value: 400, rule: HeightRule.ATLEAST },
      children: cells.map((cell) => {
        const span = cell.colSpan ?? 1;
        const width = widths.slice(col, col + span).reduce((s, w) => s + w, 0);
        col += span;
        return cellOf(cell, width);
      }),
    });
  };
  return new Table({
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
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      ...block.header.map((cells) => rowOf(cells, true)),
      ...block.rows.map((cells) => rowOf(cells, false)),
    ],
  });
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
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: textRuns(block.caption, { size: SIZE.caption, font: FONTS.body }),
    }),
  ];
}

async function blockOf(block: Block, pageWidth: number): Promise<(Paragraph | Table)[]> {
  if (block.kind === "table") return [tableOf(block, pageWidth)];
  if (block.kind === "chart") return chartOf(block);
  return [paragraphOf(block)];
}

/** Renders the document; the bytes are a .docx that Word and WPS open. */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const landscape = doc.orientation === "landscape";
  // A4 is 210 × 297 mm; the margins are GB/T 9704's (top 37, bottom 35, left 28, right 26).
  const pageWidth = Math.round(((landscape ? 297 : 210) - 28 - 26) * MM);
  const body: (Paragraph | Table)[] = [];
  for (const block of doc.blocks) body.push(...(await blockOf(block, pageWidth)));
  const document = new Document({
    creator: "Jixiao 绩效",
    title: doc.title,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZE.body } },
      },
      paragraphStyles: [
        {
          id: TABLE_STYLE,
          name: "Jixiao Table Text",
          basedOn: "Normal",
          run: { font: font(FONTS.body), size: SIZE.table },
          paragraph: { spacing: { line: 300 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: Math.round(210 * MM),
              height: Math.round(297 * MM),
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ["— ", PageNumber.CURRENT, " —"],
                    size: 14 * PT,
                    font: font(FONTS.latin),
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: textRuns(doc.title, { size: SIZE.title, font: FONTS.title }),
          }),
          ...body,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
