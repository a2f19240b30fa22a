/** Calls of the checker and monitoring API, and the addresses of their files. */
import {
  checksRoute,
  exportFindingsRoute,
  monitoringReportRoute,
  monitoringRoute,
} from "../../../src/shared/routes/addresses.ts";
import { call, hrefTo, type RouteQuery } from "./call.ts";

export type ReportFormat = NonNullable<RouteQuery<typeof monitoringReportRoute>["format"]>;

export const checkApi = {
  checks: (query: RouteQuery<typeof checksRoute>) => call(checksRoute, { query }),
  monitoring: (query: RouteQuery<typeof monitoringRoute>) => call(monitoringRoute, { query }),
};

/** The findings that pass the filters as .xlsx (headers in the language the request names). */
export const findingsExportUrl = (query: RouteQuery<typeof exportFindingsRoute>) =>
  hrefTo(exportFindingsRoute, { query });

/** 绩效运行监控情况 of a region's year as a file. */
export const monitoringReportUrl = (
  p: Omit<RouteQuery<typeof monitoringReportRoute>, "format">,
  format: ReportFormat,
) => hrefTo(monitoringReportRoute, { query: { ...p, format } });
