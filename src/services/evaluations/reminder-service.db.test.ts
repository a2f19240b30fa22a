// 待办与提醒: a county is reminded to fill (and told when it is late), the city to review.
import { beforeAll, beforeEach, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { COUNTY_COMPLETION, ZHUMADIAN_ENTRIES } from "../../../test/helpers/evaluation-entries.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { evaluationTasks } from "../../db/schema.ts";
import type { ServiceContext } from "../context.ts";
import { actOnSheet, saveSheet } from "./evaluation-service.ts";
import { createTask, getTask } from "./evaluation-task-service.ts";
import { listReminders } from "./reminder-service.ts";

describeOnBothDatabases("reminders", (db) => {
  let city: ServiceContext;
  let county: ServiceContext;
  let sibling: ServiceContext;
  let yicheng: number;

  beforeAll(async () => {
    await addUser(db(), "zmd.office", "department", "411700");
    await addUser(db(), "yc.clerk", "implementer", "411702");
    await addUser(db(), "xp.clerk", "implementer", "411721");
    city = await actingAs(db(), "zmd.office");
    county = await actingAs(db(), "yc.clerk");
    sibling = await actingAs(db(), "xp.clerk");
  });

  // Each test starts from a task just launched, whatever an earlier one submitted or returned: the
  // sheets go with their task.
  beforeEach(async () => {
    await db().db.delete(evaluationTasks);
    const task = await createTask(db().db, city, {
      name: "2020年县区自评",
      year: 2020,
      type: "self",
      frameworkCode: "zhumadian-2020",
      regionCode: "411700",
      deadline: "2021-03-31",
      regions: ["411702", "411721"],
    });
    const sheets = (await getTask(db().db, city, task.id)).sheets;
    yicheng = sheets.find((s) => s.regionCode === "411702")?.id ?? 0;
  });

  it("reminds each county of its own sheet only, late from the day after the deadline", async () => {
    const onTime = await listReminders(db().db, county, "2021-03-31");
    expect(onTime.items.map((r) => [r.kind, r.regionName, r.overdue])).toEqual([
      ["fill", "驿城区", false],
    ]);
    const late = await listReminders(db().db, sibling, "2021-04-15");
    expect(late).toMatchObject({ overdue: 1 });
    expect(late.items.map((r) => [r.kind, r.regionName, r.daysOverdue])).toEqual([
      ["fill", "西平县", 15],
    ]);
    // The city launched the task: nothing to fill for it, nothing submitted to review yet.
    expect((await listReminders(db().db, city, "2021-04-15")).items).toEqual([]);
  });

  it("moves a submitted sheet to the city's list, and a returned one back to the county as 修改", async () => {
    const saved = await saveSheet(db().db, county, yicheng, {
      version: 1,
      entries: { ...ZHUMADIAN_ENTRIES, ...COUNTY_COMPLETION },
    });
    const submitted = await actOnSheet(db().db, county, yicheng, {
      action: "submit",
      version: saved.version,
    });
    expect((await listReminders(db().db, county, "2021-04-01")).items).toEqual([]);
    const review = await listReminders(db().db, city, "2021-04-01");
    expect(review.items.map((r) => [r.kind, r.regionName, r.overdue])).toEqual([
      ["review", "驿城区", false],
    ]);
    await actOnSheet(db().db, city, yicheng, {
      action: "return",
      version: submitted.version,
      comments: { "C.1": "请附开工台账" },
    });
    const revise = await listReminders(db().db, county, "2021-04-01");
    expect(revise.items.map((r) => [r.kind, r.daysOverdue])).toEqual([["revise", 1]]);
  });
});
