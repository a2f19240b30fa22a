/** An evaluation task's own state: open (editable, extendable, cancellable) or cancelled (read-only). */

import { DomainError } from "../errors.ts";
import { auditTimeText } from "../time-text.ts";

export type TaskStatus = "open" | "cancelled";
export type TaskAction = "edit" | "extend" | "cancel";

interface TaskState {
  name: string;
  status: TaskStatus;
  cancelReason?: string | null;
  cancelledAt?: Date | null;
}

/** What may be done to a task in its state (the actor's permission is the policy's question). */
export function taskActions(status: TaskStatus): TaskAction[] {
  return status === "open" ? ["edit", "extend", "cancel"] : [];
}

/** Refuses any change to a cancelled task, or to one of its sheets, with when and why it was cancelled. */
export function assertTaskOpen(task: TaskState): void {
  if (task.status === "open") return;
  throw new DomainError("evaluation.task_cancelled", {
    name: task.name,
    at: task.cancelledAt ? auditTimeText(task.cancelledAt.toISOString()).slice(0, 10) : "—",
    reason: task.cancelReason ?? "—",
  });
}
