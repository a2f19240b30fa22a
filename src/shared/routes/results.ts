/**
 * Route definitions, no handlers (those are in src/api/routes/results/results.ts). A sheet's
 * result (scores, 问题, last year) and the 整改 of each problem.
 */
import { createRoute } from "@hono/zod-openapi";
import {
  Rectification,
  RectificationParams,
  RectificationRequest,
  SheetResult,
} from "../result-schemas.ts";
import { IdParam } from "../schemas.ts";
import { body, json, PROTECTED_ERRORS } from "./helpers.ts";

const tags = ["results"];

export const sheetResultRoute = createRoute({
  method: "get",
  path: "/api/evaluation-sheets/{id}/result",
  tags,
  summary:
    "评价结果 / total, grade, rank, group and indicator scores, 问题 with their 整改, last year's comparison",
  request: { params: IdParam },
  responses: { 200: json(SheetResult, "评价结果 / the result"), ...PROTECTED_ERRORS },
});

export const saveRectificationRoute = createRoute({
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
});
