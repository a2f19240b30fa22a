// The public answer's ticket and access-code rules through the service, with the clock injected: an
// answer needs the page's signed ticket of that community, unexpired; its answering time runs from
// the ticket's issue time whatever the phone says; a ticket answers once, decided by the database
// even when the same ticket arrives eight times at once; wrong access codes are throttled per
// address and per community, the right code included, until the window has passed.
import { randomBytes } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { surveyCodeFailures, surveyResponses, surveys } from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import { ASPECTS } from "../../domain/surveys/test-questionnaires.ts";
import {
  actOnSurvey,
  addSurveyCommunity,
  CODE_TRIES_PER_ADDRESS,
  CODE_TRIES_PER_COMMUNITY,
  createSurvey,
  issueTicket,
  listSurveyResponses,
  publicTicket,
  readTicket,
  submitPublicAnswer,
  surveySecret,
  systemContext,
} from "../index.ts";

const system = systemContext("test");
const NOW = new Date("2024-05-20T09:00:00Z");
const HOUR = 3600_000;

const ANSWERS = {
  building: "2幢",
  "age-band": "45-59",
  tenure: "owner",
  overall: "satisfied",
  improve: ["management"],
  // Varied, so that no answer is straight-lined.
  ...Object.fromEntries(
    ASPECTS.map((key, i) => [key, i % 2 ? "very-satisfied" : "basically-satisfied"]),
  ),
};

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error("not refused");
}

describe("page tickets", () => {
  const key = randomBytes(32);
  const at = new Date("2024-05-20T08:00:00Z");

  it("reads back the issue time and a random nonce, for its own token only", () => {
    const ticket = issueTicket(key, "Token-AAAA-1", at);
    expect(ticket).toMatch(/^\d+\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{32}$/);
    const read = readTicket(key, "Token-AAAA-1", ticket);
    expect(read?.issuedAt.toISOString()).toBe("2024-05-20T08:00:00.000Z");
    expect(read?.nonce).toBe(ticket.split(".")[1]);
    expect(issueTicket(key, "Token-AAAA-1", at)).not.toBe(ticket);
    expect(readTicket(key, "Token-BBBB-2", ticket)).toBeNull();
    expect(readTicket(randomBytes(32), "Token-AAAA-1", ticket)).toBeNull();
  });

  it("refuses a changed time, nonce or signature and anything garbled", () => {
    const ticket = issueTicket(key, "Token-AAAA-1", at);
    const [ms, nonce, sig] = ticket.split(".") as [string, string, string];
    const earlier = `${Number(ms) - HOUR}.${nonce}.${sig}`;
    const otherNonce = `${ms}.${"A".repeat(22)}.${sig}`;
    const otherSig = `${ms}.${nonce}.${"A".repeat(32)}`;
    for (const bad of [
      earlier,
      otherNonce,
      otherSig,
      `${ticket}.x`,
      "",
      "1.2",
      "abc",
      `${ms}.${sig}`,
    ])
      expect(readTicket(key, "Token-AAAA-1", bad)).toBeNull();
    expect(readTicket(key, "Token-AAAA-1", undefined)).toBeNull();
  });
});

describeOnBothDatabases("public answers: tickets and access codes", (db) => {
  let surveyId: number;
  let open: { id: number; token: string };
  let coded: { id: number; token: string };
  let key: Buffer;
  const device = () => randomBytes(16).toString("base64url");
  const stored = async () =>
    Number(
      (
        await db()
          .db.select({ n: count() })
          .from(surveyResponses)
          .where(eq(surveyResponses.surveyId, surveyId))
      )[0]?.n,
    );
  const ticketAt = (token: string, at: number) => issueTicket(key, token, new Date(at));
  const post = (
    token: string,
    body: Record<string, unknown>,
    opts: { now?: Date; ip?: string | null; ticketHours?: number } = {},
  ) =>
    submitPublicAnswer(db().db, {
      token,
      body: { questionnaireVersion: 1, answers: ANSWERS, ...body },
      device: device(),
      ip: opts.ip ?? null,
      now: opts.now ?? NOW,
      ...(opts.ticketHours !== undefined && { ticketHours: opts.ticketHours }),
    });

  beforeAll(async () => {
    key = await surveySecret(db().db);
  });

  // Every test starts from the published survey with no answer and no failed access code (its
  // communities, answers and failures go with the survey), whatever ran before it.
  beforeEach(async () => {
    await db().db.delete(surveys);
    ({ id: surveyId } = await createSurvey(db().db, system, {
      regionCode: "330100",
      year: 2024,
      title: "凭据测试调查",
      template: "old-community-satisfaction",
    }));
    open = await addSurveyCommunity(db().db, system, surveyId, {
      regionCode: "330102",
      name: "清波小区",
    });
    coded = await addSurveyCommunity(db().db, system, surveyId, {
      regionCode: "330105",
      name: "和睦小区",
      accessCode: "HM2024",
    });
    await actOnSurvey(db().db, system, surveyId, "publish");
  });

  it("refuses an answer without a ticket, with a forged one or with another community's, storing nothing", async () => {
    const good = ticketAt(open.token, NOW.getTime() - 300_000);
    const [ms, nonce] = good.split(".");
    const cases = [
      undefined,
      "",
      "garbled",
      `${ms}.${nonce}.${"x".repeat(32)}`,
      ticketAt(coded.token, NOW.getTime() - 300_000),
    ];
    for (const ticket of cases) {
      const err = await refusal(post(open.token, ticket === undefined ? {} : { ticket }));
      expect(err.code).toBe("survey.ticket_invalid");
      expect(err.messageIn("zh-CN")).toBe(
        "问卷页面凭据缺失、无效或不属于本小区，请重新扫描小区张贴的二维码，在打开的页面上填写",
      );
    }
    expect(await stored()).toBe(0);
  });

  it("refuses an expired ticket naming the lifetime; the lifetime is a setting", async () => {
    const day = 24 * HOUR;
    const old = await refusal(
      post(open.token, { ticket: ticketAt(open.token, NOW.getTime() - day - 1) }),
    );
    expect(old.code).toBe("survey.ticket_expired");
    expect(old.messageIn("zh-CN")).toBe("问卷页面已打开超过 24 小时，请刷新页面后重新填写");
    expect(old.messageIn("en-US")).toBe(
      "this page was opened more than 24 hours ago: reload it and answer again",
    );
    const shorter = await refusal(
      post(
        open.token,
        { ticket: ticketAt(open.token, NOW.getTime() - 3 * HOUR) },
        { ticketHours: 2 },
      ),
    );
    expect(shorter.messageIn("zh-CN")).toBe("问卷页面已打开超过 2 小时，请刷新页面后重新填写");
    expect(await stored()).toBe(0);
    // Exactly a day old still answers.
    await post(open.token, { ticket: ticketAt(open.token, NOW.getTime() - day) });
    expect(await stored()).toBe(1);
  });

  it("measures the answering time from the ticket: a phone's claim of an hour, or a garbled time, changes nothing", async () => {
    const ticket = ticketAt(open.token, NOW.getTime() - 30_000);
    const { receipt } = await post(open.token, {
      ticket,
      startedAt: new Date(NOW.getTime() - HOUR).toISOString(),
      submittedAt: new Date(NOW.getTime() + HOUR).toISOString(),
    });
    const garbled = await post(open.token, {
      ticket: ticketAt(open.token, NOW.getTime() - 45_000),
      startedAt: "not a date",
      submittedAt: "yesterday",
    });
    const items = (await listSurveyResponses(db().db, system, surveyId, { page: 1, pageSize: 10 }))
      .items;
    const byReceipt = new Map(items.map((item) => [item.receipt, item]));
    expect(byReceipt.get(receipt)?.seconds).toBe(30);
    expect(byReceipt.get(receipt)?.reasons).toEqual([
      { code: "too-fast", text: "答题用时 30 秒，少于 60 秒" },
    ]);
    expect(byReceipt.get(garbled.receipt)?.seconds).toBe(45);
    // A ticket from a server whose clock runs ahead is no negative time.
    const ahead = await post(open.token, { ticket: ticketAt(open.token, NOW.getTime() + 5_000) });
    const list = await listSurveyResponses(db().db, system, surveyId, { page: 1, pageSize: 10 });
    expect(list.items.find((item) => item.receipt === ahead.receipt)?.seconds).toBe(0);
  });

  it("takes one answer per ticket, even eight at once; a refused answer leaves its ticket unused", async () => {
    const before = await stored();
    const ticket = ticketAt(open.token, NOW.getTime() - 600_000);
    const wrong = await refusal(
      post(open.token, { ticket, answers: { ...ANSWERS, overall: "ecstatic" } }),
    );
    expect(wrong.code).toBe("survey.answer_invalid");
    const first = await post(open.token, { ticket });
    expect(first.receipt).toMatch(/^[A-Z0-9X]{8}$/);
    const again = await refusal(post(open.token, { ticket }));
    expect(again.code).toBe("survey.ticket_used");
    expect(again.messageIn("zh-CN")).toBe("本页面的答卷已经提交过，请勿重复提交");

    const shared = ticketAt(open.token, NOW.getTime() - 600_000);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => post(open.token, { ticket: shared })),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.flatMap((o) =>
      o.status === "rejected" ? [(o.reason as DomainError).code] : [],
    );
    expect(won).toHaveLength(1);
    expect(lost).toEqual(Array(7).fill("survey.ticket_used"));
    expect(await stored()).toBe(before + 2);
  });

  it("issues fresh tickets for a known link only", async () => {
    const fresh = await publicTicket(db().db, open.token, { now: NOW, ticketHours: 6 });
    expect(readTicket(key, open.token, fresh.ticket)?.issuedAt).toEqual(NOW);
    expect(fresh).toMatchObject({
      issuedAt: "2024-05-20T09:00:00.000Z",
      expiresAt: "2024-05-20T15:00:00.000Z",
    });
    expect((await refusal(publicTicket(db().db, "NoSuchToken123"))).code).toBe(
      "survey.link_not_found",
    );
  });

  it("throttles wrong access codes per address: the 11th try is refused, the right code too, until ten minutes have passed", async () => {
    const before = await stored();
    const ticket = () => ticketAt(coded.token, NOW.getTime() - 300_000);
    const from = "198.51.100.20";
    for (let i = 0; i < CODE_TRIES_PER_ADDRESS; i += 1) {
      const err = await refusal(
        post(coded.token, { ticket: ticket(), accessCode: `X${i}` }, { ip: from }),
      );
      expect(err.code).toBe("survey.access_code");
    }
    const blocked = await refusal(
      post(coded.token, { ticket: ticket(), accessCode: "X10" }, { ip: from }),
    );
    expect(blocked.code).toBe("survey.access_code_throttled");
    expect(blocked.messageIn("zh-CN")).toBe("访问码错误次数过多，请 10 分钟后再试");
    expect(blocked.details).toEqual({ retryAfterSeconds: 600 });
    // The right code from the throttled address is refused too: else guessing would go on.
    const right = await refusal(
      post(coded.token, { ticket: ticket(), accessCode: "hm2024" }, { ip: from }),
    );
    expect(right.code).toBe("survey.access_code_throttled");
    // Another address is not held back; the throttled one is after the window.
    await post(coded.token, { ticket: ticket(), accessCode: "hm2024" }, { ip: "198.51.100.21" });
    const later = new Date(NOW.getTime() + 10 * 60_000 + 1);
    await post(
      coded.token,
      { ticket: ticketAt(coded.token, later.getTime() - 300_000), accessCode: " HM2024 " },
      { ip: from, now: later },
    );
    expect(await stored()).toBe(before + 2);
  });

  it("throttles a community after 100 wrong codes from anywhere, and keeps only the recent failures", async () => {
    const at = new Date(NOW.getTime() + HOUR);
    const ticket = () => ticketAt(coded.token, at.getTime() - 300_000);
    for (let i = 0; i < CODE_TRIES_PER_COMMUNITY; i += 1) {
      const err = await refusal(
        post(
          coded.token,
          { ticket: ticket(), accessCode: "WRONG" },
          { ip: `10.9.${i >> 8}.${i & 255}`, now: at },
        ),
      );
      expect(err.code).toBe("survey.access_code");
    }
    const blocked = await refusal(
      post(coded.token, { ticket: ticket(), accessCode: "HM2024" }, { ip: "10.10.0.1", now: at }),
    );
    expect(blocked.code).toBe("survey.access_code_throttled");
    // A community without an access code is not affected.
    await post(
      open.token,
      { ticket: ticketAt(open.token, at.getTime() - 300_000) },
      { ip: "10.10.0.1", now: at },
    );
    // Past the window a wrong code is recorded again and the old failures are cleared away.
    const later = new Date(at.getTime() + 11 * 60_000);
    await refusal(
      post(
        coded.token,
        { ticket: ticketAt(coded.token, later.getTime() - 1_000), accessCode: "WRONG" },
        { ip: "10.10.0.2", now: later },
      ),
    );
    const [left] = await db().db.select({ n: count() }).from(surveyCodeFailures);
    expect(left?.n).toBe(1);
  });

  it("judges each answer against the link as the database has it: a rename, a new access code or a close by another server counts at once", async () => {
    const ticket = () => ticketAt(open.token, NOW.getTime() - 600_000);
    const communityOf = async (receipt: string) => {
      const [row] = await db()
        .db.select({ answers: surveyResponses.answers })
        .from(surveyResponses)
        .where(eq(surveyResponses.receipt, receipt));
      return (row?.answers as Record<string, unknown> | undefined)?.community;
    };
    // The first answer keeps the link in this process.
    expect(await communityOf((await post(open.token, { ticket: ticket() })).receipt)).toBe(
      "清波小区",
    );
    // Changes written straight to the database, as another server would.
    await db().db.execute(
      sql`update survey_communities set name = '清波新村' where id = ${open.id}`,
    );
    expect(await communityOf((await post(open.token, { ticket: ticket() })).receipt)).toBe(
      "清波新村",
    );
    await db().db.execute(
      sql`update survey_communities set access_code = 'QB2024' where id = ${open.id}`,
    );
    expect((await refusal(post(open.token, { ticket: ticket() }))).code).toBe("survey.access_code");
    await post(open.token, { ticket: ticket(), accessCode: "QB2024" });
    await db().db.execute(
      sql`update survey_communities set access_code = null, name = '清波小区' where id = ${open.id}`,
    );
    await db().db.execute(sql`update surveys set status = 'closed' where id = ${surveyId}`);
    const before = await stored();
    expect((await refusal(post(open.token, { ticket: ticket() }))).code).toBe("survey.closed");
    expect(await stored()).toBe(before);
    await db().db.execute(sql`update surveys set status = 'open' where id = ${surveyId}`);
    expect(await communityOf((await post(open.token, { ticket: ticket() })).receipt)).toBe(
      "清波小区",
    );
  });
});
