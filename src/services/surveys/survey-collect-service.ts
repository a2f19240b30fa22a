/**
 * Collecting answers: the public page's data, an answer from a resident's phone (signed device
 * cookie, a signed single-use page ticket whose issue time starts the answering time, per-address
 * limit, throttled access code, honeypot), and a paper questionnaire typed in on site. Every answer
 * is stored in one transaction; a repeat of a device or a paper number is stored and flagged as a
 * duplicate, never dropped.
 */
import { createHmac, randomBytes } from "node:crypto";
import { and, count, eq, gt, lt, min, or, sql } from "drizzle-orm";
import { type DbOrTx, queryRows, runsOneAtATime } from "../../db/index.ts";
import {
  appSecrets,
  surveyCodeFailures,
  surveyCommunities,
  surveyResponses,
  surveys,
  surveyVersions,
} from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import {
  answeringStart,
  assertCollecting,
  checkAnswer,
  isCollecting,
  type NormalisedAnswer,
  prepareQuestionnaire,
  type Questionnaire,
  questionsOf,
  ticketExpired,
} from "../../domain/surveys/index.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import { sameSecret } from "../accounts/auth-service.ts";
import type { ServiceContext } from "../context.ts";
import { authorize } from "../policy.ts";
import { loadCommunity, loadSurvey, settingsOf } from "./survey-access.ts";

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
/** Reads under way on the database itself: a burst of first answers waits for one read, not 500. */
const publishedReads = new WeakMap<object, Map<string, Promise<Questionnaire | null>>>();

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
  const read = async () => {
    const [row] = await db
      .select()
      .from(surveyVersions)
      .where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)));
    if (!row?.publishedAt) return null;
    const prepared = prepareQuestionnaire(row.questionnaire);
    if (cache.size >= 200) cache.clear();
    cache.set(key, prepared);
    return prepared;
  };
  // Inside another transaction the read is its own (it may see that transaction's writes).
  if (cacheOwner !== db) return read();
  const reads = publishedReads.get(db) ?? new Map<string, Promise<Questionnaire | null>>();
  publishedReads.set(db, reads);
  const running = reads.get(key);
  if (running) return running;
  const started = read().finally(() => reads.delete(key));
  reads.set(key, started);
  return started;
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

type Link = Awaited<ReturnType<typeof byToken>>;

/**
 * The links answers arrive on, per database: the hot path reads none of them again. Nothing of a
 * kept link is trusted: the answer's statement stores only while the survey and community still
 * match it, and a mismatch reads the link afresh (another server may have changed it).
 */
const linkCache = new WeakMap<object, Map<string, Link>>();

function linksOf(db: DbOrTx): Map<string, Link> {
  const links = linkCache.get(db) ?? new Map<string, Link>();
  linkCache.set(db, links);
  return links;
}

/** Reads of a link under way: a burst on a link not yet kept waits for one read. */
const linkReads = new WeakMap<object, Map<string, Promise<Link>>>();

function freshLink(db: DbOrTx, token: string): Promise<Link> {
  const links = linksOf(db);
  links.delete(token);
  const reads = linkReads.get(db) ?? new Map<string, Promise<Link>>();
  linkReads.set(db, reads);
  const running = reads.get(token);
  if (running) return running;
  const started = byToken(db, token)
    .then((link) => {
      // Communities with an access code take the careful path: the code is judged on a fresh read.
      if (link.community.accessCode === null) {
        if (links.size >= 10_000) links.clear();
        links.set(token, link);
      }
      return link;
    })
    .finally(() => reads.delete(token));
  reads.set(token, started);
  return started;
}

/** A kept link no longer matches the database: the answer is judged again on a fresh read. */
const STALE = Symbol("stale link");

interface SubmitInput {
  token: string;
  body: PublicAnswerInput;
  device: string | null;
  ip: string | null;
  now?: Date;
  /** How long a ticket takes an answer (TICKET_HOURS unless set). */
  ticketHours?: number;
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
  input: SubmitInput,
): Promise<{ receipt: string }> {
  const kept = linksOf(db).get(input.token);
  if (kept) {
    const answered = await answerOn(db, input, kept, "kept");
    if (answered !== STALE) return answered;
  }
  for (let attempt = 0; ; attempt += 1) {
    // A link changed between the read and the transaction is read again; the third time it stands.
    const link = await freshLink(db, input.token);
    const answered = await answerOn(db, input, link, attempt < 2 ? "fresh" : "final");
    if (answered !== STALE) return answered;
  }
}

/**
 * One try at storing the answer against `link`: a kept one, a fresh read, or the last read. A kept
 * link refused as closed, or any but the last found changed, answers STALE: the caller reads again.
 */
async function answerOn(
  db: DbOrTx,
  input: SubmitInput,
  link: Link,
  read: "kept" | "fresh" | "final",
): Promise<{ receipt: string } | typeof STALE> {
  const { community, survey } = link;
  // A kept link refuses nothing itself: the refusal is given on a fresh read, in the same order.
  const refuse = (err: DomainError): typeof STALE => {
    if (read === "kept") return STALE;
    throw err;
  };
  if (!isCollecting(survey))
    return refuse(new DomainError("survey.closed", { title: survey.title }));
  const { publishedVersion } = survey;
  const key = await surveySecret(db);
  const now = input.now ?? new Date();
  const ipHash = addressHash(key, input.ip);
  const ticket = readTicket(key, input.token, input.body.ticket);
  if (!ticket) return refuse(new DomainError("survey.ticket_invalid"));
  const hours = input.ticketHours ?? TICKET_HOURS;
  if (ticketExpired(ticket.issuedAt, now, hours))
    return refuse(new DomainError("survey.ticket_expired", { hours }));
  const { accessCode } = community;
  if (accessCode !== null)
    await checkAccessCode(db, { id: community.id, accessCode }, input.body.accessCode, ipHash, now);
  const settings = settingsOf(survey);
  // Published versions are immutable and cached: the answer is checked before the transaction, its
  // refusal kept until the transaction has said whether the ticket or the limit refuses it first.
  const q =
    (await publishedQuestionnaire(db, survey.id, input.body.questionnaireVersion)) ??
    (await publishedQuestionnaire(db, survey.id, publishedVersion));
  if (!q) return refuse(new DomainError("survey.closed", { title: survey.title }));
  const started = answeringStart(ticket.issuedAt, now);
  let answer: NormalisedAnswer | null = null;
  let refusal: unknown = null;
  try {
    answer = checkAnswer(q, {
      questionnaireVersion: input.body.questionnaireVersion,
      answers: withCommunity(q, input.body.answers, community.name),
      startedAt: started.toISOString(),
      submittedAt: now.toISOString(),
      ...(input.body.honeypot !== undefined ? { honeypot: input.body.honeypot } : {}),
    });
  } catch (err) {
    refusal = err;
  }
  const values: StoreInput | null = answer && {
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
  };
  const claim: Claim = {
    link,
    token: input.token,
    nonce: ticket.nonce,
    ipHash,
    since: new Date(now.getTime() - 3600_000),
    ratePerHour: settings.ratePerHour,
    values,
  };
  if (values && runsOneAtATime(db)) {
    // One connection (PGlite): the statement runs alone, so it needs neither lock nor transaction.
    // Anything but a stored answer is judged again below, in the transaction.
    const claimed = await claimAndStore(db, claim);
    if (claimed.stored) return { receipt: claimed.stored.receipt };
  }
  return db.transaction(async (tx) => {
    if (ipHash) {
      // Answers from one address wait for each other here, so that concurrent ones (on any
      // server) cannot all count the same recent answers and pass the limit together.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`survey:${survey.id}:${ipHash}`}))`,
      );
    }
    const claimed = await claimAndStore(tx, claim);
    if (claimed.stored) return { receipt: claimed.stored.receipt };
    if (claimed.changed && read !== "final") return STALE;
    assertCollecting(claimed, survey.title);
    if (claimed.ticketUsed) throw new DomainError("survey.ticket_used");
    if (ipHash && claimed.recent >= settings.ratePerHour)
      throw new DomainError("survey.rate_limited", { limit: settings.ratePerHour });
    if (!values) throw refusal;
    // A repeat of a device, the same ticket racing, or a receipt that collided: the careful path.
    return { receipt: (await store(tx, values)).receipt };
  });
}

interface Claim {
  /** The survey and community the answer was judged against. */
  link: Link;
  token: string;
  nonce: string;
  ipHash: string | null;
  since: Date;
  ratePerHour: number;
  /** The answer to store when every check holds; null to run the checks only. */
  values: StoreInput | null;
}

/**
 * One statement for the answer's checks and its insert: the survey and community as the answer was
 * judged against (open, same version, settings, name, no access code unless one was checked), the
 * ticket unused, the address's answers of the last hour under the limit; then the row (nothing on
 * any unique conflict). It answers what it found, so the caller can say which check refused.
 */
async function claimAndStore(tx: DbOrTx, c: Claim) {
  const { survey, community } = c.link;
  const recent = c.ipHash
    ? sql`select count(*)::int as n from survey_responses
        where survey_id = ${survey.id} and ip_hash = ${c.ipHash}
          and received_at > ${c.since.toISOString()}::timestamptz`
    : sql`select 0 as n`;
  const v = c.values;
  const receipt = newReceipt();
  const insert = v
    ? sql`, ins as (
        insert into survey_responses (survey_id, community_id, version, answers, started_at,
          submitted_at, mode, device, ip_hash, paper_no, honeypot, entered_by, entered_by_name,
          ticket_nonce, receipt)
        select ${v.surveyId}, ${v.communityId}, ${v.answer.questionnaireVersion},
          ${JSON.stringify(v.answer.answers)}::jsonb, ${v.answer.startedAt}::timestamptz,
          ${v.answer.submittedAt}::timestamptz, ${v.mode}, ${v.device}, ${v.ipHash},
          ${v.paperNo}, ${v.answer.honeypot ?? null}, ${v.enteredBy}::int,
          ${v.enteredByName}, ${v.ticketNonce}, ${receipt}
        from s, u, r
        where s.same and not u.used and r.n < ${c.ratePerHour}
        on conflict do nothing
        returning id)`
    : sql``;
  const [row] = await queryRows<{
    status: string | null;
    published_version: number | null;
    same: boolean | null;
    used: boolean;
    n: number;
    id: number | string | null;
  }>(
    tx,
    sql`with s as (
        select s.status, s.published_version,
          s.status = 'open' and s.published_version = ${survey.publishedVersion}
            and s.settings = ${JSON.stringify(survey.settings)}::jsonb
            and c.name = ${community.name}
            and c.access_code is not distinct from ${community.accessCode} as same
        from surveys s join survey_communities c on c.survey_id = s.id
        where s.id = ${survey.id} and c.id = ${community.id} and c.token = ${c.token}),
      u as (select exists (select 1 from survey_responses where ticket_nonce = ${c.nonce}) as used),
      r as (${recent})${insert}
      select s.status, s.published_version, s.same, u.used, r.n,
        ${v ? sql`(select id from ins)` : sql`null`} as id
      from u cross join r left join s on true`,
  );
  if (!row) throw new Error("the answer's checks returned no row");
  return {
    status: row.status,
    publishedVersion: row.published_version,
    /** The survey or community is no longer what the answer was judged against. */
    changed: row.same !== true,
    ticketUsed: row.used,
    recent: Number(row.n),
    stored: row.id === null ? null : { id: Number(row.id), receipt },
  };
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
    assertCollecting(survey, survey.title);
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
