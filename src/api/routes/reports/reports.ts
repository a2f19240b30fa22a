/** Reports of an evaluation sheet as files: the indicator score table in docx or xlsx. */
import { createRoute, z } from "@hono/zod-openapi";
import { REPORT_FORMATS, REPORT_TEMPLATES, sheetReport } from "../../../services/index.ts";
import { IdParam } from "../../../shared/evaluation-schemas.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, PROTECTED_ERRORS, type RouteDef } from "../../route-table.ts";
import { attachment } from "../datasets/schema.ts";

export function reportRoutes({ database, pdf }: AppDeps): RouteDef[] {
  return [
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
            template: z.enum(REPORT_TEMPLATES).default("score-table"),
            format: z.enum(REPORT_FORMATS).default("docx"),
          }),
        },
        responses: {
          200: {
            content: {
              "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
            },
            description: "文件 / the file",
          },
          ...PROTECTED_ERRORS,
        },
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
        return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
          "Content-Type": file.contentType,
          "Content-Disposition": attachment(file.fileName, `report.${format}`),
          "X-Content-Type-Options": "nosniff",
        });
      },
    ),
  ];
}
