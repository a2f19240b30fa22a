/**
 * Satisfaction surveys (满意度调查): create from the standard questionnaire or a copy, edit the draft,
 * publish versions, open and close collection, and manage the collection points (小区) with their
 * public tokens and access codes. Who may see a survey: those whose region holds it, and those inside
 * its region, who see only their own part of it (a county sees its communities in the city's survey).
 */
import { randomBytes } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, like, max, or } from "drizzle-orm";
import standardQuestionnaire from "../../../surveys/old-community-satisfaction.json" with {
  type: "json",
};
import { loadStoredRows } from "../../db/dataset-repository.ts";
import type { DbOrTx } from "../../db/index.ts";
import {
  evaluationTasks,
  regions,
  surveyCommunities,
  surveyResponses,
  surveys,
  surveyVersions,
} from "../../db/schema.ts";
import { findDataset } from "../../domain/datasets/specs/index.ts";
import { DomainError } from "../../domain/errors.ts";
import {
  assertCommunityDeletable,
  assertCommunityInSurvey,
  assertCommunityNameFree,
  assertTaskMatchesSurvey,
  communitiesFromProjects,
  editedVersion,
  mayEditSurvey,
  prepareQuestionnaire,
  questionnaireFor,
  regionsAbove,
  settingsForNewSurvey,
  surveyViewPath,
} from "../../domain/surveys/index.ts";
import {
  allowedActions,
  type FlowActor,
  SURVEY_FLOW,
  type SurveyState,
  transition,
} from "../../domain/workflow/index.ts";
import { roleCan } from "../../shared/roles.ts";
import type {
  SurveyActionT,
  SurveyCommunityT,
  SurveyDetailT,
  SurveySettingsT,
  SurveySummaryT,
} from "../../shared/survey-schemas.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { getRegion } from "../data/region-service.ts";
import { assertRegionInScope, authorize, scopePath } from "../policy.ts";
import {
  DEFAULT_SURVEY_SETTINGS,
  loadCommunity,
  loadSurvey,
  type SurveyView,
  settingsOf,
} from "./survey-access.ts";
import { surveyStats } from "./survey-results-service.ts";

type Json = Record<string, unknown>;

export const STANDARD_QUESTIONNAIRE: Json = standardQuestionnaire;

/** Whether the actor may change the survey itself: the permission, and the survey's region within theirs. */
function mayEdit(ctx: ServiceContext, view: SurveyView): boolean {
  const a = ctx.actor;
  const editor = a && { mayEditSurveys: roleCan(a.role, "survey:edit"), regionPath: a.regionPath };
  return mayEditSurvey(editor, view.region.path);
}

/** Who acts on the survey: every step of its flow is the editor's. */
function surveyActor(ctx: ServiceContext, view: SurveyView): FlowActor {
  return { userId: ctx.actor?.userId ?? null, canEdit: mayEdit(ctx, view), canReview: false };
}

function surveyState(view: SurveyView, known: { hasDraft: boolean; answers: number }): SurveyState {
  return {
    status: view.survey.status,
    regionName: view.region.name,
    publishedVersion: view.survey.publishedVersion,
    ...known,
  };
}

function assertEditor(ctx: ServiceContext, view: SurveyView) {
  authorize(ctx, { kind: "permission", permission: "survey:edit" });
  if (!mayEdit(ctx, view)) throw new DomainError("survey.not_editor", { region: view.region.name });
}

async function versionsOf(db: DbOrTx, surveyId: number) {
  return db
    .select()
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, surveyId))
    .orderBy(surveyVersions.version);
}

export async function listSurveys(
  db: DbOrTx,
  ctx: ServiceContext,
  query: { year?: number | undefined; regionCode?: string | undefined },
): Promise<SurveySummaryT[]> {
  authorize(ctx, { kind: "permission", permission: "survey:read" });
  const own = scopePath(ctx);
  const scope = query.regionCode ? await getRegion(db, query.regionCode, "regionCode") : null;
  if (scope) assertRegionInScope(ctx, scope);
  const path = scope?.path ?? own;
  // Surveys in the subtree, and those of the regions above the actor (whose part the actor sees).
  const above = regionsAbove(own);
  const rows = await db
    .select({ survey: surveys, region: regions })
    .from(surveys)
    .innerJoin(regions, eq(regions.code, surveys.regionCode))
    .where(
      and(
        scope || above.length === 0
          ? like(regions.path, `${path}%`)
          : or(like(regions.path, `${path}%`), inArray(regions.path, above)),
        query.year === undefined ? undefined : eq(surveys.year, query.year),
      ),
    )
    .orderBy(desc(surveys.year), surveys.id);
  const out: SurveySummaryT[] = [];
  for (const row of rows) {
    const view = { ...row, viewPath: surveyViewPath(row.region.path, own) ?? own };
    out.push(await summaryOf(db, view));
  }
  return out;
}

type Stats = Awaited<ReturnType<typeof surveyStats>>;

/** The list's line of a survey; `stats` when the caller has judged its answers already. */
async function summaryOf(db: DbOrTx, view: SurveyView, known?: Stats): Promise<SurveySummaryT> {
  const { survey, region } = view;
  const [draft] = await db
    .select({ version: max(surveyVersions.version) })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, survey.id), isNull(surveyVersions.publishedAt)));
  const [communities] = await db
    .select({ n: count() })
    .from(surveyCommunities)
    .innerJoin(regions, eq(regions.code, surveyCommunities.regionCode))
    .where(and(eq(surveyCommunities.surveyId, survey.id), like(regions.path, `${view.viewPath}%`)));
  const stats = known ?? (await surveyStats(db, view));
  return {
    id: survey.id,
    title: survey.title,
    year: survey.year,
    regionCode: survey.regionCode,
    regionName: region.name,
    status: survey.status,
    publishedVersion: survey.publishedVersion,
    draftVersion: draft?.version ?? null,
    communities: communities?.n ?? 0,
    answers: stats.overall.valid + stats.overall.excluded,
    valid: stats.overall.valid,
    ratePercent: stats.overall.ratePercent,
    updatedAt: survey.updatedAt.toISOString(),
  };
}

/** Creates a survey with version 1 as a draft: the standard questionnaire, a copy, or a file's. */
export async function createSurvey(
  db: DbOrTx,
  ctx: ServiceContext,
  input: {
    regionCode: string;
    year: number;
    title: string;
    template?: "old-community-satisfaction" | undefined;
    copyOf?: number | undefined;
    questionnaire?: Json | undefined;
  },
): Promise<{ id: number }> {
  authorize(ctx, { kind: "permission", permission: "survey:edit" });
  const region = await getRegion(db, input.regionCode, "regionCode");
  assertRegionInScope(ctx, region);
  let questionnaire: Json;
  let settings = DEFAULT_SURVEY_SETTINGS;
  if (input.copyOf !== undefined) {
    const source = await loadSurvey(db, ctx, input.copyOf);
    const versions = await versionsOf(db, source.survey.id);
    const last = versions.at(-1);
    if (!last) throw new DomainError("survey.not_found", { id: input.copyOf });
    questionnaire = last.questionnaire as Json;
    settings = settingsOf(source.survey);
  } else {
    questionnaire = input.questionnaire ?? STANDARD_QUESTIONNAIRE;
  }
  const prepared = questionnaireFor(questionnaire, 1);
  settings = settingsForNewSurvey(settings, prepared, input.copyOf !== undefined);
  return db.transaction(async (tx) => {
    const [survey] = await tx
      .insert(surveys)
      .values({
        regionCode: region.code,
        year: input.year,
        title: input.title,
        settings,
        createdBy: ctx.actor?.userId ?? null,
        updatedByName: ctx.actor?.username ?? ctx.systemName ?? null,
      })
      .returning();
    if (!survey) throw new Error("survey not created");
    await tx.insert(surveyVersions).values({
      surveyId: survey.id,
      version: 1,
      questionnaire: prepared,
    });
    await recordAudit(tx, ctx, {
      action: "survey.create",
      entity: "survey",
      entityId: survey.id,
      region,
      after: {
        title: survey.title,
        year: survey.year,
        from: input.copyOf ?? input.template ?? "file",
      },
    });
    return { id: survey.id };
  });
}

export async function getSurvey(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
): Promise<SurveyDetailT> {
  const view = await loadSurvey(db, ctx, id);
  return detailOf(db, ctx, view);
}

async function detailOf(db: DbOrTx, ctx: ServiceContext, view: SurveyView): Promise<SurveyDetailT> {
  const { survey } = view;
  // Judging the answers loads them all: once for the summary and the communities alike.
  const stats = await surveyStats(db, view);
  const summary = await summaryOf(db, view, stats);
  const versions = await versionsOf(db, survey.id);
  const perVersion = await db
    .select({ version: surveyResponses.version, n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, survey.id))
    .groupBy(surveyResponses.version);
  const answersOf = (v: number) => perVersion.find((p) => p.version === v)?.n ?? 0;
  const shown = versions.at(-1);
  const linked = await db
    .select({ id: evaluationTasks.id, name: evaluationTasks.name })
    .from(evaluationTasks)
    .where(eq(evaluationTasks.surveyId, survey.id))
    .orderBy(evaluationTasks.id);
  const a = ctx.actor;
  return {
    ...summary,
    settings: settingsOf(survey),
    questionnaire: (shown?.questionnaire ?? {}) as Json,
    versions: versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      answers: answersOf(v.version),
    })),
    communities: await communitiesOf(db, ctx, view, stats),
    linkedTasks: linked,
    canEdit: mayEdit(ctx, view),
    actions: allowedActions(
      SURVEY_FLOW,
      surveyActor(ctx, view),
      surveyState(view, { hasDraft: summary.draftVersion !== null, answers: summary.answers }),
    ),
    canCollect: a === null || roleCan(a.role, "survey:collect"),
    canJudge: a === null || roleCan(a.role, "survey:judge"),
  };
}

async function communitiesOf(
  db: DbOrTx,
  ctx: ServiceContext,
  view: SurveyView,
  known?: Stats,
): Promise<SurveyCommunityT[]> {
  const rows = await db
    .select({ community: surveyCommunities, region: regions })
    .from(surveyCommunities)
    .innerJoin(regions, eq(regions.code, surveyCommunities.regionCode))
    .where(
      and(eq(surveyCommunities.surveyId, view.survey.id), like(regions.path, `${view.viewPath}%`)),
    )
    .orderBy(regions.code, surveyCommunities.name);
  const stats = known ?? (await surveyStats(db, view));
  const editor = mayEdit(ctx, view);
  return rows.map(({ community, region }) => {
    const s = stats.byCommunity.get(community.id);
    return {
      id: community.id,
      regionCode: region.code,
      regionName: region.name,
      name: community.name,
      households: community.households,
      token: community.token,
      publicPath: `/s/${community.token}`,
      accessCode: editor ? community.accessCode : null,
      answers: s ? s.valid + s.excluded : 0,
      valid: s?.valid ?? 0,
    };
  });
}

/** Saves the title, settings and/or the questionnaire (as the draft; a new draft after publication). */
export async function updateSurvey(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  input: {
    title?: string | undefined;
    settings?: SurveySettingsT | undefined;
    questionnaire?: Json | undefined;
  },
): Promise<SurveyDetailT> {
  await db.transaction(async (tx) => {
    const view = await loadSurvey(tx, ctx, id, true);
    assertEditor(ctx, view);
    const { survey } = view;
    const before: Json = {};
    const after: Json = {};
    if (input.questionnaire) {
      const versions = await versionsOf(tx, survey.id);
      const { version, replacesDraft } = editedVersion(
        versions.map((v) => ({ version: v.version, published: v.publishedAt !== null })),
      );
      const prepared = questionnaireFor(input.questionnaire, version);
      if (replacesDraft) {
        await tx
          .update(surveyVersions)
          .set({ questionnaire: prepared, updatedAt: new Date() })
          .where(and(eq(surveyVersions.surveyId, survey.id), eq(surveyVersions.version, version)));
      } else {
        await tx
          .insert(surveyVersions)
          .values({ surveyId: survey.id, version, questionnaire: prepared });
      }
      after.questionnaireVersion = version;
    }
    const set: Partial<typeof surveys.$inferInsert> = {
      updatedAt: new Date(),
      updatedByName: ctx.actor?.username ?? ctx.systemName ?? null,
    };
    if (input.title !== undefined && input.title !== survey.title) {
      set.title = input.title;
      before.title = survey.title;
      after.title = input.title;
    }
    if (input.settings) {
      set.settings = input.settings;
      before.settings = settingsOf(survey);
      after.settings = input.settings;
    }
    await tx.update(surveys).set(set).where(eq(surveys.id, survey.id));
    await recordAudit(tx, ctx, {
      action: "survey.update",
      entity: "survey",
      entityId: survey.id,
      region: view.region,
      before,
      after,
    });
  });
  return getSurvey(db, ctx, id);
}

/** Publishes the draft (it becomes the collecting version and the survey opens), closes or reopens. */
export async function actOnSurvey(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  action: SurveyActionT,
): Promise<SurveyDetailT> {
  await db.transaction(async (tx) => {
    const view = await loadSurvey(tx, ctx, id, true);
    assertEditor(ctx, view);
    const { survey } = view;
    const draft = (await versionsOf(tx, survey.id)).find((v) => v.publishedAt === null);
    // The answers matter only to deleting: none of these steps reads them.
    const status = transition(
      SURVEY_FLOW,
      surveyState(view, { hasDraft: draft !== undefined, answers: 0 }),
      action,
      surveyActor(ctx, view),
    );
    const set: Partial<typeof surveys.$inferInsert> = {
      status,
      updatedAt: new Date(),
      updatedByName: ctx.actor?.username ?? ctx.systemName ?? null,
    };
    if (action === "publish" && draft) {
      prepareQuestionnaire(draft.questionnaire);
      await tx
        .update(surveyVersions)
        .set({ publishedAt: new Date() })
        .where(
          and(eq(surveyVersions.surveyId, survey.id), eq(surveyVersions.version, draft.version)),
        );
      set.publishedVersion = draft.version;
    }
    await tx.update(surveys).set(set).where(eq(surveys.id, survey.id));
    await recordAudit(tx, ctx, {
      action: `survey.${action}`,
      entity: "survey",
      entityId: survey.id,
      region: view.region,
      before: { status: survey.status, publishedVersion: survey.publishedVersion },
      after: {
        status: set.status,
        publishedVersion: set.publishedVersion ?? survey.publishedVersion,
      },
    });
  });
  return getSurvey(db, ctx, id);
}

/** Deletes a survey that has no answers (answers are evidence of an evaluation: they are not thrown away). */
export async function deleteSurvey(db: DbOrTx, ctx: ServiceContext, id: number) {
  await db.transaction(async (tx) => {
    const view = await loadSurvey(tx, ctx, id, true);
    assertEditor(ctx, view);
    const [answers] = await tx
      .select({ n: count() })
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, id));
    // Every answer counts here, the actor's part or not (a draft matters only to publishing).
    transition(
      SURVEY_FLOW,
      surveyState(view, { hasDraft: false, answers: answers?.n ?? 0 }),
      "delete",
      surveyActor(ctx, view),
    );
    await tx.delete(surveys).where(eq(surveys.id, id));
    await recordAudit(tx, ctx, {
      action: "survey.delete",
      entity: "survey",
      entityId: id,
      region: view.region,
      before: { title: view.survey.title, year: view.survey.year },
    });
  });
}

const newToken = () => randomBytes(9).toString("base64url");

interface CommunityInput {
  regionCode: string;
  name: string;
  households?: number | null | undefined;
  accessCode?: string | null | undefined;
}

/** The community's region must lie in the survey's region and in the actor's. */
async function communityRegion(db: DbOrTx, ctx: ServiceContext, view: SurveyView, code: string) {
  const region = await getRegion(db, code, "regionCode");
  assertRegionInScope(ctx, region);
  assertCommunityInSurvey(region, view.region);
  return region;
}

export async function addSurveyCommunity(
  db: DbOrTx,
  ctx: ServiceContext,
  surveyId: number,
  input: CommunityInput,
): Promise<SurveyCommunityT> {
  const created = await db.transaction(async (tx) => {
    const view = await loadSurvey(tx, ctx, surveyId, true);
    assertEditor(ctx, view);
    const region = await communityRegion(tx, ctx, view, input.regionCode);
    await assertNameFree(tx, surveyId, region.code, input.name);
    const [community] = await tx
      .insert(surveyCommunities)
      .values({
        surveyId,
        regionCode: region.code,
        name: input.name,
        households: input.households ?? null,
        accessCode: input.accessCode ?? null,
        token: newToken(),
      })
      .returning();
    if (!community) throw new Error("community not created");
    await recordAudit(tx, ctx, {
      action: "survey.community_add",
      entity: "survey_community",
      entityId: community.id,
      region,
      after: { survey: surveyId, name: community.name, households: community.households },
    });
    return community.id;
  });
  return communityOrThrow(db, ctx, surveyId, created);
}

async function assertNameFree(
  db: DbOrTx,
  surveyId: number,
  regionCode: string,
  name: string,
  except?: number,
) {
  const same = await db
    .select({ id: surveyCommunities.id })
    .from(surveyCommunities)
    .where(
      and(
        eq(surveyCommunities.surveyId, surveyId),
        eq(surveyCommunities.regionCode, regionCode),
        eq(surveyCommunities.name, name),
      ),
    );
  assertCommunityNameFree(same, name, except);
}

async function communityOrThrow(
  db: DbOrTx,
  ctx: ServiceContext,
  surveyId: number,
  communityId: number,
): Promise<SurveyCommunityT> {
  const view = await loadSurvey(db, ctx, surveyId);
  const found = (await communitiesOf(db, ctx, view)).find((c) => c.id === communityId);
  if (!found) throw new DomainError("survey.community_not_found", { id: communityId });
  return found;
}

export async function updateSurveyCommunity(
  db: DbOrTx,
  ctx: ServiceContext,
  surveyId: number,
  communityId: number,
  input: CommunityInput,
): Promise<SurveyCommunityT> {
  await db.transaction(async (tx) => {
    const view = await loadSurvey(tx, ctx, surveyId, true);
    assertEditor(ctx, view);
    const { community } = await loadCommunity(tx, view, communityId);
    const region = await communityRegion(tx, ctx, view, input.regionCode);
    await assertNameFree(tx, surveyId, region.code, input.name, communityId);
    const after = {
      regionCode: region.code,
      name: input.name,
      households: input.households ?? null,
      accessCode: input.accessCode ?? null,
    };
    await tx.update(surveyCommunities).set(after).where(eq(surveyCommunities.id, communityId));
    await recordAudit(tx, ctx, {
      action: "survey.community_update",
      entity: "survey_community",
      entityId: communityId,
      region,
      before: {
        regionCode: community.regionCode,
        name: community.name,
        households: community.households,
        accessCode: community.accessCode === null ? null : "***",
      },
      after: { ...after, accessCode: after.accessCode === null ? null : "***" },
    });
  });
  return communityOrThrow(db, ctx, surveyId, communityId);
}

export async function deleteSurveyCommunity(
  db: DbOrTx,
  ctx: ServiceContext,
  surveyId: number,
  communityId: number,
) {
  await db.transaction(async (tx) => {
    const view = await loadSurvey(tx, ctx, surveyId, true);
    assertEditor(ctx, view);
    const { community, region } = await loadCommunity(tx, view, communityId);
    const [answers] = await tx
      .select({ n: count() })
      .from(surveyResponses)
      .where(eq(surveyResponses.communityId, communityId));
    assertCommunityDeletable(answers?.n ?? 0);
    await tx.delete(surveyCommunities).where(eq(surveyCommunities.id, communityId));
    await recordAudit(tx, ctx, {
      action: "survey.community_delete",
      entity: "survey_community",
      entityId: communityId,
      region,
      before: { survey: surveyId, name: community.name },
    });
  });
}

/** Adds every community project (小区项目台账) of the survey's year and region not yet a collection point. */
export async function addCommunitiesFromProjects(
  db: DbOrTx,
  ctx: ServiceContext,
  surveyId: number,
): Promise<{ added: number }> {
  return db.transaction(async (tx) => {
    const view = await loadSurvey(tx, ctx, surveyId, true);
    assertEditor(ctx, view);
    const spec = findDataset("communities");
    if (!spec) throw new Error("the communities data set is not defined");
    const projects = await loadStoredRows(tx, spec, view.survey.year, view.viewPath);
    const existing = await tx
      .select({ regionCode: surveyCommunities.regionCode, name: surveyCommunities.name })
      .from(surveyCommunities)
      .where(eq(surveyCommunities.surveyId, surveyId));
    const values = communitiesFromProjects(projects, existing).map((c) => ({
      ...c,
      surveyId,
      token: newToken(),
    }));
    if (values.length > 0) await tx.insert(surveyCommunities).values(values);
    await recordAudit(tx, ctx, {
      action: "survey.community_import",
      entity: "survey",
      entityId: surveyId,
      region: view.region,
      after: { added: values.length, from: "communities", year: view.survey.year },
    });
    return { added: values.length };
  });
}

/** Links an evaluation task's satisfaction indicator to a survey of its year (or unlinks it). */
export async function linkTaskSurvey(
  db: DbOrTx,
  ctx: ServiceContext,
  taskId: number,
  surveyId: number | null,
): Promise<{ surveyId: number | null }> {
  authorize(ctx, { kind: "permission", permission: "evaluation:manage" });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ task: evaluationTasks, region: regions })
      .from(evaluationTasks)
      .innerJoin(regions, eq(regions.code, evaluationTasks.regionCode))
      .where(eq(evaluationTasks.id, taskId));
    if (!row) throw new DomainError("evaluation.task_not_found", { id: taskId });
    assertRegionInScope(ctx, row.region);
    if (surveyId !== null) {
      const view = await loadSurvey(tx, ctx, surveyId);
      assertTaskMatchesSurvey(
        { ...row.region, year: row.task.year },
        { ...view.region, year: view.survey.year },
      );
    }
    await tx.update(evaluationTasks).set({ surveyId }).where(eq(evaluationTasks.id, taskId));
    await recordAudit(tx, ctx, {
      action: "evaluation.link_survey",
      entity: "evaluation_task",
      entityId: taskId,
      region: row.region,
      before: { surveyId: row.task.surveyId },
      after: { surveyId },
    });
    return { surveyId };
  });
}

/** The public page's path of a collection point the actor sees (for its QR code). */
export async function surveyCommunityLink(
  db: DbOrTx,
  ctx: ServiceContext,
  surveyId: number,
  communityId: number,
): Promise<{ path: string; name: string }> {
  const view = await loadSurvey(db, ctx, surveyId);
  const { community } = await loadCommunity(db, view, communityId);
  return { path: `/s/${community.token}`, name: community.name };
}
