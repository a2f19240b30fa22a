/**
 * Route definitions, no handlers (those are in src/api/routes/reports/reports.ts). Reports of an
 * evaluation sheet as files: the indicator score table in docx or xlsx.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { Year } from "../data-schemas.ts";
import { FORMAT_NAMES, SHEET_TEMPLATES } from "../report-schemas.ts";
import { IdParam, RegionCode } from "../schemas.ts";
import { FILE_RESPONSE, PROTECTED_ERRORS } from "./helpers.ts";

export const monitoringReportRoute = createRoute({
  method: "get",
  path: "/api/reports/monitoring",
  tags: ["reports"],
  summary:
    "绩效运行监控情况 / a region's spend against the schedule, progress and alerts, as docx, xlsx or pdf",
  request: {
    query: z.object({
      regionCode: RegionCode.optional(),
      year: Year,
      format: z.enum(FORMAT_NAMES).default("docx"),
    }),
  },
  responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
});

export const sheetReportRoute = createRoute({
  method: "get",
  path: "/api/evaluation-sheets/{id}/report",
  tags: ["reports"],
  summary:
    "评价报告文件 / a sheet's report (评分表) as docx, xlsx or pdf, every figure from the engine",
  request: {
    params: IdParam,
    query: z.object({
      template: z.enum(SHEET_TEMPLATES).default("score-table"),
      format: z.enum(FORMAT_NAMES).default("docx"),
    }),
  },
  responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
});
