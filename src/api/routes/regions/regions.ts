/** The region tree, one level per request. */
import { createRoute, z } from "@hono/zod-openapi";
import { getRegionDetail, listChildRegions } from "../../../services/index.ts";
import { RegionCode, RegionDetail, RegionList } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, json, PROTECTED_ERRORS, type RouteDef } from "../../route-table.ts";

const tags = ["regions"];

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
        path: "/api/regions/{code}",
        tags,
        summary: "区域详情 / one region with its path",
        request: {
          params: z.object({
            code: RegionCode.openapi({ param: { name: "code", in: "path", required: true } }),
          }),
        },
        responses: { 200: json(RegionDetail, "区域 / region"), ...PROTECTED_ERRORS },
      }),
      can("region:read"),
      async (c) => c.json(await getRegionDetail(db, c.get("ctx"), c.req.valid("param").code), 200),
    ),
  ];
}
