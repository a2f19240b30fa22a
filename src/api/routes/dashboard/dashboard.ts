/** The dashboard of a region's year: funds, spend, plan vs actual, regions ranked, grades, alerts. */
import { getDashboard } from "../../../services/index.ts";
import { dashboardRoute } from "../../../shared/routes/dashboard.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";

export function dashboardRoutes({ database }: AppDeps): RouteDef[] {
  return [
    defineRoute(dashboardRoute, can("data:read"), async (c) =>
      c.json(await getDashboard(database.db, c.get("ctx"), c.req.valid("query")), 200),
    ),
  ];
}
