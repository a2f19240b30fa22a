/** Changing an evaluation task after its launch: edit, extend with regions, cancel; and what it may cover. */
import { createRoute, z } from "@hono/zod-openapi";
import { cancelTask, evaluableRegions, extendTask, updateTask } from "../../../services/index.ts";
import {
  EvaluableRegion,
  EvaluableRegionsQuery,
  TaskCancelAnswer,
  TaskCancelRequest,
  TaskEditAnswer,
  TaskEditRequest,
  TaskExtendAnswer,
  TaskExtendRequest,
} from "../../../shared/evaluation-task-schemas.ts";
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

const tags = ["evaluations"];

export function evaluationTaskRoutes({ database }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(
      createRoute({
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
      }),
      can("evaluation:read"),
      async (c) =>
        c.json(
          { regions: await evaluableRegions(db, c.get("ctx"), c.req.valid("query").regionCode) },
          200,
        ),
    ),
    defineRoute(
      createRoute({
        method: "patch",
        path: "/api/evaluations/{id}",
        tags,
        summary:
          "修改评价任务 / rename a task or move its deadline; a stale version is refused (409)",
        request: { params: IdParam, ...body(TaskEditRequest) },
        responses: {
          200: json(TaskEditAnswer, "已修改 / changed"),
          ...PROTECTED_ERRORS,
          ...REFUSED,
        },
      }),
      can("evaluation:manage"),
      async (c) =>
        c.json(
          await updateTask(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")),
          200,
        ),
    ),
    defineRoute(
      createRoute({
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
      }),
      can("evaluation:manage"),
      async (c) =>
        c.json(
          await extendTask(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")),
          200,
        ),
    ),
    defineRoute(
      createRoute({
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
      }),
      can("evaluation:manage"),
      async (c) =>
        c.json(
          await cancelTask(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")),
          200,
        ),
    ),
  ];
}
