/** A sheet's result (scores, 问题, last year) and the 整改 of each problem. */
import { createRoute } from "@hono/zod-openapi";
import { getSheetResult, saveRectification } from "../../../services/index.ts";
import {
  Rectification,
  RectificationParams,
  RectificationRequest,
  SheetResult,
} from "../../../shared/result-schemas.ts";
import { IdParam } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import {
  body,
  can,
  defineRoute,
  json,
  PROTECTED_ERRORS,
  type RouteDef,
} from "../../route-table.ts";

const tags = ["results"];

export function resultRoutes({ database }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/evaluation-sheets/{id}/result",
        tags,
        summary:
          "评价结果 / total, grade, rank, group and indicator scores, 问题 with their 整改, last year's comparison",
        request: { params: IdParam },
        responses: { 200: json(SheetResult, "评价结果 / the result"), ...PROTECTED_ERRORS },
      }),
      can("evaluation:read"),
      async (c) => c.json(await getSheetResult(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(
      createRoute({
        method: "put",
        path: "/api/evaluation-sheets/{id}/rectifications/{key}",
        tags,
        summary:
          "整改 / record or change the rectification of one problem; a stale version is refused (409)",
        request: { params: RectificationParams, ...body(RectificationRequest) },
        responses: {
          200: json(Rectification, "已保存 / saved"),
          ...PROTECTED_ERRORS,
          409: PROTECTED_ERRORS[400],
          422: PROTECTED_ERRORS[400],
        },
      }),
      can("evaluation:fill"),
      async (c) => {
        const { id, key } = c.req.valid("param");
        return c.json(await saveRectification(db, c.get("ctx"), id, key, c.req.valid("json")), 200);
      },
    ),
  ];
}
