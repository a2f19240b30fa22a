// The workflow's refusals in English: status, action and what is missing named in English, never in
// Chinese inside an English sentence (and the Chinese message unchanged).
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { type SheetState, transition, type WorkflowActor } from "./workflow.ts";

const county: WorkflowActor = { userId: 7, canFill: true, canReview: false };
const city: WorkflowActor = { userId: 3, canFill: true, canReview: true };
const sheet = (status: SheetState["status"]): SheetState => ({
  status,
  submittedBy: 7,
  approvedBy: 3,
});

function messages(run: () => unknown): [string, string] {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) return [err.messageIn("zh-CN"), err.messageIn("en-US")];
    throw err;
  }
  throw new Error("not refused");
}

describe("refusals in English", () => {
  it("names the status and the action in the message's language", () => {
    expect(messages(() => transition(sheet("approved"), "submit", county))).toEqual([
      "评价表当前为“已通过”，不能提交",
      "The sheet is approved; it cannot be submitted",
    ]);
    expect(messages(() => transition(sheet("draft"), "approve", city))).toEqual([
      "评价表当前为“草稿”，不能审核通过",
      "The sheet is a draft; it cannot be approved",
    ]);
  });

  it("names the reviewer's action and what a return or a reopening needs", () => {
    expect(messages(() => transition(sheet("submitted"), "return", county))[1]).toBe(
      "Only a reviewer of a region above the evaluated one may return it",
    );
    expect(
      messages(() => transition(sheet("submitted"), "return", city, { comments: {} })),
    ).toEqual(["请填写退回意见（至少一条）", "Please give return comments (at least one)"]);
    expect(messages(() => transition(sheet("approved"), "reopen", city))[1]).toBe(
      "Please give the reason for reopening",
    );
  });
});
