/** The audit trail, read-only: a page of entries, or the filtered log as .xlsx. */
import { exportAudit, listAudit } from "../../../services/index.ts";
import { exportAuditRoute, listAuditRoute } from "../../../shared/routes/audit.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";
import { fileBody } from "../datasets/schema.ts";

function datesOf<T extends { from?: string | undefined; to?: string | undefined }>(q: T) {
  return {
    ...q,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  };
}

export function auditRoutes({ database }: AppDeps): RouteDef[] {
  return [
    defineRoute(listAuditRoute, can("audit:read"), async (c) =>
      c.json(await listAudit(database.db, c.get("ctx"), datesOf(c.req.valid("query"))), 200),
    ),
    defineRoute(exportAuditRoute, can("audit:read"), async (c) =>
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
