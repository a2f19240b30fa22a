/** The audit trail, read-only: a page of entries, or the filtered log as .xlsx. */
import { createRoute, z } from "@hono/zod-openapi";
import { exportAudit, listAudit } from "../../../services/index.ts";
import { AuditList, Paging, RegionCode } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, json, PROTECTED_ERRORS, type RouteDef } from "../../route-table.ts";
import { FILE_RESPONSE, fileBody } from "../datasets/schema.ts";

const AuditFilters = {
  entity: z.string().max(40).optional(),
  action: z.string().max(40).optional(),
  actor: z.string().max(64).optional(),
  regionCode: RegionCode.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};

function datesOf<T extends { from?: string | undefined; to?: string | undefined }>(q: T) {
  return {
    ...q,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  };
}

export function auditRoutes({ database }: AppDeps): RouteDef[] {
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/audit",
        tags: ["audit"],
        summary: "审计日志 / audit trail, newest first",
        request: { query: z.object({ ...AuditFilters, ...Paging }) },
        responses: { 200: json(AuditList, "审计记录 / entries"), ...PROTECTED_ERRORS },
      }),
      can("audit:read"),
      async (c) =>
        c.json(await listAudit(database.db, c.get("ctx"), datesOf(c.req.valid("query"))), 200),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/audit/export",
        tags: ["audit"],
        summary:
          "导出审计日志 / the filtered audit trail as .xlsx in your language (newest 20,000 entries)",
        request: { query: z.object(AuditFilters) },
        responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
      }),
      can("audit:read"),
      async (c) =>
        fileBody(
          c,
          await exportAudit(
            database.db,
            c.get("ctx"),
            datesOf(c.req.valid("query")),
            c.get("locale"),
          ),
          "audit-log.xlsx",
        ),
    ),
  ];
}
