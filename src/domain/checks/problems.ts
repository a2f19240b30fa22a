/** Candidate 问题 (problems found): findings that matter and every indicator that lost points. */
import type { ShortBilingual } from "../bilingual.ts";
import { groupBy, num, plain } from "./context.ts";
import type { CheckData, Finding, Severity } from "./types.ts";

export interface Problem {
  /** "finding" from a checker rule, "score" from an indicator that lost points. */
  source: "finding" | "score";
  rule: string | null;
  severity: Severity;
  regionCode: string;
  regionName: string;
  programme: string | null;
  text: ShortBilingual;
  figures: Record<string, string>;
}

/** Errors and warnings of the checker, then the indicators of score tables that lost points. */
export function candidateProblems(findings: readonly Finding[], data: CheckData): Problem[] {
  const problems: Problem[] = findings
    .filter((f) => f.severity !== "info")
    .map((f) => ({
      source: "finding",
      rule: f.rule,
      severity: f.severity,
      regionCode: f.regionCode,
      regionName: f.regionName,
      programme: f.programme,
      text: f.message,
      figures: f.figures,
    }));
  const rows = data.rows.scores ?? [];
  // A row's possible children share its region, programme and level-1 name: look only among those.
  const tables = groupBy(rows, (r) =>
    JSON.stringify([r.regionCode, r.values.programme ?? null, r.values.level1 ?? null]),
  );
  for (const row of rows) {
    const v = row.values;
    const table =
      tables.get(JSON.stringify([row.regionCode, v.programme ?? null, v.level1 ?? null])) ?? [];
    const isLeaf = !table.some(
      (o) =>
        o !== row &&
        o.regionCode === row.regionCode &&
        o.values.programme === v.programme &&
        o.values.level1 === v.level1 &&
        (v.level2 === null
          ? o.values.level2 !== null
          : o.values.level2 === v.level2 && v.indicator === null && o.values.indicator !== null),
    );
    const points = num(row, "points");
    const score = num(row, "score");
    if (!isLeaf || !points || !score || score.gte(points)) continue;
    const name = v.indicator ?? v.level2 ?? v.level1 ?? "";
    const lost = points.minus(score);
    const programmeId = v.programme ? Number(v.programme) : null;
    problems.push({
      source: "score",
      rule: null,
      severity: "warning",
      regionCode: row.regionCode,
      regionName: data.regions.get(row.regionCode)?.name ?? row.regionCode,
      programme: programmeId === null ? null : (data.programmes.get(programmeId)?.name ?? null),
      text: {
        zh: `「${name}」得 ${plain(score)} 分（分值 ${plain(points)} 分），扣 ${plain(lost)} 分${v.reason ? `：${v.reason}` : ""}`,
        en: `"${name}" scored ${plain(score)} of ${plain(points)}, ${plain(lost)} lost${v.reason ? `: ${v.reason}` : ""}`,
      },
      figures: { score: plain(score), points: plain(points), lost: plain(lost) },
    });
  }
  return problems;
}
