/**
 * Route definitions, no handlers (those are in src/api/routes/reminders/reminders.ts). 待办与提醒: what
 * waits for the signed-in user, overdue first.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { RemindersAnswer } from "../reminder-schemas.ts";
import { DateText } from "../schemas.ts";
import { json, PROTECTED_ERRORS } from "./helpers.ts";

export const remindersRoute = createRoute({
  method: "get",
  path: "/api/reminders",
  tags: ["evaluations"],
  summary: "待办与提醒 / sheets to fill, revise or review and open rectifications, overdue first",
  request: { query: z.object({ today: DateText.optional() }) },
  responses: { 200: json(RemindersAnswer, "待办 / to do"), ...PROTECTED_ERRORS },
});
