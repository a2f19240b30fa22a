/** 待办与提醒: what waits for the signed-in user, overdue first. */
import { createRoute, z } from "@hono/zod-openapi";
import { listReminders } from "../../../services/index.ts";
import { RemindersAnswer } from "../../../shared/reminder-schemas.ts";
import { DateText } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, json, PROTECTED_ERRORS, type RouteDef } from "../../route-table.ts";

/** Today in China (UTC+8), where every deadline is set. */
function chinaToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

export function reminderRoutes({ database }: AppDeps): RouteDef[] {
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/reminders",
        tags: ["evaluations"],
        summary:
          "待办与提醒 / sheets to fill, revise or review and open rectifications, overdue first",
        request: { query: z.object({ today: DateText.optional() }) },
        responses: { 200: json(RemindersAnswer, "待办 / to do"), ...PROTECTED_ERRORS },
      }),
      can("evaluation:read"),
      async (c) =>
        c.json(
          await listReminders(
            database.db,
            c.get("ctx"),
            c.req.valid("query").today ?? chinaToday(),
          ),
          200,
        ),
    ),
  ];
}
