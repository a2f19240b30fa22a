/** Which years hold anything in a region and below: the default year of the web app's pages. */
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/index.ts";
import { DATASETS, datasetOrThrow } from "../../domain/datasets/specs/index.ts";
import type { DataYearsT } from "../../shared/year-schemas.ts";
import type { ServiceContext } from "../context.ts";
import { assertRegionInScope, authorize } from "../policy.ts";
import { getRegion } from "./region-service.ts";

/** `select distinct year` of one table whose rows belong to a region, bounded by the path prefix. */
function yearsOf(table: string, like: string): SQL {
  return sql`select distinct t.year from ${sql.identifier(table)} t
    join regions r on r.code = t.region_code where r.path like ${like}`;
}

/**
 * The years with data rows, evaluation tasks or sheets, allocation plans or surveys in the region
 * (the user's own or one within it) and below, newest first; with a data set, that set's rows only.
 */
export async function listDataYears(
  db: DbOrTx,
  ctx: ServiceContext,
  regionCode: string,
  dataset?: string,
): Promise<DataYearsT> {
  authorize(ctx, { kind: "permission", permission: "region:read" });
  const region = await getRegion(db, regionCode);
  assertRegionInScope(ctx, region);
  const like = `${region.path}%`;
  const table = dataset === undefined ? undefined : datasetOrThrow(dataset).table;
  const parts = table
    ? [yearsOf(table, like)]
    : [
        ...DATASETS.map((d) => yearsOf(d.table, like)),
        yearsOf("evaluation_tasks", like),
        yearsOf("allocation_plans", like),
        yearsOf("surveys", like),
        // A county's sheet of a task its city launched: the task's year, the sheet's region.
        sql`select distinct k.year from evaluation_sheets s join evaluation_tasks k on k.id = s.task_id
      join regions r on r.code = s.region_code where r.path like ${like}`,
      ];
  const rows = await queryRows<{ year: number | string }>(
    db,
    sql`select year from (${sql.join(parts, sql` union `)}) y order by year desc`,
  );
  const years = rows.map((r) => Number(r.year));
  return { years, latest: years[0] ?? null };
}
