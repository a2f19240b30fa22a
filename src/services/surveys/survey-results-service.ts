/**
 * What a survey found: every answer judged with the survey's current rules (and an evaluator's
 * override), the satisfaction rate per community, county, city and province with its margin of
 * error, per question, cross-tabs and free text; the answer list and the validity overrides.
 */
import { and, eq, inArray, like } from "drizzle-orm";
import type { DbOrTx } from "../../db/index.ts";
import { regions, surveyCommunities, surveyResponses, surveyVersions } from "../../db/schema.ts";
import { formatByPolicy } from "../../domain/decimal.ts";
import { DomainError } from "../../domain/errors.ts";
import { textIn } from "../../domain/frameworks/index.ts";
import {
  crossTab,
  type Demographic,
  effectiveValidity,
  isChoice,
  type JudgedAnswer,
  judgeValidity,
  type NormalisedAnswer,
  optionKeys,
  prepareQuestionnaire,
  type Questionnaire,
  questionsOf,
  type RateUnit,
  type RollUpNode,
  rollUpRates,
  type SatisfactionRate,
  satisfactionRate,
  scaleOf,
  type Validity,
  type ValidityOverride,
} from "../../domain/surveys/index.ts";
import type {
  RateNodeT,
  RateTT,
  SurveyResponseItemT,
  SurveyResultsT,
  SurveySettingsT,
} from "../../shared/survey-schemas.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import { type ServiceContext, systemContext } from "../context.ts";
import { authorize } from "../policy.ts";
import { loadSurvey, type SurveyView, settingsOf } from "./survey-access.ts";

type ResponseRow = typeof surveyResponses.$inferSelect;

/** One stored answer with its place and the validity that counts. */
export interface LoadedAnswer {
  row: ResponseRow;
  communityName: string;
  /** Region codes from the survey's (or the viewer's) region down to the community's, then "c{id}". */
  place: string[];
  answer: NormalisedAnswer;
  judged: Validity;
  valid: boolean;
  override: (ValidityOverride & { at: string }) | null;
}

export interface LoadedSurvey {
  view: SurveyView;
  settings: SurveySettingsT;
  /** The questionnaire the rates are read with: the newest published version (else the draft). */
  questionnaire: Questionnaire;
  versions: Map<number, Questionnaire>;
  answers: LoadedAnswer[];
  /** Names of the regions and communities on the places' paths. */
  names: Map<string, { name: string; level: RateNodeT["level"] }>;
  households: Map<string, number>;
}

/** Loads and judges every answer of the survey the viewer may see. */
export async function loadSurveyAnswers(db: DbOrTx, view: SurveyView): Promise<LoadedSurvey> {
  const { survey } = view;
  const settings = settingsOf(survey);
  const versionRows = await db
    .select()
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, survey.id))
    .orderBy(surveyVersions.version);
  const versions = new Map<number, Questionnaire>();
  for (const v of versionRows) versions.set(v.version, prepareQuestionnaire(v.questionnaire));
  const rateVersion = survey.publishedVersion ?? versionRows.at(-1)?.version ?? Number.NaN;
  const questionnaire = versions.get(rateVersion);
  if (!questionnaire) throw new DomainError("survey.not_found", { id: survey.id });

  const communities = await db
    .select({ community: surveyCommunities, region: regions })
    .from(surveyCommunities)
    .innerJoin(regions, eq(regions.code, surveyCommunities.regionCode))
    .where(and(eq(surveyCommunities.surveyId, survey.id), like(regions.path, `${view.viewPath}%`)));
  const byId = new Map(communities.map((c) => [c.community.id, c]));
  const rows =
    byId.size === 0
      ? []
      : await db
          .select()
          .from(surveyResponses)
          .where(
            and(
              eq(surveyResponses.surveyId, survey.id),
              inArray(surveyResponses.communityId, [...byId.keys()]),
            ),
          )
          .orderBy(surveyResponses.id);
  // Receipts of first answers, for the words of a duplicate's reason (the first may lie outside the view).
  const firstIds = [
    ...new Set(rows.map((r) => r.duplicateOf).filter((d): d is number => d !== null)),
  ];
  const receipts = new Map<number, string>(rows.map((r) => [r.id, r.receipt]));
  const missing = firstIds.filter((id) => !receipts.has(id));
  if (missing.length > 0) {
    for (const r of await db
      .select({ id: surveyResponses.id, receipt: surveyResponses.receipt })
      .from(surveyResponses)
      .where(inArray(surveyResponses.id, missing)))
      receipts.set(r.id, r.receipt);
  }

  const viewCodes = view.viewPath.split("/").filter(Boolean);
  const names = new Map<string, { name: string; level: RateNodeT["level"] }>();
  const households = new Map<string, number>();
  const regionCodes = new Set<string>();
  for (const { community, region } of communities) {
    const key = `c${community.id}`;
    names.set(key, { name: community.name, level: "community" });
    if (community.households !== null) households.set(key, community.households);
    for (const code of region.path.split("/").filter(Boolean)) regionCodes.add(code);
  }
  if (regionCodes.size > 0) {
    for (const r of await db
      .select({ code: regions.code, name: regions.name, level: regions.level })
      .from(regions)
      .where(inArray(regions.code, [...regionCodes])))
      names.set(r.code, { name: r.name, level: r.level });
  }

  const answers: LoadedAnswer[] = [];
  for (const row of rows) {
    const place = byId.get(row.communityId);
    const q = versions.get(row.version);
    if (!place || !q) continue;
    const answer: NormalisedAnswer = {
      questionnaireVersion: row.version,
      answers: row.answers as NormalisedAnswer["answers"],
      startedAt: row.startedAt.toISOString(),
      submittedAt: row.submittedAt.toISOString(),
      ...(row.honeypot ? { honeypot: row.honeypot } : {}),
    };
    const first = row.duplicateOf === null ? undefined : receipts.get(row.duplicateOf);
    const judged = judgeValidity(
      q,
      answer,
      {
        // A paper questionnaire's time on paper is unknown: the speed rule reads online answers only.
        minSeconds: row.mode === "on-site" ? 0 : settings.minSeconds,
        straightLineMin: settings.straightLineMin,
        minAnsweredShare: settings.minAnsweredShare,
      },
      // A shared device (a volunteer's at a collection point) answers for several residents.
      first === undefined || (row.mode !== "on-site" && settings.sharedDevices === true)
        ? {}
        : { duplicateOf: { by: row.mode === "on-site" ? "paper" : "device", receipt: first } },
    );
    const override = row.override as (ValidityOverride & { at: string }) | null;
    const effective = effectiveValidity(judged, override ?? undefined);
    const codes = place.region.path.split("/").filter(Boolean);
    const from = Math.max(0, viewCodes.length - 1);
    answers.push({
      row,
      communityName: place.community.name,
      place: [...codes.slice(from), `c${row.communityId}`],
      answer,
      judged,
      valid: effective.valid,
      override,
    });
  }
  return { view, settings, questionnaire, versions, answers, names, households };
}

function unitFor(settings: SurveySettingsT, q: Questionnaire): RateUnit {
  return settings.unit === "questionnaires" && q.satisfaction.overall
    ? "questionnaires"
    : "answers";
}

export function rateJson(r: SatisfactionRate): RateTT {
  return {
    valid: r.valid,
    excluded: r.excluded,
    sample: r.sample,
    satisfied: r.satisfied ?? null,
    meanScore: r.meanScore ? formatByPolicy(r.meanScore, "half-up-2") : null,
    ratePercent: r.ratePercent,
    marginPercent: r.marginOfErrorPercent,
  };
}

function judgedOf(loaded: LoadedSurvey): JudgedAnswer[] {
  return loaded.answers.map((a) => ({ answer: a.answer, valid: a.valid }));
}

/** The tree of rates from the viewer's top region down to each community; answers pooled per level. */
export function rateTree(loaded: LoadedSurvey): RateNodeT[] {
  const { settings, questionnaire: q } = loaded;
  const placeOf = new Map<NormalisedAnswer, string[]>(
    loaded.answers.map((a) => [a.answer, a.place]),
  );
  // The communities that answered below each region, gathered once for every node's population.
  const below = new Map<string, Set<string>>();
  for (const { place } of loaded.answers) {
    const community = place.at(-1) ?? "";
    for (const key of place) below.set(key, (below.get(key) ?? new Set()).add(community));
  }
  const populationOf = (path: readonly string[]) =>
    householdsOf(loaded, below.get(path.at(-1) ?? "") ?? []);
  const nodes = rollUpRates(
    q,
    judgedOf(loaded),
    { unit: unitFor(settings, q), method: settings.method, populationOf },
    (a) => placeOf.get(a) ?? [],
  );
  const convert = (n: RollUpNode): RateNodeT => {
    const info = loaded.names.get(n.key);
    return {
      key: n.key,
      name: info?.name ?? n.key,
      level: info?.level ?? "community",
      rate: rateJson(n.result),
      children: n.children.map(convert),
    };
  };
  return nodes.map(convert);
}

/** The overall rate and each community's, for lists and summaries. */
export async function surveyStats(db: DbOrTx, view: SurveyView) {
  const loaded = await loadSurveyAnswers(db, view);
  const { settings, questionnaire: q } = loaded;
  const options = { unit: unitFor(settings, q), method: settings.method };
  const overall = overallRate(loaded);
  const byCommunity = new Map<number, RateTT>();
  const groups = new Map<number, JudgedAnswer[]>();
  for (const a of loaded.answers) {
    const list = groups.get(a.row.communityId) ?? [];
    list.push({ answer: a.answer, valid: a.valid });
    groups.set(a.row.communityId, list);
  }
  for (const [id, list] of groups)
    byCommunity.set(id, rateJson(satisfactionRate(q, list, options)));
  return { overall, byCommunity };
}

const label = (text: Parameters<typeof textIn>[0], locale: "zh-CN" | "en-US") =>
  textIn(text, locale);

function questionInfos(q: Questionnaire, locale: "zh-CN" | "en-US") {
  return questionsOf(q).map((question) => ({
    key: question.key,
    title: label(question.title, locale),
    kind: question.kind,
    demographic: question.demographic ?? null,
    options: isChoice(question)
      ? question.kind === "rating"
        ? scaleOf(question).map((o) => ({ key: o.key, label: label(o.label, locale) }))
        : question.options.map((o) => ({ key: o.key, label: label(o.label, locale) }))
      : [],
  }));
}

export async function surveyResults(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  locale: "zh-CN" | "en-US" = "zh-CN",
): Promise<SurveyResultsT> {
  const view = await loadSurvey(db, ctx, id);
  const loaded = await loadSurveyAnswers(db, view);
  return resultsOf(loaded, locale);
}

/**
 * The households of these communities (keys "c{id}") when every one of them is known, else
 * undefined: the population of the finite population correction.
 */
function householdsOf(loaded: LoadedSurvey, communities: Iterable<string>): number | undefined {
  let sum = 0;
  for (const key of communities) {
    const households = loaded.households.get(key);
    if (households === undefined) return undefined;
    sum += households;
  }
  return sum || undefined;
}

/** The overall rate over every answer, corrected like the tree's top when all households are known. */
function overallRate(loaded: LoadedSurvey): RateTT {
  const { settings, questionnaire: q } = loaded;
  const population = householdsOf(loaded, new Set(loaded.answers.map((a) => a.place.at(-1) ?? "")));
  return rateJson(
    satisfactionRate(q, judgedOf(loaded), {
      unit: unitFor(settings, q),
      method: settings.method,
      ...(population ? { population } : {}),
    }),
  );
}

export function resultsOf(loaded: LoadedSurvey, locale: "zh-CN" | "en-US"): SurveyResultsT {
  const { settings, questionnaire: q } = loaded;
  const judged = judgedOf(loaded);
  const overall = overallRate(loaded);
  const byQuestion = q.satisfaction.questions.map((key) => {
    const single: Questionnaire = { ...q, satisfaction: { ...q.satisfaction, questions: [key] } };
    const question = questionsOf(q).find((x) => x.key === key);
    return {
      key,
      title: question ? label(question.title, locale) : key,
      rate: rateJson(
        satisfactionRate(single, judged, { unit: "answers", method: settings.method }),
      ),
    };
  });
  const texts = questionsOf(q)
    .filter((question) => question.kind === "text" && !question.demographic)
    .map((question) => {
      const given = loaded.answers
        .filter((a) => a.valid && typeof a.answer.answers[question.key] === "string")
        .reverse()
        .map((a) => ({
          responseId: a.row.id,
          community: a.communityName,
          text: String(a.answer.answers[question.key]),
        }));
      return {
        question: question.key,
        title: label(question.title, locale),
        answers: given.slice(0, 1000),
        groups: groupTexts(given),
      };
    })
    .filter((t) => t.answers.length > 0);
  return {
    settings,
    overall,
    tree: rateTree(loaded),
    questions: questionInfos(q, locale),
    byQuestion,
    texts,
  };
}

/**
 * Identical comments (same words once spaces are trimmed and runs of spaces made one) as one
 * group with its count and communities; the most frequent first, ties newest first.
 */
export function groupTexts(
  answers: readonly { responseId: number; community: string; text: string }[],
): { text: string; count: number; communities: string[]; responseIds: number[] }[] {
  const groups = new Map<
    string,
    { text: string; count: number; communities: string[]; responseIds: number[]; first: number }
  >();
  answers.forEach((a, at) => {
    const key = a.text.trim().replace(/\s+/g, " ");
    if (key === "") return;
    let group = groups.get(key);
    if (!group) {
      group = { text: key, count: 0, communities: [], responseIds: [], first: at };
      groups.set(key, group);
    }
    group.count += 1;
    if (!group.communities.includes(a.community)) group.communities.push(a.community);
    if (group.responseIds.length < 20) group.responseIds.push(a.responseId);
  });
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, 1000)
    .map(({ first: _, ...group }) => group);
}

export async function surveyCrossTab(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  query: { question: string; demographic: Demographic },
  locale: "zh-CN" | "en-US" = "zh-CN",
) {
  const view = await loadSurvey(db, ctx, id);
  const loaded = await loadSurveyAnswers(db, view);
  const q = loaded.questionnaire;
  const table = crossTab(q, judgedOf(loaded), query.question, query.demographic);
  const infos = questionInfos(q, locale);
  const question = infos.find((x) => x.key === table.question);
  const by = infos.find((x) => x.key === table.demographicQuestion);
  const optionLabel = (key: string) => question?.options.find((o) => o.key === key)?.label ?? key;
  const valueLabel = (value: string | null) =>
    value === null
      ? locale === "zh-CN"
        ? "未填写"
        : "not said"
      : (by?.options.find((o) => o.key === value)?.label ?? value);
  const choice = questionsOf(q).find((x) => x.key === query.question);
  return {
    question: table.question,
    title: question?.title ?? table.question,
    demographic: table.demographic,
    options: (choice && isChoice(choice) ? optionKeys(choice) : table.options).map((key) => ({
      key,
      label: optionLabel(key),
    })),
    rows: table.rows.map((r) => ({
      value: r.value,
      label: valueLabel(r.value),
      counts: r.counts,
      respondents: r.respondents,
    })),
  };
}

export function responseItem(a: LoadedAnswer, locale: "zh-CN" | "en-US"): SurveyResponseItemT {
  const r = a.row;
  return {
    id: r.id,
    communityId: r.communityId,
    communityName: a.communityName,
    version: r.version,
    mode: r.mode,
    receipt: r.receipt,
    paperNo: r.paperNo,
    enteredBy: r.enteredByName,
    receivedAt: r.receivedAt.toISOString(),
    seconds: r.mode === "on-site" ? null : (r.submittedAt.getTime() - r.startedAt.getTime()) / 1000,
    valid: a.valid,
    reasons: a.judged.reasons.map((x) => ({
      code: x.code,
      text: locale === "zh-CN" ? x.zh : x.en,
    })),
    override: a.override,
    answers: a.answer.answers,
  };
}

export async function listSurveyResponses(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  query: {
    communityId?: number | undefined;
    valid?: "true" | "false" | undefined;
    page: number;
    pageSize: number;
  },
  locale: "zh-CN" | "en-US" = "zh-CN",
) {
  const view = await loadSurvey(db, ctx, id);
  const loaded = await loadSurveyAnswers(db, view);
  const chosen = loaded.answers
    .filter((a) => query.communityId === undefined || a.row.communityId === query.communityId)
    .filter((a) => query.valid === undefined || String(a.valid) === query.valid)
    .reverse();
  const start = (query.page - 1) * query.pageSize;
  return {
    items: chosen.slice(start, start + query.pageSize).map((a) => responseItem(a, locale)),
    total: chosen.length,
  };
}

/** An evaluator's decision on one answer's validity, kept beside the rules' judgement and audited. */
export async function overrideValidity(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  responseId: number,
  input: { valid: boolean | null; reason: string },
  locale: "zh-CN" | "en-US" = "zh-CN",
): Promise<SurveyResponseItemT> {
  const actor = authorize(ctx, { kind: "permission", permission: "survey:judge" });
  const changed = await db.transaction(async (tx) => {
    const view = await loadSurvey(tx, ctx, id, true);
    const loaded = await loadSurveyAnswers(tx, view);
    const found = loaded.answers.find((a) => a.row.id === responseId);
    if (!found) throw new DomainError("survey.response_not_found", { id: responseId });
    if (input.valid !== null && input.reason.trim() === "")
      throw new DomainError("survey.override_reason");
    const override =
      input.valid === null
        ? null
        : {
            valid: input.valid,
            by: actor?.username ?? ctx.systemName ?? "-",
            reason: input.reason.trim(),
            at: new Date().toISOString(),
          };
    await tx.update(surveyResponses).set({ override }).where(eq(surveyResponses.id, responseId));
    await recordAudit(tx, ctx, {
      action: "survey.override_validity",
      entity: "survey_response",
      entityId: responseId,
      region: view.region,
      before: { override: found.override, judged: found.judged.valid },
      after: { override, reason: input.reason.trim() },
    });
    // The answer as judged, with the new decision in place of the old one.
    const valid = effectiveValidity(found.judged, override ?? undefined).valid;
    return { ...found, row: { ...found.row, override }, override, valid };
  });
  return responseItem(changed, locale);
}

/** What an evaluation's satisfaction indicator reads: the survey's rate for each region it covers. */
export interface SurveyFigures {
  surveyId: number;
  title: string;
  unit: RateUnit;
  method: SurveySettingsT["method"];
  byRegion: Record<string, RateTT>;
}

/** The rates of a linked survey per region code, read with the system's eyes (the task decides scope). */
export async function surveyFigures(db: DbOrTx, surveyId: number): Promise<SurveyFigures> {
  const view = await loadSurvey(db, systemContext("evaluation"), surveyId);
  const loaded = await loadSurveyAnswers(db, view);
  const byRegion: Record<string, RateTT> = {};
  const walk = (nodes: RateNodeT[]) => {
    for (const n of nodes) {
      if (n.level !== "community") byRegion[n.key] = n.rate;
      walk(n.children);
    }
  };
  walk(rateTree(loaded));
  return {
    surveyId,
    title: view.survey.title,
    unit: unitFor(loaded.settings, loaded.questionnaire),
    method: loaded.settings.method,
    byRegion,
  };
}
