/**
 * Route definitions, no handlers (those are in src/api/routes/health/health.ts). Liveness and
 * database reachability: 200 when the database answers `select 1` in time, else 503.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { ErrorBody } from "../schemas.ts";
import { json } from "./helpers.ts";

const Health = z
  .object({ status: z.literal("ok"), db: z.enum(["pglite", "postgres"]) })
  .openapi("Health");

export const healthRoute = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["health"],
  summary: "健康检查 / health",
  responses: {
    200: json(Health, "正常 / up"),
    503: json(ErrorBody, "数据库无法连接，details.reason 说明原因 / database unreachable"),
  },
});
