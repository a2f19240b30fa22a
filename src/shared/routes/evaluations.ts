/**
 * Route definitions, no handlers (those are in src/api/routes/evaluations/evaluations.ts).
 * Evaluation tasks and their sheets: launch, list, fill, and the review workflow.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  ActionAnswer,
  EvidenceFile,
  EvidenceForm,
  EvidenceList,
  FrameworkChoice,
  NewTaskRequest,
  RollUpAnswer,
  RollUpMethodName,
  SaveAnswer,
  SaveSheetRequest,
  SheetActionRequest,
  SheetDetail,
  TaskDetail,
  TaskListQuery,
  TaskSummary,
} from "../evaluation-schemas.ts";
import { IdParam } from "../schemas.ts";
import { body, FILE_RESPONSE, json, PROTECTED_ERRORS, REFUSED } from "./helpers.ts";

const tags = ["evaluations"];

export const frameworksRoute = createRoute({
  method: "get",
  path: "/api/frameworks",
  tags,
  summary: "指标体系 / the built-in indicator frameworks a task may use",
  responses: {
    200: json(z.object({ items: z.array(FrameworkChoice) }), "指标体系 / frameworks"),
    ...PROTECTED_ERRORS,
  },
});

export const listTasksRoute = createRoute({
  method: "get",
  path: "/api/evaluations",
  tags,
  summary: "评价任务 / tasks launched in your region or with a sheet of it",
  request: { query: TaskListQuery },
  responses: {
    200: json(z.object({ items: z.array(TaskSummary) }), "评价任务 / tasks"),
    ...PROTECTED_ERRORS,
  },
});

export const createTaskRoute = createRoute({
  method: "post",
  path: "/api/evaluations",
  tags,
  summary: "发起评价任务 / launch a task: framework frozen, one draft sheet per region",
  request: body(NewTaskRequest),
  responses: {
    201: json(z.object({ id: z.number().int() }), "已发起 / launched"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const taskRoute = createRoute({
  method: "get",
  path: "/api/evaluations/{id}",
  tags,
  summary: "评价任务详情 / a task with the sheets you may see, ranked by total",
  request: { params: IdParam },
  responses: { 200: json(TaskDetail, "评价任务 / the task"), ...PROTECTED_ERRORS },
});

export const rollUpRoute = createRoute({
  method: "get",
  path: "/api/evaluations/{id}/roll-up",
  tags,
  summary: "汇总 / the launching region's result rolled up from its subregions' approved sheets",
  request: {
    params: IdParam,
    query: z.object({ method: RollUpMethodName.default("mean") }),
  },
  responses: { 200: json(RollUpAnswer, "汇总结果 / rolled up"), ...PROTECTED_ERRORS },
});

export const sheetRoute = createRoute({
  method: "get",
  path: "/api/evaluation-sheets/{id}",
  tags,
  summary: "评价表 / a sheet: entries, data-bound figures with sources, scores with reasons",
  request: { params: IdParam },
  responses: { 200: json(SheetDetail, "评价表 / the sheet"), ...PROTECTED_ERRORS },
});

export const saveSheetRoute = createRoute({
  method: "put",
  path: "/api/evaluation-sheets/{id}",
  tags,
  summary: "保存评价表 / save entries; a stale version is refused (409) and nothing is lost",
  request: { params: IdParam, ...body(SaveSheetRequest) },
  responses: { 200: json(SaveAnswer, "已保存 / saved"), ...PROTECTED_ERRORS, ...REFUSED },
});

export const actOnSheetRoute = createRoute({
  method: "post",
  path: "/api/evaluation-sheets/{id}/actions",
  tags,
  summary: "提交、退回、审核通过、重新打开 / submit, return, approve or reopen a sheet",
  request: { params: IdParam, ...body(SheetActionRequest) },
  responses: { 200: json(ActionAnswer, "已处理 / done"), ...PROTECTED_ERRORS, ...REFUSED },
});

export const evidenceListRoute = createRoute({
  method: "get",
  path: "/api/evaluation-sheets/{id}/evidence",
  tags,
  summary: "佐证材料 / a sheet's evidence files and the checklist of indicators without any",
  request: { params: IdParam },
  responses: { 200: json(EvidenceList, "佐证材料 / evidence"), ...PROTECTED_ERRORS },
});

export const uploadEvidenceRoute = createRoute({
  method: "post",
  path: "/api/evaluation-sheets/{id}/evidence",
  tags,
  summary:
    "上传佐证材料 / attach a file (PDF, docx, xlsx, JPG, PNG; 20 MB) to the sheet or an indicator",
  request: {
    params: IdParam,
    body: { content: { "multipart/form-data": { schema: EvidenceForm } }, required: true },
  },
  responses: {
    201: json(EvidenceFile, "已上传 / attached"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
    413: PROTECTED_ERRORS[400],
    415: PROTECTED_ERRORS[400],
  },
});

export const evidenceFileRoute = createRoute({
  method: "get",
  path: "/api/evidence/{id}",
  tags,
  summary: "下载佐证材料 / download an evidence file (for whoever may see its sheet)",
  request: { params: IdParam },
  responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
});

export const deleteEvidenceRoute = createRoute({
  method: "delete",
  path: "/api/evidence/{id}",
  tags,
  summary: "删除佐证材料 / remove a file from a sheet that can still be edited",
  request: { params: IdParam },
  responses: { 204: { description: "已删除 / removed" }, ...PROTECTED_ERRORS, ...REFUSED },
});
