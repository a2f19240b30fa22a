/**
 * Route definitions, no handlers (those are in src/api/routes/dashboard/dashboard.ts). The
 * dashboard of a region's year: funds, spend, plan vs actual, regions ranked, grades, alerts.
 */
import { createRoute } from "@hono/zod-openapi";
import { DashboardAnswer, DashboardQuery } from "../dashboard-schemas.ts";
import { json, PROTECTED_ERRORS } from "./helpers.ts";

export const dashboardRoute = createRoute({
  method: "get",
  path: "/api/dashboard",
  tags: ["dashboard"],
  summary:
    "驾驶舱 / a region's year at a glance, summed by the database, with the regions one level down",
  request: { query: DashboardQuery },
  responses: { 200: json(DashboardAnswer, "驾驶舱 / dashboard"), ...PROTECTED_ERRORS },
});
