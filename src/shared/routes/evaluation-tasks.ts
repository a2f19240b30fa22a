/**
 * Route definitions, no handlers (those are in src/api/routes/evaluations/tasks.ts). Changing an
 * evaluation task after its launch: edit, extend with regions, cancel; and what it may cover.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  EvaluableRegion,
  EvaluableRegionsQuery,
  TaskCancelAnswer,
  TaskCancelRequest,
  TaskEditAnswer,
  TaskEditRequest,
  TaskExtendAnswer,
  TaskExtendRequest,
} from "../evaluation-task-schemas.ts";
import { IdParam } from "../schemas.ts";
import { body, json, PROTECTED_ERRORS, REFUSED } from "./helpers.ts";

const tags = ["evaluations"];

export const evaluableRegionsRoute = createRoute({
  method: "get",
  path: "/api/evaluable-regions",
  tags,
  summary:
    "可评价地区 / a region with two levels below it (cities, counties), for 全选 and 按级别选择",
  request: { query: EvaluableRegionsQuery },
  responses: {
    200: json(z.object({ regions: z.array(EvaluableRegion) }), "地区 / regions"),
    ...PROTECTED_ERRORS,
  },
});

export const updateTaskRoute = createRoute({
  method: "patch",
  path: "/api/evaluations/{id}",
  tags,
  summary: "修改评价任务 / rename a task or move its deadline; a stale version is refused (409)",
  request: { params: IdParam, ...body(TaskEditRequest) },
  responses: {
    200: json(TaskEditAnswer, "已修改 / changed"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const extendTaskRoute = createRoute({
  method: "post",
  path: "/api/evaluations/{id}/regions",
  tags,
  summary:
    "增加评价地区 / add regions to an open task, one draft sheet each; a region already in it is not added twice",
  request: { params: IdParam, ...body(TaskExtendRequest) },
  responses: {
    200: json(TaskExtendAnswer, "已增加 / added"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const cancelTaskRoute = createRoute({
  method: "post",
  path: "/api/evaluations/{id}/cancel",
  tags,
  summary: "撤销评价任务 / cancel an open task with a reason; its sheets become read-only",
  request: { params: IdParam, ...body(TaskCancelRequest) },
  responses: {
    200: json(TaskCancelAnswer, "已撤销 / cancelled"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});
