/** What every rule shares: look-ups over the input and one way to build a finding. */
import type { ShortBilingual } from "../bilingual.ts";
import { Decimal, formatByPolicy, plain } from "../decimal.ts";
import { formatWan } from "../money.ts";
import { RULES } from "./rules.ts";
import type { CheckData, CheckOptions, CheckRow, Finding, RuleInfo } from "./types.ts";

export { plain };

/** 元 → 万元, as printed. */
export function wan(yuan: Decimal): string {
  return formatWan(yuan);
}

/** A percent with two decimals, half up: "19.21". */
export function pct(value: Decimal): string {
  return formatByPolicy(value, "half-up-2");
}

/** A canonical decimal value, or undefined when blank. */
export function num(row: CheckRow, key: string): Decimal | undefined {
  const v = row.values[key];
  return v === null || v === undefined || v === "" ? undefined : new Decimal(v);
}

/** part ÷ whole × 100, or undefined for a zero whole. */
export function rate(part: Decimal, whole: Decimal): Decimal | undefined {
  return whole.isZero() ? undefined : part.div(whole).times(100);
}

export interface Located {
  dataset: string;
  row?: CheckRow;
  /** The region when there is no row (a programme-wide finding). */
  regionCode?: string;
  programmeId?: number | null;
  field?: string | null;
  message: ShortBilingual;
  figures?: Record<string, string>;
}

/** The registry by code, built on first use: every finding looks its rule up. */
let ruleByCode: Map<string, RuleInfo> | undefined;

export class RuleContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly data: CheckData,
    readonly options: CheckOptions,
  ) {}

  rows(dataset: string): readonly CheckRow[] {
    return this.data.rows[dataset] ?? [];
  }

  regionName(code: string): string {
    return this.data.regions.get(code)?.name ?? code;
  }

  /** The programme a row names, or null. */
  programmeOf(row: CheckRow): number | null {
    const id = row.values.programme;
    return id ? Number(id) : null;
  }

  programmeName(id: number | null): string | null {
    if (id === null) return null;
    return this.data.programmes.get(id)?.name ?? null;
  }

  /** Records a finding of a rule in the registry (its category and severity come from there). */
  add(code: string, where: Located): void {
    ruleByCode ??= new Map(RULES.map((r) => [r.code, r]));
    const info = ruleByCode.get(code);
    if (!info) throw new Error(`unknown rule ${code}`);
    const regionCode = where.row?.regionCode ?? where.regionCode ?? "";
    const programmeId =
      where.programmeId !== undefined
        ? where.programmeId
        : where.row
          ? this.programmeOf(where.row)
          : null;
    this.findings.push({
      rule: code,
      category: info.category,
      severity: info.severity,
      dataset: where.dataset,
      regionCode,
      regionName: this.regionName(regionCode),
      programme: this.programmeName(programmeId),
      rowId: where.row?.id ?? null,
      field: where.field ?? null,
      message: where.message,
      figures: where.figures ?? {},
    });
  }
}

/** Rows grouped by a key, in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
