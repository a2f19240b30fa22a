/** 待办与提醒: the signed-in user's sheets to fill, revise or review and rectifications still open. */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/index.ts";
import {
  type Reminder,
  type ReminderRectification,
  type ReminderSheet,
  remindersFor,
} from "../../domain/evaluations/index.ts";
import type { ServiceContext } from "../context.ts";
import { authorize, scopePath } from "../policy.ts";
import { actorFor } from "./evaluation-service.ts";

/** At most this many sheets and rectifications are read; the rest wait for the next look. */
export const REMINDER_LIMIT = 500;

/** Everything waiting for the user in their region, overdue first; `today` is YYYY-MM-DD. */
export async function listReminders(
  db: DbOrTx,
  ctx: ServiceContext,
  today: string,
): Promise<{ today: string; overdue: number; items: Reminder[] }> {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const like = `${scopePath(ctx)}%`;
  const sheets = await queryRows(
    db,
    sql`select s.id, s.status, s.region_code as "regionCode", r.name as "regionName", r.path,
      t.id as "taskId", t.name as "taskName", t.deadline::text as deadline
    from evaluation_sheets s join evaluation_tasks t on t.id = s.task_id
    join regions r on r.code = s.region_code
    where r.path like ${like} and s.status <> 'approved' and t.status = 'open'
    order by t.deadline nulls last, r.path limit ${REMINDER_LIMIT}`,
  );
  const open = await queryRows(
    db,
    sql`select x.sheet_id as "sheetId", x.problem_key as "problemKey", x.description,
      x.deadline::text as deadline, x.status, t.name as "taskName", r.name as "regionName", r.path,
      s.region_code as "regionCode"
    from rectifications x join evaluation_sheets s on s.id = x.sheet_id
    join evaluation_tasks t on t.id = s.task_id join regions r on r.code = s.region_code
    where r.path like ${like} and x.status in ('open', 'in-progress')
    order by x.deadline nulls last limit ${REMINDER_LIMIT}`,
  );
  // Filling is the evaluated region's own work: offices above review, and are not reminded to fill.
  const own = (regionCode: string) => ctx.actor === null || ctx.actor.regionCode === regionCode;
  const items = remindersFor(
    sheets.map((s) => {
      const actor = actorFor(ctx, String(s.path));
      return {
        sheetId: Number(s.id),
        taskId: Number(s.taskId),
        taskName: String(s.taskName),
        regionCode: String(s.regionCode),
        regionName: String(s.regionName),
        status: s.status as ReminderSheet["status"],
        deadline: (s.deadline as string | null) ?? null,
        canFill: actor.canFill && own(String(s.regionCode)),
        canReview: actor.canReview,
      };
    }),
    open.map((x) => ({
      sheetId: Number(x.sheetId),
      taskName: String(x.taskName),
      regionName: String(x.regionName),
      problemKey: String(x.problemKey),
      description: String(x.description),
      deadline: (x.deadline as string | null) ?? null,
      status: x.status as ReminderRectification["status"],
      canFill: actorFor(ctx, String(x.path)).canFill && own(String(x.regionCode)),
    })),
    today,
  );
  return { today, overdue: items.filter((i) => i.overdue).length, items };
}
