// Results and 整改 through the services, on the demo data: 驻马店市's 98.1 with its two lost indicators
// and the checker's four findings (docs/seed-findings.md); a county records a rectification, the city
// verifies it; stale versions, a sibling county and unknown problems are refused; every change is
// audited; 驿城区's 2020 result is compared with its approved 2019 one.
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { COUNTY_COMPLETION, ZHUMADIAN_ENTRIES } from "../../../test/helpers/evaluation-entries.ts";
import { launchZhumadianTask } from "../../../test/helpers/evaluation-tasks.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { refusal } from "../../../test/helpers/refusals.ts";
import { auditLog, evaluationTasks } from "../../db/schema.ts";
import type { SheetEntries } from "../../domain/evaluations/index.ts";
import type { ServiceContext } from "../context.ts";
import {
  actOnSheet,
  createTask,
  getSheetResult,
  getTask,
  saveRectification,
  saveSheet,
} from "../index.ts";

// The day docs/seed-findings.md checks from.
const TODAY = { today: "2025-06-30" };

const A1 =
  "「A.1 资金筹集」得 9.1 分（分值 10 分），扣 0.9 分：地方财政补助资金：已做到：地方财政安排补助资金用于城镇老旧小区改造（5分），得5分；社会筹资比例：企业、居民等社会筹资占改造项目资金比例16.4%，低于20%的标准3.6个百分点，每低4个百分点扣1分，按比例连续计算，扣0.9分，得4.1分；合计得9.1分";

/** ZHUMADIAN_ENTRIES with another 社会筹资比例 (A.1's threshold part, 20% for full points). */
function withSocialShare(value: number): SheetEntries {
  return {
    ...ZHUMADIAN_ENTRIES,
    ...COUNTY_COMPLETION,
    "A.1": {
      facts: { parts: { local: { items: { arranged: true } }, social: { value } } },
      reason: "县区财政已安排配套资金",
    },
  };
}

describeOnBothDatabases("sheet results and rectifications", "demo", (db) => {
  let city: ServiceContext;
  let county: ServiceContext;
  let sibling: ServiceContext;
  let citySheet: number;
  let countySheet: number;
  let countyVersion: number;

  beforeAll(async () => {
    await addUser(db(), "zmd.finance", "finance", "411700");
    await addUser(db(), "yc.impl", "implementer", "411702");
    await addUser(db(), "xp.impl", "implementer", "411721");
    city = await actingAs(db(), "zmd.finance");
    county = await actingAs(db(), "yc.impl");
    sibling = await actingAs(db(), "xp.impl");
  });

  // Every test starts from the task just launched with both sheets entered, none rectified: the
  // tasks the city launched before go, their sheets and rectifications with them.
  beforeEach(async () => {
    if (!city.actor) throw new Error("the city acts as a user");
    await db().db.delete(evaluationTasks).where(eq(evaluationTasks.createdBy, city.actor.userId));
    const { sheetOf } = await launchZhumadianTask(db(), city, ["411700", "411702", "411721"]);
    citySheet = sheetOf("411700");
    countySheet = sheetOf("411702");
    await saveSheet(db().db, city, citySheet, { version: 1, entries: ZHUMADIAN_ENTRIES });
    // 驿城区 enters its completion figures (no 计划与完成 rows): 99.1, only A.1 short.
    countyVersion = (
      await saveSheet(db().db, county, countySheet, {
        version: 1,
        entries: { ...ZHUMADIAN_ENTRIES, ...COUNTY_COMPLETION },
      })
    ).version;
  });

  /**
   * 驿城区's rectification of A.1 up to the version the test needs: 1 in progress (deadline
   * 2021-06-30), 2 done with its result, 3 verified by the city with its follow-up.
   */
  async function rectifyA1(upTo: 1 | 2 | 3) {
    await saveRectification(
      db().db,
      county,
      countySheet,
      "A.1",
      {
        version: null,
        owner: " 驿城区财政局 ",
        deadline: "2021-06-30",
        status: "in-progress",
        result: "",
      },
      { today: "2021-05-01" },
    );
    if (upTo === 1) return;
    const done = {
      owner: "驿城区财政局",
      deadline: "2021-06-30",
      result: "已追加社会筹资，占比提高到 20.5%",
    };
    await saveRectification(db().db, county, countySheet, "A.1", {
      ...done,
      version: 1,
      status: "done",
    });
    if (upTo === 2) return;
    await saveRectification(
      db().db,
      city,
      countySheet,
      "A.1",
      { ...done, version: 2, status: "verified", followUp: "经复核，社会筹资已到位" },
      { today: "2022-01-01" },
    );
  }

  /** The audit trail's rows about this test's county sheet (the trail outlives earlier tests' tasks). */
  const ofCountySheet = () => sql`${auditLog.after}->>'sheetId' = ${String(countySheet)}`;

  it("gives the city's 98.1 with its groups, rank and 问题: two indicators, then the checker's four", async () => {
    const result = await getSheetResult(db().db, city, citySheet, TODAY);
    // The city's own sheet is not ranked against its county: no peer of its level.
    expect([result.total, result.grade, result.rate, result.rank, result.ranked]).toEqual([
      "98.1",
      "优",
      "98.10",
      null,
      0,
    ]);
    expect(result.groups.map((g) => [g.code, g.name, g.points, g.score, g.rate])).toEqual([
      ["A", "资金管理", "25", "24.1", "96.40"],
      ["B", "项目管理", "10", "10.0", "100.00"],
      ["C", "产出效益", "60", "59.0", "98.33"],
      ["D", "服务对象满意度", "5", "5.0", "100.00"],
    ]);
    expect(result.indicators).toHaveLength(12);
    expect(result.indicators.find((i) => i.code === "C.5")?.reason).toBe(
      "实际开工62395平方米，年度计划63120平方米，完成98.85%，低于计划1个百分点，扣1分，得9分",
    );
    expect(result.problems.map((p) => [p.severity, p.text.zh])).toEqual([
      ["warning", A1],
      [
        "warning",
        "「C.5 配建养老服务设施面积完成率」得 9 分（分值 10 分），扣 1 分：实际开工62395平方米，年度计划63120平方米，完成98.85%，低于计划1个百分点，扣1分，得9分",
      ],
      // docs/seed-findings.md, 驻马店市 2020, word for word.
      [
        "error",
        "「老旧小区居民满意度」得分为空，但「服务对象满意度」得 5 分已将其计入（其余指标合计 0 分）",
      ],
      ["warning", "「服务对象满意度」的分值为空，其下 1 项指标分值合计 5 分"],
      [
        "warning",
        "「老旧小区居民满意度」为定量指标（目标值 ≥80%），实际完成值“80%以上”不是具体数值，无法计算完成率",
      ],
      [
        "warning",
        "「配建养老服务设施面积」目标值 ≥63120平方米，实际完成 62395平方米，完成率 98.85%，未完成目标（差 725平方米）",
      ],
    ]);
    expect(result.problems.map((p) => p.key.replace(/:\d+:/, ":#:"))).toEqual([
      "A.1",
      "C.5",
      "score.blank-counted@411700:scores:#:score",
      "score.points-blank@411700:scores:#:points",
      "target.actual-not-figure@411700:targets:#:actual",
      "target.missed@411700:targets:#:actual",
    ]);
    expect(result.problems.every((p) => p.current && p.rectification === null)).toBe(true);
    expect(result.comparison).toBeNull();
    // The city fills its own sheet; only the province could review it.
    expect(result.can).toEqual({ fill: true, review: false });
  });

  it("attaches a county's rectification to its problem, overdue once the deadline has passed", async () => {
    const saved = await saveRectification(
      db().db,
      county,
      countySheet,
      "A.1",
      {
        version: null,
        owner: " 驿城区财政局 ",
        deadline: "2021-06-30",
        status: "in-progress",
        result: "",
      },
      { today: "2021-05-01" },
    );
    expect(saved).toMatchObject({
      problemKey: "A.1",
      description: A1,
      owner: "驿城区财政局",
      deadline: "2021-06-30",
      status: "in-progress",
      result: null,
      followUp: null,
      version: 1,
      overdue: false,
      createdBy: "yc.impl",
      updatedBy: "yc.impl",
    });
    const onTime = await getSheetResult(db().db, county, countySheet, { today: "2021-06-30" });
    expect(onTime.problems.map((p) => [p.key, p.rectification?.overdue ?? null])).toEqual([
      ["A.1", false],
    ]);
    const late = await getSheetResult(db().db, county, countySheet, { today: "2021-07-01" });
    expect(late.problems[0]?.rectification).toMatchObject({ id: saved.id, overdue: true });
    // 西平县 has no total yet: 驿城区 has no scored peer to rank against.
    expect([late.total, late.rank, late.ranked]).toEqual(["99.1", null, 0]);
    expect(late.can).toEqual({ fill: true, review: false });
  });

  it("refuses a stale version, keeping the saved record, and a done status without a result", async () => {
    await rectifyA1(1);
    const stale = await refusal(
      saveRectification(db().db, county, countySheet, "A.1", { version: null, status: "open" }),
    );
    expect(stale.code).toBe("rectification.version_conflict");
    expect(stale.message).toMatch(
      /^该问题的整改记录已被 yc\.impl 于 .+ 修改（第 1 版），您的修改未保存；请刷新后在最新版本上重新修改$/,
    );
    expect(
      await refusal(
        saveRectification(db().db, county, countySheet, "A.1", { version: 1, status: "done" }),
      ),
    ).toEqual({
      code: "rectification.result_required",
      message: "请先填写整改结果，再标记为“已整改”或“已验收”",
    });
    const done = await saveRectification(db().db, county, countySheet, "A.1", {
      version: 1,
      owner: "驿城区财政局",
      deadline: "2021-06-30",
      status: "done",
      result: "已追加社会筹资，占比提高到 20.5%",
    });
    expect([done.version, done.status, done.overdue]).toEqual([2, "done", false]);
    const second = await refusal(
      saveRectification(db().db, city, countySheet, "A.1", {
        version: 1,
        status: "in-progress",
        owner: "市财政局",
      }),
    );
    expect(second.code).toBe("rectification.version_conflict");
    expect(second.message).toContain("（第 2 版）");
    const kept = await getSheetResult(db().db, county, countySheet, TODAY);
    expect(kept.problems[0]?.rectification).toMatchObject({
      version: 2,
      owner: "驿城区财政局",
      status: "done",
      result: "已追加社会筹资，占比提高到 20.5%",
    });
  });

  it("lets only the city above verify or write the follow-up; a verified record is the city's", async () => {
    await rectifyA1(2);
    const notReviewer = {
      code: "rectification.not_reviewer",
      message: "只有评价对象的上级地区的审核人员可以验收整改、填写复核意见或修改已验收的整改",
    };
    const base = { version: 2, owner: "驿城区财政局", result: "已追加社会筹资，占比提高到 20.5%" };
    expect(
      await refusal(
        saveRectification(db().db, county, countySheet, "A.1", { ...base, status: "verified" }),
      ),
    ).toEqual(notReviewer);
    expect(
      await refusal(
        saveRectification(db().db, county, countySheet, "A.1", {
          ...base,
          status: "done",
          followUp: "已核实",
        }),
      ),
    ).toEqual(notReviewer);
    const verified = await saveRectification(
      db().db,
      city,
      countySheet,
      "A.1",
      { ...base, deadline: "2021-06-30", status: "verified", followUp: "经复核，社会筹资已到位" },
      { today: "2022-01-01" },
    );
    expect(verified).toMatchObject({
      version: 3,
      status: "verified",
      followUp: "经复核，社会筹资已到位",
      overdue: false,
      createdBy: "yc.impl",
      updatedBy: "zmd.finance",
    });
    expect(
      await refusal(
        saveRectification(db().db, county, countySheet, "A.1", {
          ...base,
          version: 3,
          status: "done",
          followUp: "经复核，社会筹资已到位",
        }),
      ),
    ).toEqual(notReviewer);
    const seen = await getSheetResult(db().db, city, countySheet, TODAY);
    expect(seen.can).toEqual({ fill: true, review: true });
  });

  it("shows a sibling county neither the result nor the rectification; an unknown problem is refused", async () => {
    await rectifyA1(3);
    const notFound = {
      code: "evaluation.sheet_not_found",
      message: `评价表 ${countySheet} 不存在`,
    };
    expect(await refusal(getSheetResult(db().db, sibling, countySheet, TODAY))).toEqual(notFound);
    expect(
      await refusal(
        saveRectification(db().db, sibling, countySheet, "A.1", { version: 3, status: "open" }),
      ),
    ).toEqual(notFound);
    expect(
      await refusal(
        saveRectification(db().db, county, countySheet, "Z.9", { version: null, status: "open" }),
      ),
    ).toEqual({
      code: "rectification.problem_unknown",
      message: `评价表 ${countySheet} 的问题清单中没有 Z.9`,
    });
  });

  it("audits every saved change with what it changed, in the county's region", async () => {
    await rectifyA1(3);
    const trail = await db()
      .db.select({
        action: auditLog.action,
        actor: auditLog.actorUsername,
        region: auditLog.regionCode,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "rectification"), ofCountySheet()))
      .orderBy(asc(auditLog.id));
    expect(trail).toEqual([
      {
        action: "rectification.create",
        actor: "yc.impl",
        region: "411702",
        before: null,
        after: {
          sheetId: countySheet,
          problemKey: "A.1",
          description: A1,
          owner: "驿城区财政局",
          deadline: "2021-06-30",
          status: "in-progress",
          version: 1,
        },
      },
      {
        action: "rectification.update",
        actor: "yc.impl",
        region: "411702",
        before: { status: "in-progress", result: null },
        after: {
          sheetId: countySheet,
          problemKey: "A.1",
          status: "done",
          result: "已追加社会筹资，占比提高到 20.5%",
          version: 2,
        },
      },
      {
        action: "rectification.update",
        actor: "zmd.finance",
        region: "411702",
        before: { status: "done", followUp: null },
        after: {
          sheetId: countySheet,
          problemKey: "A.1",
          status: "verified",
          followUp: "经复核，社会筹资已到位",
          version: 3,
        },
      },
    ]);
  });

  it("compares 驿城区's 2020 result with its approved 2019 sheet, group by group", async () => {
    const task2019 = await createTask(db().db, city, {
      name: "2019年老旧小区改造资金绩效自评",
      year: 2019,
      type: "self",
      frameworkCode: "zhumadian-2020",
      regionCode: "411700",
      regions: ["411702"],
    });
    const sheet2019 = (await getTask(db().db, city, task2019.id)).sheets[0]?.id ?? 0;
    // 2019: 社会筹资 12% (8 points short of 20%: −2, A.1 = 8) and 4800 of 5000 households started
    // (96%: 4 points short, −4, C.1 = 11): 94.0.
    const saved = await saveSheet(db().db, county, sheet2019, {
      version: 1,
      entries: {
        ...withSocialShare(12),
        "C.1": { facts: { actual: 4800, target: 5000 } },
      },
    });
    expect([saved.total, saved.grade]).toEqual(["94.0", "优"]);
    const submitted = await actOnSheet(db().db, county, sheet2019, {
      action: "submit",
      version: saved.version,
    });
    // Not approved yet: nothing to compare with.
    expect((await getSheetResult(db().db, county, countySheet, TODAY)).comparison).toBeNull();
    await actOnSheet(db().db, city, sheet2019, { action: "approve", version: submitted.version });

    const { comparison } = await getSheetResult(db().db, county, countySheet, TODAY);
    expect(comparison?.previous).toEqual({
      sheetId: sheet2019,
      taskId: task2019.id,
      taskName: "2019年老旧小区改造资金绩效自评",
      year: 2019,
      frameworkCode: "zhumadian-2020",
    });
    expect(comparison?.total).toEqual({
      code: "",
      name: "总分",
      level: 0,
      thisYear: { points: "100", score: "99.1", rate: "99.10" },
      lastYear: { points: "100", score: "94.0", rate: "94.00" },
      change: "5.1",
      rateChange: "5.10",
    });
    expect(comparison?.grade).toEqual({ thisYear: "优", lastYear: "优", changed: false });
    expect(
      comparison?.groups.map((g) => [
        g.name,
        g.thisYear?.score,
        g.lastYear?.score,
        g.change,
        g.thisYear?.rate,
        g.lastYear?.rate,
        g.rateChange,
      ]),
    ).toEqual([
      ["资金管理", "24.1", "23.0", "1.1", "96.40", "92.00", "4.40"],
      ["项目管理", "10.0", "10.0", "0.0", "100.00", "100.00", "0.00"],
      ["产出效益", "60.0", "56.0", "4.0", "100.00", "93.33", "6.67"],
      ["服务对象满意度", "5.0", "5.0", "0.0", "100.00", "100.00", "0.00"],
    ]);
    // 2019 itself has no 2018 sheet to compare with.
    expect((await getSheetResult(db().db, county, sheet2019, TODAY)).comparison).toBeNull();
  });

  it("keeps a rectification on its problem when the sheet is scored again, and after it is gone", async () => {
    await rectifyA1(3);
    countyVersion = (
      await saveSheet(db().db, county, countySheet, {
        version: countyVersion,
        entries: withSocialShare(18),
      })
    ).version;
    const rescored = await getSheetResult(db().db, county, countySheet, TODAY);
    const a1 = rescored.problems.find((p) => p.key === "A.1");
    // 2 points short of 20%: −0.5, A.1 = 9.5; the record keeps the text it was made for.
    expect(a1?.text.zh).toBe(
      "「A.1 资金筹集」得 9.5 分（分值 10 分），扣 0.5 分：地方财政补助资金：已做到：地方财政安排补助资金用于城镇老旧小区改造（5分），得5分；社会筹资比例：企业、居民等社会筹资占改造项目资金比例18%，低于20%的标准2个百分点，每低4个百分点扣1分，按比例连续计算，扣0.5分，得4.5分；合计得9.5分",
    );
    expect([a1?.current, a1?.rectification?.description, a1?.rectification?.version]).toEqual([
      true,
      A1,
      3,
    ]);

    await saveSheet(db().db, county, countySheet, {
      version: countyVersion,
      entries: withSocialShare(20),
    });
    const full = await getSheetResult(db().db, county, countySheet, TODAY);
    expect(full.total).toBe("100.0");
    expect(
      full.problems.map((p) => [p.key, p.current, p.text.zh, p.rectification?.status ?? null]),
    ).toEqual([["A.1", false, A1, "verified"]]);
    const stored = await db()
      .db.select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, "rectification"),
          eq(auditLog.actorUsername, "yc.impl"),
          ofCountySheet(),
        ),
      );
    expect(stored).toHaveLength(2);
  });
});
