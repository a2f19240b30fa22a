/** 待办与提醒: what waits for the signed-in user, overdue first. */
import { listReminders } from "../../../services/index.ts";
import { remindersRoute } from "../../../shared/routes/reminders.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";

/** Today in China (UTC+8), where every deadline is set. */
function chinaToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

export function reminderRoutes({ database }: AppDeps): RouteDef[] {
  return [
    defineRoute(remindersRoute, can("evaluation:read"), async (c) =>
      c.json(
        await listReminders(database.db, c.get("ctx"), c.req.valid("query").today ?? chinaToday()),
        200,
      ),
    ),
  ];
}
