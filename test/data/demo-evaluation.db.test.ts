// The demo holds a finished evaluation of 驻马店市 and its counties, run through the real workflow.
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { DomainError } from "../../src/domain/errors.ts";
import { getDashboard, getTask, rollUpTask, systemContext } from "../../src/services/index.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";

const system = systemContext("test");

/** The ten counties by score, as the demo's approved sheets rank them (ties share a rank). */
const COUNTY_RANKING = [
  ["驿城区", "99.1", "优", 1],
  ["泌阳县", "99.1", "优", 1],
  ["遂平县", "98.6", "优", 3],
  ["上蔡县", "98.1", "优", 4],
  ["正阳县", "97.1", "优", 5],
  ["确山县", "89.1", "良", 6],
  ["汝南县", "88.1", "良", 7],
  ["西平县", "81.1", "良", 8],
  ["平舆县", "58.1", "差", 9],
  ["新蔡县", "44.1", "差", 10],
];

describeOnBothDatabases("the demo evaluation", "demo", (db) => {
  let taskId: number;

  beforeAll(async () => {
    const result = await db().db.execute(sql`select id from evaluation_tasks`);
    const rows = (result as unknown as { rows: { id: number }[] }).rows;
    expect(rows).toHaveLength(1);
    taskId = Number(rows[0]?.id);
  });

  it("is approved for the city and its ten counties, the city scoring 98.1 from the demo data", async () => {
    const task = await getTask(db().db, system, taskId);
    expect(task.name).toBe("驻马店市2020年城镇老旧小区改造财政资金绩效评价");
    expect(task.sheets).toHaveLength(11);
    expect(task.sheets.every((s) => s.status === "approved")).toBe(true);
    const city = task.sheets.find((s) => s.regionCode === "411700");
    // The city's own sheet is not ranked against its counties.
    expect(city).toMatchObject({ total: "98.1", grade: "优", mode: "off-site", rank: null });
    expect(
      task.sheets
        .filter((s) => s.regionCode !== "411700")
        .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
        .map((s) => [s.regionName, s.total, s.grade, s.rank]),
    ).toEqual(COUNTY_RANKING);
  });

  it("rolls the counties up to the city: a mean of 85.25, published as 85.3 良, with the sum in words", async () => {
    const mean = await rollUpTask(db().db, system, taskId, "mean");
    expect(mean).toMatchObject({ score: "85.3", grade: "良", included: 10, notApproved: [] });
    expect(mean.reason).toBe(
      "10个下级区域得分的简单平均：(99.1 + 81.1 + 98.1 + 58.1 + 97.1 + 89.1 + 99.1 + 88.1 + 98.6 + 44.1) ÷ 10 = 85.25",
    );
    const own = await rollUpTask(db().db, system, taskId, "own");
    expect(own).toMatchObject({ score: "98.1", grade: "优" });
    // The demo has no community projects for the counties: nothing to weight by households.
    const weighted = await rollUpTask(db().db, system, taskId, "households-weighted").catch(
      (e: unknown) => e,
    );
    expect(weighted).toBeInstanceOf(DomainError);
    expect((weighted as DomainError).code).toBe("evaluation.rollup_failed");
    expect((weighted as DomainError).messageIn("zh-CN")).toContain(
      "区域 411702（驿城区）缺少加权所需的",
    );
  });

  it("feeds the dashboard: counties ranked by score, grades counted", async () => {
    const d = await getDashboard(db().db, system, { regionCode: "411700", year: 2020 });
    expect(d.scores.map((s) => [s.name, s.score, s.grade, s.scoreRank])).toEqual(COUNTY_RANKING);
    expect(d.grades).toMatchInlineSnapshot(`
      [
        {
          "count": 5,
          "grade": "优",
        },
        {
          "count": 3,
          "grade": "良",
        },
        {
          "count": 0,
          "grade": "中",
        },
        {
          "count": 2,
          "grade": "差",
        },
      ]
    `);
  });

  it("was launched, submitted and approved by the demo accounts, every step audited", async () => {
    const result = await db().db.execute(sql`
      select action, actor_username as actor, count(*)::int as n from audit_log
      where action like 'evaluation.%' group by action, actor_username order by action, actor_username`);
    expect((result as unknown as { rows: unknown[] }).rows).toMatchInlineSnapshot(`
      [
        {
          "action": "evaluation.approve",
          "actor": "henan.finance",
          "n": 1,
        },
        {
          "action": "evaluation.approve",
          "actor": "zmd.housing",
          "n": 10,
        },
        {
          "action": "evaluation.create",
          "actor": "zmd.housing",
          "n": 1,
        },
        {
          "action": "evaluation.save",
          "actor": "test",
          "n": 9,
        },
        {
          "action": "evaluation.save",
          "actor": "yicheng.impl",
          "n": 1,
        },
        {
          "action": "evaluation.save",
          "actor": "zmd.housing",
          "n": 1,
        },
        {
          "action": "evaluation.submit",
          "actor": "test",
          "n": 9,
        },
        {
          "action": "evaluation.submit",
          "actor": "yicheng.impl",
          "n": 1,
        },
        {
          "action": "evaluation.submit",
          "actor": "zmd.housing",
          "n": 1,
        },
      ]
    `);
  });
});
