/**
 * Route definitions, no handlers (those are in src/api/routes/audit/audit.ts). The audit trail,
 * read-only: a page of entries, or the filtered log as .xlsx.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { AuditList, Paging, RegionCode } from "../schemas.ts";
import { FILE_RESPONSE, json, PROTECTED_ERRORS } from "./helpers.ts";

const AuditFilters = {
  entity: z.string().max(40).optional(),
  action: z.string().max(40).optional(),
  actor: z.string().max(64).optional(),
  regionCode: RegionCode.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};

export const listAuditRoute = createRoute({
  method: "get",
  path: "/api/audit",
  tags: ["audit"],
  summary: "审计日志 / audit trail, newest first",
  request: { query: z.object({ ...AuditFilters, ...Paging }) },
  responses: { 200: json(AuditList, "审计记录 / entries"), ...PROTECTED_ERRORS },
});

export const exportAuditRoute = createRoute({
  method: "get",
  path: "/api/audit/export",
  tags: ["audit"],
  summary:
    "导出审计日志 / the filtered audit trail as .xlsx in your language (newest 20,000 entries)",
  request: { query: z.object(AuditFilters) },
  responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
});
