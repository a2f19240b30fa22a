/**
 * A survey's questionnaire versions: a published version never changes (its answers were given on
 * it), so an edit after publication starts the next version as a draft; there is one draft at most.
 */
import type { SatisfactionMethod } from "./questionnaire-schema.ts";
import { prepareQuestionnaire } from "./validate-questionnaire.ts";

type Json = Record<string, unknown>;

export interface VersionFacts {
  version: number;
  published: boolean;
}

/** The version an edit of the questionnaire is saved as: the draft's, else a new one after the last. */
export function editedVersion(versions: readonly VersionFacts[]): {
  version: number;
  /** The draft exists and is overwritten; otherwise the version is inserted. */
  replacesDraft: boolean;
} {
  const last = versions.at(-1);
  if (last && !last.published) return { version: last.version, replacesDraft: true };
  return { version: (last?.version ?? 0) + 1, replacesDraft: false };
}

/** The questionnaire as stored for `version`: its version field set to it, validated (`survey.invalid`). */
export function questionnaireFor(json: Json, version: number): Json {
  const withVersion = { ...json, version };
  prepareQuestionnaire(withVersion);
  return withVersion;
}

/**
 * A new survey's settings: a copy keeps its source's; otherwise the questionnaire's own rating
 * method, when it names one, replaces the default.
 */
export function settingsForNewSurvey<S extends { method: SatisfactionMethod }>(
  base: S,
  questionnaire: Json,
  copied: boolean,
): S {
  const satisfaction = questionnaire.satisfaction;
  const method =
    typeof satisfaction === "object" && satisfaction !== null && "method" in satisfaction
      ? satisfaction.method
      : undefined;
  if (copied || (method !== "share" && method !== "mean-score")) return base;
  return { ...base, method };
}
