// 满意度调查 through the services: 杭州市 builds a survey from the standard questionnaire, publishes
// it, collects Hangzhou's 470 questionnaires in two communities (12 too fast) and gets 82.75% ± 3.46%
// of 458 valid, which its evaluation's satisfaction indicator turns into 8 × 82.75% = 6.6 and its
// report quotes. Versions stay frozen under answers; duplicates, closed surveys, wrong access codes,
// bursts from one address and tampered answers are flagged or refused writing nothing; a county sees
// only its part; every change is audited.
import { randomBytes } from "node:crypto";
import { and, count, eq, like } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { auditLog, surveyResponses, surveys, surveyVersions } from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import type { ReportDocument } from "../../domain/reports/index.ts";
import { checkAnswer, prepareQuestionnaire } from "../../domain/surveys/index.ts";
import { ASPECTS } from "../../domain/surveys/test-questionnaires.ts";
import type { ServiceContext } from "../context.ts";
import {
  actOnSurvey,
  addSurveyCommunity,
  createSurvey,
  createTask,
  enterPaperAnswer,
  getSheet,
  getSurvey,
  getTask,
  issueTicket,
  linkTaskSurvey,
  listSurveyResponses,
  listSurveys,
  overrideValidity,
  publicSurvey,
  sheetReportDocument,
  submitPublicAnswer,
  surveyCrossTab,
  surveyResults,
  surveySecret,
  updateSurvey,
} from "../index.ts";

const VARIED = ["satisfied", "very-satisfied", "basically-satisfied", "dissatisfied"];
const NOW = new Date("2021-06-01T10:30:00Z");

/** A resident's answer as the page sends it, opened `seconds` before NOW (its ticket says so). */
function answer(overall: string, seconds = 300, extra: Record<string, unknown> = {}) {
  return {
    questionnaireVersion: 1,
    answers: {
      building: "3幢",
      "age-band": "60-74",
      tenure: "owner",
      overall,
      improve: ["parking-charging", "management"],
      ...Object.fromEntries(ASPECTS.map((key, i) => [key, VARIED[i % VARIED.length]])),
      ...extra,
    },
    startedAt: new Date(NOW.getTime() - seconds * 1000).toISOString(),
    submittedAt: NOW.toISOString(),
  };
}

const device = () => randomBytes(16).toString("base64url");

interface Place {
  id: number;
  token: string;
  name: string;
}

/**
 * Hangzhou's 470 questionnaires by community: satisfied, dissatisfied, too fast (40 s), and what
 * else the page sends. 湖滨小区 300 (250 satisfied of 292 valid, 8 too fast); 大关小区 170 (129 of
 * 166, 4 too fast).
 */
function hangzhouPlan(hubin: Place, daguan: Place) {
  const plan: [Place, number, number, number, Record<string, unknown>][] = [
    [hubin, 250, 42, 8, {}],
    [daguan, 129, 37, 4, { accessCode: "dg2021" }],
  ];
  const bodies: [Place, ReturnType<typeof answer> & Record<string, unknown>][] = [];
  for (const [place, satisfied, dissatisfied, tooFast, extra] of plan) {
    for (let i = 0; i < satisfied; i += 1)
      bodies.push([place, { ...answer(i % 2 ? "satisfied" : "basically-satisfied"), ...extra }]);
    for (let i = 0; i < dissatisfied; i += 1)
      bodies.push([place, { ...answer("dissatisfied"), ...extra }]);
    for (let i = 0; i < tooFast; i += 1)
      bodies.push([place, { ...answer("very-satisfied", 40), ...extra }]);
  }
  return bodies;
}

/** The states of the city's survey a test starts from, each the one before it and more. */
type Stage = "draft" | "published" | "collected" | "later";

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, message: err.messageIn("zh-CN") };
    throw err;
  }
  throw new Error("not refused");
}

describeOnBothDatabases("satisfaction surveys", (db) => {
  let city: ServiceContext;
  let county: ServiceContext;
  let viewer: ServiceContext;
  let countyHousing: ServiceContext;
  let outsider: ServiceContext;

  const responseCount = async () =>
    Number((await db().db.select({ n: count() }).from(surveyResponses))[0]?.n);
  /** Posts an answer with a ticket the page issued when the answer says it was opened. */
  const post = async (
    token: string,
    body: Record<string, unknown>,
    from = device(),
    ip: string | null = null,
  ) =>
    submitPublicAnswer(db().db, {
      token,
      body: {
        ticket: issueTicket(await surveySecret(db().db), token, new Date(String(body.startedAt))),
        ...body,
      } as never,
      device: from,
      ip,
      now: NOW,
    });

  beforeAll(async () => {
    await addUser(db(), "hz.finance", "finance", "330100");
    await addUser(db(), "gs.impl", "implementer", "330105");
    await addUser(db(), "hz.viewer", "viewer", "330100");
    await addUser(db(), "gs.housing", "department", "330105");
    await addUser(db(), "nb.finance", "finance", "330200");
    city = await actingAs(db(), "hz.finance");
    county = await actingAs(db(), "gs.impl");
    viewer = await actingAs(db(), "hz.viewer");
    countyHousing = await actingAs(db(), "gs.housing");
    outsider = await actingAs(db(), "nb.finance");
  });

  // Every test starts without surveys (their versions, communities and answers go with them).
  beforeEach(async () => {
    await db().db.delete(surveys);
  });

  /**
   * 杭州市's survey in the state the test needs: a draft from the standard questionnaire with two
   * communities; published; with Hangzhou's 470 questionnaires; and with the answers that came
   * later (a phone's answer and its repeat, three answers from two addresses, paper DG-001 twice).
   */
  async function arrange(stage: Stage) {
    const { id: surveyId } = await createSurvey(db().db, city, {
      regionCode: "330100",
      year: 2021,
      title: "杭州市老旧小区改造居民满意度调查",
      template: "old-community-satisfaction",
    });
    const a = await addSurveyCommunity(db().db, city, surveyId, {
      regionCode: "330102",
      name: "湖滨小区",
      households: 1200,
    });
    const b = await addSurveyCommunity(db().db, city, surveyId, {
      regionCode: "330105",
      name: "大关小区",
      accessCode: "DG2021",
    });
    const hubin = { id: a.id, token: a.token, name: a.name };
    const daguan = { id: b.id, token: b.token, name: b.name };
    const fixture = { surveyId, hubin, daguan };
    if (stage === "draft") return fixture;
    await actOnSurvey(db().db, city, surveyId, "publish");
    if (stage === "published") return fixture;
    await storeAnswers(surveyId, hangzhouPlan(hubin, daguan));
    if (stage === "collected") return fixture;
    const phone = device();
    await post(hubin.token, answer("satisfied"), phone);
    await post(hubin.token, answer("very-dissatisfied", 300), phone);
    await post(hubin.token, answer("satisfied"), device(), "10.1.1.1");
    await post(hubin.token, answer("satisfied"), device(), "10.1.1.1");
    await post(hubin.token, answer("satisfied"), device(), "10.1.1.2");
    for (let i = 0; i < 2; i += 1)
      await enterPaperAnswer(db().db, county, surveyId, daguan.id, {
        paperNo: "DG-001",
        answers: answer("satisfied").answers,
      });
    return fixture;
  }

  /**
   * Stores answers as the public page would have (the same answers, the community's name in its
   * question, the answering time from the ticket's issue to NOW), in a few inserts: the page's path
   * is the collecting test's subject, the others need only the answers.
   */
  async function storeAnswers(surveyId: number, bodies: ReturnType<typeof hangzhouPlan>) {
    const [v1] = await db()
      .db.select()
      .from(surveyVersions)
      .where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, 1)));
    const q = prepareQuestionnaire(v1?.questionnaire);
    const rows = bodies.map(([place, body]) => {
      const normal = checkAnswer(q, {
        questionnaireVersion: body.questionnaireVersion,
        answers: { ...body.answers, community: place.name },
        startedAt: body.startedAt,
        submittedAt: body.submittedAt,
      });
      return {
        surveyId,
        communityId: place.id,
        version: normal.questionnaireVersion,
        answers: normal.answers,
        startedAt: new Date(normal.startedAt),
        submittedAt: new Date(normal.submittedAt),
        mode: "online" as const,
        device: device(),
        receipt: randomBytes(6).toString("hex").toUpperCase(),
      };
    });
    for (let at = 0; at < rows.length; at += 200)
      await db()
        .db.insert(surveyResponses)
        .values(rows.slice(at, at + 200));
  }

  it("creates a draft from the standard questionnaire that takes no answer before it is published", async () => {
    const { surveyId, hubin } = await arrange("draft");
    const detail = await getSurvey(db().db, city, surveyId);
    expect(detail).toMatchObject({
      status: "draft",
      publishedVersion: null,
      draftVersion: 1,
      canEdit: true,
      settings: {
        unit: "questionnaires",
        method: "share",
        minSeconds: 60,
        minAnsweredShare: "0.6",
        ratePerHour: 200,
      },
    });
    expect(detail.communities.map((c) => [c.regionName, c.name, c.accessCode])).toEqual([
      ["上城区", "湖滨小区", null],
      ["拱墅区", "大关小区", "DG2021"],
    ]);
    expect(detail.communities[0]?.publicPath).toBe(`/s/${hubin.token}`);
    const refused = await refusal(post(hubin.token, answer("satisfied")));
    expect(refused).toEqual({
      code: "survey.closed",
      message: "“杭州市老旧小区改造居民满意度调查”目前不接收答卷（未发布或已结束）",
    });
    expect(await responseCount()).toBe(0);
  });

  it("publishes version 1 and refuses to publish again without a new draft", async () => {
    const { surveyId } = await arrange("draft");
    const published = await actOnSurvey(db().db, city, surveyId, "publish");
    expect(published).toMatchObject({ status: "open", publishedVersion: 1, draftVersion: null });
    expect((await refusal(actOnSurvey(db().db, city, surveyId, "publish"))).code).toBe(
      "survey.nothing_to_publish",
    );
  });

  it("collects Hangzhou's 470 questionnaires: 458 valid, 379 satisfied, 82.75% ± 3.46%", async () => {
    const { surveyId, hubin, daguan } = await arrange("published");
    // 湖滨小区 300 (250 satisfied of 292 valid, 8 too fast); 大关小区 170 (129 of 166, 4 too fast).
    for (const [place, body] of hangzhouPlan(hubin, daguan)) await post(place.token, body);
    expect(await responseCount()).toBe(470);

    const results = await surveyResults(db().db, city, surveyId);
    expect(results.overall).toEqual({
      valid: 458,
      excluded: 12,
      sample: 458,
      satisfied: 379,
      meanScore: null,
      ratePercent: "82.75",
      marginPercent: "3.46",
    });
    const [top] = results.tree;
    expect(top).toMatchObject({ key: "330100", name: "杭州市", level: "city" });
    expect(top?.rate.ratePercent).toBe("82.75");
    expect(
      top?.children.map((c) => [c.name, c.rate.valid, c.rate.excluded, c.rate.ratePercent]),
    ).toEqual([
      ["上城区", 292, 8, "85.62"],
      ["拱墅区", 166, 4, "77.71"],
    ]);
    // 湖滨小区 has 1,200 households: its margin takes the finite population correction.
    const hubinNode = top?.children[0]?.children[0];
    expect(hubinNode).toMatchObject({ key: `c${hubin.id}`, name: "湖滨小区", level: "community" });
    expect(hubinNode?.rate.marginPercent).toBe("3.50");
    expect(top?.children[1]?.children[0]?.rate.marginPercent).toBe("6.33");
    // The whole city: 大关小区's households are unknown, so no correction at the top either.
    expect(top?.rate.marginPercent).toBe(results.overall.marginPercent);
  });

  it("names the too-fast answers' reason and lists them first among the invalid", async () => {
    const { surveyId } = await arrange("collected");
    const invalid = await listSurveyResponses(db().db, city, surveyId, {
      valid: "false",
      page: 1,
      pageSize: 50,
    });
    expect(invalid.total).toBe(12);
    expect(invalid.items[0]).toMatchObject({
      communityName: "大关小区",
      mode: "online",
      seconds: 40,
      valid: false,
      reasons: [{ code: "too-fast", text: "答题用时 40 秒，少于 60 秒" }],
      override: null,
    });
    expect(invalid.items[0]?.answers.community).toBe("大关小区");
  });

  it("stores a device's second answer as a duplicate naming the first receipt, and an evaluator can reverse it", async () => {
    const { surveyId, hubin } = await arrange("collected");
    const phone = device();
    const first = await post(hubin.token, answer("satisfied"), phone);
    const second = await post(hubin.token, answer("very-dissatisfied", 300), phone);
    expect(second.receipt).not.toBe(first.receipt);
    let page = await listSurveyResponses(db().db, city, surveyId, { page: 1, pageSize: 1 });
    const dup = page.items[0];
    expect(dup?.valid).toBe(false);
    expect(dup?.reasons).toEqual([
      { code: "duplicate", text: `同一设备重复提交（首次提交回执 ${first.receipt}）` },
    ]);
    expect((await surveyResults(db().db, city, surveyId)).overall.valid).toBe(459);

    const reversed = await overrideValidity(db().db, city, surveyId, dup?.id ?? 0, {
      valid: true,
      reason: "经核实为同户两位老人分别填写",
    });
    expect(reversed).toMatchObject({
      valid: true,
      override: { valid: true, by: "hz.finance", reason: "经核实为同户两位老人分别填写" },
    });
    expect((await surveyResults(db().db, city, surveyId)).overall).toMatchObject({
      valid: 460,
      satisfied: 380,
    });
    expect(
      (
        await refusal(
          overrideValidity(db().db, city, surveyId, dup?.id ?? 0, { valid: false, reason: " " }),
        )
      ).code,
    ).toBe("survey.override_reason");
    await overrideValidity(db().db, city, surveyId, dup?.id ?? 0, { valid: null, reason: "" });
    page = await listSurveyResponses(db().db, city, surveyId, { page: 1, pageSize: 1 });
    expect(page.items[0]).toMatchObject({ valid: false, override: null });

    // A volunteer's phone at a collection point answers for several residents: with shared devices
    // allowed, its second answer is not a duplicate, and its page stays open after an answer.
    const settings = (await getSurvey(db().db, city, surveyId)).settings;
    expect(await publicSurvey(db().db, hubin.token, phone)).toMatchObject({
      answered: true,
      sharedDevices: false,
    });
    await updateSurvey(db().db, city, surveyId, { settings: { ...settings, sharedDevices: true } });
    page = await listSurveyResponses(db().db, city, surveyId, { page: 1, pageSize: 1 });
    expect(page.items[0]).toMatchObject({ valid: true, reasons: [] });
    expect((await surveyResults(db().db, city, surveyId)).overall.valid).toBe(460);
    expect(await publicSurvey(db().db, hubin.token, phone)).toMatchObject({
      answered: false,
      sharedDevices: true,
    });
    await updateSurvey(db().db, city, surveyId, {
      settings: { ...settings, sharedDevices: false },
    });
    expect((await surveyResults(db().db, city, surveyId)).overall.valid).toBe(459);
    const audited = await db()
      .db.select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, "survey.override_validity"));
    expect(audited[0]?.n).toBe(2);
  });

  it("refuses a wrong access code, a burst from one address, a tampered question and oversized text, writing nothing", async () => {
    const { surveyId, hubin, daguan } = await arrange("published");
    const before = await responseCount();
    expect(
      await refusal(post(daguan.token, { ...answer("satisfied"), accessCode: "0000" })),
    ).toEqual({
      code: "survey.access_code",
      message: "访问码不正确，请向社区工作人员询问本小区的访问码",
    });
    const tampered = await refusal(
      post(hubin.token, answer("satisfied", 300, { "overall-x": "satisfied" })),
    );
    expect(tampered.code).toBe("survey.answer_invalid");
    expect(tampered.message).toContain("overall-x");
    const long = await refusal(
      post(hubin.token, answer("satisfied", 300, { suggestion: "很".repeat(501) })),
    );
    expect(long.code).toBe("survey.answer_invalid");
    expect(long.message).toContain("suggestion");
    expect(await responseCount()).toBe(before);

    const settings = (await getSurvey(db().db, city, surveyId)).settings;
    await updateSurvey(db().db, city, surveyId, { settings: { ...settings, ratePerHour: 2 } });
    await post(hubin.token, answer("satisfied"), device(), "10.1.1.1");
    await post(hubin.token, answer("satisfied"), device(), "10.1.1.1");
    expect(await refusal(post(hubin.token, answer("satisfied"), device(), "10.1.1.1"))).toEqual({
      code: "survey.rate_limited",
      message: "同一网络在一小时内提交已超过 2 份，请稍后再试",
    });
    await post(hubin.token, answer("satisfied"), device(), "10.1.1.2");
    expect(await responseCount()).toBe(before + 3);
    // Addresses are kept only as keyed hashes.
    const stored = await db()
      .db.select({ ipHash: surveyResponses.ipHash })
      .from(surveyResponses)
      .where(like(surveyResponses.ipHash, "%"));
    expect(stored.every((r) => r.ipHash?.length === 32 && !r.ipHash.includes("10.1"))).toBe(true);
    await updateSurvey(db().db, city, surveyId, { settings });
  });

  it("keeps version 1 frozen: an edit after publication is a version 2 draft, answers keep their version", async () => {
    const { surveyId } = await arrange("later");
    const detail = await getSurvey(db().db, city, surveyId);
    const q = structuredClone(detail.questionnaire) as { sections: { title: unknown }[] };
    q.sections[0] = { ...q.sections[0], title: { "zh-CN": "您的基本情况" } } as never;
    const edited = await updateSurvey(db().db, city, surveyId, { questionnaire: q as never });
    expect(edited).toMatchObject({ publishedVersion: 1, draftVersion: 2 });
    const [v1] = await db()
      .db.select()
      .from(surveyVersions)
      .where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, 1)));
    const frozen = v1?.questionnaire as { sections: { title: unknown }[] } | undefined;
    expect(frozen?.sections[0]?.title).toEqual({
      "zh-CN": "基本情况",
      "en-US": "About you",
    });
    expect(edited.versions.map((v) => [v.version, v.publishedAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(edited.versions[0]?.answers).toBeGreaterThanOrEqual(474);
    const bad = await refusal(
      updateSurvey(db().db, city, surveyId, {
        questionnaire: { ...q, satisfaction: { questions: ["nope"], method: "share" } } as never,
      }),
    );
    expect(bad.code).toBe("survey.invalid");
    expect(bad.message.split("\n")[0]).toBe("问卷有 1 处错误：");
    expect(bad.message).toContain("nope");
  });

  it("takes paper questionnaires on site without the speed rule, flagging a repeated paper number", async () => {
    const { surveyId, hubin, daguan } = await arrange("published");
    const first = await enterPaperAnswer(db().db, county, surveyId, daguan.id, {
      paperNo: "DG-001",
      answers: answer("satisfied").answers,
    });
    await enterPaperAnswer(db().db, county, surveyId, daguan.id, {
      paperNo: "DG-001",
      answers: answer("satisfied").answers,
    });
    const page = await listSurveyResponses(db().db, county, surveyId, { page: 1, pageSize: 2 });
    expect(page.items.map((i) => [i.mode, i.paperNo, i.enteredBy, i.seconds, i.valid])).toEqual([
      ["on-site", "DG-001", "gs.impl", null, false],
      ["on-site", "DG-001", "gs.impl", null, true],
    ]);
    expect(page.items[0]?.reasons[0]?.text).toBe(
      `纸质问卷编号重复录入（首次录入回执 ${first.receipt}）`,
    );
    // 湖滨小区 is not the county's: it is not found for it.
    expect(
      (await refusal(enterPaperAnswer(db().db, county, surveyId, hubin.id, { answers: {} }))).code,
    ).toBe("survey.community_not_found");
  });

  it("shows a county only its part of the city's survey; others not at all; only editors edit", async () => {
    const { surveyId } = await arrange("later");
    const seen = await getSurvey(db().db, county, surveyId);
    expect(seen.communities.map((c) => c.name)).toEqual(["大关小区"]);
    expect(seen.canEdit).toBe(false);
    const results = await surveyResults(db().db, county, surveyId);
    expect(results.tree.map((n) => [n.name, n.level])).toEqual([["拱墅区", "county"]]);
    expect(results.overall.valid).toBe(167);
    expect((await listSurveys(db().db, county, {})).map((s) => [s.id, s.communities])).toEqual([
      [surveyId, 1],
    ]);
    expect(await listSurveys(db().db, outsider, {})).toEqual([]);
    expect((await refusal(getSurvey(db().db, outsider, surveyId))).code).toBe("survey.not_found");
    // A county department may edit surveys, but not the city's.
    expect(await refusal(updateSurvey(db().db, countyHousing, surveyId, { title: "改" }))).toEqual({
      code: "survey.not_editor",
      message: "您不能修改杭州市的满意度调查：需要问卷编辑权限且调查属于本级或下级地区",
    });
    expect((await refusal(updateSurvey(db().db, county, surveyId, { title: "改" }))).code).toBe(
      "access.forbidden",
    );
    expect((await refusal(updateSurvey(db().db, viewer, surveyId, { title: "改" }))).code).toBe(
      "access.forbidden",
    );
    expect((await getSurvey(db().db, viewer, surveyId)).communities[0]?.accessCode).toBeNull();
  });

  it("cross-tabulates the overall rating by age band in the options' order and lists free text", async () => {
    const { surveyId, hubin } = await arrange("later");
    await post(
      hubin.token,
      answer("satisfied", 300, { "age-band": "30-44", suggestion: "增加充电桩" }),
    );
    const table = await surveyCrossTab(db().db, city, surveyId, {
      question: "overall",
      demographic: "age-band",
    });
    expect(table.options.map((o) => o.label)).toEqual([
      "非常满意",
      "满意",
      "基本满意",
      "不满意",
      "非常不满意",
    ]);
    // The 30–44 answer came last, yet its row comes first: the age bands' own order.
    expect(table.rows.map((r) => [r.label, r.respondents])).toEqual([
      ["30–44 岁", 1],
      ["60–74 岁", 463],
    ]);
    const results = await surveyResults(db().db, city, surveyId);
    expect(results.texts).toEqual([
      {
        question: "suggestion",
        title: expect.stringContaining("建议"),
        answers: [{ responseId: expect.any(Number), community: "湖滨小区", text: "增加充电桩" }],
        groups: [
          {
            text: "增加充电桩",
            count: 1,
            communities: ["湖滨小区"],
            responseIds: [results.texts[0]?.answers[0]?.responseId],
          },
        ],
      },
    ]);
  });

  it("feeds the evaluation: 8 × the linked survey's rate, quoted with the valid count in the report", async () => {
    const { surveyId, hubin } = await arrange("later");
    // The cross-tab's answer from 30–44, satisfied, came in before the evaluation read the survey.
    await post(
      hubin.token,
      answer("satisfied", 300, { "age-band": "30-44", suggestion: "增加充电桩" }),
    );
    const task = await createTask(db().db, city, {
      name: "2021年老旧小区改造资金绩效评价",
      year: 2021,
      type: "third-party",
      frameworkCode: "hangzhou-2020",
      regionCode: "330100",
      regions: ["330100", "330105"],
    });
    expect((await refusal(linkTaskSurvey(db().db, city, task.id, surveyId + 1000))).code).toBe(
      "survey.not_found",
    );
    await linkTaskSurvey(db().db, city, task.id, surveyId);
    const detail = await getTask(db().db, city, task.id);
    expect(detail.survey).toEqual({ id: surveyId, title: "杭州市老旧小区改造居民满意度调查" });
    const sheetOf = (code: string) => detail.sheets.find((s) => s.regionCode === code)?.id ?? 0;

    const results = await surveyResults(db().db, city, surveyId);
    const cityRate = results.overall;
    const sheet = await getSheet(db().db, city, sheetOf("330100"));
    const d31 = sheet.scorecard.indicators.find((i) => i.code === "D.3.1");
    // 8 × the rate, half-up to one decimal: the engine's own rule on the survey's figure.
    // 385 satisfied of 464 valid by now.
    expect(cityRate).toMatchObject({ valid: 464, satisfied: 385, ratePercent: "82.97" });
    expect(d31?.score).toBe("6.6");
    expect(sheet.bound.find((b) => b.code === "D.3.1")?.source.zh).toBe(
      `满意度调查「杭州市老旧小区改造居民满意度调查」：有效问卷 ${cityRate.valid} 份，满意度 82.97%（95% 置信水平下误差 ±${cityRate.marginPercent} 个百分点）`,
    );
    const gongshu = await getSheet(db().db, city, sheetOf("330105"));
    expect(gongshu.bound.find((b) => b.code === "D.3.1")?.source.zh).toContain("有效问卷 167 份");

    const { doc } = await sheetReportDocument(
      db().db,
      city,
      sheetOf("330100"),
      "evaluation-report",
    );
    const text = paragraphs(doc).join("\n");
    expect(text).toContain(
      `开展居民满意度调查（杭州市老旧小区改造居民满意度调查），共回收问卷${cityRate.valid + cityRate.excluded}份，其中有效问卷${cityRate.valid}份（${cityRate.excluded}份经答题用时、重复提交等规则认定无效），综合满意度为82.97%`,
    );

    const other = await createTask(db().db, city, {
      name: "2020年评价",
      year: 2020,
      type: "self",
      frameworkCode: "hangzhou-2020",
      regionCode: "330100",
      regions: ["330100"],
    });
    expect(await refusal(linkTaskSurvey(db().db, city, other.id, surveyId))).toEqual({
      code: "survey.year_mismatch",
      message: "调查年度（2021年）与评价任务年度（2020年）不一致",
    });
  });

  it("closes collection: the public page's answers are refused, and reopening takes them again", async () => {
    const { surveyId, hubin } = await arrange("published");
    await actOnSurvey(db().db, city, surveyId, "close");
    const before = await responseCount();
    expect((await refusal(post(hubin.token, answer("satisfied")))).code).toBe("survey.closed");
    expect(await responseCount()).toBe(before);
    expect((await refusal(actOnSurvey(db().db, city, surveyId, "close"))).message).toBe(
      "调查当前为“已关闭”，不能关闭收集",
    );
    await actOnSurvey(db().db, city, surveyId, "reopen");
    await post(hubin.token, answer("satisfied"));
    expect(await responseCount()).toBe(before + 1);
  });
});

function paragraphs(doc: ReportDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
}
