/**
 * Collecting answers: the public page's data, an answer from a resident's phone (signed device
 * cookie, a signed single-use page ticket whose issue time starts the answering time, per-address
 * limit, throttled access code, honeypot), and a paper questionnaire typed in on site. Every answer
 * is stored in one transaction; a repeat of a device or a paper number is stored and flagged as a
 * duplicate, never dropped.
 */
import { createHmac, randomBytes } from "node:crypto";
import { and, count, eq, gt, lt, min, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/index.ts";
import {
  appSecrets,
  surveyCodeFailures,
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

/** How long a page's ticket takes an answer by default: a day (JIXIAO_SURVEY_TICKET_HOURS). */
export const TICKET_HOURS = 24;
/** Wrong access codes are counted over this window… */
export const CODE_WINDOW_MS = 10 * 60_000;
/** …and refused beyond this many from one address (any community) or at one community. */
export const CODE_TRIES_PER_ADDRESS = 10;
export const CODE_TRIES_PER_COMMUNITY = 100;

export interface Ticket {
  /** When the server issued it (its own clock): the answering time runs from here. */
  issuedAt: Date;
  /** Random, stored with the answer: the unique index lets a ticket answer once. */
  nonce: string;
}

/**
 * A page ticket for a community's token: the issue time and a random nonce, signed with the
 * database's survey key so that any server sharing the database accepts it and nobody can make one.
 */
export function issueTicket(key: Buffer, token: string, at: Date = new Date()): string {
  const ms = String(at.getTime());
  const nonce = randomBytes(16).toString("base64url");
  return `${ms}.${nonce}.${mac(key, `ticket:${token}:${ms}:${nonce}`)}`;
}

/** The ticket's issue time and nonce when its signature holds for this token; null otherwise. */
export function readTicket(key: Buffer, token: string, ticket: string | undefined): Ticket | null {
  if (!ticket) return null;
  const [ms, nonce, sig, extra] = ticket.split(".");
  if (extra !== undefined || !ms || !nonce || !sig) return null;
  if (!/^\d{1,15}$/.test(ms) || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) return null;
  if (!sameSecret(sig, mac(key, `ticket:${token}:${ms}:${nonce}`))) return null;
  return { issuedAt: new Date(Number(ms)), nonce };
}

/** A fresh ticket for a community's page (a second questionnaire on the same phone needs one). */
export async function publicTicket(
  db: DbOrTx,
  token: string,
  options: { now?: Date; ticketHours?: number } = {},
): Promise<{ ticket: string; issuedAt: string; expiresAt: string }> {
  await byToken(db, token);
  const now = options.now ?? new Date();
  const hours = options.ticketHours ?? TICKET_HOURS;
  return {
    ticket: issueTicket(await surveySecret(db), token, now),
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + hours * 3600_000).toISOString(),
  };
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
  const sharedDevices = settingsOf(survey).sharedDevices === true;
  let answered = false;
  // On a shared device (a volunteer's at a collection point) an earlier answer does not close the page.
  if (device && !sharedDevices) {
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
    sharedDevices,
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
  /** The page ticket's nonce (online answers); null for paper ones. */
  ticketNonce: string | null;
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
    ticketNonce: input.ticketNonce,
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const receipt = newReceipt();
    const [row] = await tx
      .insert(surveyResponses)
      .values({ ...values, receipt })
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id });
    if (row) return { id: row.id, receipt };
    // The same ticket sent twice at once: the other answer took the nonce and has committed.
    if (input.ticketNonce) await ticketUnused(tx, input.ticketNonce);
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
        .onConflictDoNothing()
        .returning({ id: surveyResponses.id });
      if (dup) return { id: dup.id, receipt };
      if (input.ticketNonce) await ticketUnused(tx, input.ticketNonce);
    }
    // Otherwise the random receipt collided: try another.
  }
  throw new Error("could not store the answer");
}

export interface PublicAnswerInput {
  questionnaireVersion: number;
  answers: Record<string, unknown>;
  /** Ignored: the answering time runs from the ticket's issue time (kept for older pages). */
  startedAt?: string | undefined;
  submittedAt?: string | undefined;
  honeypot?: string | undefined;
  accessCode?: string | undefined;
  /** The signed single-use ticket of the page the answer was given on. */
  ticket?: string | undefined;
}

/**
 * Judges an access code under a lock on the community, so that concurrent guesses on any server
 * are counted one after another: a wrong one is recorded; past the limit of wrong ones (per address,
 * per community, over the window) every try is refused, the right code too, or guessing would go on.
 */
async function checkAccessCode(
  db: DbOrTx,
  community: { id: number; accessCode: string },
  given: string | undefined,
  ipHash: string | null,
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - CODE_WINDOW_MS);
  const right = sameSecret((given ?? "").trim().toUpperCase(), community.accessCode.toUpperCase());
  const refusal = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`survey-code:${community.id}`}))`);
    const recent = gt(surveyCodeFailures.failedAt, since);
    const [atPlace] = await tx
      .select({ n: count(), first: min(surveyCodeFailures.failedAt) })
      .from(surveyCodeFailures)
      .where(and(eq(surveyCodeFailures.communityId, community.id), recent));
    const [fromHere] = ipHash
      ? await tx
          .select({ n: count(), first: min(surveyCodeFailures.failedAt) })
          .from(surveyCodeFailures)
          .where(and(eq(surveyCodeFailures.ipHash, ipHash), recent))
      : [];
    const over = [
      (atPlace?.n ?? 0) >= CODE_TRIES_PER_COMMUNITY ? atPlace?.first : null,
      (fromHere?.n ?? 0) >= CODE_TRIES_PER_ADDRESS ? fromHere?.first : null,
    ].filter((first): first is Date => first instanceof Date);
    if (over.length > 0) {
      // The oldest counted failure leaves the window first: then one more try is allowed.
      const until = Math.max(...over.map((first) => first.getTime() + CODE_WINDOW_MS));
      const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
      return new DomainError(
        "survey.access_code_throttled",
        { minutes: Math.ceil(retryAfterSeconds / 60) },
        { retryAfterSeconds },
      );
    }
    if (right) return null;
    // Failures older than the window count for nothing: the table keeps only the recent ones.
    await tx
      .delete(surveyCodeFailures)
      .where(
        and(
          lt(surveyCodeFailures.failedAt, since),
          or(
            eq(surveyCodeFailures.communityId, community.id),
            ipHash ? eq(surveyCodeFailures.ipHash, ipHash) : sql`false`,
          ),
        ),
      );
    await tx
      .insert(surveyCodeFailures)
      .values({ communityId: community.id, ipHash, failedAt: now });
    return new DomainError("survey.access_code");
  });
  if (refusal) throw refusal;
}

/**
 * Stores a resident's answer and returns its receipt only once the transaction has committed.
 * Refuses: an unknown link (404), a survey not open (409), a ticket missing, forged, of another
 * community (403) or expired (403), a ticket used before (409), a wrong access code (403) and too
 * many of them (429), too many answers from one address within the hour (429), an answer that does
 * not fit the questionnaire (422).
 */
export async function submitPublicAnswer(
  db: DbOrTx,
  input: {
    token: string;
    body: PublicAnswerInput;
    device: string | null;
    ip: string | null;
    now?: Date;
    /** How long a ticket takes an answer (TICKET_HOURS unless set). */
    ticketHours?: number;
  },
): Promise<{ receipt: string }> {
  const key = await surveySecret(db);
  const now = input.now ?? new Date();
  const ipHash = addressHash(key, input.ip);
  const found = await byToken(db, input.token);
  if (found.survey.status !== "open" || found.survey.publishedVersion === null)
    throw new DomainError("survey.closed", { title: found.survey.title });
  const ticket = readTicket(key, input.token, input.body.ticket);
  if (!ticket) throw new DomainError("survey.ticket_invalid");
  const hours = input.ticketHours ?? TICKET_HOURS;
  if (now.getTime() - ticket.issuedAt.getTime() > hours * 3600_000)
    throw new DomainError("survey.ticket_expired", { hours });
  const { accessCode } = found.community;
  if (accessCode !== null)
    await checkAccessCode(
      db,
      { id: found.community.id, accessCode },
      input.body.accessCode,
      ipHash,
      now,
    );
  return db.transaction(async (tx) => {
    const { community, survey } = await byToken(tx, input.token);
    if (survey.status !== "open" || survey.publishedVersion === null)
      throw new DomainError("survey.closed", { title: survey.title });
    await ticketUnused(tx, ticket.nonce);
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
    // The answering time runs from the ticket's issue time to the server's clock; what the phone
    // says it started at is not asked (a server whose clock runs ahead cannot make it negative).
    const started = new Date(Math.min(ticket.issuedAt.getTime(), now.getTime()));
    const answer = checkAnswer(q, {
      questionnaireVersion: input.body.questionnaireVersion,
      answers: withCommunity(q, input.body.answers, community.name),
      startedAt: started.toISOString(),
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
          ticketNonce: ticket.nonce,
        })
      ).receipt,
    };
  });
}

/** Refuses a ticket an answer has already been stored with (committed by any server). */
async function ticketUnused(tx: DbOrTx, nonce: string): Promise<void> {
  const [used] = await tx
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(eq(surveyResponses.ticketNonce, nonce));
  if (used) throw new DomainError("survey.ticket_used");
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
      ticketNonce: null,
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
