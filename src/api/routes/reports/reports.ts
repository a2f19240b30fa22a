/** Reports of an evaluation sheet as files: the indicator score table in docx or xlsx. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  REPORT_FORMATS,
  regionReport,
  SHEET_TEMPLATES,
  sheetReport,
} from "../../../services/index.ts";
import { Year } from "../../../shared/data-schemas.ts";
import { IdParam, RegionCode } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, PROTECTED_ERRORS, type RouteDef } from "../../route-table.ts";
import { FILE_RESPONSE, fileBody } from "../datasets/schema.ts";

export function reportRoutes({ database, pdf }: AppDeps): RouteDef[] {
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/reports/monitoring",
        tags: ["reports"],
        summary:
          "绩效运行监控情况 / a region's spend against the schedule, progress and alerts, as docx, xlsx or pdf",
        request: {
          query: z.object({
            regionCode: RegionCode.optional(),
            year: Year,
            format: z.enum(REPORT_FORMATS).default("docx"),
          }),
        },
        responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
      }),
      can("data:read"),
      async (c) => {
        const { regionCode, year, format } = c.req.valid("query");
        const report = await regionReport(
          database.db,
          c.get("ctx"),
          { regionCode, year },
          format,
          pdf,
        );
        return fileBody(c, report, `monitoring.${format}`);
      },
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/evaluation-sheets/{id}/report",
        tags: ["reports"],
        summary:
          "评价报告文件 / a sheet's report (评分表) as docx, xlsx or pdf, every figure from the engine",
        request: {
          params: IdParam,
          query: z.object({
            template: z.enum(SHEET_TEMPLATES).default("score-table"),
            format: z.enum(REPORT_FORMATS).default("docx"),
          }),
        },
        responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
      }),
      can("evaluation:read"),
      async (c) => {
        const { template, format } = c.req.valid("query");
        const file = await sheetReport(
          database.db,
          c.get("ctx"),
          c.req.valid("param").id,
          template,
          format,
          pdf,
        );
        return fileBody(c, file, `report.${format}`);
      },
    ),
  ];
}
