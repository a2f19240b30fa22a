/**
 * A survey's collection points (小区): one name per region in a survey, none deleted once it has
 * answers, and those taken from the year's community projects (小区项目台账).
 */
import { DomainError } from "../errors.ts";

/** `survey.community_exists` when another collection point of the region has the name already. */
export function assertCommunityNameFree(
  sameName: readonly { id: number }[],
  name: string,
  except?: number,
): void {
  if (sameName.some((s) => s.id !== except))
    throw new DomainError("survey.community_exists", { name });
}

/** Answers are evidence of an evaluation: a collection point with any is kept (`survey.has_answers`). */
export function assertCommunityDeletable(answers: number): void {
  if (answers > 0) throw new DomainError("survey.has_answers", { count: answers });
}

export interface ProjectRow {
  regionCode: string;
  values: Record<string, string | null | undefined>;
}

export interface NewCommunity {
  regionCode: string;
  name: string;
  households: number | null;
}

/**
 * The community projects that are not collection points yet, once each by region and trimmed name;
 * a household count is kept only when it is a positive whole number.
 */
export function communitiesFromProjects(
  projects: readonly ProjectRow[],
  existing: readonly { regionCode: string; name: string }[],
): NewCommunity[] {
  const seen = new Set(existing.map((e) => `${e.regionCode}|${e.name}`));
  const out: NewCommunity[] = [];
  for (const p of projects) {
    const name = p.values.name?.trim();
    if (!name || seen.has(`${p.regionCode}|${name}`)) continue;
    seen.add(`${p.regionCode}|${name}`);
    const households = p.values.households ? Number(p.values.households) : null;
    out.push({
      regionCode: p.regionCode,
      name,
      households: households && Number.isInteger(households) && households > 0 ? households : null,
    });
  }
  return out;
}
