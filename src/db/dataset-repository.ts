/** Reads and writes data-set rows in plain SQL built from the specs (the query builder is too slow for bulk). */
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { type SQL, sql } from "drizzle-orm";
import type { ColumnSpec, DatasetSpec } from "../domain/datasets/types.ts";
import type { DbOrTx } from "./client.ts";

/** Rows between progress reports (`afterChunk`). */
export const WRITE_CHUNK = 5000;
/**
 * Rows per INSERT: PGlite runs a statement on the main thread, 5,000 rows held it for half a
 * second; 1,000 keep each pause near 100 ms and cost PostgreSQL only a few more round trips.
 */
const STATEMENT_ROWS = 1000;

const id = (name: string) => sql.identifier(name);

function sqlType(column: ColumnSpec): string {
  switch (column.kind.type) {
    case "text":
      return "text";
    case "integer":
    case "programme":
      return "integer";
    case "year":
      return "smallint";
    case "quantity":
    case "percent":
      return "numeric";
    case "date":
      return "date";
    case "enum":
    case "region":
      return "varchar";
  }
}

function rowsOf<T>(result: unknown): T[] {
  // node-postgres returns a QueryResult, PGlite a Results object: both carry `rows`.
  return (result as { rows: T[] }).rows;
}

export interface StoredRecord {
  id: number;
  regionCode: string;
  values: Record<string, string | null>;
}

/** Every column of the spec as text, keyed by the column key. */
function selectValues(spec: DatasetSpec, alias: string): SQL {
  return sql.join(
    spec.columns.map((c) => sql`${id(alias)}.${id(c.db)}::text as ${id(c.key)}`),
    sql`, `,
  );
}

function toRecord(spec: DatasetSpec, raw: Record<string, unknown>): StoredRecord {
  const values: Record<string, string | null> = {};
  for (const c of spec.columns) values[c.key] = (raw[c.key] as string | null) ?? null;
  return { id: Number(raw.__id), regionCode: String(raw.region), values };
}

/** The stored rows of a year in the regions at or below a path, in canonical text form. */
export async function loadStoredRows(
  db: DbOrTx,
  spec: DatasetSpec,
  year: number,
  scopePath: string,
): Promise<StoredRecord[]> {
  const result = await db.execute(sql`
    select t.id as __id, ${selectValues(spec, "t")}
    from ${id(spec.table)} t join regions r on r.code = t.region_code
    where t.year = ${year} and r.path like ${`${scopePath}%`}`);
  return rowsOf<Record<string, unknown>>(result).map((raw) => toRecord(spec, raw));
}

export interface RowToWrite {
  regionCode: string;
  values: Record<string, string | null>;
}

/**
 * Inserts or updates rows by the natural key, STATEMENT_ROWS per statement, reporting every
 * WRITE_CHUNK. A statement's rows travel as one JSON text (JSON.stringify is far cheaper in V8
 * than array literals per column) and are cast by PostgreSQL. Runs inside the caller's transaction; `afterChunk` is told how
 * many rows are written so far.
 */
export async function upsertRows(
  tx: DbOrTx,
  spec: DatasetSpec,
  year: number,
  rows: readonly RowToWrite[],
  importId: number | null,
  afterChunk?: (written: number) => void | Promise<void>,
): Promise<void> {
  const keySet = new Set(spec.naturalKey);
  const names = sql.join(
    spec.columns.map((c) => id(c.db)),
    sql`, `,
  );
  const record = sql.join(
    spec.columns.map((c) => sql`${id(c.db)} text`),
    sql`, `,
  );
  const casts = sql.join(
    spec.columns.map((c) => sql`u.${id(c.db)}::${sql.raw(sqlType(c))}`),
    sql`, `,
  );
  const updates = sql.join(
    [
      ...spec.columns
        .filter((c) => !keySet.has(c.key))
        .map((c) => sql`${id(c.db)} = excluded.${id(c.db)}`),
      sql`import_id = excluded.import_id`,
      sql`updated_at = now()`,
    ],
    sql`, `,
  );
  for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
    const end = Math.min(start + WRITE_CHUNK, rows.length);
    for (let from = start; from < end; from += STATEMENT_ROWS) {
      const json = JSON.stringify(
        rows.slice(from, Math.min(from + STATEMENT_ROWS, end)).map((r) => {
          const o: Record<string, string | null> = {};
          for (const c of spec.columns) {
            o[c.db] = c.kind.type === "region" ? r.regionCode : (r.values[c.key] ?? null);
          }
          return o;
        }),
      );
      await tx.execute(sql`
        insert into ${id(spec.table)} (year, ${names}, import_id)
        select ${year}::smallint, ${casts}, ${importId}::integer
        from json_to_recordset(${json}::json) as u(${record})
        on conflict on constraint ${id(`${spec.table}_natural_key`)} do update set ${updates}`);
      // PGlite runs each statement synchronously in this thread; let other requests in between.
      await yieldToEventLoop();
    }
    await afterChunk?.(end);
  }
}

export interface RowListQuery {
  year: number | undefined;
  scopePath: string;
  /** Text searched in the key columns and the region name. */
  q: string | undefined;
  page: number;
  pageSize: number;
}

export interface ListedRow extends StoredRecord {
  year: number;
  regionName: string;
  programmeName: string | null;
  updatedAt: Date;
}

function programmeJoin(spec: DatasetSpec): { column: SQL; join: SQL } {
  const programme = spec.columns.find((c) => c.kind.type === "programme");
  if (!programme) return { column: sql`null::text as __programme`, join: sql`` };
  return {
    column: sql`p.name as __programme`,
    join: sql`left join programmes p on p.id = t.${id(programme.db)}`,
  };
}

/** One page of rows, ordered by region and natural key, with the region and programme names. */
export async function listRows(
  db: DbOrTx,
  spec: DatasetSpec,
  q: RowListQuery,
): Promise<{ items: ListedRow[]; total: number }> {
  const { column, join } = programmeJoin(spec);
  const conditions: SQL[] = [sql`r.path like ${`${q.scopePath}%`}`];
  if (q.year !== undefined) conditions.push(sql`t.year = ${q.year}`);
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const texts = spec.columns
      .filter((c) => spec.naturalKey.includes(c.key) && c.kind.type === "text")
      .map((c) => sql`t.${id(c.db)} ilike ${pattern}`);
    conditions.push(sql`(${sql.join([sql`r.name ilike ${pattern}`, ...texts], sql` or `)})`);
  }
  const where = sql.join(conditions, sql` and `);
  const keyOrder = spec.naturalKey
    .filter((k) => k !== "region")
    .map((k) => spec.columns.find((c) => c.key === k) as ColumnSpec)
    .map((c) => sql`, t.${id(c.db)}`);
  const [count] = rowsOf<{ n: string }>(
    await db.execute(sql`
      select count(*)::text as n from ${id(spec.table)} t join regions r on r.code = t.region_code
      where ${where}`),
  );
  const result = await db.execute(sql`
    select t.id as __id, t.year as __year, t.updated_at as __updated, r.name as __region_name,
      ${column}, ${selectValues(spec, "t")}
    from ${id(spec.table)} t join regions r on r.code = t.region_code ${join}
    where ${where}
    order by t.year desc, r.path${sql.join(keyOrder)}, t.id
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const items = rowsOf<Record<string, unknown>>(result).map((raw) => ({
    ...toRecord(spec, raw),
    year: Number(raw.__year),
    regionName: String(raw.__region_name),
    programmeName: (raw.__programme as string | null) ?? null,
    updatedAt: new Date(raw.__updated as string | Date),
  }));
  return { items, total: Number(count?.n ?? 0) };
}

/** One row with its region path (for the access check), or undefined. */
export async function getRow(
  db: DbOrTx,
  spec: DatasetSpec,
  rowId: number,
): Promise<(ListedRow & { regionPath: string }) | undefined> {
  const { column, join } = programmeJoin(spec);
  const result = await db.execute(sql`
    select t.id as __id, t.year as __year, t.updated_at as __updated, r.name as __region_name,
      r.path as __region_path, ${column}, ${selectValues(spec, "t")}
    from ${id(spec.table)} t join regions r on r.code = t.region_code ${join}
    where t.id = ${rowId}`);
  const [raw] = rowsOf<Record<string, unknown>>(result);
  if (!raw) return undefined;
  return {
    ...toRecord(spec, raw),
    year: Number(raw.__year),
    regionName: String(raw.__region_name),
    regionPath: String(raw.__region_path),
    programmeName: (raw.__programme as string | null) ?? null,
    updatedAt: new Date(raw.__updated as string | Date),
  };
}

/** Sets some non-key columns of one row (canonical text values; null clears). */
export async function updateRowValues(
  tx: DbOrTx,
  spec: DatasetSpec,
  rowId: number,
  values: Record<string, string | null>,
): Promise<void> {
  const sets = Object.entries(values).map(([key, value]) => {
    const column = spec.columns.find((c) => c.key === key) as ColumnSpec;
    return sql`${id(column.db)} = ${value}::${sql.raw(sqlType(column))}`;
  });
  await tx.execute(sql`
    update ${id(spec.table)} set ${sql.join(sets, sql`, `)}, import_id = null, updated_at = now()
    where id = ${rowId}`);
}

export interface CommunitySums {
  /** The child region's code ("" for rows of the region itself). */
  child: string;
  communities: number;
  buildings: number;
  households: number;
  area: string;
  investment: string;
}

/** Sums of the community projects of a year at or below a path, grouped by the next level down. */
export async function sumCommunities(
  db: DbOrTx,
  year: number,
  scopePath: string,
): Promise<CommunitySums[]> {
  const result = await db.execute(sql`
    select split_part(substr(r.path, ${scopePath.length + 1}), '/', 1) as child,
      count(*)::int as communities, coalesce(sum(t.buildings), 0)::int as buildings,
      coalesce(sum(t.households), 0)::int as households, coalesce(sum(t.area_m2), 0)::text as area,
      coalesce(sum(coalesce(t.invest_central_yuan, 0) + coalesce(t.invest_provincial_yuan, 0)
        + coalesce(t.invest_local_yuan, 0) + coalesce(t.invest_bond_yuan, 0)
        + coalesce(t.invest_social_yuan, 0) + coalesce(t.invest_residents_yuan, 0)
        + coalesce(t.invest_owner_yuan, 0) + coalesce(t.invest_utilities_yuan, 0)), 0)::text as investment
    from community_projects t join regions r on r.code = t.region_code
    where t.year = ${year} and r.path like ${`${scopePath}%`}
    group by 1 order by 1`);
  return rowsOf<CommunitySums>(result);
}
