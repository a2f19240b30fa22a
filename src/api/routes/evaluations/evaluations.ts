/** Evaluation tasks and their sheets: launch, list, fill, and the review workflow. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  actOnSheet,
  createTask,
  deleteEvidence,
  downloadEvidence,
  frameworkChoices,
  getSheet,
  getTask,
  listEvidence,
  listTasks,
  rollUpTask,
  saveSheet,
  uploadEvidence,
} from "../../../services/index.ts";
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
} from "../../../shared/evaluation-schemas.ts";
import { IdParam } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import {
  body,
  can,
  defineRoute,
  json,
  PROTECTED_ERRORS,
  REFUSED,
  type RouteDef,
} from "../../route-table.ts";
import { FILE_RESPONSE, fileBody } from "../datasets/schema.ts";

const tags = ["evaluations"];

export function evaluationRoutes({ database, evidence }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/frameworks",
        tags,
        summary: "指标体系 / the built-in indicator frameworks a task may use",
        responses: {
          200: json(z.object({ items: z.array(FrameworkChoice) }), "指标体系 / frameworks"),
          ...PROTECTED_ERRORS,
        },
      }),
      can("evaluation:read"),
      async (c) => c.json({ items: frameworkChoices(c.get("ctx")) }, 200),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/evaluations",
        tags,
        summary: "评价任务 / tasks launched in your region or with a sheet of it",
        request: { query: TaskListQuery },
        responses: {
          200: json(z.object({ items: z.array(TaskSummary) }), "评价任务 / tasks"),
          ...PROTECTED_ERRORS,
        },
      }),
      can("evaluation:read"),
      async (c) => c.json({ items: await listTasks(db, c.get("ctx"), c.req.valid("query")) }, 200),
    ),
    defineRoute(
      createRoute({
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
      }),
      can("evaluation:manage"),
      async (c) => c.json(await createTask(db, c.get("ctx"), c.req.valid("json")), 201),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/evaluations/{id}",
        tags,
        summary: "评价任务详情 / a task with the sheets you may see, ranked by total",
        request: { params: IdParam },
        responses: { 200: json(TaskDetail, "评价任务 / the task"), ...PROTECTED_ERRORS },
      }),
      can("evaluation:read"),
      async (c) => c.json(await getTask(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/evaluations/{id}/roll-up",
        tags,
        summary:
          "汇总 / the launching region's result rolled up from its subregions' approved sheets",
        request: {
          params: IdParam,
          query: z.object({ method: RollUpMethodName.default("mean") }),
        },
        responses: { 200: json(RollUpAnswer, "汇总结果 / rolled up"), ...PROTECTED_ERRORS },
      }),
      can("evaluation:read"),
      async (c) =>
        c.json(
          await rollUpTask(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("query").method),
          200,
        ),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/evaluation-sheets/{id}",
        tags,
        summary: "评价表 / a sheet: entries, data-bound figures with sources, scores with reasons",
        request: { params: IdParam },
        responses: { 200: json(SheetDetail, "评价表 / the sheet"), ...PROTECTED_ERRORS },
      }),
      can("evaluation:read"),
      async (c) => c.json(await getSheet(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(
      createRoute({
        method: "put",
        path: "/api/evaluation-sheets/{id}",
        tags,
        summary: "保存评价表 / save entries; a stale version is refused (409) and nothing is lost",
        request: { params: IdParam, ...body(SaveSheetRequest) },
        responses: { 200: json(SaveAnswer, "已保存 / saved"), ...PROTECTED_ERRORS, ...REFUSED },
      }),
      can("evaluation:fill"),
      async (c) =>
        c.json(
          await saveSheet(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")),
          200,
        ),
    ),
    defineRoute(
      createRoute({
        method: "post",
        path: "/api/evaluation-sheets/{id}/actions",
        tags,
        summary: "提交、退回、审核通过、重新打开 / submit, return, approve or reopen a sheet",
        request: { params: IdParam, ...body(SheetActionRequest) },
        responses: { 200: json(ActionAnswer, "已处理 / done"), ...PROTECTED_ERRORS, ...REFUSED },
      }),
      can("evaluation:read"),
      async (c) =>
        c.json(
          await actOnSheet(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")),
          200,
        ),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/evaluation-sheets/{id}/evidence",
        tags,
        summary: "佐证材料 / a sheet's evidence files and the checklist of indicators without any",
        request: { params: IdParam },
        responses: { 200: json(EvidenceList, "佐证材料 / evidence"), ...PROTECTED_ERRORS },
      }),
      can("evaluation:read"),
      async (c) => c.json(await listEvidence(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(
      createRoute({
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
      }),
      can("evaluation:fill"),
      async (c) => {
        const form = c.req.valid("form");
        const answer = await uploadEvidence(db, evidence, c.get("ctx"), c.req.valid("param").id, {
          fileName: form.file.name || "evidence",
          bytes: new Uint8Array(await form.file.arrayBuffer()),
          indicatorCode: form.indicatorCode || null,
        });
        return c.json(answer, 201);
      },
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/evidence/{id}",
        tags,
        summary: "下载佐证材料 / download an evidence file (for whoever may see its sheet)",
        request: { params: IdParam },
        responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
      }),
      can("evaluation:read"),
      async (c) => {
        const file = await downloadEvidence(db, evidence, c.get("ctx"), c.req.valid("param").id);
        const ext = /\.[A-Za-z0-9]+$/.exec(file.fileName)?.[0] ?? "";
        return fileBody(c, file, `evidence${ext}`);
      },
    ),
    defineRoute(
      createRoute({
        method: "delete",
        path: "/api/evidence/{id}",
        tags,
        summary: "删除佐证材料 / remove a file from a sheet that can still be edited",
        request: { params: IdParam },
        responses: { 204: { description: "已删除 / removed" }, ...PROTECTED_ERRORS, ...REFUSED },
      }),
      can("evaluation:fill"),
      async (c) => {
        await deleteEvidence(db, c.get("ctx"), c.req.valid("param").id);
        return c.body(null, 204);
      },
    ),
  ];
}
