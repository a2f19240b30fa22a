/** The shapes of Jixiao's data sets: column specs, sheet grids, parsed rows, import issues, diffs. */

/** Measurement families whose unit a header or cell may declare; values are stored in the base unit. */
export type UnitFamily = "money" | "area" | "points";

/** What a column holds and how a cell of it is read. */
export type ColumnKind =
  | { type: "text"; maxLength: number }
  /** A whole number ≥ min (counts: households, buildings, questionnaires). */
  | { type: "integer"; min: number }
  /** A year such as 1998 (year built). */
  | { type: "year" }
  /**
   * A decimal measured in a unit family. Stored in the family's base unit (元, m²) with
   * `scale` decimals; `defaultUnit` is the unit templates, exports and the web table use.
   */
  | { type: "quantity"; family: UnitFamily; defaultUnit: string; scale: number; min?: string }
  /** A published percentage, stored as the percent number ("19.21%" → "19.21"), 4 decimals. */
  | { type: "percent" }
  /** A calendar date, stored as YYYY-MM-DD. */
  | { type: "date" }
  /** One of a closed list (or several, joined by 、 when `multi`). */
  | { type: "enum"; values: readonly EnumValue[]; multi?: boolean }
  /** A region inside the import's region, by code or by name. */
  | { type: "region" }
  /** A programme (项目) of the same year, by name, owned by the row's region or one above it. */
  | { type: "programme" };

export interface EnumValue {
  code: string;
  zh: string;
  en: string;
  /** Other spellings seen in real files, accepted on import. */
  aliases?: readonly string[];
}

export interface ColumnSpec {
  /** camelCase key: the API field and the key of ParsedRow.values. */
  key: string;
  /** snake_case database column. */
  db: string;
  /** Header names: the first is written to templates, all are accepted on import (unit excluded). */
  zh: readonly string[];
  en: string;
  kind: ColumnKind;
  required: boolean;
  /** The notes row of the template (填写说明). */
  note: string;
  /** The value shown in the template's example row, as a user would type it. */
  example: string;
}

export interface DatasetSpec {
  /** kebab-case name used by the CLI and the API: "communities". */
  name: string;
  /** The database table. */
  table: string;
  zh: string;
  en: string;
  /** What the data set is, one sentence for the template's title row and the web page. */
  description: string;
  /** The same in English (the web page in English). */
  descriptionEn: string;
  /** The sheet name of templates and exports. */
  sheet: string;
  /** The region column comes first; programme next when the data set has one. */
  columns: readonly ColumnSpec[];
  /** Column keys that, with the year, identify a row (the region column is always one of them). */
  naturalKey: readonly string[];
}

/** A cell as the xlsx reader hands it over: text, a number, a date, or nothing. */
export type Cell = string | number | boolean | Date | null;

/** One worksheet after reading: merged ranges already filled with their top-left value. */
export interface SheetGrid {
  name: string;
  /** rows[i] is sheet row i + 1; rows[i][j] is column j + 1. */
  rows: Cell[][];
  /** Formula cells the file holds without a computed result (1-based), reported as errors. */
  formulasWithoutResult?: { row: number; column: number }[];
}

/** A region the importer may write to: the import's region and those below it. */
export interface RegionRef {
  code: string;
  name: string;
  path: string;
  level: "nation" | "province" | "city" | "county";
}

/** A programme of the import's year that rows may refer to by name. */
export interface ProgrammeRef {
  id: number;
  name: string;
  regionCode: string;
  regionPath: string;
}

/** Everything outside the file that reading it needs, as plain data. */
export interface ParseContext {
  file: string;
  year: number;
  /** Every region Jixiao knows (names resolve against all, so that out-of-scope ones are named). */
  regions: readonly RegionRef[];
  /** The import's region: rows must be in it or below it. */
  scope: RegionRef;
  /** Programmes of the year owned by the import's region, its ancestors, or regions below it. */
  programmes: readonly ProgrammeRef[];
}

/** One problem in a file, located to the cell; messages in both languages. */
export interface ImportIssue {
  sheet: string;
  /** Sheet row number (1-based) or null for a problem with the whole sheet. */
  row: number | null;
  /** Column letter ("C") or null. */
  column: string | null;
  /** The header of the column, as the file writes it. */
  field: string | null;
  /** The cell's text as read. */
  value: string | null;
  code: ImportIssueCode;
  zh: string;
  en: string;
}

export type ImportIssueCode =
  | "sheet.missing"
  | "header.missing"
  | "header.duplicate"
  | "header.unit"
  | "cell.required"
  | "cell.number"
  | "cell.integer"
  | "cell.negative"
  | "cell.precision"
  | "cell.unit"
  | "cell.percent"
  | "cell.date"
  | "cell.year"
  | "cell.enum"
  | "cell.too_long"
  | "cell.invalid_text"
  | "cell.formula"
  | "region.unknown"
  | "region.ambiguous"
  | "region.out_of_scope"
  | "programme.unknown"
  | "target.level_mismatch"
  | "target.not_numeric"
  | "row.duplicate_key"
  | "file.empty";

/**
 * A row read from a file. Values are canonical strings: quantities in the base unit (元, m²) as
 * plain decimals, dates YYYY-MM-DD, enums as codes (multi: codes joined by ","), the programme as
 * its id, integers and years as digits; null when the cell is blank.
 */
export interface ParsedRow {
  /** Sheet row number (1-based). */
  line: number;
  regionCode: string;
  values: Record<string, string | null>;
}

/** A row skipped on purpose (a 合计 row, the notes row, the example row). */
export interface SkippedRow {
  line: number;
  reason: "total" | "notes" | "example";
}

export interface ParseResult {
  rows: ParsedRow[];
  skipped: SkippedRow[];
  /** The first problems (MAX_LISTED_PROBLEMS at most), in sheet order. */
  issues: ImportIssue[];
  /** Every problem found, listed or not. */
  issueCount: number;
}

/** A row already stored, in the same canonical form as ParsedRow. */
export interface StoredRow {
  id: number;
  regionCode: string;
  values: Record<string, string | null>;
}

export interface FieldChange {
  key: string;
  before: string | null;
  after: string | null;
}

export interface RowDiff {
  added: ParsedRow[];
  changed: { row: ParsedRow; id: number; changes: FieldChange[] }[];
  unchanged: ParsedRow[];
}
