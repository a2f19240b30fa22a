/** Import records: confirm a preview, list past imports. */
import { commitImport, communityTotals, listImports } from "../../../services/index.ts";
import {
  commitImportRoute,
  communityTotalsRoute,
  listImportsRoute,
} from "../../../shared/routes/imports.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";

export function importRoutes({ database, uploadLimits }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(commitImportRoute, can("data:write"), async (c) =>
      c.json(
        await commitImport(db, c.get("ctx"), c.req.valid("param").id, undefined, uploadLimits),
        200,
      ),
    ),
    defineRoute(listImportsRoute, can("data:read"), async (c) =>
      c.json(await listImports(db, c.get("ctx"), c.req.valid("query")), 200),
    ),
    defineRoute(communityTotalsRoute, can("data:read"), async (c) =>
      c.json(await communityTotals(db, c.get("ctx"), c.req.valid("query")), 200),
    ),
  ];
}
