/** Finds regions by name or code within the actor's region, for the searchable region pickers. */
import { and, asc, ilike, inArray, like, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/index.ts";
import { regions } from "../../db/schema.ts";
import { NATION_CODE } from "../../domain/regions.ts";
import type { RegionMatchT } from "../../shared/schemas.ts";
import type { ServiceContext } from "../context.ts";
import { authorize, scopePath } from "../policy.ts";

const LEVEL_ORDER = sql`case ${regions.level} when 'nation' then 0 when 'province' then 1 when 'city' then 2 else 3 end`;
const hasChildren = sql<boolean>`exists (select 1 from regions c where c.parent_code = regions.code)`;

/**
 * Regions below the actor's own region whose name contains the text, or whose code starts with it
 * (digits); higher levels first, at most `limit`. The actor's own region (the picker's root) is never
 * a match, so a search cannot hand it to Enter.
 */
export async function searchRegions(
  db: DbOrTx,
  ctx: ServiceContext,
  text: string,
  limit = 30,
): Promise<RegionMatchT[]> {
  authorize(ctx, { kind: "permission", permission: "region:read" });
  const q = text.trim();
  if (q === "") return [];
  const scope = scopePath(ctx);
  const root = ctx.actor?.regionCode ?? NATION_CODE;
  const escaped = q.replace(/[\\%_]/g, "\\$&");
  const byText = /^\d+$/.test(q)
    ? or(like(regions.code, `${escaped}%`), ilike(regions.name, `%${escaped}%`))
    : ilike(regions.name, `%${escaped}%`);
  const rows = await db
    .select({
      code: regions.code,
      name: regions.name,
      level: regions.level,
      parentCode: regions.parentCode,
      path: regions.path,
      hasChildren,
    })
    .from(regions)
    .where(and(like(regions.path, `${scope}%`), ne(regions.code, root), byText))
    .orderBy(LEVEL_ORDER, asc(regions.code))
    .limit(limit);
  const above = [
    ...new Set(rows.flatMap((r) => r.path.split("/").filter((c) => c && c !== NATION_CODE))),
  ];
  const names =
    above.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            await db
              .select({ code: regions.code, name: regions.name })
              .from(regions)
              .where(inArray(regions.code, above))
          ).map((r) => [r.code, r.name]),
        );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parentCode,
    hasChildren: Boolean(r.hasChildren),
    parents: r.path
      .split("/")
      .filter((c) => c && c !== NATION_CODE && c !== r.code)
      .flatMap((c) => (names.has(c) ? [names.get(c) ?? c] : [])),
  }));
}
