/** How much an uploaded file may hold before it is refused unread: the settings and their defaults. */
import { DomainError } from "./errors.ts";

export interface UploadLimits {
  /** The bytes all entries of an .xlsx (a zip) inflate to, counted while inflating. */
  maxExpandedBytes: number;
  /** Entries (files) inside one .xlsx. */
  maxEntries: number;
  /** `<row>` elements over all worksheets of one .xlsx. */
  maxRows: number;
  /** `<c>` elements over all worksheets (and shared strings) of one .xlsx. */
  maxCells: number;
  /** A framework (YAML/JSON) or allocation model (JSON) file. */
  maxTextBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  maxExpandedBytes: 200 * MB,
  maxEntries: 10_000,
  maxRows: 200_000,
  maxCells: 5_000_000,
  maxTextBytes: 10 * MB,
});

/** The environment variable that sets each limit (named in the refusal, so an operator finds it). */
export const UPLOAD_LIMIT_SETTINGS: Readonly<Record<keyof UploadLimits, string>> = Object.freeze({
  maxExpandedBytes: "JIXIAO_UPLOAD_MAX_EXPANDED_MB",
  maxEntries: "JIXIAO_UPLOAD_MAX_ENTRIES",
  maxRows: "JIXIAO_IMPORT_MAX_ROWS",
  maxCells: "JIXIAO_IMPORT_MAX_CELLS",
  maxTextBytes: "JIXIAO_UPLOAD_MAX_TEXT_MB",
});

/** YAML aliases a framework file may expand (the `yaml` package's maxAliasCount). */
export const MAX_YAML_ALIASES = 1000;

/** Nesting levels a framework file may have (real ones have about 10). */
export const MAX_TEXT_DEPTH = 100;

/** A refused file lists this many problems at most; the total is always given. */
export const MAX_LISTED_PROBLEMS = 1000;

/** 200 MB, 1.5 MB: how a byte limit is written in a message. */
export function bytesInWords(bytes: number): string {
  const mb = bytes / MB;
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** 200000 → "200,000". */
export function countInWords(n: number): string {
  return n.toLocaleString("en-US");
}

/** What a refused file was too large in. */
export type LimitMeasure = "expanded" | "entries" | "rows" | "cells" | "text";

interface MeasureWords {
  zh: string;
  en: string;
  setting: keyof UploadLimits;
  /** The limit in words: 200 MB, 200,000 行 / 200,000 rows. */
  limitZh: (n: number) => string;
  limitEn: (n: number) => string;
}

const MEASURES: Record<LimitMeasure, MeasureWords> = {
  expanded: {
    zh: "解压后",
    en: "its unzipped size",
    setting: "maxExpandedBytes",
    limitZh: bytesInWords,
    limitEn: bytesInWords,
  },
  entries: {
    zh: "压缩包内的文件数",
    en: "the number of parts in the zip",
    setting: "maxEntries",
    limitZh: (n) => `${countInWords(n)} 个`,
    limitEn: (n) => `${countInWords(n)} parts`,
  },
  rows: {
    zh: "工作表的行数",
    en: "the number of worksheet rows",
    setting: "maxRows",
    limitZh: (n) => `${countInWords(n)} 行`,
    limitEn: (n) => `${countInWords(n)} rows`,
  },
  cells: {
    zh: "工作表的单元格数",
    en: "the number of worksheet cells",
    setting: "maxCells",
    limitZh: (n) => `${countInWords(n)} 个`,
    limitEn: (n) => `${countInWords(n)} cells`,
  },
  text: {
    zh: "的大小",
    en: "its size",
    setting: "maxTextBytes",
    limitZh: bytesInWords,
    limitEn: bytesInWords,
  },
};

/** `file.too_large` naming the file, what was too large, the limit and the setting that raises it. */
export function fileTooLarge(
  fileName: string,
  measure: LimitMeasure,
  limits: UploadLimits,
): DomainError {
  const what = MEASURES[measure];
  const limit = limits[what.setting];
  const setting = UPLOAD_LIMIT_SETTINGS[what.setting];
  return new DomainError(
    "file.too_large",
    {
      file: fileName,
      what_zh: what.zh,
      what_en: what.en,
      limit_zh: what.limitZh(limit),
      limit_en: what.limitEn(limit),
      setting,
    },
    { file: fileName, measure, limit, setting },
  );
}
