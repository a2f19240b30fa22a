/** The region tree, one level per request. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  getRegionDetail,
  listChildRegions,
  listDataYears,
  searchRegions,
} from "../../../services/index.ts";
import { DatasetName } from "../../../shared/data-schemas.ts";
import { RegionCode, RegionDetail, RegionList, RegionMatchList } from "../../../shared/schemas.ts";
import { DataYears } from "../../../shared/year-schemas.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, json, PROTECTED_ERRORS, type RouteDef } from "../../route-table.ts";

const tags = ["regions"];
const CodeParam = z.object({
  code: RegionCode.openapi({ param: { name: "code", in: "path", required: true } }),
});

export function regionRoutes({ database }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/regions/children",
        tags,
        summary: "下级区域 / child regions (without parent: your own region)",
        request: { query: z.object({ parent: RegionCode.optional() }) },
        responses: { 200: json(RegionList, "区域 / regions"), ...PROTECTED_ERRORS },
      }),
      can("region:read"),
      async (c) => {
        const { parent } = c.req.valid("query");
        return c.json({ regions: await listChildRegions(db, c.get("ctx"), parent) }, 200);
      },
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/regions/search",
        tags,
        summary: "查找区域 / regions in your scope by name or code prefix (not your own region)",
        request: { query: z.object({ q: z.string().min(1).max(40) }) },
        responses: { 200: json(RegionMatchList, "区域 / regions"), ...PROTECTED_ERRORS },
      }),
      can("region:read"),
      async (c) =>
        c.json({ regions: await searchRegions(db, c.get("ctx"), c.req.valid("query").q) }, 200),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/regions/{code}",
        tags,
        summary: "区域详情 / one region with its path",
        request: { params: CodeParam },
        responses: { 200: json(RegionDetail, "区域 / region"), ...PROTECTED_ERRORS },
      }),
      can("region:read"),
      async (c) => c.json(await getRegionDetail(db, c.get("ctx"), c.req.valid("param").code), 200),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/regions/{code}/years",
        tags,
        summary:
          "有数据的年度 / the years with data, tasks, plans or surveys in a region and below, newest first",
        request: { params: CodeParam, query: z.object({ dataset: DatasetName.optional() }) },
        responses: { 200: json(DataYears, "年度 / years"), ...PROTECTED_ERRORS },
      }),
      can("region:read"),
      async (c) =>
        c.json(
          await listDataYears(
            db,
            c.get("ctx"),
            c.req.valid("param").code,
            c.req.valid("query").dataset,
          ),
          200,
        ),
    ),
  ];
}
