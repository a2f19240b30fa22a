/**
 * An allocation plan's flow: the review steps in the plan's words, with its own editing steps (copy
 * into a scenario, delete a draft scenario) and one rule of its own: one approved plan per group.
 */
import { DomainError } from "../errors.ts";
import {
  byEditor,
  type Flow,
  needsReason,
  REVIEW_STATUSES,
  type ReviewStatus,
  type ReviewSubject,
  reviewSteps,
} from "./review.ts";

export const PLAN_ACTIONS = [
  "save",
  "submit",
  "copy",
  "delete",
  "return",
  "approve",
  "reopen",
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** What the flow needs to know about a plan. */
export interface PlanState extends ReviewSubject {
  regionName: string;
  /** A copy in a base plan's group: only a scenario may be deleted. */
  isScenario: boolean;
  /** Another plan of the group that is approved (one approved plan per group), or null. */
  otherApproved: string | null;
}

export const PLAN_STATUS_ZH: Record<ReviewStatus, string> = {
  draft: "草稿",
  submitted: "已提交",
  returned: "已退回",
  approved: "已审定",
};
const STATUS_EN: Record<ReviewStatus, string> = {
  draft: "a draft",
  submitted: "submitted",
  returned: "returned",
  approved: "approved",
};
const ACTION_ZH: Record<PlanAction, string> = {
  save: "修改",
  submit: "提交",
  copy: "复制",
  delete: "删除",
  return: "退回",
  approve: "审定",
  reopen: "重新打开",
};
/** How the English refusals name an action: "it cannot be …". */
const ACTION_EN: Record<PlanAction, string> = {
  save: "edited",
  submit: "submitted",
  copy: "copied",
  delete: "deleted",
  return: "returned",
  approve: "approved",
  reopen: "reopened",
};

const notEditor = (plan: PlanState) =>
  new DomainError("allocation.not_editor", { region: plan.regionName });

const review = reviewSteps<PlanState>({
  notEditor,
  notReviewer: (plan, action) =>
    new DomainError("allocation.not_approver", {
      region: plan.regionName,
      action_zh: ACTION_ZH[action],
      action_en: action,
    }),
  selfApproval: () => new DomainError("allocation.self_approval"),
  notApprover: () => new DomainError("allocation.reopen_by_approver"),
  returnNeeds: needsReason(
    () =>
      new DomainError("allocation.comment_required", {
        what_zh: "退回意见",
        what_en: "the reason for returning it",
      }),
  ),
  reopenNeeds: needsReason(
    () =>
      new DomainError("allocation.comment_required", {
        what_zh: "重新打开的理由",
        what_en: "the reason for reopening",
      }),
  ),
  // The console may reopen any plan (there is no approver to ask).
  systemReopens: true,
});
const editor = byEditor(notEditor);

export const PLAN_FLOW: Flow<ReviewStatus, PlanAction, PlanState> = {
  actions: PLAN_ACTIONS,
  steps: {
    ...review,
    copy: { from: REVIEW_STATUSES, rules: [editor] },
    delete: {
      from: REVIEW_STATUSES,
      rules: [
        editor,
        (_, plan) =>
          plan.isScenario && plan.status === "draft"
            ? null
            : new DomainError("allocation.delete_scenario_only"),
      ],
    },
    approve: {
      ...review.approve,
      rules: [
        ...review.approve.rules,
        (_, plan) =>
          plan.otherApproved === null
            ? null
            : new DomainError("allocation.other_approved", { name: plan.otherApproved }),
      ],
    },
  },
  refuseStatus: (status, action) =>
    new DomainError("allocation.transition", {
      status_zh: PLAN_STATUS_ZH[status],
      status_en: STATUS_EN[status],
      action_zh: ACTION_ZH[action],
      action_en: ACTION_EN[action],
    }),
};
