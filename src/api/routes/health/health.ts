/** Liveness and database reachability. */
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { AppDeps } from "../../env.ts";
import { defineRoute, json, PUBLIC, type RouteDef } from "../../route-table.ts";

const Health = z
  .object({ status: z.literal("ok"), db: z.enum(["pglite", "postgres"]) })
  .openapi("Health");

export function healthRoutes({ database }: AppDeps): RouteDef[] {
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/health",
        tags: ["health"],
        summary: "健康检查 / health",
        responses: { 200: json(Health, "正常 / up") },
      }),
      PUBLIC,
      async (c) => {
        await database.db.execute(sql`select 1`);
        return c.json({ status: "ok" as const, db: database.kind }, 200);
      },
    ),
  ];
}
