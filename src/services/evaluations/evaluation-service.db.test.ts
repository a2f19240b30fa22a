// Evaluations through the services: a city launches a self-evaluation of itself and two counties;
// sheets read the demo data, are filled, returned, resubmitted, approved and reopened; every step
// audited; a stale save is refused without losing anything; a sibling county sees nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { COUNTY_COMPLETION, ZHUMADIAN_ENTRIES } from "../../../test/helpers/evaluation-entries.ts";
import { launchZhumadianTask } from "../../../test/helpers/evaluation-tasks.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { refusal } from "../../../test/helpers/refusals.ts";
import { upsertRows } from "../../db/dataset-repository.ts";
import { auditLog, evaluationTasks } from "../../db/schema.ts";
import { findDataset } from "../../domain/datasets/specs/index.ts";
import type { ServiceContext } from "../context.ts";
import {
  actOnSheet,
  createTask,
  getSheet,
  getTask,
  listTasks,
  saveSheet,
  sheetScorecard,
  systemContext,
  taskScorer,
} from "../index.ts";

const ENTRIES = ZHUMADIAN_ENTRIES;

describeOnBothDatabases("evaluations", "demo", (db) => {
  let province: ServiceContext;
  let city: ServiceContext;
  let county: ServiceContext;
  let sibling: ServiceContext;
  let taskId: number;
  /** The demo's finished evaluation of 驻马店市 and its counties (seedDemo runs it). */
  let demoTaskId: number;
  const sheetOf = async (regionCode: string) => {
    const task = await getTask(db().db, city, taskId);
    const sheet = task.sheets.find((s) => s.regionCode === regionCode);
    if (!sheet) throw new Error(regionCode);
    return sheet;
  };

  beforeAll(async () => {
    demoTaskId = (await listTasks(db().db, systemContext("test"), {}))[0]?.id ?? 0;
    await addUser(db(), "hn.finance", "finance", "410000");
    await addUser(db(), "zmd.finance", "finance", "411700");
    await addUser(db(), "yc.impl", "implementer", "411702");
    await addUser(db(), "xp.impl", "implementer", "411721");
    province = await actingAs(db(), "hn.finance");
    city = await actingAs(db(), "zmd.finance");
    county = await actingAs(db(), "yc.impl");
    sibling = await actingAs(db(), "xp.impl");
  });

  // Every test starts from the city's task just launched, every sheet a blank draft: the tasks the
  // city launched before (their sheets with them) go.
  beforeEach(async () => {
    if (!city.actor) throw new Error("the city acts as a user");
    await db().db.delete(evaluationTasks).where(eq(evaluationTasks.createdBy, city.actor.userId));
    taskId = (
      await launchZhumadianTask(db(), city, ["411700", "411702", "411721"], {
        deadline: "2021-03-31",
      })
    ).taskId;
  });

  /** 驻马店市's own sheet entered from ENTRIES off-site (98.1), still a draft. */
  async function enterCitySheet() {
    const { id, version } = await sheetOf("411700");
    await saveSheet(db().db, city, id, { version, entries: ENTRIES, mode: "off-site" });
  }

  /** 驻马店市's own sheet entered, submitted and approved by the province. */
  async function approveCitySheet() {
    await enterCitySheet();
    const { id, version } = await sheetOf("411700");
    const submitted = await actOnSheet(db().db, city, id, { action: "submit", version });
    await actOnSheet(db().db, province, id, { action: "approve", version: submitted.version });
  }

  /** 驿城区's sheet entered with its completion figures (99.1), submitted and approved by the city. */
  async function approveCountySheet() {
    const { id, version } = await sheetOf("411702");
    const saved = await saveSheet(db().db, county, id, {
      version,
      entries: { ...ENTRIES, ...COUNTY_COMPLETION },
    });
    const submitted = await actOnSheet(db().db, county, id, {
      action: "submit",
      version: saved.version,
    });
    await actOnSheet(db().db, city, id, { action: "approve", version: submitted.version });
  }

  it("launches a task on an uploaded framework file, frozen as uploaded; a broken file is refused with its lines", async () => {
    const text = readFileSync(
      join(import.meta.dirname, "../../../frameworks/mof-common-2020/framework.yaml"),
      "utf8",
    ).replace("code: mof-common-2020", "code: zmd-custom-2020");
    const uploaded = await createTask(db().db, city, {
      ...baseTask(),
      name: "按本市指标体系评价",
      frameworkCode: undefined,
      frameworkFile: { fileName: "本市指标体系.yaml", text },
      regions: ["411702"],
    });
    const task = await getTask(db().db, city, uploaded.id);
    expect([task.frameworkCode, task.frameworkName]).toEqual([
      "zmd-custom-2020",
      "项目支出绩效评价共性指标体系（模板，参照财预〔2020〕10号）",
    ]);
    const sheet = await getSheet(db().db, city, task.sheets[0]?.id ?? 0);
    expect(sheet.form.length).toBeGreaterThan(10);

    // 20 points more in one indicator: the points no longer add up to the framework's 100.
    const broken = text.replace(/points: 20\n/, "points: 40\n");
    expect(broken).not.toBe(text);
    const refused = await refusal(
      createTask(db().db, city, {
        ...baseTask(),
        frameworkCode: undefined,
        frameworkFile: { fileName: "坏的指标体系.yaml", text: broken },
      }),
    );
    expect(refused.code).toBe("evaluation.framework_invalid");
    expect(refused.message).toMatch(/^上传的指标体系 坏的指标体系\.yaml 有 \d+ 处错误：第 \d+ 行 /);
    const syntax = await refusal(
      createTask(db().db, city, {
        ...baseTask(),
        frameworkCode: undefined,
        frameworkFile: { fileName: "残缺.yaml", text: "code: [unclosed" },
      }),
    );
    expect(syntax.code).toBe("file.syntax");
    expect(syntax.message).toContain("残缺.yaml");
  });

  it("launches a task with one draft sheet per region, and refuses regions outside the launcher's", async () => {
    const task = await getTask(db().db, city, taskId);
    expect(task.sheets.map((s) => [s.regionName, s.status])).toEqual([
      ["驻马店市", "draft"],
      ["驿城区", "draft"],
      ["西平县", "draft"],
    ]);
    expect(
      await refusal(
        createTask(db().db, city, {
          name: "越界",
          year: 2020,
          type: "self",
          frameworkCode: "zhumadian-2020",
          regionCode: "411700",
          regions: ["411702", "410100"],
        }),
      ),
    ).toEqual({
      code: "evaluation.regions_outside",
      message: "评价范围中的地区 410100 不在发起地区 驻马店市 之内",
    });
    expect(
      (
        await refusal(
          createTask(db().db, county, { ...baseTask(), regionCode: "411702", regions: ["411702"] }),
        )
      ).code,
    ).toBe("access.forbidden");
  });

  it("fills the completion indicators from the demo data and scores the city's 98.1", async () => {
    const { id, version } = await sheetOf("411700");
    const empty = await getSheet(db().db, city, id);
    expect(empty.bound.map((b) => b.code)).toEqual(["C.1", "C.2", "C.3", "C.4", "C.5"]);
    expect(empty.pending).toEqual(["A.1", "A.2", "A.3", "B.1", "B.2", "C.6", "D.1"]);
    const saved = await saveSheet(db().db, city, id, {
      version,
      entries: ENTRIES,
      mode: "off-site",
    });
    expect(saved).toEqual({ version: version + 1, total: "98.1", grade: "优" });
    const sheet = await getSheet(db().db, city, id);
    expect(sheet.pending).toEqual([]);
    expect(sheet.scorecard.indicators.find((i) => i.code === "C.5")?.reason).toContain("62395");
    expect(sheet.actions).toEqual(["save", "submit"]);
  });

  it("lets only a region above approve: the province approves the city's own sheet", async () => {
    await enterCitySheet();
    const { id, version } = await sheetOf("411700");
    await actOnSheet(db().db, city, id, { action: "submit", version });
    expect(
      (await refusal(actOnSheet(db().db, city, id, { action: "approve", version: version + 1 })))
        .code,
    ).toBe("evaluation.not_reviewer");
    const approved = await actOnSheet(db().db, province, id, {
      action: "approve",
      version: version + 1,
    });
    expect(approved.status).toBe("approved");
  });

  it("saves a draft with a checklist item not given and a ratio half entered; submit names them by label", async () => {
    const sheet = await sheetOf("411721");
    const saved = await saveSheet(db().db, sibling, sheet.id, {
      version: sheet.version,
      entries: {
        "A.2": { facts: { items: { rules: true, timely: true } } },
        "C.1": { facts: { actual: "100" } },
      },
    });
    const detail = await getSheet(db().db, sibling, sheet.id);
    expect(detail.version).toBe(saved.version);
    expect(detail.incomplete).toEqual(["A.2", "C.1"]);
    expect(detail.pending).toContain("A.2");
    const refused = await refusal(
      actOnSheet(db().db, sibling, sheet.id, { action: "submit", version: saved.version }),
    );
    expect(refused.code).toBe("evaluation.indicators_incomplete");
    expect(refused.message).toMatch(
      /^还有 12 项指标未填写完整，不能提交：A\.1 资金筹集、A\.2 资金分配、/,
    );
    expect(refused.message).not.toMatch(/targeted|rules|timely/);
    // A figure that is wrong is still refused in a draft, naming the indicator.
    expect(
      await refusal(
        saveSheet(db().db, sibling, sheet.id, {
          version: saved.version,
          entries: { "C.1": { facts: { actual: "-3" } } },
        }),
      ),
    ).toMatchObject({ code: "evaluation.invalid_input" });
    // The refused save left the version as it was: a blank save on it is taken.
    await saveSheet(db().db, sibling, sheet.id, { version: saved.version, entries: {} });
  });

  it("runs a county through submit, return with comments, resubmit and approve, each step audited", async () => {
    const first = await sheetOf("411702");
    expect(
      await refusal(
        actOnSheet(db().db, county, first.id, { action: "submit", version: first.version }),
      ),
    ).toEqual({
      code: "evaluation.indicators_incomplete",
      message:
        "还有 12 项指标未填写完整，不能提交：A.1 资金筹集、A.2 资金分配、A.3 资金使用管理、B.1 政策公开、B.2 评价报告报送及时、完整性、C.1 改造户数计划完成率、C.2 改造面积计划完成率、C.3 改造楼栋计划完成率、C.4 改造小区计划完成率、C.5 配建养老服务设施面积完成率、C.6 工程质量、D.1 老旧小区居民满意度",
    });
    // 驿城区 has no 计划与完成 rows in the demo data: its five completion indicators are entered.
    const { "A.2": a2, ...rest } = { ...ENTRIES, ...COUNTY_COMPLETION };
    let v = (
      await saveSheet(db().db, county, first.id, {
        version: first.version,
        entries: { ...rest, "A.2": { facts: a2?.facts } },
      })
    ).version;
    expect(
      (await refusal(actOnSheet(db().db, county, first.id, { action: "submit", version: v })))
        .message,
    ).toBe("以下定性指标须填写评分依据后才能提交：A.2 资金分配");
    v = (
      await saveSheet(db().db, county, first.id, {
        version: v,
        entries: { ...ENTRIES, ...COUNTY_COMPLETION },
      })
    ).version;
    v = (await actOnSheet(db().db, county, first.id, { action: "submit", version: v })).version;
    expect(
      (await refusal(saveSheet(db().db, county, first.id, { version: v, entries: ENTRIES })))
        .message,
    ).toBe("评价表当前为“已提交”，不能保存");
    const returned = await actOnSheet(db().db, city, first.id, {
      action: "return",
      version: v,
      comments: { "C.5": "请补充配建养老服务设施开工证明" },
    });
    expect(returned.status).toBe("returned");
    const seen = await getSheet(db().db, county, first.id);
    expect(seen.comments).toEqual({ "C.5": "请补充配建养老服务设施开工证明" });
    v = (
      await actOnSheet(db().db, county, first.id, { action: "submit", version: returned.version })
    ).version;
    const approved = await actOnSheet(db().db, city, first.id, { action: "approve", version: v });
    expect(approved.status).toBe("approved");
    const trail = await db()
      .db.select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "evaluation_sheet"), eq(auditLog.entityId, String(first.id))));
    expect(trail.map((t) => t.action)).toEqual([
      "evaluation.save",
      "evaluation.save",
      "evaluation.submit",
      "evaluation.return",
      "evaluation.submit",
      "evaluation.approve",
    ]);
  });

  it("reopens an approved sheet only by its approver, with a reason", async () => {
    await approveCountySheet();
    const { id, version } = await sheetOf("411702");
    expect(
      (
        await refusal(
          actOnSheet(db().db, province, id, { action: "reopen", version, reason: "复核" }),
        )
      ).code,
    ).toBe("evaluation.reopen_by_approver");
    const reopened = await actOnSheet(db().db, city, id, {
      action: "reopen",
      version,
      reason: "县区更正开工数据",
    });
    expect(reopened.status).toBe("returned");
    expect((await getSheet(db().db, county, id)).comments).toEqual({ "": "县区更正开工数据" });
  });

  it("refuses the second of two saves on the same version, keeping the first", async () => {
    const { id, version } = await sheetOf("411721");
    const xp = await actingAs(db(), "xp.impl");
    await saveSheet(db().db, xp, id, { version, entries: { "B.1": { facts: { count: 1 } } } });
    const second = await refusal(
      saveSheet(db().db, city, id, { version, entries: { "B.1": { facts: { count: 2 } } } }),
    );
    expect(second.code).toBe("evaluation.version_conflict");
    expect(second.message).toMatch(
      new RegExp(
        `^评价表已被 xp\\.impl 于 .+ 修改（第 ${version + 1} 版），您的修改未保存；请刷新后在最新版本上重新修改$`,
      ),
    );
    expect((await getSheet(db().db, city, id)).entries).toEqual({ "B.1": { facts: { count: 1 } } });
  });

  it("shows a county its own sheet only; a sibling's is not found", async () => {
    await approveCitySheet();
    await approveCountySheet();
    const approved = await sheetOf("411702");
    await actOnSheet(db().db, city, approved.id, {
      action: "reopen",
      version: approved.version,
      reason: "县区更正开工数据",
    });
    const blank = await sheetOf("411721");
    await saveSheet(db().db, sibling, blank.id, {
      version: blank.version,
      entries: { "B.1": { facts: { count: 1 } } },
    });
    const task = await getTask(db().db, county, taskId);
    expect(task.sheets.map((s) => s.regionName)).toEqual(["驿城区"]);
    const theirs = await sheetOf("411721");
    expect((await refusal(getSheet(db().db, county, theirs.id))).code).toBe(
      "evaluation.sheet_not_found",
    );
    // This task and the demo's evaluation of 驻马店市 and its counties, newest first, each counting
    // only the sheet the county may see: its own.
    expect((await listTasks(db().db, sibling, {})).map((t) => [t.id, t.sheets])).toEqual([
      [taskId, 1],
      [demoTaskId, 1],
    ]);
    const ranking = await getTask(db().db, city, taskId);
    // 驿城区 met every completion target (C.5 too): 99.1. 西平县 has entered only 政策公开, one item
    // unpublished: 5 − 0.5 = 4.5, every other indicator 0 until entered. Only approved sheets rank:
    // 驿城区 (reopened and returned above) and 西平县's draft are not ranked.
    expect(ranking.sheets.map((s) => [s.regionName, s.total, s.status, s.rank])).toEqual([
      ["驻马店市", "98.1", "approved", null],
      ["驿城区", "99.1", "returned", null],
      ["西平县", "4.5", "draft", null],
    ]);
  });

  it("scores a whole task from one load of its data exactly as each sheet scores alone", async () => {
    // 2021 rows for two counties only: each county reads its own, the city the sum of the two.
    const spec = findDataset("plan-actual");
    if (!spec) throw new Error("plan-actual");
    const row = (regionCode: string, plan: string, actual: string) => ({
      regionCode,
      values: {
        stage: "started",
        planHouseholds: plan,
        actualHouseholds: actual,
        asOf: "2021-12-31",
      } as Record<string, string | null>,
    });
    await db().db.transaction((tx) =>
      upsertRows(
        tx,
        spec,
        2021,
        [row("411702", "1000", "1000"), row("411721", "1000", "900")],
        null,
      ),
    );
    const task = await createTask(db().db, city, {
      ...baseTask(),
      year: 2021,
      regionCode: "411700",
      regions: ["411700", "411702", "411721"],
    });
    const scoreOf = await taskScorer(db().db, city, task.id);
    const sheets = (await getTask(db().db, city, task.id)).sheets;
    const c1 = (code: string) => {
      const card = scoreOf(sheets.find((s) => s.regionCode === code)?.id ?? 0);
      return card.indicators.find((i) => i.code === "C.1")?.score.toString();
    };
    // Zhumadian C.1: 15 points, 1 off per whole point short; 900 of 1000 is 10 short; the city 1900 of 2000 is 5.
    expect([c1("411702"), c1("411721"), c1("411700")]).toEqual(["15", "5", "10"]);
    for (const s of sheets) {
      const alone = (await sheetScorecard(db().db, city, s.id)).card;
      const batched = scoreOf(s.id);
      expect(batched.indicators.map((i) => [i.code, i.score.toString(), i.reason])).toEqual(
        alone.indicators.map((i) => [i.code, i.score.toString(), i.reason]),
      );
    }
    // The county sees its own sheet only, as everywhere else.
    const countyScorer = await taskScorer(db().db, county, task.id);
    const other = sheets.find((s) => s.regionCode === "411721")?.id ?? 0;
    expect(() => countyScorer(other)).toThrow(`No evaluation sheet ${other}`);
  });
});

function baseTask() {
  return {
    name: "x",
    year: 2020,
    type: "self",
    frameworkCode: "zhumadian-2020",
    regionCode: "411700",
    regions: ["411700"],
  };
}
