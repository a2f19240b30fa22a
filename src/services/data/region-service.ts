/** Administrative regions: reference data, the lazy tree, and region look-ups for the other services. */
import { areaList } from "@vant/area-data";
import { and, asc, count, eq, like, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/index.ts";
import { regions } from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import { buildRegionRows } from "../../domain/regions.ts";
import type { RegionDetailT, RegionT } from "../../shared/schemas.ts";
import type { ServiceContext } from "../context.ts";
import { assertRegionInScope, authorize, scopePath } from "../policy.ts";

const INSERT_CHUNK = 1000;

/** Loads every province, city and county once; a database that has them already is left alone. */
export async function ensureRegions(db: DbOrTx): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(regions);
  if (Number(existing?.n ?? 0) > 0) return 0;
  const rows = buildRegionRows(areaList);
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insert(regions)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflictDoNothing();
  }
  return rows.length;
}

export type RegionRecord = typeof regions.$inferSelect;

/**
 * The path prefix a listing is bounded by: the actor's own region, or the region named by the
 * `regionCode` filter when that lies within it (`access.region` otherwise).
 */
export async function listingScope(
  db: DbOrTx,
  ctx: ServiceContext,
  regionCode: string | undefined,
): Promise<string> {
  if (!regionCode) return scopePath(ctx);
  const region = await getRegion(db, regionCode, "regionCode");
  assertRegionInScope(ctx, region);
  return region.path;
}

/**
 * The region with this code. A region addressed by the URL that does not exist is `region.not_found`;
 * one named in a submitted field (`field` given) is `region.unknown`, naming the field.
 */
export async function getRegion(db: DbOrTx, code: string, field?: string): Promise<RegionRecord> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  if (row) return row;
  if (field === undefined) throw new DomainError("region.not_found", { code }, { value: code });
  throw new DomainError("region.unknown", { code, field }, { field, value: code });
}

// Qualified by hand: drizzle leaves single-table columns unqualified, which the alias would capture.
const hasChildren = sql<boolean>`exists (select 1 from regions c where c.parent_code = regions.code)`;

function toRegion(row: RegionRecord & { hasChildren: boolean }): RegionT {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    hasChildren: Boolean(row.hasChildren),
  };
}

/** The children of `parent`, or the actor's own region when no parent is given. */
export async function listChildRegions(
  db: DbOrTx,
  ctx: ServiceContext,
  parent: string | undefined,
): Promise<RegionT[]> {
  const actor = authorize(ctx, { kind: "permission", permission: "region:read" });
  const rootCode = parent ?? actor?.regionCode ?? "000000";
  const root = await getRegion(db, rootCode);
  assertRegionInScope(ctx, root);
  const fields = { ...regionColumns(), hasChildren };
  const rows =
    parent === undefined
      ? await db.select(fields).from(regions).where(eq(regions.code, root.code))
      : await db
          .select(fields)
          .from(regions)
          .where(eq(regions.parentCode, root.code))
          .orderBy(asc(regions.code));
  return rows.map(toRegion);
}

/** One region with its path from the nation down. */
export async function getRegionDetail(
  db: DbOrTx,
  ctx: ServiceContext,
  code: string,
): Promise<RegionDetailT> {
  authorize(ctx, { kind: "permission", permission: "region:read" });
  const region = await getRegion(db, code);
  assertRegionInScope(ctx, region);
  const codes = region.path.split("/").filter(Boolean);
  const ancestors = await db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(sql`${regions.code} in ${codes}`);
  const byCode = new Map(ancestors.map((a) => [a.code, a]));
  const [withFlag] = await db
    .select({ ...regionColumns(), hasChildren })
    .from(regions)
    .where(eq(regions.code, code));
  if (!withFlag)
    throw new DomainError("region.not_found", { code }, { field: "code", value: code });
  return {
    ...toRegion(withFlag),
    path: codes.flatMap((c) => {
      const a = byCode.get(c);
      return a ? [a] : [];
    }),
  };
}

/** Number of regions at or below the given path (used by tests and the health page). */
export async function countRegionsUnder(db: DbOrTx, path: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(regions)
    .where(and(like(regions.path, `${path}%`)));
  return Number(row?.n ?? 0);
}

function regionColumns() {
  return {
    code: regions.code,
    name: regions.name,
    level: regions.level,
    parentCode: regions.parentCode,
    path: regions.path,
  };
}
