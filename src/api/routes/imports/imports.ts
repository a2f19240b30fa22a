/** Import records: confirm a preview, list past imports. */
import { createRoute, z } from "@hono/zod-openapi";
import { commitImport, communityTotals, listImports } from "../../../services/index.ts";
import {
  CommunityTotals,
  DatasetName,
  ImportList,
  ImportPreview,
  Year,
} from "../../../shared/data-schemas.ts";
import { IdParam, Paging, RegionCode } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, json, PROTECTED_ERRORS, type RouteDef } from "../../route-table.ts";

const tags = ["imports"];

export function importRoutes({ database, uploadLimits }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(
      createRoute({
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
      }),
      can("data:write"),
      async (c) =>
        c.json(
          await commitImport(db, c.get("ctx"), c.req.valid("param").id, undefined, uploadLimits),
          200,
        ),
    ),
    defineRoute(
      createRoute({
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
      }),
      can("data:read"),
      async (c) => c.json(await listImports(db, c.get("ctx"), c.req.valid("query")), 200),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/community-totals",
        tags: ["datasets"],
        summary: "小区台账汇总 / a region's totals from its community projects, per child region",
        request: { query: z.object({ regionCode: RegionCode.optional(), year: Year }) },
        responses: { 200: json(CommunityTotals, "汇总 / totals"), ...PROTECTED_ERRORS },
      }),
      can("data:read"),
      async (c) => c.json(await communityTotals(db, c.get("ctx"), c.req.valid("query")), 200),
    ),
  ];
}
