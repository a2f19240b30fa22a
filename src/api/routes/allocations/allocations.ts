/** Allocation plans by the factor method: import, compute, edit, scenarios, compare, export, approve. */
import {
  actOnAllocationPlan,
  allocationDataFile,
  allocationModelFile,
  allocationWorkbook,
  compareAllocationPlans,
  copyAllocationPlan,
  createAllocationPlan,
  deleteAllocationPlan,
  getAllocationPlan,
  importAllocationData,
  listAllocationPlans,
  updateAllocationPlan,
} from "../../../services/index.ts";
import {
  actOnAllocationRoute,
  allocationDataFileRoute,
  allocationModelFileRoute,
  allocationRoute,
  compareAllocationsRoute,
  copyAllocationRoute,
  createAllocationRoute,
  deleteAllocationRoute,
  exportAllocationRoute,
  importAllocationDataRoute,
  listAllocationsRoute,
  updateAllocationRoute,
} from "../../../shared/routes/allocations.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";
import { fileBody } from "../datasets/schema.ts";

export function allocationRoutes({ database, uploadLimits }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(listAllocationsRoute, can("allocation:read"), async (c) =>
      c.json({ items: await listAllocationPlans(db, c.get("ctx"), c.req.valid("query")) }, 200),
    ),
    defineRoute(createAllocationRoute, can("allocation:edit"), async (c) =>
      c.json(await createAllocationPlan(db, c.get("ctx"), c.req.valid("json")), 201),
    ),
    defineRoute(compareAllocationsRoute, can("allocation:read"), async (c) => {
      const ids = c.req.valid("query").ids.split(",").map(Number);
      return c.json(await compareAllocationPlans(db, c.get("ctx"), ids), 200);
    }),
    defineRoute(allocationRoute, can("allocation:read"), async (c) =>
      c.json(
        await getAllocationPlan(db, c.get("ctx"), c.req.valid("param").id, c.get("locale")),
        200,
      ),
    ),
    defineRoute(updateAllocationRoute, can("allocation:edit"), async (c) =>
      c.json(
        await updateAllocationPlan(
          db,
          c.get("ctx"),
          c.req.valid("param").id,
          c.req.valid("json"),
          c.get("locale"),
        ),
        200,
      ),
    ),
    defineRoute(deleteAllocationRoute, can("allocation:edit"), async (c) => {
      await deleteAllocationPlan(db, c.get("ctx"), c.req.valid("param").id);
      return c.body(null, 204);
    }),
    defineRoute(copyAllocationRoute, can("allocation:edit"), async (c) =>
      c.json(
        await copyAllocationPlan(
          db,
          c.get("ctx"),
          c.req.valid("param").id,
          c.req.valid("json").name,
        ),
        201,
      ),
    ),
    defineRoute(actOnAllocationRoute, can("allocation:read"), async (c) =>
      c.json(
        await actOnAllocationPlan(
          db,
          c.get("ctx"),
          c.req.valid("param").id,
          c.req.valid("json"),
          c.get("locale"),
        ),
        200,
      ),
    ),
    defineRoute(exportAllocationRoute, can("allocation:read"), async (c) =>
      fileBody(
        c,
        await allocationWorkbook(db, c.get("ctx"), c.req.valid("param").id),
        "allocation.xlsx",
      ),
    ),
    defineRoute(allocationDataFileRoute, can("allocation:read"), async (c) =>
      fileBody(
        c,
        await allocationDataFile(db, c.get("ctx"), c.req.valid("param").id),
        "allocation-data.xlsx",
      ),
    ),
    defineRoute(importAllocationDataRoute, can("allocation:edit"), async (c) => {
      const form = c.req.valid("form");
      return c.json(
        await importAllocationData(
          db,
          c.get("ctx"),
          c.req.valid("param").id,
          {
            version: form.version,
            fileName: form.file.name || "分配数据.xlsx",
            bytes: new Uint8Array(await form.file.arrayBuffer()),
            limits: uploadLimits,
          },
          c.get("locale"),
        ),
        200,
      );
    }),
    defineRoute(allocationModelFileRoute, can("allocation:read"), async (c) =>
      fileBody(
        c,
        await allocationModelFile(db, c.get("ctx"), c.req.valid("param").id),
        "allocation.json",
      ),
    ),
  ];
}
