/**
 * The paragraph styles of a GB/T 9704 document under the ids and names Word knows (Title, Heading1–4,
 * Caption), so the navigation pane, a table of contents and "keep with next" work in Word and WPS.
 */
import { AlignmentType, type IStylesOptions } from "docx";
import { FONTS } from "./docx-fonts.ts";

const PT = 2; // half-points per point
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
export const SIZE = { title: 22 * PT, body: 16 * PT, caption: 14 * PT, table: 10.5 * PT } as const;
/** Body and headings on a 28 pt grid, as the 22 lines of a GB/T 9704 page. */
export const LINE = { line: 560, lineRule: "exact" } as const;
/** Two characters of 三号 text, in twips. */
export const INDENT = { firstLine: 2 * SIZE.body * 10 } as const;

export const STYLE = {
  title: "Title",
  heading: ["Heading1", "Heading2", "Heading3", "Heading4"],
  caption: "Caption",
  table: "JixiaoTableText",
} as const;

export const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin });

/** 一、 in 黑体, （一） in 楷体, 1. in bold 仿宋, （1） in 仿宋, all 三号. */
const heading = (level: 0 | 1 | 2 | 3, face: string, bold: boolean) => ({
  // Word's own built-in name, so Word takes the style as its Heading n.
  name: `heading ${level + 1}`,
  run: { font: font(face), size: SIZE.body, bold },
  paragraph: {
    indent: INDENT,
    spacing: { ...LINE, before: 0, after: 0 },
    keepNext: true,
    keepLines: true,
    outlineLevel: level,
  },
});

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: {
        font: font(FONTS.body),
        size: SIZE.body,
        language: { value: "en-US", eastAsia: "zh-CN" },
      },
    },
    title: {
      run: { font: font(FONTS.title), size: SIZE.title },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        keepNext: true,
        keepLines: true,
      },
    },
    heading1: heading(0, FONTS.heading1, false),
    heading2: heading(1, FONTS.heading2, false),
    heading3: heading(2, FONTS.body, true),
    heading4: heading(3, FONTS.body, false),
    caption: {
      run: { font: font(FONTS.body), size: SIZE.caption, bold: true },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 120 },
        keepLines: true,
      },
    },
  },
  paragraphStyles: [
    {
      // Table text takes its font and size from this style: runs carry no properties.
      id: STYLE.table,
      name: "Jixiao Table Text",
      basedOn: "Normal",
      run: { font: font(FONTS.body), size: SIZE.table },
      paragraph: { spacing: { line: 300 } },
    },
  ],
};
