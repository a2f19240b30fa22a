/**
 * The regions' data of an allocation as one sheet (分配数据): 地区代码, 地区, one column per factor, per
 * entered coefficient table and for last year's grade or score. Written for people to fill in Excel
 * or WPS and read back, each bad cell named by its row and column.
 */
import { DECIMAL_PATTERN } from "../decimal.ts";
import { DomainError } from "../errors.ts";
import { textIn } from "../frameworks/index.ts";
import { MAX_LISTED_PROBLEMS } from "../upload-limits.ts";
import {
  type AllocationData,
  type AllocationModel,
  GRADES,
  type RegionData,
} from "./model-schema.ts";

export type DataColumn =
  | { kind: "code"; title: string }
  | { kind: "name"; title: string }
  | { kind: "factor"; key: string; title: string }
  | { kind: "tier"; key: string; title: string; labels: string[] }
  | { kind: "grade"; title: string }
  | { kind: "score"; title: string };

/** The columns of the model's data sheet, in order. */
export function dataSheetColumns(model: AllocationModel): DataColumn[] {
  const columns: DataColumn[] = [
    { kind: "code", title: "地区代码" },
    { kind: "name", title: "地区" },
  ];
  for (const f of model.factors) {
    const unit = f.unit ? `（${textIn(f.unit, "zh-CN")}）` : "";
    columns.push({ kind: "factor", key: f.key, title: `${textIn(f.name, "zh-CN")}${unit}` });
  }
  const tables = model.coefficients ?? [];
  for (const t of tables.filter((x) => x.rule.kind === "entered")) {
    columns.push({
      kind: "tier",
      key: t.key,
      title: `${textIn(t.name, "zh-CN")}（档次）`,
      labels: t.tiers.map((x) => x.label),
    });
  }
  if (tables.some((t) => t.rule.kind === "grade"))
    columns.push({ kind: "grade", title: "上年评价等级" });
  if (tables.some((t) => t.rule.kind === "score"))
    columns.push({ kind: "score", title: "上年评价得分" });
  return columns;
}

/** One row per region of the model, with what the data holds (empty where nothing). */
export function dataSheetRows(model: AllocationModel, data: AllocationData): string[][] {
  const columns = dataSheetColumns(model);
  return model.regions.map((region) => {
    const own: Partial<RegionData> = data.regions[region.code] ?? {};
    return columns.map((c) => {
      switch (c.kind) {
        case "code":
          return region.code;
        case "name":
          return region.name;
        case "factor":
          return String(own.factors?.[c.key] ?? "");
        case "tier":
          return own.tiers?.[c.key] ?? "";
        case "grade":
          return own.grade ?? "";
        case "score":
          return own.score === undefined ? "" : String(own.score);
      }
      return "";
    });
  });
}

const text = (cell: unknown) =>
  cell === null || cell === undefined ? "" : String(cell).normalize("NFKC").trim();

/**
 * The data read back from a filled sheet (rows as read, the header row found by 地区代码). Every
 * problem is collected; any problem refuses the whole file (nothing is half taken).
 */
export function parseDataSheet(
  model: AllocationModel,
  rows: readonly (readonly unknown[])[],
  fileName: string,
): AllocationData {
  const columns = dataSheetColumns(model);
  // Every problem is counted, the first MAX_LISTED_PROBLEMS kept: a sheet bad in every row stays cheap.
  const problems: string[] = [];
  let total = 0;
  const add = (problem: string) => {
    total += 1;
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push(problem);
  };
  const at = (row: number, title: string, message: string) =>
    add(`第 ${row} 行「${title}」：${message}`);
  const headerIndex = rows.findIndex((r) => r.some((c) => text(c) === "地区代码"));
  if (headerIndex < 0) {
    throw new DomainError("allocation.data_invalid", {
      file: fileName,
      count: 1,
      problems: "找不到表头「地区代码」（请使用下载的分配数据表）",
    });
  }
  const header = (rows[headerIndex] ?? []).map(text);
  const place = new Map<DataColumn, number>();
  for (const c of columns) {
    const index = header.indexOf(text(c.title));
    if (index < 0) add(`缺少列「${c.title}」`);
    else place.set(c, index);
  }
  const known = new Map(model.regions.map((r) => [r.code, r]));
  const regions: AllocationData["regions"] = {};
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < rows.length; i += 1) {
    const row = rows[i] ?? [];
    const cell = (c: DataColumn) => text(row[place.get(c) ?? -1]);
    const line = i + 1;
    const codeColumn = columns[0] as DataColumn;
    const code = cell(codeColumn);
    if (code === "" && row.every((c) => text(c) === "")) continue;
    if (!known.has(code)) {
      at(line, codeColumn.title, `“${code}”不是本方案的地区`);
      continue;
    }
    if (seen.has(code)) {
      at(line, codeColumn.title, `${code} 与第 ${seen.get(code)} 行重复`);
      continue;
    }
    seen.set(code, line);
    const own: RegionData = { factors: {} };
    for (const c of columns) {
      const value = cell(c);
      if (c.kind === "factor") {
        if (value === "") own.factors[c.key] = null;
        else if (!DECIMAL_PATTERN.test(value) || value.startsWith("-")) {
          at(line, c.title, `“${value}”不是非负数`);
        } else own.factors[c.key] = value;
      } else if (c.kind === "tier" && value !== "") {
        const label = c.labels.find((l) => text(l) === value);
        if (label === undefined) {
          at(line, c.title, `“${value}”不是档次之一（${c.labels.join("、")}）`);
        } else own.tiers = { ...own.tiers, [c.key]: label };
      } else if (c.kind === "grade" && value !== "") {
        const grade = GRADES.find((g) => g === value);
        if (!grade) at(line, c.title, `“${value}”不是评价等级（优、良、中、差）`);
        else own.grade = grade;
      } else if (c.kind === "score" && value !== "") {
        if (!DECIMAL_PATTERN.test(value)) at(line, c.title, `“${value}”不是数字`);
        else own.score = value;
      }
    }
    regions[code] = own;
  }
  for (const r of model.regions) {
    if (!seen.has(r.code) && total === 0) add(`缺少地区 ${r.name}（${r.code}）的行`);
  }
  if (total > 0) {
    throw new DomainError(
      "allocation.data_invalid",
      { file: fileName, count: total, problems: problems.slice(0, 50).join("\n") },
      { file: fileName, problems, total, truncated: total > problems.length },
    );
  }
  return { regions };
}
