/** What the data-set services share: spec look-up, the reading context, and rows as the API shows them. */
import { sql } from "drizzle-orm";
import type { ListedRow } from "../../db/dataset-repository.ts";
import type { DbOrTx } from "../../db/index.ts";
import { toDisplay } from "../../domain/datasets/display.ts";
import { datasetOrThrow } from "../../domain/datasets/specs/index.ts";
import type {
  ColumnSpec,
  DatasetSpec,
  ParseContext,
  ProgrammeRef,
  RegionRef,
} from "../../domain/datasets/types.ts";
import { NATION_CODE } from "../../domain/regions.ts";
import type { DataRowT } from "../../shared/data-schemas.ts";

export { datasetOrThrow };

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Every region (names resolve against the whole country, so out-of-scope ones can be named), or
 * with `scopePath` only the regions at or below it.
 */
export async function loadRegionRefs(db: DbOrTx, scopePath = "/"): Promise<RegionRef[]> {
  const result = await db.execute(
    sql`select code, name, path, level from regions where path like ${`${scopePath}%`} order by path`,
  );
  return rowsOf<RegionRef>(result);
}

/**
 * Programmes of a year owned by the scope region, its ancestors, or regions below it (both through
 * region_ancestors: rows with the scope as ancestor, and the scope's own ancestor rows).
 */
export async function loadProgrammeRefs(
  db: DbOrTx,
  year: number,
  scopePath: string,
): Promise<ProgrammeRef[]> {
  // "/" (no region) is the whole country, the root every region lies under.
  const scopeCode = scopePath.split("/").filter(Boolean).at(-1) ?? NATION_CODE;
  const result = await db.execute(sql`
    select p.id, p.name, p.region_code as "regionCode", r.path as "regionPath"
    from programmes p join regions r on r.code = p.region_code
    where p.year = ${year} and (
      p.region_code in (select region_code from region_ancestors where ancestor_code = ${scopeCode})
      or p.region_code in (select ancestor_code from region_ancestors where region_code = ${scopeCode}))
    order by r.path, p.name`);
  return rowsOf<ProgrammeRef & { id: number | string }>(result).map((p) => ({
    ...p,
    id: Number(p.id),
  }));
}

export async function parseContextFor(
  db: DbOrTx,
  file: string,
  scope: RegionRef,
  year: number,
): Promise<ParseContext> {
  const [regions, programmes] = await Promise.all([
    loadRegionRefs(db),
    loadProgrammeRefs(db, year, scope.path),
  ]);
  return { file, year, regions, scope, programmes };
}

/** A canonical value as the table, the API and exports show it (quantities in the column's unit). */
export function displayValue(column: ColumnSpec, canonical: string | null): string | null {
  if (canonical === null) return null;
  return toDisplay(column, canonical);
}

export function toDataRow(spec: DatasetSpec, row: ListedRow): DataRowT {
  const values: Record<string, string | null> = {};
  for (const column of spec.columns) {
    const raw = row.values[column.key] ?? null;
    values[column.key] =
      column.kind.type === "programme" ? row.programmeName : displayValue(column, raw);
  }
  return {
    id: row.id,
    year: row.year,
    regionCode: row.regionCode,
    regionName: row.regionName,
    values,
    updatedAt: row.updatedAt.toISOString(),
  };
}
