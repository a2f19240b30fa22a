/**
 * Route definitions, no handlers (those are in src/api/routes/reports/report-jobs.ts). Reports
 * generated in the background, with progress, and the editable paragraphs of a sheet's report.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  NarrativeList,
  NarrativeParams,
  NarrativeQuery,
  NarrativeRequest,
  ReportJobAnswer,
  ReportJobList,
  ReportJobParams,
  ReportJobRequest,
} from "../report-schemas.ts";
import { IdParam } from "../schemas.ts";
import { body, json, PROTECTED_ERRORS } from "./helpers.ts";

const tags = ["reports"];

export const narrativesRoute = createRoute({
  method: "get",
  path: "/api/evaluation-sheets/{id}/narratives",
  tags,
  summary: "报告中可修改的段落 / a report's editable paragraphs, generated and as kept",
  request: { params: IdParam, query: NarrativeQuery },
  responses: { 200: json(NarrativeList, "段落 / paragraphs"), ...PROTECTED_ERRORS },
});

export const saveNarrativeRoute = createRoute({
  method: "put",
  path: "/api/evaluation-sheets/{id}/narratives/{key}",
  tags,
  summary:
    "修改报告段落 / keep a rewritten paragraph (text null goes back to the generated one), audited",
  request: { params: NarrativeParams, ...body(NarrativeRequest) },
  responses: { 200: json(NarrativeList, "已保存 / saved"), ...PROTECTED_ERRORS },
});

export const reportPreviewRoute = createRoute({
  method: "get",
  path: "/api/evaluation-sheets/{id}/report/preview",
  tags,
  summary: "报告预览 / the report as an HTML page, shown in the app before export",
  request: { params: IdParam, query: NarrativeQuery },
  responses: {
    200: { description: "HTML", content: { "text/html": { schema: z.string() } } },
    ...PROTECTED_ERRORS,
  },
});

export const startReportJobRoute = createRoute({
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
});

export const reportJobsRoute = createRoute({
  method: "get",
  path: "/api/report-jobs",
  tags,
  summary: "我的报告任务 / the user's recent report jobs with their progress",
  responses: { 200: json(ReportJobList, "报告任务 / jobs"), ...PROTECTED_ERRORS },
});

export const reportJobRoute = createRoute({
  method: "get",
  path: "/api/report-jobs/{id}",
  tags,
  summary: "报告任务进度 / one job's progress",
  request: { params: ReportJobParams },
  responses: { 200: json(ReportJobAnswer, "报告任务 / the job"), ...PROTECTED_ERRORS },
});

export const reportJobFileRoute = createRoute({
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
});
