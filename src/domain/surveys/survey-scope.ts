/**
 * Who sees and who changes a survey, decided on region paths: those whose region holds the survey see
 * it whole, those inside its region see their own part of it (a county its communities in the city's
 * survey), and only an editor whose region holds the survey changes it.
 */
import { DomainError } from "../errors.ts";
import { isWithin } from "../regions.ts";

/**
 * The path the actor's view of a survey is bounded by: the survey's region when it lies within the
 * actor's, the actor's own region when it lies inside the survey's; null when neither (not found).
 */
export function surveyViewPath(surveyPath: string, actorPath: string): string | null {
  if (isWithin(surveyPath, actorPath)) return surveyPath;
  if (isWithin(actorPath, surveyPath)) return actorPath;
  return null;
}

/** Whether a community (by its region's path) is in the part of the survey the view shows. */
export function visibleInView(communityPath: string, viewPath: string): boolean {
  return isWithin(communityPath, viewPath);
}

/** The paths of the regions above `path`, from the top: their surveys hold a part the actor sees. */
export function regionsAbove(path: string): string[] {
  return path
    .split("/")
    .filter(Boolean)
    .slice(0, -1)
    .map((_, i, codes) => `/${codes.slice(0, i + 1).join("/")}/`);
}

/** An actor as the edit rule sees them; null is the console operator or the system. */
export interface SurveyEditor {
  /** The role grants editing surveys (survey:edit). */
  mayEditSurveys: boolean;
  regionPath: string;
}

/** Whether the actor may change the survey itself: the permission, and the survey within their region. */
export function mayEditSurvey(editor: SurveyEditor | null, surveyPath: string): boolean {
  if (editor === null) return true;
  return editor.mayEditSurveys && isWithin(surveyPath, editor.regionPath);
}

interface NamedRegion {
  name: string;
  path: string;
}

/** A collection point lies in the survey's region (`survey.community_outside` otherwise). */
export function assertCommunityInSurvey(community: NamedRegion, survey: NamedRegion): void {
  if (!isWithin(community.path, survey.path))
    throw new DomainError("survey.community_outside", {
      region: community.name,
      survey: survey.name,
    });
}

/**
 * An evaluation task reads a survey of its own year, whose region holds the task's or lies inside it
 * (`survey.year_mismatch`, `survey.region_mismatch` otherwise).
 */
export function assertTaskMatchesSurvey(
  task: NamedRegion & { year: number },
  survey: NamedRegion & { year: number },
): void {
  if (survey.year !== task.year)
    throw new DomainError("survey.year_mismatch", { survey: survey.year, task: task.year });
  if (!isWithin(task.path, survey.path) && !isWithin(survey.path, task.path))
    throw new DomainError("survey.region_mismatch", { survey: survey.name, task: task.name });
}
