/**
 * The review workflow of an evaluation sheet: draft → submitted → returned (with comments) →
 * submitted again → approved; an approved sheet is locked until its approver reopens it with a reason.
 */
import { DomainError } from "../errors.ts";
import {
  allowedActions,
  type Flow,
  type FlowActor,
  type FlowInput,
  needsComments,
  needsReason,
  REVIEW_STATUSES,
  type ReviewSubject,
  reviewSteps,
  transition as transitionIn,
} from "../workflow/review.ts";

export const SHEET_STATUSES = REVIEW_STATUSES;
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
export type SheetState = ReviewSubject;

/** What the workflow needs to know about who acts; the service works out the two flags. */
export interface WorkflowActor {
  userId: number | null;
  /** May fill in this sheet: the permission, and the sheet's region within the actor's. */
  canFill: boolean;
  /** May review this sheet: the permission, and a region strictly above the sheet's. */
  canReview: boolean;
}

export type TransitionInput = FlowInput;

/** The sheet's flow: the review steps in its words. */
export const SHEET_FLOW: Flow<SheetStatus, SheetAction, SheetState> = {
  actions: SHEET_ACTIONS,
  steps: reviewSteps<SheetState>({
    notEditor: () => new DomainError("evaluation.not_filler", { region: "" }),
    notReviewer: (_, action) =>
      new DomainError("evaluation.not_reviewer", {
        action_zh: ACTION_ZH[action],
        action_en: ACTION_EN[action].verb,
      }),
    selfApproval: () => new DomainError("evaluation.self_approval"),
    notApprover: () => new DomainError("evaluation.reopen_by_approver"),
    returnNeeds: needsComments(
      () =>
        new DomainError("evaluation.reason_required", {
          what_zh: "退回意见（至少一条）",
          what_en: "return comments (at least one)",
        }),
    ),
    reopenNeeds: needsReason(
      () =>
        new DomainError("evaluation.reason_required", {
          what_zh: "重新打开的理由",
          what_en: "the reason for reopening",
        }),
    ),
    systemReopens: false,
  }),
  refuseStatus: (status, action) =>
    new DomainError(
      "evaluation.transition",
      {
        status_zh: STATUS_ZH[status],
        status_en: STATUS_EN[status],
        action_zh: ACTION_ZH[action],
        action_en: ACTION_EN[action].done,
      },
      { status, action },
    ),
};

const asFlowActor = (actor: WorkflowActor): FlowActor => ({
  userId: actor.userId,
  canEdit: actor.canFill,
  canReview: actor.canReview,
});

/** The status after an action, or the DomainError that says why it may not happen. */
export function transition(
  state: SheetState,
  action: SheetAction,
  actor: WorkflowActor,
  input: TransitionInput = {},
): SheetStatus {
  return transitionIn(SHEET_FLOW, state, action, asFlowActor(actor), input);
}

/** The actions the actor may take on the sheet now (those transition() would accept, given the input). */
export function sheetActions(state: SheetState, actor: WorkflowActor): SheetAction[] {
  return allowedActions(SHEET_FLOW, asFlowActor(actor), state);
}
