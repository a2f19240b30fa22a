// The residents' side over HTTP: the page behind a QR code shows the questionnaire and nothing else,
// under a Content-Security-Policy that runs its inline script and style by their hashes only; it sets
// a signed device cookie and a signed single-use ticket; the answering time runs from the ticket on
// the server's clock; a missing, forged or other community's ticket is a 403, a replay a 409; a second
// answer of the device (with a fresh ticket) is stored and flagged; a forged cookie is a new device;
// wrong access codes are throttled with 429 and Retry-After; closed surveys, oversized text, tampered
// ids and malformed bodies are refused in Chinese, writing nothing; a signed-in evaluator may answer
// without a CSRF token.
import { createHash } from "node:crypto";
import { count } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../../test/helpers/databases.ts";
import { addUser } from "../../../../test/helpers/fixtures.ts";
import { signedIn, testApp } from "../../../../test/helpers/http.ts";
import { surveyResponses } from "../../../db/schema.ts";
import {
  actOnSurvey,
  addSurveyCommunity,
  createSurvey,
  listSurveyResponses,
  systemContext,
  updateSurvey,
} from "../../../services/index.ts";

const system = systemContext("test");

const ANSWERS = {
  building: "1幢",
  "age-band": "60-74",
  tenure: "owner",
  overall: "satisfied",
  infrastructure: "satisfied",
  "facade-roof": "very-satisfied",
  "elevator-ageing": "basically-satisfied",
  environment: "satisfied",
  "parking-charging": "dissatisfied",
  construction: "satisfied",
  consultation: "satisfied",
  management: "basically-satisfied",
  improve: ["management"],
};

describeOnBothDatabases("public survey pages", (db) => {
  let app: ReturnType<typeof testApp>;
  let surveyId: number;
  let token: string;
  let otherToken: string;
  let codedToken: string;

  const stored = async () =>
    Number((await db().db.select({ n: count() }).from(surveyResponses))[0]?.n);
  const page = (path: string, cookie?: string) =>
    app.app.request(path, {
      headers: { "accept-language": "zh-CN", ...(cookie ? { cookie } : {}) },
    });
  const answer = (body: unknown, cookie?: string) =>
    app.app.request(`/api/public/surveys/${token}/answers`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "accept-language": "zh-CN",
        ...(cookie ? { cookie } : {}),
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const deviceCookie = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const ticketOf = (html: string) => /name="ticket" value="([^"]+)"/.exec(html)?.[1] ?? "";
  /** A fresh ticket, as the page fetches one for another questionnaire. */
  const freshTicket = async (of = token) => {
    const res = await page(`/api/public/surveys/${of}/ticket`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { ticket: string }).ticket;
  };
  const errorOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string; message: string } }).error;
  /** An answer claiming to have been started ten minutes ago. */
  const body = (ticket: string, extra: Record<string, unknown> = {}) => ({
    questionnaireVersion: 1,
    answers: { ...ANSWERS, ...extra },
    startedAt: new Date(Date.now() - 600_000).toISOString(),
    submittedAt: new Date().toISOString(),
    ticket,
  });

  beforeAll(async () => {
    app = testApp(db());
    await addUser(db(), "zmd.evaluator", "evaluator", "411700");
    ({ id: surveyId } = await createSurvey(db().db, system, {
      regionCode: "411700",
      year: 2020,
      title: "驻马店市老旧小区改造满意度调查",
      template: "old-community-satisfaction",
    }));
    const a = await addSurveyCommunity(db().db, system, surveyId, {
      regionCode: "411702",
      name: "纺织厂家属院",
      households: 320,
    });
    const b = await addSurveyCommunity(db().db, system, surveyId, {
      regionCode: "411721",
      name: "西平县机关大院",
    });
    const c = await addSurveyCommunity(db().db, system, surveyId, {
      regionCode: "411702",
      name: "铁路小区",
      accessCode: "TL2020",
    });
    token = a.token;
    otherToken = b.token;
    codedToken = c.token;
    await actOnSurvey(db().db, system, surveyId, "publish");
  });

  it("serves the questionnaire with a signed device cookie and reveals nothing else", async () => {
    const res = await page(`/s/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^jixiao_device=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{32};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const html = await res.text();
    expect(html).toContain("驻马店市老旧小区改造满意度调查");
    expect(html).toContain("纺织厂家属院");
    expect(html).toContain("您对本小区改造的总体满意程度");
    expect(ticketOf(html)).toMatch(/^\d+\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{32}$/);
    // No other community, no household count, no figures of any answer.
    expect(html).not.toContain("西平县机关大院");
    expect(html).not.toContain("320");
    expect(html).not.toMatch(/有效问卷|满意度为|\d+ ?份/);

    const json = await page(`/api/public/surveys/${token}`);
    expect(Object.keys((await json.json()) as object).sort()).toEqual([
      "answered",
      "communityName",
      "needsAccessCode",
      "questionnaire",
      "status",
      "title",
    ]);
  });

  it("answers an unknown link with a Chinese 404 page", async () => {
    const res = await page("/s/NoSuchToken123");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("问卷链接无效，请重新扫描小区张贴的二维码");
  });

  it("measures the answering time from the ticket on the server's clock, not the phone's", async () => {
    const first = await page(`/s/${token}`);
    const cookie = deviceCookie(first);
    const ticket = ticketOf(await first.text());
    const res = await answer(body(ticket), cookie);
    expect(res.status).toBe(201);
    const { receipt } = (await res.json()) as { receipt: string };
    expect(receipt).toMatch(/^[A-Z0-9X]{8}$/);
    const [item] = (await listSurveyResponses(db().db, system, surveyId, { page: 1, pageSize: 1 }))
      .items;
    // The phone claimed ten minutes; the ticket says the page was served a moment ago.
    expect(item?.seconds).toBeLessThan(60);
    expect(item?.reasons.map((r) => r.code)).toEqual(["too-fast"]);
    expect(item?.answers.community).toBe("纺织厂家属院");

    // The same ticket again is refused: it has answered once.
    const replay = await answer(body(ticket), cookie);
    expect(replay.status).toBe(409);
    expect(await errorOf(replay)).toEqual({
      code: "survey.ticket_used",
      message: "本页面的答卷已经提交过，请勿重复提交",
    });

    // The same device again with a fresh ticket: stored, flagged as a duplicate; the page now
    // says it has answered.
    const again = await answer(body(await freshTicket()), cookie);
    expect(again.status).toBe(201);
    const [dup] = (await listSurveyResponses(db().db, system, surveyId, { page: 1, pageSize: 1 }))
      .items;
    expect(dup?.reasons.map((r) => r.text)).toContain(
      `同一设备重复提交（首次提交回执 ${receipt}）`,
    );
    const after = await (await page(`/s/${token}`, cookie)).text();
    expect(after).toContain("本设备已提交过本问卷，感谢您的参与");
    expect(after).not.toContain("survey-form");

    // A forged cookie is no device at all: a new one is set and the answer is not a duplicate.
    const forged = `jixiao_device=${cookie.split("=")[1]?.split(".")[0]}.${"A".repeat(32)}`;
    const fresh = await answer(body(await freshTicket()), forged);
    expect(fresh.status).toBe(201);
    expect(deviceCookie(fresh)).not.toBe(cookie);
    const [third] = (await listSurveyResponses(db().db, system, surveyId, { page: 1, pageSize: 1 }))
      .items;
    expect(third?.reasons.map((r) => r.code)).toEqual(["too-fast"]);
  });

  it("takes a signed-in evaluator's answer without a CSRF token (the public route acts on no one's authority)", async () => {
    const evaluator = await signedIn(app.app, "zmd.evaluator");
    const res = await evaluator.request("POST", `/api/public/surveys/${token}/answers`, {
      body: body(await freshTicket()),
      csrf: false,
    });
    expect(res.status).toBe(201);
  });

  it("refuses an answer without a ticket, with a forged one or another community's, and a replay, in Chinese, writing nothing", async () => {
    const before = await stored();
    const good = await freshTicket();
    const [ms, nonce] = good.split(".");
    const refusals = [
      body(""),
      { ...body(""), ticket: undefined },
      body(`${ms}.${nonce}.${"A".repeat(32)}`),
      body(`${Number(ms) - 3_600_000}.${good.split(".").slice(1).join(".")}`),
      body(await freshTicket(otherToken)),
    ];
    for (const refused of refusals) {
      const res = await answer(refused);
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toEqual({
        code: "survey.ticket_invalid",
        message:
          "问卷页面凭据缺失、无效或不属于本小区，请重新扫描小区张贴的二维码，在打开的页面上填写",
      });
    }
    expect(await stored()).toBe(before);
    // The good ticket still answers once, whatever time the phone claims or how it writes it.
    const claimed = await answer({ ...body(good), startedAt: "not a date", submittedAt: "" });
    expect(claimed.status).toBe(201);
    const replay = await answer(body(good));
    expect(replay.status).toBe(409);
    expect(await stored()).toBe(before + 1);
  });

  it("throttles wrong access codes per address with 429 and Retry-After, the right code included", async () => {
    const from = (address: string, accessCode: string, ticket: string) =>
      app.app.request(
        `/api/public/surveys/${codedToken}/answers`,
        {
          method: "POST",
          headers: { "content-type": "application/json", "accept-language": "zh-CN" },
          body: JSON.stringify({ ...body(ticket), accessCode }),
        },
        { incoming: { socket: { remoteAddress: address } } },
      );
    const before = await stored();
    const ticket = await freshTicket(codedToken);
    for (let i = 0; i < 10; i += 1) {
      const res = await from("203.0.113.50", `G${i}`, ticket);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe("survey.access_code");
    }
    for (const code of ["G10", "TL2020"]) {
      const res = await from("203.0.113.50", code, ticket);
      expect(res.status).toBe(429);
      const retry = Number(res.headers.get("retry-after"));
      expect(retry).toBeGreaterThan(590);
      expect(retry).toBeLessThanOrEqual(600);
      expect(await errorOf(res)).toMatchObject({
        code: "survey.access_code_throttled",
        message: "访问码错误次数过多，请 10 分钟后再试",
      });
    }
    // The ticket was never used: the right code from another address answers with it.
    expect((await from("203.0.113.51", "tl2020", ticket)).status).toBe(201);
    expect(await stored()).toBe(before + 1);
  });

  it("refuses tampered, oversized and malformed answers in Chinese, writing nothing", async () => {
    const before = await stored();
    // A refused answer leaves its ticket unused: one ticket serves every refusal here.
    const ticket = await freshTicket();
    const tampered = await answer(body(ticket, { "overall-x": "satisfied" }));
    expect(tampered.status).toBe(422);
    const t = (await tampered.json()) as { error: { code: string; message: string } };
    expect(t.error.code).toBe("survey.answer_invalid");
    expect(t.error.message).toContain("overall-x");
    const long = await answer(body(ticket, { suggestion: "好".repeat(501) }));
    expect(long.status).toBe(422);
    expect(((await long.json()) as { error: { message: string } }).error.message).toContain(
      "suggestion",
    );
    const malformed = await answer("{not json");
    expect(malformed.status).toBe(400);
    const wrongOption = await answer(body(ticket, { overall: "ecstatic" }));
    expect(wrongOption.status).toBe(422);
    expect(await stored()).toBe(before);
  });

  it("refuses answers to a closed survey with 409 and says so on the page", async () => {
    await actOnSurvey(db().db, system, surveyId, "close");
    const before = await stored();
    const res = await answer(body(""));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "“驻马店市老旧小区改造满意度调查”目前不接收答卷（未发布或已结束）",
    );
    expect(await (await page(`/s/${otherToken}`)).text()).toContain("本次调查已结束");
    expect(await stored()).toBe(before);
    await actOnSurvey(db().db, system, surveyId, "reopen");
  });

  it("limits answers per network address per hour with 429, in Chinese", async () => {
    const detail = await updateSurvey(db().db, system, surveyId, {});
    await updateSurvey(db().db, system, surveyId, {
      settings: { ...detail.settings, ratePerHour: 1 },
    });
    // The socket's address, as @hono/node-server hands it to the app.
    const from = async (address: string) =>
      app.app.request(
        `/api/public/surveys/${token}/answers`,
        {
          method: "POST",
          headers: { "content-type": "application/json", "accept-language": "zh-CN" },
          body: JSON.stringify(body(await freshTicket())),
        },
        { incoming: { socket: { remoteAddress: address } } },
      );
    expect((await from("203.0.113.7")).status).toBe(201);
    const limited = await from("203.0.113.7");
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toBe(
      "同一网络在一小时内提交已超过 1 份，请稍后再试",
    );
    expect((await from("203.0.113.8")).status).toBe(201);
    await updateSurvey(db().db, system, surveyId, { settings: detail.settings });
  });

  it("sends the page under a Content-Security-Policy that allows its inline script and style by hash only", async () => {
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    const form = await page(`/s/${token}`);
    // The page a device that has answered gets: the notice, with the style and no script.
    const first = await page(`/s/${otherToken}`);
    const cookie = deviceCookie(first);
    const sent = await app.app.request(`/api/public/surveys/${otherToken}/answers`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(body(ticketOf(await first.text()))),
    });
    expect(sent.status).toBe(201);
    const notice = await page(`/s/${otherToken}`, cookie);
    for (const res of [form, notice]) {
      const csp = res.headers.get("content-security-policy") ?? "";
      const html = await res.text();
      const directives = new Map(
        csp.split(";").map((d) => {
          const [name = "", ...values] = d.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get("default-src")).toEqual(["'none'"]);
      expect(directives.get("connect-src")).toEqual(["'self'"]);
      expect(csp).not.toContain("unsafe-inline");
      // Every script that runs, and every style, is allowed by the hash of its exact text.
      const scripts = [
        ...html.matchAll(/<script(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g),
      ];
      const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)];
      expect(styles).toHaveLength(1);
      for (const [, text] of scripts)
        expect(directives.get("script-src")).toContain(hash(text ?? ""));
      for (const [, text] of styles)
        expect(directives.get("style-src")).toContain(hash(text ?? ""));
      expect(html).not.toMatch(/\son[a-z]+=|style="/);
    }
    expect([
      ...(await (await page(`/s/${token}`)).text()).matchAll(/<script(?![^>]*application\/json)/g),
    ]).toHaveLength(1);
  });
});
