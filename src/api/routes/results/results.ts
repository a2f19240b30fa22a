/** A sheet's result (scores, 问题, last year) and the 整改 of each problem. */
import { getSheetResult, saveRectification } from "../../../services/index.ts";
import { saveRectificationRoute, sheetResultRoute } from "../../../shared/routes/results.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";

export function resultRoutes({ database }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(sheetResultRoute, can("evaluation:read"), async (c) =>
      c.json(await getSheetResult(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(saveRectificationRoute, can("evaluation:fill"), async (c) => {
      const { id, key } = c.req.valid("param");
      return c.json(await saveRectification(db, c.get("ctx"), id, key, c.req.valid("json")), 200);
    }),
  ];
}
