/** The dashboard of a region's year: funds, spend, plan vs actual, regions ranked, grades, alerts. */
import { createRoute } from "@hono/zod-openapi";
import { getDashboard } from "../../../services/index.ts";
import { DashboardAnswer, DashboardQuery } from "../../../shared/dashboard-schemas.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, json, PROTECTED_ERRORS, type RouteDef } from "../../route-table.ts";

export function dashboardRoutes({ database }: AppDeps): RouteDef[] {
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/dashboard",
        tags: ["dashboard"],
        summary:
          "驾驶舱 / a region's year at a glance, summed by the database, with the regions one level down",
        request: { query: DashboardQuery },
        responses: { 200: json(DashboardAnswer, "驾驶舱 / dashboard"), ...PROTECTED_ERRORS },
      }),
      can("data:read"),
      async (c) => c.json(await getDashboard(database.db, c.get("ctx"), c.req.valid("query")), 200),
    ),
  ];
}
