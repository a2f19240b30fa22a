// Evaluation tasks after launch: 河南省财政厅 launches over 驻马店市's counties and is the 发起单位;
// the task report counts only approved sheets; the deadline is edited (a stale version refused),
// two managers adding the same region at once make one sheet, and a cancelled task is read-only.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { COUNTY_COMPLETION, ZHUMADIAN_ENTRIES } from "../../../test/helpers/evaluation-entries.ts";
import { actingAs } from "../../../test/helpers/fixtures.ts";
import { refusalError } from "../../../test/helpers/refusals.ts";
import { auditLog, evaluationSheets, evaluationTasks } from "../../db/schema.ts";
import type { DomainError } from "../../domain/errors.ts";
import type { ServiceContext } from "../context.ts";
import {
  actOnSheet,
  cancelTask,
  createTask,
  evaluableRegions,
  extendTask,
  getSheet,
  getTask,
  listTasks,
  saveSheet,
  taskReportDocument,
  updateTask,
} from "../index.ts";

/** The code a call is refused with. */
const refusal = async (work: Promise<unknown>) => (await refusalError(work)).code;

const paragraphs = (doc: { blocks: { kind: string; text?: string }[] }) =>
  doc.blocks.flatMap((b) => (b.kind === "paragraph" && b.text ? [b.text] : []));

const TASK_NAME = "驻马店市2020年老旧小区改造资金绩效评价（省级抽查）";

describeOnBothDatabases("evaluation tasks after launch", "demo", (db) => {
  let province: ServiceContext;
  let city: ServiceContext;
  let county: ServiceContext;
  let taskId: number;

  beforeAll(async () => {
    province = await actingAs(db(), "henan.finance");
    city = await actingAs(db(), "zmd.housing");
    county = await actingAs(db(), "yicheng.impl");
  });

  // Every test starts from the province's task just launched, its four sheets drafts: the tasks
  // the tests launched before (their sheets with them) go, the demo's stay.
  beforeEach(async () => {
    await db()
      .db.delete(evaluationTasks)
      .where(inArray(evaluationTasks.name, [TASK_NAME, "误发起的评价任务"]));
    // The province chose 驻马店市 in the region tree to evaluate the city and three counties.
    taskId = (
      await createTask(db().db, province, {
        name: TASK_NAME,
        year: 2020,
        type: "finance",
        frameworkCode: "zhumadian-2020",
        regionCode: "411700",
        regions: ["411700", "411702", "411721", "411722"],
      })
    ).id;
  });

  /** 驿城区's sheet entered (99.1), submitted and approved by the city. */
  async function approveYicheng() {
    const sheet = (await getTask(db().db, province, taskId)).sheets.find(
      (s) => s.regionCode === "411702",
    );
    if (!sheet) throw new Error("驿城区");
    const saved = await saveSheet(db().db, county, sheet.id, {
      version: sheet.version,
      entries: { ...ZHUMADIAN_ENTRIES, ...COUNTY_COMPLETION },
    });
    const sent = await actOnSheet(db().db, county, sheet.id, {
      action: "submit",
      version: saved.version,
    });
    await actOnSheet(db().db, city, sheet.id, { action: "approve", version: sent.version });
  }

  it("names the launching unit 河南省财政厅 (河南省), not the region evaluated, with nothing scored yet", async () => {
    const task = await getTask(db().db, province, taskId);
    expect(task.launcher).toEqual({
      regionCode: "410000",
      regionName: "河南省",
      name: "河南省财政厅",
    });
    expect([task.regionName, task.status, task.version]).toEqual(["驻马店市", "open", 1]);
    expect(task.progress).toEqual({ total: 4, approved: 0, submitted: 0, notReported: 4 });
    expect(task.rollUpReady).toBe(false);
    expect(task.actions).toEqual(["edit", "extend", "cancel"]);
    // 驻马店市's own managers see the task but may not change the province's.
    expect((await getTask(db().db, city, taskId)).actions).toEqual([]);
    expect(await refusal(updateTask(db().db, city, taskId, { version: 1, name: "x" }))).toBe(
      "evaluation.task_manager",
    );
    const listed = (await listTasks(db().db, province, { year: 2020 })).find(
      (t) => t.id === taskId,
    );
    expect(listed?.launcher).toEqual({ regionName: "河南省", name: "河南省财政厅" });
  });

  it("offers 河南省, its cities and its counties for 全选 and 按级别选择", async () => {
    const regions = await evaluableRegions(db().db, province, "410000");
    expect(regions[0]).toEqual({
      code: "410000",
      name: "河南省",
      level: "province",
      parentCode: null,
    });
    const zmd = regions.filter((r) => r.parentCode === "411700").map((r) => r.name);
    expect(zmd).toContain("驿城区");
    expect(zmd).toContain("西平县");
    expect(new Set(regions.map((r) => r.level))).toEqual(new Set(["province", "city", "county"]));
  });

  it("reports deductions of the one approved sheet only: three drafts are 未填报, not deductions", async () => {
    const sheet = (await getTask(db().db, province, taskId)).sheets.find(
      (s) => s.regionCode === "411702",
    );
    if (!sheet) throw new Error("驿城区");
    const saved = await saveSheet(db().db, county, sheet.id, {
      version: sheet.version,
      entries: { ...ZHUMADIAN_ENTRIES, ...COUNTY_COMPLETION },
    });
    const sent = await actOnSheet(db().db, county, sheet.id, {
      action: "submit",
      version: saved.version,
    });
    await actOnSheet(db().db, city, sheet.id, { action: "approve", version: sent.version });
    const task = await getTask(db().db, province, taskId);
    expect(task.progress).toEqual({ total: 4, approved: 1, submitted: 0, notReported: 3 });
    expect(task.rollUpReady).toBe(true);
    const { doc } = await taskReportDocument(db().db, province, taskId);
    const text = paragraphs(doc);
    expect(text[0]).toMatch(
      /目前已审核1个、未审核0个、未填报3个；本报告的得分、排名和扣分只计已审核的1个地区（共4个）。$/,
    );
    expect(text[1]).toMatch(/^已审核评分1个地区（共4个），平均得分99\.1分/);
    const deductions = text.find((p) => p.startsWith("扣分地区最多的指标"));
    expect(deductions).toMatch(/已审核的1个地区中1个扣分/);
    const table = doc.blocks.find((b) => b.kind === "table" && b.name === "分地区评价情况");
    const rows = table?.kind === "table" ? table.rows : [];
    expect(rows.map((r) => [r[1]?.text, r.at(-3)?.text, r.at(-1)?.text])).toEqual([
      ["驻马店市", "—", "未填报"],
      ["驿城区", "99.1", "已审核"],
      ["西平县", "—", "未填报"],
      ["上蔡县", "—", "未填报"],
    ]);
  });

  it("moves the deadline with the current version and refuses a stale one, audited", async () => {
    const edited = await updateTask(db().db, province, taskId, {
      version: 1,
      deadline: "2021-04-30",
    });
    expect(edited).toMatchObject({ version: 2, deadline: "2021-04-30" });
    expect(await refusal(updateTask(db().db, province, taskId, { version: 1, name: "旧" }))).toBe(
      "evaluation.task_version_conflict",
    );
    const [entry] = await db()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "evaluation.edit"), eq(auditLog.entityId, String(taskId))));
    expect(entry?.after).toMatchObject({ deadline: "2021-04-30" });
    expect(entry?.before).toMatchObject({ deadline: null });
  });

  it("adds a region once when two managers add it at the same time", async () => {
    const outcomes = await Promise.allSettled([
      extendTask(db().db, province, taskId, { regions: ["411723"] }),
      extendTask(db().db, province, taskId, { regions: ["411723"] }),
    ]);
    const added = outcomes.flatMap((o) => (o.status === "fulfilled" ? o.value.added : []));
    expect(added).toEqual(["411723"]);
    const refused = outcomes.flatMap((o) =>
      o.status === "rejected" ? [(o.reason as DomainError).code] : [],
    );
    expect(refused).toEqual(["evaluation.regions_present"]);
    const sheets = await db()
      .db.select()
      .from(evaluationSheets)
      .where(and(eq(evaluationSheets.taskId, taskId), eq(evaluationSheets.regionCode, "411723")));
    expect(sheets.map((s) => s.status)).toEqual(["draft"]);
    expect(await refusal(extendTask(db().db, province, taskId, { regions: ["330100"] }))).toBe(
      "evaluation.regions_outside",
    );
  });

  it("cancels a task with a reason: read-only, audited; one with an approved sheet is refused", async () => {
    await approveYicheng();
    const { version } = await getTask(db().db, province, taskId);
    expect(await refusal(cancelTask(db().db, province, taskId, { version, reason: "重复" }))).toBe(
      "evaluation.cancel_approved",
    );
    const other = await createTask(db().db, province, {
      name: "误发起的评价任务",
      year: 2020,
      type: "finance",
      frameworkCode: "zhumadian-2020",
      regionCode: "411700",
      regions: ["411702"],
    });
    const done = await cancelTask(db().db, province, other.id, {
      version: 1,
      reason: "与省级抽查任务重复",
    });
    expect(done).toEqual({ id: other.id, status: "cancelled", version: 2 });
    const task = await getTask(db().db, province, other.id);
    expect([task.status, task.cancelReason, task.actions]).toEqual([
      "cancelled",
      "与省级抽查任务重复",
      [],
    ]);
    const sheetId = task.sheets[0]?.id ?? 0;
    expect((await getSheet(db().db, county, sheetId)).actions).toEqual([]);
    expect(await refusal(saveSheet(db().db, county, sheetId, { version: 1, entries: {} }))).toBe(
      "evaluation.task_cancelled",
    );
    expect(await refusal(extendTask(db().db, province, other.id, { regions: ["411721"] }))).toBe(
      "evaluation.task_cancelled",
    );
    const [entry] = await db()
      .db.select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "evaluation.cancel"), eq(auditLog.entityId, String(other.id))),
      );
    expect(entry?.after).toEqual({ status: "cancelled", reason: "与省级抽查任务重复" });
  });
});
