/**
 * Collecting answers: the public page's data, an answer from a resident's phone (signed device
 * cookie, per-address limit, access code, honeypot, the server's own clock for the answering time),
 * and a paper questionnaire typed in on site. Every answer is stored in one transaction; a repeat of
 * a device or a paper number is stored and flagged as a duplicate, never dropped.
 */
import { createHmac, randomBytes } from "node:crypto";
import { and, count, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/index.ts";
import {
  appSecrets,
  surveyCommunities,
  surveyResponses,
  surveys,
  surveyVersions,
} from "../db/schema.ts";
import { DomainError } from "../domain/errors.ts";
import {
  checkAnswer,
  type NormalisedAnswer,
  prepareQuestionnaire,
  type Questionnaire,
  questionsOf,
} from "../domain/surveys/index.ts";
import { recordAudit } from "./audit-service.ts";
import { sameSecret } from "./auth-service.ts";
import type { ServiceContext } from "./context.ts";
import { authorize } from "./policy.ts";
import { loadCommunity, loadSurvey, settingsOf } from "./survey-service.ts";

const SECRET_NAME = "survey-signing";
const secrets = new WeakMap<object, Buffer>();

/** The key that signs device cookies and page tickets: one per database, made on first use. */
export async function surveySecret(db: DbOrTx): Promise<Buffer> {
  const cached = secrets.get(db);
  if (cached) return cached;
  await db
    .insert(appSecrets)
    .values({ name: SECRET_NAME, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, SECRET_NAME));
  if (!row) throw new Error("survey signing secret missing");
  const key = Buffer.from(row.value, "base64url");
  secrets.set(db, key);
  return key;
}

const mac = (key: Buffer, text: string) =>
  createHmac("sha256", key).update(text).digest("base64url").slice(0, 32);

/** A new device id with its signature, for the cookie. */
export function signDevice(key: Buffer): { id: string; cookie: string } {
  const id = randomBytes(16).toString("base64url");
  return { id, cookie: `${id}.${mac(key, `device:${id}`)}` };
}

/** The device id of a cookie whose signature holds; null otherwise (a forged or absent cookie). */
export function verifyDevice(key: Buffer, cookie: string | undefined): string | null {
  if (!cookie) return null;
  const [id, sig] = cookie.split(".");
  if (!id || !sig || !/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
  return sameSecret(sig, mac(key, `device:${id}`)) ? id : null;
}

/** The signed time a page was served for a token: the answering time is measured from it. */
export function issueTicket(key: Buffer, token: string, at: Date): string {
  const ms = String(at.getTime());
  return `${ms}.${mac(key, `ticket:${token}:${ms}`)}`;
}

function ticketTime(key: Buffer, token: string, ticket: string | undefined): Date | null {
  if (!ticket) return null;
  const [ms, sig] = ticket.split(".");
  if (!ms || !sig || !/^\d{1,15}$/.test(ms)) return null;
  return sameSecret(sig, mac(key, `ticket:${token}:${ms}`)) ? new Date(Number(ms)) : null;
}

/** A keyed hash of the network address: enough to count answers per address, not to know it. */
export function addressHash(key: Buffer, ip: string | null): string | null {
  return ip ? mac(key, `ip:${ip}`) : null;
}

async function byToken(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ community: surveyCommunities, survey: surveys })
    .from(surveyCommunities)
    .innerJoin(surveys, eq(surveys.id, surveyCommunities.surveyId))
    .where(eq(surveyCommunities.token, token));
  if (!row) throw new DomainError("survey.link_not_found");
  return row;
}

/**
 * Published versions never change, so each is validated once per database and process: every
 * answer of a busy survey would otherwise run the whole questionnaire check again.
 */
const publishedCache = new WeakMap<object, Map<string, Questionnaire>>();

async function publishedQuestionnaire(
  db: DbOrTx,
  surveyId: number,
  version: number,
  cacheOwner: object = db,
) {
  const cache = publishedCache.get(cacheOwner) ?? new Map<string, Questionnaire>();
  publishedCache.set(cacheOwner, cache);
  const key = `${surveyId}:${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [row] = await db
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)));
  if (!row?.publishedAt) return null;
  const prepared = prepareQuestionnaire(row.questionnaire);
  if (cache.size >= 200) cache.clear();
  cache.set(key, prepared);
  return prepared;
}

/** What the public page shows: the questionnaire, the community's name, and nothing of the results. */
export async function publicSurvey(db: DbOrTx, token: string, device: string | null) {
  const { community, survey } = await byToken(db, token);
  const questionnaire =
    survey.publishedVersion === null
      ? null
      : await publishedQuestionnaire(db, survey.id, survey.publishedVersion);
  let answered = false;
  if (device) {
    const [seen] = await db
      .select({ n: count() })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.device, device)));
    answered = (seen?.n ?? 0) > 0;
  }
  return {
    title: survey.title,
    communityName: community.name,
    status: questionnaire ? survey.status : ("draft" as const),
    needsAccessCode: community.accessCode !== null,
    answered,
    questionnaire,
  };
}

/** The community question, when the questionnaire has one, takes the collection point's name. */
function withCommunity(q: Questionnaire, answers: Record<string, unknown>, name: string) {
  const question = questionsOf(q).find((x) => x.demographic === "community");
  if (question?.kind !== "text") return answers;
  return { ...answers, [question.key]: name };
}

const newReceipt = () => randomBytes(6).toString("base64url").toUpperCase().replace(/[-_]/g, "X");

interface StoreInput {
  surveyId: number;
  communityId: number;
  answer: NormalisedAnswer;
  mode: "online" | "on-site";
  device: string | null;
  ipHash: string | null;
  paperNo: string | null;
  enteredBy: number | null;
  enteredByName: string | null;
}

/**
 * Inserts the answer; when the device (or paper number) answered before, the partial unique index
 * turns the insert into nothing and the answer is stored again as a duplicate of the first one.
 */
async function store(tx: DbOrTx, input: StoreInput): Promise<{ id: number; receipt: string }> {
  const values = {
    surveyId: input.surveyId,
    communityId: input.communityId,
    version: input.answer.questionnaireVersion,
    answers: input.answer.answers,
    startedAt: new Date(input.answer.startedAt),
    submittedAt: new Date(input.answer.submittedAt),
    mode: input.mode,
    device: input.device,
    ipHash: input.ipHash,
    paperNo: input.paperNo,
    honeypot: input.answer.honeypot ?? null,
    enteredBy: input.enteredBy,
    enteredByName: input.enteredByName,
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const receipt = newReceipt();
    const [row] = await tx
      .insert(surveyResponses)
      .values({ ...values, receipt })
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id });
    if (row) return { id: row.id, receipt };
    const sameDevice = input.device
      ? eq(surveyResponses.device, input.device)
      : input.paperNo
        ? eq(surveyResponses.paperNo, input.paperNo)
        : null;
    const [first] = sameDevice
      ? await tx
          .select({ id: surveyResponses.id })
          .from(surveyResponses)
          .where(
            and(
              eq(surveyResponses.surveyId, input.surveyId),
              sameDevice,
              sql`${surveyResponses.duplicateOf} is null`,
            ),
          )
      : [];
    if (first) {
      const [dup] = await tx
        .insert(surveyResponses)
        .values({ ...values, receipt, duplicateOf: first.id })
        .returning({ id: surveyResponses.id });
      if (dup) return { id: dup.id, receipt };
    }
    // Otherwise the random receipt collided: try another.
  }
  throw new Error("could not store the answer");
}

export interface PublicAnswerInput {
  questionnaireVersion: number;
  answers: Record<string, unknown>;
  startedAt: string;
  submittedAt: string;
  honeypot?: string | undefined;
  accessCode?: string | undefined;
  ticket?: string | undefined;
}

/**
 * Stores a resident's answer and returns its receipt only once the transaction has committed.
 * Refuses: an unknown link (404), a survey not open (409), a wrong access code (403), too many
 * answers from one address within the hour (429), an answer that does not fit the questionnaire (422).
 */
export async function submitPublicAnswer(
  db: DbOrTx,
  input: {
    token: string;
    body: PublicAnswerInput;
    device: string | null;
    ip: string | null;
    now?: Date;
  },
): Promise<{ receipt: string }> {
  const key = await surveySecret(db);
  const now = input.now ?? new Date();
  const ipHash = addressHash(key, input.ip);
  return db.transaction(async (tx) => {
    const { community, survey } = await byToken(tx, input.token);
    if (survey.status !== "open" || survey.publishedVersion === null)
      throw new DomainError("survey.closed", { title: survey.title });
    if (community.accessCode !== null) {
      const given = (input.body.accessCode ?? "").trim().toUpperCase();
      if (!sameSecret(given, community.accessCode.toUpperCase()))
        throw new DomainError("survey.access_code");
    }
    const settings = settingsOf(survey);
    if (ipHash) {
      // Answers from one address wait for each other here, so that concurrent ones (on any
      // server) cannot all count the same recent answers and pass the limit together.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`survey:${survey.id}:${ipHash}`}))`,
      );
      const [recent] = await tx
        .select({ n: count() })
        .from(surveyResponses)
        .where(
          and(
            eq(surveyResponses.surveyId, survey.id),
            eq(surveyResponses.ipHash, ipHash),
            gt(surveyResponses.receivedAt, new Date(now.getTime() - 3600_000)),
          ),
        );
      if ((recent?.n ?? 0) >= settings.ratePerHour)
        throw new DomainError("survey.rate_limited", { limit: settings.ratePerHour });
    }
    // An answer is read against the published version it was given for (a page opened before a
    // new version was published); a version never published is refused as a wrong version.
    const q =
      (await publishedQuestionnaire(tx, survey.id, input.body.questionnaireVersion, db)) ??
      (await publishedQuestionnaire(tx, survey.id, survey.publishedVersion, db));
    if (!q) throw new DomainError("survey.closed", { title: survey.title });
    // The answering time runs from the signed time the page was served to the server's clock.
    const started = ticketTime(key, input.token, input.body.ticket);
    const answer = checkAnswer(q, {
      questionnaireVersion: input.body.questionnaireVersion,
      answers: withCommunity(q, input.body.answers, community.name),
      startedAt: (started ?? new Date(input.body.startedAt)).toISOString(),
      submittedAt: now.toISOString(),
      ...(input.body.honeypot !== undefined ? { honeypot: input.body.honeypot } : {}),
    });
    return {
      receipt: (
        await store(tx, {
          surveyId: survey.id,
          communityId: community.id,
          answer,
          mode: "online",
          device: input.device,
          ipHash,
          paperNo: null,
          enteredBy: null,
          enteredByName: null,
        })
      ).receipt,
    };
  });
}

/** A paper questionnaire entered by an evaluator at the community (现场录入), audited. */
export async function enterPaperAnswer(
  db: DbOrTx,
  ctx: ServiceContext,
  surveyId: number,
  communityId: number,
  input: { paperNo?: string | undefined; answers: Record<string, unknown> },
): Promise<{ id: number; receipt: string }> {
  const actor = authorize(ctx, { kind: "permission", permission: "survey:collect" });
  return db.transaction(async (tx) => {
    const view = await loadSurvey(tx, ctx, surveyId);
    const { community, region } = await loadCommunity(tx, view, communityId);
    const { survey } = view;
    if (survey.status !== "open" || survey.publishedVersion === null)
      throw new DomainError("survey.closed", { title: survey.title });
    const q = await publishedQuestionnaire(tx, survey.id, survey.publishedVersion, db);
    if (!q) throw new DomainError("survey.closed", { title: survey.title });
    const now = new Date().toISOString();
    const answer = checkAnswer(q, {
      questionnaireVersion: survey.publishedVersion,
      answers: withCommunity(q, input.answers, community.name),
      startedAt: now,
      submittedAt: now,
    });
    const stored = await store(tx, {
      surveyId,
      communityId,
      answer,
      mode: "on-site",
      device: null,
      ipHash: null,
      paperNo: input.paperNo ?? null,
      enteredBy: actor?.userId ?? null,
      enteredByName: actor?.username ?? ctx.systemName ?? null,
    });
    await recordAudit(tx, ctx, {
      action: "survey.enter_paper",
      entity: "survey_response",
      entityId: stored.id,
      region,
      after: { survey: surveyId, community: community.name, paperNo: input.paperNo ?? null },
    });
    return stored;
  });
}
