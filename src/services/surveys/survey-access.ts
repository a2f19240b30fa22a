/**
 * The survey access primitives every survey service shares: which survey (and which part of it) an
 * actor sees, its collection points, and its settings over the defaults. It imports no survey
 * service, so that they can all import it.
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/index.ts";
import { regions, surveyCommunities, surveys } from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import { surveyViewPath, visibleInView } from "../../domain/surveys/index.ts";
import type { SurveySettingsT } from "../../shared/survey-schemas.ts";
import type { ServiceContext } from "../context.ts";
import { authorize, scopePath } from "../policy.ts";

type Survey = typeof surveys.$inferSelect;
type Region = typeof regions.$inferSelect;

export const DEFAULT_SURVEY_SETTINGS: SurveySettingsT = {
  unit: "questionnaires",
  method: "share",
  minSeconds: 60,
  straightLineMin: 6,
  // The standard questionnaire lets residents skip aspects that do not concern them (未涉及的项目可不填):
  // 4 required answers and 5 of its 8 aspects (9 of 15 shown) still make a valid questionnaire.
  minAnsweredShare: "0.6",
  ratePerHour: 200,
};

/** What the actor sees of a loaded survey: its whole region, or only the actor's part inside it. */
export interface SurveyView {
  survey: Survey;
  region: Region;
  /** The path every community shown must lie within. */
  viewPath: string;
}

/** A survey the actor may see (404 otherwise), and the part of it they see. */
export async function loadSurvey(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  lock = false,
): Promise<SurveyView> {
  authorize(ctx, { kind: "permission", permission: "survey:read" });
  const query = db
    .select({ survey: surveys, region: regions })
    .from(surveys)
    .innerJoin(regions, eq(regions.code, surveys.regionCode))
    .where(eq(surveys.id, id));
  const [row] = lock ? await query.for("update", { of: surveys }) : await query;
  const own = scopePath(ctx);
  if (!row) throw new DomainError("survey.not_found", { id });
  const viewPath = surveyViewPath(row.region.path, own);
  if (viewPath === null) throw new DomainError("survey.not_found", { id });
  return { ...row, viewPath };
}

export function settingsOf(survey: Survey): SurveySettingsT {
  return { ...DEFAULT_SURVEY_SETTINGS, ...(survey.settings as Partial<SurveySettingsT>) };
}

/** A collection point of the survey that the actor sees, locked when asked. */
export async function loadCommunity(db: DbOrTx, view: SurveyView, communityId: number) {
  const [row] = await db
    .select({ community: surveyCommunities, region: regions })
    .from(surveyCommunities)
    .innerJoin(regions, eq(regions.code, surveyCommunities.regionCode))
    .where(
      and(eq(surveyCommunities.id, communityId), eq(surveyCommunities.surveyId, view.survey.id)),
    );
  if (!row || !visibleInView(row.region.path, view.viewPath))
    throw new DomainError("survey.community_not_found", { id: communityId });
  return row;
}
