/** The call of the dashboard API. */
import { dashboardRoute } from "../../../src/shared/routes/addresses.ts";
import { call, type RouteQuery } from "./call.ts";

export const dashboardApi = {
  dashboard: (query: RouteQuery<typeof dashboardRoute>) => call(dashboardRoute, { query }),
};
