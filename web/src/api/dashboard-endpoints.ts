/** Typed call of the dashboard API. */
import type { DashboardT } from "../../../src/shared/dashboard-schemas.ts";
import { request } from "./client.ts";

export const dashboardApi = {
  dashboard: (p: { regionCode: string; year: number }) =>
    request<DashboardT>("GET", "/api/dashboard", {
      query: { regionCode: p.regionCode, year: p.year },
    }),
};
