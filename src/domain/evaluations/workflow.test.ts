// The review workflow: every allowed step, and each refusal with its reason.
import { describe, expect, it } from "vitest";
import { refusalNow } from "../../../test/helpers/refusals.ts";
import { type SheetState, transition, type WorkflowActor } from "./workflow.ts";

const county: WorkflowActor = { userId: 7, canFill: true, canReview: false };
const city: WorkflowActor = { userId: 3, canFill: true, canReview: true };
const sheet = (status: SheetState["status"], extra: Partial<SheetState> = {}): SheetState => ({
  status,
  submittedBy: null,
  approvedBy: null,
  ...extra,
});

describe("transition", () => {
  it("runs draft → submitted → returned → submitted → approved → returned (reopened)", () => {
    expect(transition(sheet("draft"), "save", county)).toBe("draft");
    expect(transition(sheet("draft"), "submit", county)).toBe("submitted");
    expect(
      transition(sheet("submitted"), "return", city, { comments: { "C.5": "请附开工证明" } }),
    ).toBe("returned");
    expect(transition(sheet("returned"), "save", county)).toBe("returned");
    expect(transition(sheet("returned"), "submit", county)).toBe("submitted");
    expect(transition(sheet("submitted", { submittedBy: 7 }), "approve", city)).toBe("approved");
    expect(
      transition(sheet("approved", { approvedBy: 3 }), "reopen", city, { reason: "数据更正" }),
    ).toBe("returned");
  });

  it("refuses a step the status does not allow, naming both", () => {
    expect(refusalNow(() => transition(sheet("approved"), "save", county))).toEqual({
      code: "evaluation.transition",
      message: "评价表当前为“已通过”，不能保存",
    });
    expect(refusalNow(() => transition(sheet("draft"), "approve", city)).message).toBe(
      "评价表当前为“草稿”，不能审核通过",
    );
  });

  it("leaves returning and approving to reviewers, and never to the submitter", () => {
    expect(refusalNow(() => transition(sheet("submitted"), "approve", county))).toEqual({
      code: "evaluation.not_reviewer",
      message: "只有评价对象的上级地区的审核人员可以审核通过",
    });
    expect(
      refusalNow(() => transition(sheet("submitted", { submittedBy: 3 }), "approve", city)).code,
    ).toBe("evaluation.self_approval");
  });

  it("needs a comment to return and a reason to reopen, and only the approver reopens", () => {
    expect(
      refusalNow(() => transition(sheet("submitted"), "return", city, { comments: { "": " " } })),
    ).toEqual({
      code: "evaluation.reason_required",
      message: "请填写退回意见（至少一条）",
    });
    expect(
      refusalNow(() =>
        transition(sheet("approved", { approvedBy: 9 }), "reopen", city, { reason: "x" }),
      ).code,
    ).toBe("evaluation.reopen_by_approver");
    expect(
      refusalNow(() => transition(sheet("approved", { approvedBy: 3 }), "reopen", city)).message,
    ).toBe("请填写重新打开的理由");
  });
});
