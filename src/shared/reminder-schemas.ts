/** The reminders API: what waits for the signed-in user. */
import { z } from "@hono/zod-openapi";

const Reminder = z.object({
  kind: z.enum(["fill", "revise", "review", "rectify"]),
  sheetId: z.number().int(),
  taskName: z.string(),
  regionName: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  problem: z.string().nullable(),
});

export const RemindersAnswer = z
  .object({ today: z.string(), overdue: z.number().int(), items: z.array(Reminder) })
  .openapi("Reminders");

export type RemindersT = z.infer<typeof RemindersAnswer>;
