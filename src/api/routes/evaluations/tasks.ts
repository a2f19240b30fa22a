/** Changing an evaluation task after its launch: edit, extend with regions, cancel; and what it may cover. */
import { cancelTask, evaluableRegions, extendTask, updateTask } from "../../../services/index.ts";
import {
  cancelTaskRoute,
  evaluableRegionsRoute,
  extendTaskRoute,
  updateTaskRoute,
} from "../../../shared/routes/evaluation-tasks.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";

export function evaluationTaskRoutes({ database }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(evaluableRegionsRoute, can("evaluation:read"), async (c) =>
      c.json(
        { regions: await evaluableRegions(db, c.get("ctx"), c.req.valid("query").regionCode) },
        200,
      ),
    ),
    defineRoute(updateTaskRoute, can("evaluation:manage"), async (c) =>
      c.json(await updateTask(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
    ),
    defineRoute(extendTaskRoute, can("evaluation:manage"), async (c) =>
      c.json(await extendTask(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
    ),
    defineRoute(cancelTaskRoute, can("evaluation:manage"), async (c) =>
      c.json(await cancelTask(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
    ),
  ];
}
