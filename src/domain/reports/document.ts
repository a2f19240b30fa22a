/**
 * The report model: a document tree that every renderer (docx, xlsx, pdf through HTML) draws as it
 * is. Every figure in it is already printed text; no renderer computes one.
 */

export interface TableCell {
  text: string;
  /** A number as a decimal string, for spreadsheets (written as a number, shown as `text`). */
  value?: string;
  /** `value` is in percent ("96.40" for 96.40%): the sheet holds 0.964 with the format "0.00%". */
  percent?: true;
  /** A unit printed right after the number ("16户"): the sheet keeps it in the number format. */
  suffix?: string;
  rowSpan?: number;
  colSpan?: number;
  align?: "left" | "center" | "right";
  bold?: boolean;
  /** A narrative cell the user may rewrite (see ParagraphBlock.key). */
  key?: string;
  edited?: boolean;
}

export interface TableColumn {
  title: string;
  /** Relative width (the renderers scale the columns to the page). */
  width: number;
}

export interface TableBlock {
  kind: "table";
  /** The worksheet name in xlsx (at most 31 characters). */
  name: string;
  caption?: string;
  columns: TableColumn[];
  /** Header rows; a cell spanning rows or columns is given once, as in HTML. */
  header: TableCell[][];
  rows: TableCell[][];
}

export interface HeadingBlock {
  kind: "heading";
  /** 1 一、 2 （一） 3 1. 4 （1） — the numbering is part of the text. */
  level: 1 | 2 | 3 | 4;
  text: string;
  /**
   * The 附件 label of an annex ("附件1"), set flush left in 黑体 as GB/T 9704 sets it; the annex's
   * title is the caption of the table after it.
   */
  annex?: true;
}

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
  align?: "left" | "center" | "right";
  /** First-line indent of two characters, as official documents set body text. */
  indent?: boolean;
  /**
   * A narrative sentence the user may rewrite before export: its stable key within the template
   * (e.g. "basic.funds"). Paragraphs without a key are fixed text.
   */
  key?: string;
  /** True when a user changed the generated text. */
  edited?: boolean;
}

export interface ChartSeries {
  name: string;
  type: "bar" | "line";
  /** Decimal strings; null where a category has no value. */
  values: (string | null)[];
  /** The value axis: 0 on the left (the default), 1 on the right. */
  axis?: 0 | 1;
}

/** A chart drawn by the renderers (an image in docx and xlsx, inline SVG in HTML and PDF). */
export interface ChartBlock {
  kind: "chart";
  /** The worksheet name of its data in xlsx (at most 31 characters). */
  name: string;
  /** Caption under the chart: "图1 各地市支出率". */
  caption: string;
  categories: string[];
  series: ChartSeries[];
  /** Unit of each value axis ("%", "万元"). */
  axisUnits: [string] | [string, string];
  /** A horizontal reference line on the left axis, e.g. the time schedule at 100%. */
  reference?: { name: string; value: string };
}

/**
 * A new section from here on, starting on a new page in its own orientation: the 附件1 score table
 * goes on landscape pages within a portrait report, the next annex back on portrait ones.
 */
export interface SectionBlock {
  kind: "section";
  orientation: "portrait" | "landscape";
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | ChartBlock | SectionBlock;

export interface ReportDocument {
  /** Also the file name's stem. */
  title: string;
  /** The orientation of the first section (a SectionBlock changes it for the pages after it). */
  orientation: "portrait" | "landscape";
  blocks: Block[];
}

/** One header row of bold, centred titles. */
export function headerRow(titles: readonly string[]): TableCell[][] {
  return [titles.map((text) => ({ text, align: "center", bold: true }))];
}

/** A table whose one header row is its column titles. */
export function simpleTable(table: {
  name: string;
  caption: string;
  columns: TableColumn[];
  rows: TableCell[][];
}): TableBlock {
  const { name, caption, columns, rows } = table;
  return {
    kind: "table",
    name,
    caption,
    columns,
    header: headerRow(columns.map((column) => column.title)),
    rows,
  };
}

export interface PlacedCell {
  cell: TableCell;
  row: number;
  col: number;
}

/**
 * Where each cell of HTML-like rows lands in the grid (0-based), skipping the places taken by cells
 * spanning from rows above: what xlsx merges and docx vertical merges need.
 */
export function placeCells(rows: readonly (readonly TableCell[])[]): PlacedCell[] {
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  for (const [r, row] of rows.entries()) {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r}:${c}`)) c += 1;
      placed.push({ cell, row: r, col: c });
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let i = 0; i < rs; i += 1) {
        for (let j = 0; j < cs; j += 1) taken.add(`${r + i}:${c + j}`);
      }
      c += cs;
    }
  }
  return placed;
}
