/** 待办与提醒: what a user has to do on evaluation sheets and rectifications, and what is overdue. */

export type ReminderKind = "fill" | "revise" | "review" | "rectify";

export interface ReminderSheet {
  sheetId: number;
  taskId: number;
  taskName: string;
  regionCode: string;
  regionName: string;
  status: "draft" | "submitted" | "returned" | "approved";
  /** The task's deadline (YYYY-MM-DD), or null. */
  deadline: string | null;
  /** What the user may do to this sheet (from the workflow's actor rules). */
  canFill: boolean;
  canReview: boolean;
}

export interface ReminderRectification {
  sheetId: number;
  taskName: string;
  regionName: string;
  problemKey: string;
  description: string;
  deadline: string | null;
  status: "open" | "in-progress" | "done" | "verified";
  canFill: boolean;
}

export interface Reminder {
  kind: ReminderKind;
  sheetId: number;
  taskName: string;
  regionName: string;
  deadline: string | null;
  overdue: boolean;
  /** Days past the deadline (0 when not overdue or without one). */
  daysOverdue: number;
  /** The problem, for a rectification. */
  problem: string | null;
}

function daysLate(deadline: string | null, today: string): number {
  if (deadline === null || deadline >= today) return 0;
  return Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000,
  );
}

/**
 * The user's to-do list: sheets to fill (draft), to revise (returned), to review (submitted), and
 * rectifications still open; overdue first (the longest overdue first), then by deadline.
 */
export function remindersFor(
  sheets: readonly ReminderSheet[],
  rectifications: readonly ReminderRectification[],
  today: string,
): Reminder[] {
  const list: Reminder[] = [];
  for (const s of sheets) {
    const kind: ReminderKind | null =
      s.status === "draft" && s.canFill
        ? "fill"
        : s.status === "returned" && s.canFill
          ? "revise"
          : s.status === "submitted" && s.canReview
            ? "review"
            : null;
    if (kind === null) continue;
    // A reviewer is late only once the sheets are in: the deadline binds those who fill them.
    const days = kind === "review" ? 0 : daysLate(s.deadline, today);
    list.push({
      kind,
      sheetId: s.sheetId,
      taskName: s.taskName,
      regionName: s.regionName,
      deadline: s.deadline,
      overdue: days > 0,
      daysOverdue: days,
      problem: null,
    });
  }
  for (const r of rectifications) {
    if (!r.canFill || r.status === "done" || r.status === "verified") continue;
    const days = daysLate(r.deadline, today);
    list.push({
      kind: "rectify",
      sheetId: r.sheetId,
      taskName: r.taskName,
      regionName: r.regionName,
      deadline: r.deadline,
      overdue: days > 0,
      daysOverdue: days,
      problem: r.description,
    });
  }
  return list.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") ||
      a.sheetId - b.sheetId,
  );
}
