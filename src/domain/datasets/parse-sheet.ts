/** Reads a worksheet into data-set rows: finds the header, skips notes and totals, reports every problem. */
import { isUnstorableText, showUnstorable } from "../text.ts";
import { MAX_LISTED_PROBLEMS } from "../upload-limits.ts";
import { cellText, compactText, isBlank, normaliseText, readCell } from "./cells.ts";
import { naturalKeyOf } from "./diff.ts";
import type {
  Cell,
  ColumnSpec,
  DatasetSpec,
  ImportIssue,
  ImportIssueCode,
  ParseContext,
  ParsedRow,
  ParseResult,
  RegionRef,
  SheetGrid,
  SkippedRow,
} from "./types.ts";
import { findUnit, type UnitDef, unitsInWords } from "./units.ts";

/** How far down a file the header row is looked for. */
const HEADER_SCAN_ROWS = 15;
const TOTAL_WORDS = new Set(["合计", "总计", "小计", "合计数"]);
const OWN_LEVEL = new Set(["本级", "省本级", "市本级", "县本级", "区本级", "本级合计"]);

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

interface HeaderCandidate {
  name: string;
  unit: string | null;
}

/** A header cell's possible names: as written, and without a final （…） part (a unit or not). */
function headerCandidates(raw: string): HeaderCandidate[] {
  const t = compactText(raw).replace(/[*＊]/g, "");
  const out: HeaderCandidate[] = [{ name: t, unit: null }];
  const m = /^(.*?)[（(]([^（）()]*)[)）]$/.exec(t);
  if (m?.[1]) {
    const inside = m[2] ?? "";
    const isUnit = findUnit(inside) !== undefined || inside === "%" || inside === "％";
    out.push({ name: m[1], unit: isUnit ? inside : null });
  }
  return out;
}

interface MappedColumn {
  column: ColumnSpec;
  index: number;
  header: string;
  unit: UnitDef | undefined;
}

interface HeaderMatch {
  row: number;
  mapped: MappedColumn[];
  issues: ImportIssue[];
}

function nameIndex(spec: DatasetSpec): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  for (const c of spec.columns) {
    for (const name of c.zh) index.set(compactText(name), c);
    index.set(compactText(c.en).toLowerCase(), c);
  }
  return index;
}

function lookup(index: Map<string, ColumnSpec>, name: string): ColumnSpec | undefined {
  return index.get(name) ?? index.get(name.toLowerCase());
}

/** Parent words that stand for the plan or the actual side of a two-row header. */
function parentPrefixes(parent: string): string[] {
  const p = compactText(parent);
  const out = [p];
  if (p.includes("计划")) out.push("计划");
  if (p.includes("实际") || p.includes("完成")) out.push("实际");
  return out;
}

function textOf(cell: Cell | undefined): string {
  return cell === undefined || cell === null ? "" : (cellText(cell) ?? "");
}

function matchRow(
  grid: SheetGrid,
  r: number,
  index: Map<string, ColumnSpec>,
): { column: ColumnSpec; index: number; header: string; unitText: string | null }[] {
  const row = grid.rows[r] ?? [];
  const parent = r > 0 ? (grid.rows[r - 1] ?? []) : [];
  const found: { column: ColumnSpec; index: number; header: string; unitText: string | null }[] =
    [];
  row.forEach((cell, j) => {
    const raw = textOf(cell);
    if (raw.trim() === "") return;
    const candidates = headerCandidates(raw);
    for (const cand of candidates) {
      const column = lookup(index, cand.name);
      if (column) {
        found.push({ column, index: j, header: raw, unitText: cand.unit });
        return;
      }
    }
    const above = textOf(parent[j]);
    if (above.trim() === "" || above === raw) return;
    for (const prefix of parentPrefixes(above)) {
      for (const cand of candidates) {
        const column = lookup(index, `${prefix}${cand.name}`);
        if (column) {
          found.push({ column, index: j, header: `${above} ${raw}`, unitText: cand.unit });
          return;
        }
      }
    }
  });
  return found;
}

/** Units declared for the whole table in a line such as 「单位：万元」 above the header. */
function declaredUnits(grid: SheetGrid, headerRow: number): Map<string, UnitDef> {
  const units = new Map<string, UnitDef>();
  for (let r = 0; r < headerRow; r += 1) {
    for (const cell of grid.rows[r] ?? []) {
      const m = /单位[:：]\s*([^\s，,；;）)]+)/.exec(textOf(cell).normalize("NFKC"));
      const unit = m?.[1] ? findUnit(m[1]) : undefined;
      if (unit) units.set(unit.family, unit);
    }
  }
  return units;
}

function issue(
  sheet: string,
  row: number | null,
  column: number | null,
  field: string | null,
  value: string | null,
  code: ImportIssueCode,
  zh: string,
  en: string,
): ImportIssue {
  return {
    sheet,
    row,
    column: column === null ? null : columnLetter(column),
    field,
    value,
    code,
    zh,
    en,
  };
}

function findHeader(spec: DatasetSpec, grid: SheetGrid): HeaderMatch | undefined {
  const index = nameIndex(spec);
  let best: ReturnType<typeof matchRow> = [];
  let bestRow = -1;
  const scan = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r += 1) {
    const found = matchRow(grid, r, index);
    const distinct = new Set(found.map((f) => f.column.key)).size;
    if (distinct > new Set(best.map((f) => f.column.key)).size) {
      best = found;
      bestRow = r;
    }
  }
  if (bestRow < 0) return undefined;
  const units = declaredUnits(grid, bestRow);
  const issues: ImportIssue[] = [];
  const mapped: MappedColumn[] = [];
  const seen = new Map<string, MappedColumn>();
  const headerIssue = (
    column: number | null,
    header: string,
    code: ImportIssueCode,
    zh: string,
    en: string,
  ): ImportIssue => issue(grid.name, bestRow + 1, column, header, null, code, zh, en);
  for (const f of best) {
    const first = seen.get(f.column.key);
    if (first) {
      issues.push(
        headerIssue(
          f.index,
          f.header,
          "header.duplicate",
          `「${f.header}」与第 ${columnLetter(first.index)} 列「${first.header}」是同一列，请删去其中一列`,
          `"${f.header}" repeats column ${columnLetter(first.index)} "${first.header}"`,
        ),
      );
      continue;
    }
    let unit: UnitDef | undefined;
    const k = f.column.kind;
    if (k.type === "quantity") {
      unit = f.unitText ? findUnit(f.unitText) : (units.get(k.family) ?? findUnit(k.defaultUnit));
      if (!unit || unit.family !== k.family) {
        issues.push(
          headerIssue(
            f.index,
            f.header,
            "header.unit",
            `「${f.header}」的单位「${f.unitText}」不适用于该列，应为${unitsInWords(k.family)}`,
            `"${f.header}": unit "${f.unitText}" does not fit this column`,
          ),
        );
        continue;
      }
    }
    const m: MappedColumn = { column: f.column, index: f.index, header: f.header, unit };
    seen.set(f.column.key, m);
    mapped.push(m);
  }
  for (const c of spec.columns) {
    if (c.required && !seen.has(c.key) && !issues.some((i) => i.code === "header.unit")) {
      issues.push(
        headerIssue(
          null,
          c.zh[0] ?? c.key,
          "header.missing",
          `缺少必填列「${c.zh[0]}」（表头第 ${bestRow + 1} 行中未找到；可用的列名：${c.zh.join("、")}）`,
          `Missing required column "${c.zh[0]}" (${c.en}) in header row ${bestRow + 1}`,
        ),
      );
    }
  }
  return { row: bestRow, mapped, issues };
}

/** Picks the sheet named as the spec says, else the first whose header matches. */
function chooseSheet(spec: DatasetSpec, sheets: readonly SheetGrid[]) {
  const named = sheets.find((s) => compactText(s.name) === compactText(spec.sheet));
  const order = named ? [named, ...sheets.filter((s) => s !== named)] : sheets;
  for (const grid of order) {
    const header = findHeader(spec, grid);
    if (header?.mapped.some((m) => m.column.required)) return { grid, header };
  }
  return undefined;
}

type RowKind = "data" | "blank" | SkippedRow["reason"];

function rowKind(row: readonly Cell[]): RowKind {
  // Only the first non-blank cells decide; most rows are data, so look no further than needed.
  const texts: string[] = [];
  for (const cell of row) {
    if (isBlank(cell)) continue;
    texts.push(typeof cell === "number" ? "" : compactText(textOf(cell)));
    if (texts.length === 2) break;
  }
  if (texts.length === 0) return "blank";
  const first = texts[0] ?? "";
  if (/^(填写说明|说明|注[:：])/.test(first)) return "notes";
  if (first === "示例" || first === "例") return "example";
  if (texts.some((t) => TOTAL_WORDS.has(t))) return "total";
  return "data";
}

class RegionResolver {
  private readonly byCode = new Map<string, RegionRef>();
  private readonly byName = new Map<string, RegionRef[]>();
  /** A file names the same few regions thousands of times. */
  private readonly memo = new Map<string, ReturnType<RegionResolver["lookup"]>>();

  constructor(
    regions: readonly RegionRef[],
    private readonly scope: RegionRef,
  ) {
    for (const r of regions) {
      this.byCode.set(r.code, r);
      const key = compactText(r.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), r]);
    }
  }

  inScope(r: RegionRef): boolean {
    return r.path.startsWith(this.scope.path);
  }

  /** The region a cell names, or the reason it names none. */
  resolve(text: string): ReturnType<RegionResolver["lookup"]> {
    let found = this.memo.get(text);
    if (!found) {
      found = this.lookup(text);
      this.memo.set(text, found);
    }
    return found;
  }

  private lookup(text: string):
    | { region: RegionRef }
    | {
        code: "region.unknown" | "region.ambiguous" | "region.out_of_scope";
        zh: string;
        en: string;
      } {
    const t = compactText(text);
    if (OWN_LEVEL.has(t)) return { region: this.scope };
    const withCode = /^(.*?)[（(]?(\d{6})[)）]?$/.exec(t);
    let candidates: RegionRef[] = [];
    if (withCode?.[2]) {
      const found = this.byCode.get(withCode[2]);
      candidates = found ? [found] : [];
    } else {
      candidates = this.byName.get(t) ?? [];
    }
    if (candidates.length === 0) {
      return {
        code: "region.unknown",
        zh: `地区「${text}」不存在（请填写地区全称或 6 位代码，如「${this.scope.name}」或「${this.scope.code}」）`,
        en: `No region "${text}" (give its full name or 6-digit code)`,
      };
    }
    const inside = candidates
      .filter((r) => this.inScope(r))
      .sort((a, b) => a.path.length - b.path.length);
    const top = inside[0];
    // A municipality and its own city share a name (上海市 310000 / 310100): the higher one is meant.
    if (top && inside.every((r) => r.path.startsWith(top.path))) return { region: top };
    if (inside.length > 1) {
      const codes = inside.map((r) => `${r.code}`).join("、");
      return {
        code: "region.ambiguous",
        zh: `地区「${text}」有重名（${codes}），请改填 6 位代码`,
        en: `Region "${text}" is ambiguous (${codes}); give its code`,
      };
    }
    const outside = candidates[0] as RegionRef;
    return {
      code: "region.out_of_scope",
      zh: `地区「${text}」（${outside.code}）不在本次导入范围「${this.scope.name}」及其下级之内`,
      en: `Region "${text}" (${outside.code}) is outside ${this.scope.name} (${this.scope.code})`,
    };
  }
}

const NUMERIC_COMPARISONS = new Set(["gte", "lte", "eq"]);

/** A target such as "≥700", "100%", "841.32万平方米" holds a number. */
function holdsNumber(text: string): boolean {
  const t = compactText(text).replace(/^[≥≤=<>≧≦＝]+/, "");
  return /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?/.test(t);
}

/** Reads the rows of a data set from a workbook's sheets; every problem is reported, none is fatal. */
export function parseSheet(
  spec: DatasetSpec,
  sheets: readonly SheetGrid[],
  ctx: ParseContext,
): ParseResult {
  const chosen = chooseSheet(spec, sheets);
  const sheetName = sheets[0]?.name ?? spec.sheet;
  if (!chosen) {
    return {
      rows: [],
      skipped: [],
      issueCount: 1,
      issues: [
        issue(
          sheetName,
          null,
          null,
          null,
          null,
          "sheet.missing",
          `文件 ${ctx.file} 中找不到「${spec.zh}」表：没有工作表的表头包含「${spec.columns
            .filter((c) => c.required)
            .map((c) => c.zh[0])
            .join("」「")}」等列`,
          `${ctx.file}: no sheet has the header of "${spec.en}"`,
        ),
      ],
    };
  }
  const { grid, header } = chosen;
  if (header.issues.some((i) => i.code.startsWith("header."))) {
    return { rows: [], skipped: [], issues: header.issues, issueCount: header.issues.length };
  }
  // Every problem is counted; only the first are kept, so a file bad in every row stays cheap.
  const issues: ImportIssue[] = [...header.issues];
  let issueCount = issues.length;
  const note = (found: ImportIssue) => {
    issueCount += 1;
    if (issues.length < MAX_LISTED_PROBLEMS) issues.push(found);
  };
  const regions = new RegionResolver(ctx.regions, ctx.scope);
  const formulaCells = new Set(
    (grid.formulasWithoutResult ?? []).map((f) => `${f.row}:${f.column}`),
  );
  const rows: ParsedRow[] = [];
  const skipped: SkippedRow[] = [];
  const keys = new Map<string, number>();
  // Programme names compared as compact text, normalised once rather than once per row.
  const programmeKeys = ctx.programmes.map((p) => compactText(p.name));

  for (let r = header.row + 1; r < grid.rows.length; r += 1) {
    const line = r + 1;
    const cells = grid.rows[r] ?? [];
    const kind = rowKind(cells);
    if (kind === "blank") continue;
    if (kind !== "data") {
      skipped.push({ line, reason: kind });
      continue;
    }
    const values: Record<string, string | null> = {};
    let regionPath: string | null = null;
    let rowOk = true;
    const report = (
      m: MappedColumn,
      shown: string | null,
      code: ImportIssueCode,
      zh: string,
      en: string,
    ) => {
      note(issue(grid.name, line, m.index, m.header, shown, code, zh, en));
      rowOk = false;
    };
    for (const m of header.mapped) {
      const cell = cells[m.index] ?? null;
      if (formulaCells.size > 0 && formulaCells.has(`${line}:${m.index + 1}`)) {
        report(
          m,
          cellText(cell),
          "cell.formula",
          `「${m.header}」是没有计算结果的公式，请在 Excel 或 WPS 中打开并保存后再导入`,
          `${m.header}: a formula without a computed result; open and save the file in Excel first`,
        );
        continue;
      }
      const raw = typeof cell === "string" ? cell : null;
      if (raw !== null && isUnstorableText(raw)) {
        report(
          m,
          showUnstorable(raw),
          "cell.invalid_text",
          `「${m.header}」含有不允许的字符（NUL 或不成对的代理项），请删除后再导入`,
          `${m.header} contains a character that is not allowed (NUL or an unpaired surrogate)`,
        );
        continue;
      }
      if (isBlank(cell)) {
        values[m.column.key] = null;
        if (m.column.required) {
          report(
            m,
            null,
            "cell.required",
            `「${m.header}」必填，不能为空`,
            `${m.header} is required`,
          );
        }
        continue;
      }
      const k = m.column.kind;
      if (k.type === "region") {
        const found = regions.resolve(normaliseText(textOf(cell)));
        if ("region" in found) {
          values[m.column.key] = found.region.code;
          regionPath = found.region.path;
        } else report(m, cellText(cell), found.code, found.zh, found.en);
        continue;
      }
      if (k.type === "programme") {
        values[m.column.key] = normaliseText(textOf(cell));
        continue;
      }
      const read = readCell(m.column, cell, { header: m.header, unit: m.unit });
      if (read.ok) values[m.column.key] = read.value;
      else report(m, cellText(cell), read.code, read.zh, read.en);
    }
    for (const c of spec.columns) if (!(c.key in values)) values[c.key] = null;

    // The programme is looked up once the row's region is known: the nearest owner wins.
    const programmeColumn = header.mapped.find((m) => m.column.kind.type === "programme");
    const programmeName = programmeColumn ? values[programmeColumn.column.key] : null;
    if (programmeColumn && programmeName) {
      const name = compactText(programmeName);
      const owners = ctx.programmes
        .filter((_, i) => programmeKeys[i] === name)
        .filter((p) => regionPath === null || regionPath.startsWith(p.regionPath))
        .sort((a, b) => b.regionPath.length - a.regionPath.length);
      const owner = owners[0];
      if (owner) values[programmeColumn.column.key] = String(owner.id);
      else if (regionPath !== null) {
        const regionName = ctx.regions.find((x) => x.path === regionPath)?.name ?? "";
        report(
          programmeColumn,
          programmeName,
          "programme.unknown",
          `在 ${ctx.year} 年度 ${regionName} 及其上级地区没有名为「${programmeName}」的项目，请先导入「项目」表`,
          `No programme "${programmeName}" of ${ctx.year} in ${regionName} or above; import the programmes first`,
        );
      }
    }

    if (spec.name === "targets") checkTarget(values, header.mapped, report);

    const regionCode = values.region ?? null;
    if (!rowOk || regionCode === null) continue;
    const key = naturalKeyOf(spec, values);
    const first = keys.get(key);
    if (first !== undefined) {
      note(
        issue(
          grid.name,
          line,
          null,
          null,
          null,
          "row.duplicate_key",
          `与第 ${first} 行重复（${spec.naturalKey.map((k) => spec.columns.find((c) => c.key === k)?.zh[0]).join("、")}相同）`,
          `Same key as row ${first}`,
        ),
      );
      continue;
    }
    keys.set(key, line);
    rows.push({ line, regionCode, values });
  }
  if (rows.length === 0 && issueCount === 0) {
    note(
      issue(
        grid.name,
        null,
        null,
        null,
        null,
        "file.empty",
        `工作表「${grid.name}」在表头之下没有数据行`,
        `Sheet "${grid.name}" has no data rows below its header`,
      ),
    );
  }
  return { rows, skipped, issues, issueCount };
}

function checkTarget(
  values: Record<string, string | null>,
  mapped: MappedColumn[],
  report: (
    m: MappedColumn,
    shown: string | null,
    code: ImportIssueCode,
    zh: string,
    en: string,
  ) => void,
) {
  const level1 = values.level1;
  const level2 = values.level2;
  const level2Column = mapped.find((m) => m.column.key === "level2");
  if (level1 && level2 && level2Column && !level2.startsWith(`${level1}.`)) {
    const k = level2Column.column.kind;
    const label = k.type === "enum" ? k.values.find((v) => v.code === level2)?.zh : level2;
    report(
      level2Column,
      label ?? level2,
      "target.level_mismatch",
      `二级指标「${label}」不属于所填的一级指标`,
      `Level-2 category "${label}" does not belong to the level-1 group`,
    );
  }
  const targetColumn = mapped.find((m) => m.column.key === "target");
  const target = values.target;
  if (targetColumn && target && values.comparison && NUMERIC_COMPARISONS.has(values.comparison)) {
    if (!holdsNumber(target)) {
      report(
        targetColumn,
        target,
        "target.not_numeric",
        `比较方式为 ≥、≤ 或 = 时，目标值须为数值，「${target}」不是`,
        `With ≥, ≤ or =, the target must be a number; "${target}" is not`,
      );
    }
  }
}
