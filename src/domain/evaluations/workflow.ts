/**
 * The review workflow of an evaluation sheet: draft → submitted → returned (with comments) →
 * submitted again → approved; an approved sheet is locked until its approver reopens it with a reason.
 */
import { DomainError } from "../errors.ts";

export const SHEET_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

export const SHEET_ACTIONS = ["save", "submit", "return", "approve", "reopen"] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];

export const STATUS_ZH: Record<SheetStatus, string> = {
  draft: "草稿",
  submitted: "已提交",
  returned: "已退回",
  approved: "已通过",
};
const ACTION_ZH: Record<SheetAction, string> = {
  save: "保存",
  submit: "提交",
  return: "退回",
  approve: "审核通过",
  reopen: "重新打开",
};
/** How the English refusals name a status and an action ("it cannot be …", "may … it"). */
const STATUS_EN: Record<SheetStatus, string> = {
  draft: "a draft",
  submitted: "submitted",
  returned: "returned",
  approved: "approved",
};
const ACTION_EN: Record<SheetAction, { done: string; verb: string }> = {
  save: { done: "saved", verb: "save" },
  submit: { done: "submitted", verb: "submit" },
  return: { done: "returned", verb: "return" },
  approve: { done: "approved", verb: "approve" },
  reopen: { done: "reopened", verb: "reopen" },
};

/** What the workflow needs to know about a sheet. */
export interface SheetState {
  status: SheetStatus;
  submittedBy: number | null;
  approvedBy: number | null;
}

/** What the workflow needs to know about who acts; the service works out the two flags. */
export interface WorkflowActor {
  userId: number | null;
  /** May fill in this sheet: the permission, and the sheet's region within the actor's. */
  canFill: boolean;
  /** May review this sheet: the permission, and a region strictly above the sheet's. */
  canReview: boolean;
}

export interface TransitionInput {
  /** Comments per indicator (and "" for the sheet as a whole) when returning. */
  comments?: Readonly<Record<string, string>>;
  /** Why an approved sheet is reopened. */
  reason?: string;
}

const FROM: Record<SheetAction, readonly SheetStatus[]> = {
  save: ["draft", "returned"],
  submit: ["draft", "returned"],
  return: ["submitted"],
  approve: ["submitted"],
  reopen: ["approved"],
};
const TO: Record<Exclude<SheetAction, "save">, SheetStatus> = {
  submit: "submitted",
  return: "returned",
  approve: "approved",
  reopen: "returned",
};

function refuse(code: "evaluation.transition", status: SheetStatus, action: SheetAction): never {
  throw new DomainError(
    code,
    {
      status_zh: STATUS_ZH[status],
      status_en: STATUS_EN[status],
      action_zh: ACTION_ZH[action],
      action_en: ACTION_EN[action].done,
    },
    { status, action },
  );
}

/** The status after an action, or the DomainError that says why it may not happen. */
export function transition(
  state: SheetState,
  action: SheetAction,
  actor: WorkflowActor,
  input: TransitionInput = {},
): SheetStatus {
  if (!FROM[action].includes(state.status)) refuse("evaluation.transition", state.status, action);
  switch (action) {
    case "save":
    case "submit":
      if (!actor.canFill) throw new DomainError("evaluation.not_filler", { region: "" });
      return action === "save" ? state.status : TO.submit;
    case "return": {
      if (!actor.canReview) {
        throw new DomainError("evaluation.not_reviewer", {
          action_zh: ACTION_ZH.return,
          action_en: ACTION_EN.return.verb,
        });
      }
      const comments = Object.values(input.comments ?? {}).filter((c) => c.trim() !== "");
      if (comments.length === 0) {
        throw new DomainError("evaluation.reason_required", {
          what_zh: "退回意见（至少一条）",
          what_en: "return comments (at least one)",
        });
      }
      return TO.return;
    }
    case "approve":
      if (!actor.canReview) {
        throw new DomainError("evaluation.not_reviewer", {
          action_zh: ACTION_ZH.approve,
          action_en: ACTION_EN.approve.verb,
        });
      }
      if (actor.userId !== null && actor.userId === state.submittedBy) {
        throw new DomainError("evaluation.self_approval");
      }
      return TO.approve;
    case "reopen":
      if (actor.userId === null || actor.userId !== state.approvedBy) {
        throw new DomainError("evaluation.reopen_by_approver");
      }
      if (!input.reason?.trim()) {
        throw new DomainError("evaluation.reason_required", {
          what_zh: "重新打开的理由",
          what_en: "the reason for reopening",
        });
      }
      return TO.reopen;
  }
}
