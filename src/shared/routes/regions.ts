/**
 * Route definitions, no handlers (those are in src/api/routes/regions/regions.ts). The region
 * tree, one level per request.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { DatasetName } from "../data-schemas.ts";
import { RegionCode, RegionDetail, RegionList, RegionMatchList } from "../schemas.ts";
import { DataYears } from "../year-schemas.ts";
import { json, PROTECTED_ERRORS } from "./helpers.ts";

const tags = ["regions"];

const CodeParam = z.object({
  code: RegionCode.openapi({ param: { name: "code", in: "path", required: true } }),
});

export const regionChildrenRoute = createRoute({
  method: "get",
  path: "/api/regions/children",
  tags,
  summary: "下级区域 / child regions (without parent: your own region)",
  request: { query: z.object({ parent: RegionCode.optional() }) },
  responses: { 200: json(RegionList, "区域 / regions"), ...PROTECTED_ERRORS },
});

export const regionSearchRoute = createRoute({
  method: "get",
  path: "/api/regions/search",
  tags,
  summary: "查找区域 / regions in your scope by name or code prefix (not your own region)",
  request: { query: z.object({ q: z.string().min(1).max(40) }) },
  responses: { 200: json(RegionMatchList, "区域 / regions"), ...PROTECTED_ERRORS },
});

export const regionRoute = createRoute({
  method: "get",
  path: "/api/regions/{code}",
  tags,
  summary: "区域详情 / one region with its path",
  request: { params: CodeParam },
  responses: { 200: json(RegionDetail, "区域 / region"), ...PROTECTED_ERRORS },
});

export const regionYearsRoute = createRoute({
  method: "get",
  path: "/api/regions/{code}/years",
  tags,
  summary:
    "有数据的年度 / the years with data, tasks, plans or surveys in a region and below, newest first",
  request: { params: CodeParam, query: z.object({ dataset: DatasetName.optional() }) },
  responses: { 200: json(DataYears, "年度 / years"), ...PROTECTED_ERRORS },
});
