// The one review workflow and its table engine, for the three subjects that use it: evaluation sheets,
// allocation plans and surveys' publish flow. Each allowed step with the status it leads to, each
// refused step with its code and message, and allowedActions() agreeing with transition() everywhere.
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { SHEET_FLOW, type SheetState } from "../evaluations/workflow.ts";
import { type PLAN_ACTIONS, PLAN_FLOW, type PlanState } from "./allocation-plan.ts";
import {
  allowedActions,
  assertFrom,
  type Flow,
  type FlowActor,
  type FlowInput,
  REVIEW_STATUSES,
  transition,
} from "./review.ts";
import { SURVEY_FLOW, SURVEY_FLOW_STATUSES, type SurveyState } from "./survey-publish.ts";

const editor: FlowActor = { userId: 7, canEdit: true, canReview: false };
const reviewer: FlowActor = { userId: 3, canEdit: true, canReview: true };
const system: FlowActor = { userId: null, canEdit: true, canReview: true };
const nobody: FlowActor = { userId: 9, canEdit: false, canReview: false };
const full: FlowInput = { comments: { "C.5": "请附开工证明" }, reason: "数据更正" };

const sheet = (status: SheetState["status"], extra: Partial<SheetState> = {}): SheetState => ({
  status,
  submittedBy: 7,
  approvedBy: 3,
  ...extra,
});
const plan = (status: PlanState["status"], extra: Partial<PlanState> = {}): PlanState => ({
  status,
  submittedBy: 7,
  approvedBy: 3,
  regionName: "驿城区",
  isScenario: false,
  otherApproved: null,
  ...extra,
});
const survey = (status: SurveyState["status"], extra: Partial<SurveyState> = {}): SurveyState => ({
  status,
  regionName: "杭州市",
  publishedVersion: status === "draft" ? null : 1,
  hasDraft: status === "draft",
  answers: 0,
  ...extra,
});

function refusal(run: () => unknown): { code: string; zh: string; en: string } {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) {
      return { code: err.code, zh: err.messageIn("zh-CN"), en: err.messageIn("en-US") };
    }
    throw err;
  }
  throw new Error("not refused");
}

describe("an evaluation sheet's flow", () => {
  it("takes every step its status allows, to the status the workflow names", () => {
    const steps: [SheetState["status"], SheetState["status"], FlowActor, string][] = [
      ["draft", "draft", editor, "save"],
      ["draft", "submitted", editor, "submit"],
      ["returned", "returned", editor, "save"],
      ["returned", "submitted", editor, "submit"],
      ["submitted", "returned", reviewer, "return"],
      ["approved", "returned", reviewer, "reopen"],
    ];
    for (const [from, to, actor, action] of steps) {
      const a = SHEET_FLOW.actions.find((x) => x === action);
      if (!a) throw new Error(action);
      expect(transition(SHEET_FLOW, sheet(from), a, actor, full), `${from} ${action}`).toBe(to);
    }
    expect(
      transition(SHEET_FLOW, sheet("submitted", { submittedBy: 7 }), "approve", reviewer),
    ).toBe("approved");
  });

  it("refuses every step its status does not allow, naming both in each language", () => {
    const allowed: Record<SheetState["status"], string[]> = {
      draft: ["save", "submit"],
      returned: ["save", "submit"],
      submitted: ["return", "approve"],
      approved: ["reopen"],
    };
    let refused = 0;
    for (const status of REVIEW_STATUSES) {
      for (const action of SHEET_FLOW.actions) {
        if (allowed[status].includes(action)) continue;
        const err = refusal(() => assertFrom(SHEET_FLOW, status, action));
        expect(err.code, `${status} ${action}`).toBe("evaluation.transition");
        refused++;
      }
    }
    expect(refused).toBe(4 * 5 - 7);
    expect(refusal(() => transition(SHEET_FLOW, sheet("approved"), "save", editor))).toEqual({
      code: "evaluation.transition",
      zh: "评价表当前为“已通过”，不能保存",
      en: "The sheet is approved; it cannot be saved",
    });
  });

  it("leaves returning and approving to reviewers, never to the submitter", () => {
    expect(
      refusal(() => transition(SHEET_FLOW, sheet("submitted"), "return", editor, full)),
    ).toEqual({
      code: "evaluation.not_reviewer",
      zh: "只有评价对象的上级地区的审核人员可以退回",
      en: "Only a reviewer of a region above the evaluated one may return it",
    });
    expect(
      refusal(() =>
        transition(SHEET_FLOW, sheet("submitted", { submittedBy: 3 }), "approve", reviewer),
      ),
    ).toEqual({
      code: "evaluation.self_approval",
      zh: "提交人不能审核通过自己提交的评价表",
      en: "The person who submitted a sheet cannot approve it",
    });
    expect(refusal(() => transition(SHEET_FLOW, sheet("draft"), "submit", nobody)).code).toBe(
      "evaluation.not_filler",
    );
  });

  it("reopens only by the approver (not the system), and only with a reason", () => {
    expect(
      refusal(() => transition(SHEET_FLOW, sheet("approved"), "reopen", editor, full)),
    ).toEqual({
      code: "evaluation.reopen_by_approver",
      zh: "已通过的评价表只能由审核通过它的人重新打开",
      en: "Only the approver can reopen an approved sheet",
    });
    expect(
      refusal(() => transition(SHEET_FLOW, sheet("approved"), "reopen", system, full)).code,
    ).toBe("evaluation.reopen_by_approver");
    expect(
      refusal(() => transition(SHEET_FLOW, sheet("approved"), "reopen", reviewer, { reason: " " })),
    ).toEqual({
      code: "evaluation.reason_required",
      zh: "请填写重新打开的理由",
      en: "Please give the reason for reopening",
    });
    expect(
      refusal(() =>
        transition(SHEET_FLOW, sheet("submitted"), "return", reviewer, { comments: { "": " " } }),
      ).en,
    ).toBe("Please give return comments (at least one)");
  });

  it("does not let an approver reopen once no longer a reviewer of the sheet", () => {
    // The approver (user 3) since made a viewer, or moved to another region: no reopen, not offered.
    const former: FlowActor = { userId: 3, canEdit: false, canReview: false };
    expect(
      refusal(() => transition(SHEET_FLOW, sheet("approved"), "reopen", former, full)),
    ).toEqual({
      code: "evaluation.not_reviewer",
      zh: "只有评价对象的上级地区的审核人员可以重新打开",
      en: "Only a reviewer of a region above the evaluated one may reopen it",
    });
    expect(allowedActions(SHEET_FLOW, former, sheet("approved"))).toEqual([]);
    expect(allowedActions(SHEET_FLOW, reviewer, sheet("approved"))).toEqual(["reopen"]);
  });

  it("offers what the actor may do now", () => {
    expect(allowedActions(SHEET_FLOW, editor, sheet("draft"))).toEqual(["save", "submit"]);
    expect(allowedActions(SHEET_FLOW, reviewer, sheet("submitted"))).toEqual(["return", "approve"]);
    expect(allowedActions(SHEET_FLOW, reviewer, sheet("submitted", { submittedBy: 3 }))).toEqual([
      "return",
    ]);
    expect(allowedActions(SHEET_FLOW, reviewer, sheet("approved"))).toEqual(["reopen"]);
    expect(allowedActions(SHEET_FLOW, editor, sheet("approved"))).toEqual([]);
    expect(allowedActions(SHEET_FLOW, nobody, sheet("draft"))).toEqual([]);
  });
});

describe("an allocation plan's flow", () => {
  it("runs draft → submitted → returned → submitted → approved → returned (reopened)", () => {
    const runs: [PlanState["status"], (typeof PLAN_ACTIONS)[number], FlowActor, string][] = [
      ["draft", "save", editor, "draft"],
      ["draft", "submit", editor, "submitted"],
      ["submitted", "return", reviewer, "returned"],
      ["returned", "submit", editor, "submitted"],
      ["submitted", "approve", reviewer, "approved"],
      ["approved", "reopen", reviewer, "returned"],
      ["approved", "copy", editor, "approved"],
      ["approved", "reopen", system, "returned"],
    ];
    for (const [from, action, actor, to] of runs) {
      expect(transition(PLAN_FLOW, plan(from), action, actor, full), `${from} ${action}`).toBe(to);
    }
    expect(transition(PLAN_FLOW, plan("draft", { isScenario: true }), "delete", editor)).toBe(
      "draft",
    );
  });

  it("names the plan's status and action in each language when refusing", () => {
    expect(refusal(() => transition(PLAN_FLOW, plan("approved"), "approve", reviewer))).toEqual({
      code: "allocation.transition",
      zh: "分配方案当前为“已审定”，不能审定",
      en: "The plan is approved; it cannot be approved",
    });
    expect(refusal(() => transition(PLAN_FLOW, plan("submitted"), "save", editor))).toEqual({
      code: "allocation.transition",
      zh: "分配方案当前为“已提交”，不能修改",
      en: "The plan is submitted; it cannot be edited",
    });
  });

  it("leaves editing to editors and approving to finance of the region, never the submitter", () => {
    expect(refusal(() => transition(PLAN_FLOW, plan("draft"), "submit", nobody))).toEqual({
      code: "allocation.not_editor",
      zh: "只有 驿城区 的主管部门或财政部门可以修改、提交分配方案",
      en: "Only the department or finance office of 驿城区 may change or submit the plan",
    });
    expect(refusal(() => transition(PLAN_FLOW, plan("submitted"), "approve", editor))).toEqual({
      code: "allocation.not_approver",
      zh: "只有 驿城区 或其上级的财政部门可以审定分配方案",
      en: "Only a finance office of 驿城区 or above may approve the plan",
    });
    expect(
      refusal(() =>
        transition(PLAN_FLOW, plan("submitted", { submittedBy: 3 }), "approve", reviewer),
      ).code,
    ).toBe("allocation.self_approval");
  });

  it("approves one plan per group, and deletes only a draft scenario", () => {
    expect(
      refusal(() =>
        transition(PLAN_FLOW, plan("submitted", { otherApproved: "方案A" }), "approve", reviewer),
      ),
    ).toEqual({
      code: "allocation.other_approved",
      zh: "同组的方案“方案A”已审定；一组方案只能审定一个，请先重新打开它",
      en: "Plan 方案A of the same group is approved; reopen it first (one approved plan per group)",
    });
    expect(refusal(() => transition(PLAN_FLOW, plan("draft"), "delete", editor)).code).toBe(
      "allocation.delete_scenario_only",
    );
    expect(
      refusal(() =>
        transition(PLAN_FLOW, plan("submitted", { isScenario: true }), "delete", editor),
      ).code,
    ).toBe("allocation.delete_scenario_only");
  });

  it("needs a comment to return and a reason to reopen, in English in English", () => {
    expect(refusal(() => transition(PLAN_FLOW, plan("submitted"), "return", reviewer))).toEqual({
      code: "allocation.comment_required",
      zh: "请填写退回意见",
      en: "Please give the reason for returning it",
    });
    expect(
      refusal(() => transition(PLAN_FLOW, plan("approved"), "reopen", reviewer, { reason: "  " })),
    ).toEqual({
      code: "allocation.comment_required",
      zh: "请填写重新打开的理由",
      en: "Please give the reason for reopening",
    });
    expect(
      refusal(() => transition(PLAN_FLOW, plan("approved"), "reopen", editor, full)).code,
    ).toBe("allocation.reopen_by_approver");
  });

  it("offers the actions in the page's order", () => {
    expect(allowedActions(PLAN_FLOW, editor, plan("draft"))).toEqual(["save", "submit", "copy"]);
    expect(allowedActions(PLAN_FLOW, reviewer, plan("draft", { isScenario: true }))).toEqual([
      "save",
      "submit",
      "copy",
      "delete",
    ]);
    expect(allowedActions(PLAN_FLOW, reviewer, plan("submitted"))).toEqual([
      "copy",
      "return",
      "approve",
    ]);
    expect(
      allowedActions(PLAN_FLOW, reviewer, plan("submitted", { otherApproved: "方案A" })),
    ).toEqual(["copy", "return"]);
    expect(allowedActions(PLAN_FLOW, system, plan("approved"))).toEqual(["copy", "reopen"]);
    expect(allowedActions(PLAN_FLOW, nobody, plan("approved"))).toEqual([]);
  });
});

describe("a survey's publish flow", () => {
  it("publishes a draft from any status, closes an open survey and reopens a closed one", () => {
    for (const status of SURVEY_FLOW_STATUSES) {
      expect(transition(SURVEY_FLOW, survey(status, { hasDraft: true }), "publish", editor)).toBe(
        "open",
      );
    }
    expect(transition(SURVEY_FLOW, survey("open"), "close", editor)).toBe("closed");
    expect(transition(SURVEY_FLOW, survey("closed"), "reopen", editor)).toBe("open");
    expect(transition(SURVEY_FLOW, survey("closed"), "delete", editor)).toBe("closed");
  });

  it("refuses what the status does not allow, with the survey's words", () => {
    expect(refusal(() => transition(SURVEY_FLOW, survey("closed"), "close", editor))).toEqual({
      code: "survey.transition",
      zh: "调查当前为“已关闭”，不能关闭收集",
      en: "the survey is closed: it cannot be given the action close",
    });
    expect(refusal(() => transition(SURVEY_FLOW, survey("draft"), "reopen", editor)).zh).toBe(
      "调查当前为“草稿”，不能重新开放",
    );
    // Closed without ever being published: nothing to collect with again.
    expect(
      refusal(() =>
        transition(SURVEY_FLOW, survey("closed", { publishedVersion: null }), "reopen", editor),
      ).code,
    ).toBe("survey.transition");
  });

  it("publishes only a draft, deletes only without answers, and only for editors", () => {
    expect(refusal(() => transition(SURVEY_FLOW, survey("open"), "publish", editor)).code).toBe(
      "survey.nothing_to_publish",
    );
    expect(
      refusal(() => transition(SURVEY_FLOW, survey("open", { answers: 12 }), "delete", editor)),
    ).toEqual({
      code: "survey.has_answers",
      zh: "已收集 12 份答卷，不能删除（答卷是评价的依据）",
      en: "12 answer(s) have been collected: it cannot be deleted (answers are evidence of the evaluation)",
    });
    expect(refusal(() => transition(SURVEY_FLOW, survey("open"), "close", nobody))).toEqual({
      code: "survey.not_editor",
      zh: "您不能修改杭州市的满意度调查：需要问卷编辑权限且调查属于本级或下级地区",
      en: "you cannot change the survey of 杭州市: it needs the survey editing permission and a survey of your region or below",
    });
  });

  it("offers what the page shows", () => {
    expect(allowedActions(SURVEY_FLOW, editor, survey("draft"))).toEqual(["publish", "delete"]);
    expect(allowedActions(SURVEY_FLOW, editor, survey("open", { answers: 3 }))).toEqual(["close"]);
    expect(allowedActions(SURVEY_FLOW, editor, survey("open", { hasDraft: true }))).toEqual([
      "publish",
      "close",
      "delete",
    ]);
    expect(allowedActions(SURVEY_FLOW, editor, survey("closed", { answers: 3 }))).toEqual([
      "reopen",
    ]);
    expect(allowedActions(SURVEY_FLOW, nobody, survey("draft"))).toEqual([]);
  });
});

const ids = [null, 3, 7, 9] as const;
const flags = [false, true] as const;
const actors: FlowActor[] = ids.flatMap((userId) =>
  flags.flatMap((canEdit) => flags.map((canReview) => ({ userId, canEdit, canReview }))),
);
const people = [null, 3, 7] as const;
const sheets: SheetState[] = REVIEW_STATUSES.flatMap((status) =>
  people.flatMap((submittedBy) =>
    people.map((approvedBy) => ({ status, submittedBy, approvedBy })),
  ),
);
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** For every subject and actor: allowed exactly when transition (given the input) succeeds. */
function agrees<Status extends string, Action extends string, Subject extends { status: Status }>(
  flow: Flow<Status, Action, Subject>,
  subjects: Subject[],
): number {
  let checked = 0;
  for (const subject of subjects) {
    for (const actor of actors) {
      const allowed = allowedActions(flow, actor, subject);
      const succeeds = flow.actions.filter((action) => {
        try {
          transition(flow, subject, action, actor, full);
          return true;
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          // The English refusal holds no Chinese word of the workflow's own.
          expect(err.messageIn("en-US"), `${err.code} ${action}`).not.toMatch(CJK);
          return false;
        }
      });
      expect(allowed, JSON.stringify({ subject, actor })).toEqual(succeeds);
      checked++;
    }
  }
  return checked;
}

describe("allowedActions and transition", () => {
  it("agree for every sheet status, submitter, approver and actor", () => {
    expect(agrees(SHEET_FLOW, sheets)).toBe(4 * 3 * 3 * 16);
  });

  it("agree for every plan status, scenario, group, submitter, approver and actor", () => {
    const plans = sheets.flatMap((s) =>
      flags.flatMap((isScenario) =>
        [null, "Plan A"].map((otherApproved) => ({
          ...s,
          regionName: "Yicheng",
          isScenario,
          otherApproved,
        })),
      ),
    );
    expect(agrees(PLAN_FLOW, plans)).toBe(4 * 3 * 3 * 2 * 2 * 16);
  });

  it("agree for every survey status, version, draft, answer count and actor", () => {
    const surveys = SURVEY_FLOW_STATUSES.flatMap((status) =>
      [null, 1].flatMap((publishedVersion) =>
        flags.flatMap((hasDraft) =>
          [0, 5].map((answers) => ({
            status,
            regionName: "Hangzhou",
            publishedVersion,
            hasDraft,
            answers,
          })),
        ),
      ),
    );
    expect(agrees(SURVEY_FLOW, surveys)).toBe(3 * 2 * 2 * 2 * 16);
  });
});
