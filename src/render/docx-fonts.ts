/**
 * The faces of a GB/T 9704 document and the font table that names their fallbacks, so Word and WPS
 * substitute a serif (or, for 黑体, a sans) Chinese face on a machine without the Founder/GB2312 ones.
 */

/** Fonts named as Chinese official documents name them. */
export const FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  latin: "Times New Roman",
} as const;

export interface FontEntry {
  name: string;
  /** The next face to try (w:altName): each entry of a chain names the one after it. */
  altName?: string;
  /** PANOSE as Windows' own font tables give it, where known. */
  panose1?: string;
  /** 86 = GB2312, 00 = ANSI. */
  charset: "86" | "00";
  family: "roman" | "swiss";
  pitch: "variable" | "fixed";
}

const chain = (
  names: readonly string[],
  family: FontEntry["family"],
  panose: Readonly<Record<string, string>>,
): FontEntry[] =>
  names.map((name, i) => {
    const next = names[i + 1];
    const p = panose[name];
    return {
      name,
      ...(next ? { altName: next } : {}),
      ...(p ? { panose1: p } : {}),
      charset: "86",
      family,
      pitch: "variable",
    };
  });

// PANOSE of the Windows faces (simfang, simkai, simsun, simhei) and the GB2312 ones as Word records them.
const PANOSE: Readonly<Record<string, string>> = {
  仿宋_GB2312: "02010609030101010101",
  仿宋: "02010609060101010101",
  FangSong: "02010609060101010101",
  STFangsong: "02010600040101010101",
  楷体_GB2312: "02010609030101010101",
  楷体: "02010609060101010101",
  KaiTi: "02010609060101010101",
  STKaiti: "02010600040101010101",
  黑体: "02010609060101010101",
  SimHei: "02010609060101010101",
  SimSun: "02010600030101010101",
};

/** Every face the document names, each Chinese one with its fallbacks in order. */
export const FONT_TABLE: readonly FontEntry[] = [
  ...chain([FONTS.body, "仿宋", "FangSong", "STFangsong"], "roman", PANOSE),
  ...chain([FONTS.title, "小标宋", "SimSun"], "roman", PANOSE),
  ...chain([FONTS.heading1, "SimHei"], "swiss", PANOSE),
  ...chain([FONTS.heading2, "楷体", "KaiTi", "STKaiti"], "roman", PANOSE),
  {
    name: FONTS.latin,
    panose1: "02020603050405020304",
    charset: "00",
    family: "roman",
    pitch: "variable",
  },
];

const attr = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** word/fontTable.xml: docx writes fonts there only to embed them, so the table is written here. */
export function fontTableXml(fonts: readonly FontEntry[] = FONT_TABLE): string {
  // Children in CT_Font's order: altName, panose1, charset, family, pitch.
  const entries = fonts.map(
    (f) =>
      `<w:font w:name="${attr(f.name)}">` +
      (f.altName ? `<w:altName w:val="${attr(f.altName)}"/>` : "") +
      (f.panose1 ? `<w:panose1 w:val="${f.panose1}"/>` : "") +
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/>` +
      `<w:pitch w:val="${f.pitch}"/></w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${entries.join("")}</w:fonts>`
  );
}
