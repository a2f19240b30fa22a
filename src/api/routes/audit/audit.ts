/** The audit trail, read-only. */
import { createRoute, z } from "@hono/zod-openapi";
import { listAudit } from "../../../services/index.ts";
import { AuditList, Paging, RegionCode } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, json, PROTECTED_ERRORS, type RouteDef } from "../../route-table.ts";

export function auditRoutes({ database }: AppDeps): RouteDef[] {
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/audit",
        tags: ["audit"],
        summary: "审计日志 / audit trail, newest first",
        request: {
          query: z.object({
            entity: z.string().max(40).optional(),
            action: z.string().max(40).optional(),
            actor: z.string().max(64).optional(),
            regionCode: RegionCode.optional(),
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
            ...Paging,
          }),
        },
        responses: { 200: json(AuditList, "审计记录 / entries"), ...PROTECTED_ERRORS },
      }),
      can("audit:read"),
      async (c) => {
        const q = c.req.valid("query");
        const result = await listAudit(database.db, c.get("ctx"), {
          ...q,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
        });
        return c.json(result, 200);
      },
    ),
  ];
}
