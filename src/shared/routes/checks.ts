/**
 * Route definitions, no handlers (those are in src/api/routes/checks/checks.ts). The checker's
 * findings and the monitoring view of a region's year.
 */
import { createRoute } from "@hono/zod-openapi";
import {
  CheckAnswer,
  CheckExportQuery,
  CheckListQuery,
  MonitoringAnswer,
  MonitoringQuery,
} from "../check-schemas.ts";
import { FILE_RESPONSE, json, PROTECTED_ERRORS } from "./helpers.ts";

const tags = ["checks"];

export const checksRoute = createRoute({
  method: "get",
  path: "/api/checks",
  tags,
  summary:
    "数据检查 / every finding of the checker for a region's year, with the candidate problems",
  request: { query: CheckListQuery },
  responses: { 200: json(CheckAnswer, "检查结果 / findings"), ...PROTECTED_ERRORS },
});

export const exportFindingsRoute = createRoute({
  method: "get",
  path: "/api/checks/export",
  tags,
  summary:
    "检查结果导出 / every finding that passes the filters as .xlsx, headers in the user's language",
  request: { query: CheckExportQuery },
  responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
});

export const monitoringRoute = createRoute({
  method: "get",
  path: "/api/monitoring",
  tags,
  summary: "绩效运行监控 / spend and completion by region against the time schedule, with alerts",
  request: { query: MonitoringQuery },
  responses: { 200: json(MonitoringAnswer, "监控 / monitoring"), ...PROTECTED_ERRORS },
});
