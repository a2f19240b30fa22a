import { describe, expect, it } from "vitest";
import { type ReminderSheet, remindersFor } from "./reminders.ts";

const sheet = (over: Partial<ReminderSheet>): ReminderSheet => ({
  sheetId: 1,
  taskId: 1,
  taskName: "2020年自评",
  regionCode: "411702",
  regionName: "驿城区",
  status: "draft",
  deadline: "2021-03-31",
  canFill: true,
  canReview: false,
  ...over,
});

describe("remindersFor", () => {
  it("lists what the user may do, overdue first, and leaves out what is not theirs", () => {
    const list = remindersFor(
      [
        sheet({ sheetId: 1, deadline: "2021-04-30" }),
        sheet({ sheetId: 2, status: "returned", deadline: "2021-03-31" }),
        sheet({ sheetId: 3, status: "submitted", canFill: true, canReview: false }),
        sheet({ sheetId: 4, status: "submitted", canReview: true, deadline: "2021-01-31" }),
        sheet({ sheetId: 5, status: "approved", canReview: true }),
        sheet({ sheetId: 6, canFill: false }),
      ],
      [
        {
          sheetId: 7,
          taskName: "2020年自评",
          regionName: "新蔡县",
          problemKey: "C.1",
          description: "「C.1 改造户数计划完成率」扣 15 分",
          deadline: "2021-04-10",
          status: "in-progress",
          canFill: true,
        },
        {
          sheetId: 8,
          taskName: "2020年自评",
          regionName: "新蔡县",
          problemKey: "C.2",
          description: "已整改",
          deadline: "2021-03-01",
          status: "done",
          canFill: true,
        },
      ],
      "2021-04-15",
    );
    expect(list.map((r) => [r.kind, r.sheetId, r.overdue, r.daysOverdue])).toEqual([
      ["revise", 2, true, 15],
      ["rectify", 7, true, 5],
      ["review", 4, false, 0],
      ["fill", 1, false, 0],
    ]);
    expect(list[1]?.problem).toBe("「C.1 改造户数计划完成率」扣 15 分");
  });

  it("is not overdue on the deadline day itself, nor without a deadline", () => {
    const list = remindersFor(
      [sheet({ sheetId: 1, deadline: "2021-03-31" }), sheet({ sheetId: 2, deadline: null })],
      [],
      "2021-03-31",
    );
    expect(list.map((r) => [r.sheetId, r.overdue])).toEqual([
      [1, false],
      [2, false],
    ]);
  });
});
