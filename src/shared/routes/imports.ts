/**
 * Route definitions, no handlers (those are in src/api/routes/imports/imports.ts). Import records:
 * confirm a preview, list past imports.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { CommunityTotals, DatasetName, ImportList, ImportPreview, Year } from "../data-schemas.ts";
import { IdParam, Paging, RegionCode } from "../schemas.ts";
import { json, PROTECTED_ERRORS } from "./helpers.ts";

const tags = ["imports"];

export const commitImportRoute = createRoute({
  method: "post",
  path: "/api/imports/{id}/commit",
  tags,
  summary: "确认导入 / write a previewed import, all rows or none",
  request: { params: IdParam },
  responses: {
    200: json(ImportPreview, "已导入 / imported"),
    ...PROTECTED_ERRORS,
    409: PROTECTED_ERRORS[400],
    422: PROTECTED_ERRORS[400],
  },
});

export const listImportsRoute = createRoute({
  method: "get",
  path: "/api/imports",
  tags,
  summary: "导入记录 / imports in your region and below",
  request: {
    query: z.object({
      regionCode: RegionCode.optional(),
      dataset: DatasetName.optional(),
      year: Year.optional(),
      ...Paging,
    }),
  },
  responses: { 200: json(ImportList, "导入记录 / imports"), ...PROTECTED_ERRORS },
});

export const communityTotalsRoute = createRoute({
  method: "get",
  path: "/api/community-totals",
  tags: ["datasets"],
  summary: "小区台账汇总 / a region's totals from its community projects, per child region",
  request: { query: z.object({ regionCode: RegionCode.optional(), year: Year }) },
  responses: { 200: json(CommunityTotals, "汇总 / totals"), ...PROTECTED_ERRORS },
});
