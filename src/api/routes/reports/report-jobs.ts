/** Reports generated in the background, with progress, and the editable paragraphs of a sheet's report. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  getReportJob,
  listNarratives,
  listReportJobs,
  reportJobFile,
  reportJobRunner,
  saveNarrative,
  sheetReportDocument,
  startReportJob,
} from "../../../services/index.ts";
import {
  NarrativeList,
  NarrativeParams,
  NarrativeQuery,
  NarrativeRequest,
  ReportJobAnswer,
  ReportJobList,
  ReportJobParams,
  ReportJobRequest,
} from "../../../shared/report-schemas.ts";
import { IdParam } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import {
  body,
  can,
  defineRoute,
  json,
  PROTECTED_ERRORS,
  type RouteDef,
  SIGNED_IN,
} from "../../route-table.ts";
import { attachment } from "../datasets/schema.ts";

const tags = ["reports"];

export function reportJobRoutes({ database, evidence, pdf, reportJobs }: AppDeps): RouteDef[] {
  const db = database.db;
  // The server passes its own (settings, polling, shutdown); an app without one runs jobs on request.
  const runner = reportJobs ?? reportJobRunner(db, pdf, { files: evidence });
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/evaluation-sheets/{id}/narratives",
        tags,
        summary: "报告中可修改的段落 / a report's editable paragraphs, generated and as kept",
        request: { params: IdParam, query: NarrativeQuery },
        responses: { 200: json(NarrativeList, "段落 / paragraphs"), ...PROTECTED_ERRORS },
      }),
      can("evaluation:read"),
      async (c) => {
        const { template } = c.req.valid("query");
        const items = await listNarratives(db, c.get("ctx"), c.req.valid("param").id, template);
        return c.json({ items }, 200);
      },
    ),
    defineRoute(
      createRoute({
        method: "put",
        path: "/api/evaluation-sheets/{id}/narratives/{key}",
        tags,
        summary:
          "修改报告段落 / keep a rewritten paragraph (text null goes back to the generated one), audited",
        request: { params: NarrativeParams, ...body(NarrativeRequest) },
        responses: { 200: json(NarrativeList, "已保存 / saved"), ...PROTECTED_ERRORS },
      }),
      can("evaluation:fill"),
      async (c) => {
        const { id, key } = c.req.valid("param");
        const { template, text } = c.req.valid("json");
        const items = await saveNarrative(db, c.get("ctx"), id, { template, key, text });
        return c.json({ items }, 200);
      },
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/evaluation-sheets/{id}/report/preview",
        tags,
        summary: "报告预览 / the report as an HTML page, shown in the app before export",
        request: { params: IdParam, query: NarrativeQuery },
        responses: {
          200: { description: "HTML", content: { "text/html": { schema: z.string() } } },
          ...PROTECTED_ERRORS,
        },
      }),
      can("evaluation:read"),
      async (c) => {
        const { template } = c.req.valid("query");
        const { doc } = await sheetReportDocument(
          db,
          c.get("ctx"),
          c.req.valid("param").id,
          template,
        );
        const { renderHtml } = await import("../../../reports/html.ts");
        return c.body(await renderHtml(doc), 200, {
          "Content-Type": "text/html; charset=utf-8",
          // The page is the report and nothing else: no script, no request out.
          "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
          "X-Content-Type-Options": "nosniff",
        });
      },
    ),
    defineRoute(
      createRoute({
        method: "post",
        path: "/api/report-jobs",
        tags,
        summary:
          "后台生成报告 / start a report in the background (a task's report of all its regions, or a sheet's); answers at once, running or queued with its place; 429 past the user's waiting jobs",
        request: body(ReportJobRequest),
        responses: {
          202: json(ReportJobAnswer, "已开始或排队 / started or queued"),
          ...PROTECTED_ERRORS,
          429: PROTECTED_ERRORS[400],
        },
      }),
      SIGNED_IN,
      async (c) => c.json(await startReportJob(db, c.get("ctx"), c.req.valid("json"), runner), 202),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/report-jobs",
        tags,
        summary: "我的报告任务 / the user's recent report jobs with their progress",
        responses: { 200: json(ReportJobList, "报告任务 / jobs"), ...PROTECTED_ERRORS },
      }),
      SIGNED_IN,
      async (c) => c.json({ items: await listReportJobs(db, c.get("ctx")) }, 200),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/report-jobs/{id}",
        tags,
        summary: "报告任务进度 / one job's progress",
        request: { params: ReportJobParams },
        responses: { 200: json(ReportJobAnswer, "报告任务 / the job"), ...PROTECTED_ERRORS },
      }),
      SIGNED_IN,
      async (c) => c.json(await getReportJob(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/report-jobs/{id}/file",
        tags,
        summary:
          "下载报告 / the finished job's file (409 while it runs), streamed from the file store on any node",
        request: { params: ReportJobParams },
        responses: {
          200: {
            description: "file",
            content: { "application/octet-stream": { schema: z.string() } },
          },
          ...PROTECTED_ERRORS,
          409: PROTECTED_ERRORS[400],
        },
      }),
      SIGNED_IN,
      async (c) => {
        const file = await reportJobFile(db, evidence, c.get("ctx"), c.req.valid("param").id);
        return c.body(file.body, 200, {
          "Content-Type": file.contentType,
          "Content-Length": String(file.size),
          "Content-Disposition": attachment(file.fileName, "report"),
          "X-Content-Type-Options": "nosniff",
        });
      },
    ),
  ];
}
