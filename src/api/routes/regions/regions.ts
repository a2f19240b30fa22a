/** The region tree, one level per request. */
import {
  getRegionDetail,
  listChildRegions,
  listDataYears,
  searchRegions,
} from "../../../services/index.ts";
import {
  regionChildrenRoute,
  regionRoute,
  regionSearchRoute,
  regionYearsRoute,
} from "../../../shared/routes/regions.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";

export function regionRoutes({ database }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(regionChildrenRoute, can("region:read"), async (c) => {
      const { parent } = c.req.valid("query");
      return c.json({ regions: await listChildRegions(db, c.get("ctx"), parent) }, 200);
    }),
    defineRoute(regionSearchRoute, can("region:read"), async (c) =>
      c.json({ regions: await searchRegions(db, c.get("ctx"), c.req.valid("query").q) }, 200),
    ),
    defineRoute(regionRoute, can("region:read"), async (c) =>
      c.json(await getRegionDetail(db, c.get("ctx"), c.req.valid("param").code), 200),
    ),
    defineRoute(regionYearsRoute, can("region:read"), async (c) =>
      c.json(
        await listDataYears(
          db,
          c.get("ctx"),
          c.req.valid("param").code,
          c.req.valid("query").dataset,
        ),
        200,
      ),
    ),
  ];
}
