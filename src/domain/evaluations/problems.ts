/**
 * The result of a scored sheet: its 问题 (indicators that lost points and the checker's errors and
 * warnings), each under a key that survives re-scoring, the overdue rule of 整改, and the change
 * against the same region's result of the year before.
 */
import type { ShortBilingual } from "../bilingual.ts";
import { type CheckData, candidateProblems, type Finding, type Severity } from "../checks/index.ts";
import { Decimal, formatFixed, formatPlain } from "../decimal.ts";
import type { ScorecardJson } from "../scoring/index.ts";

/** One 问题 of a sheet. */
export interface SheetProblem {
  /**
   * Stable across re-scorings: the indicator's code ("C.5"), or the rule and the place it points at
   * ("target.missed@411700:scores:42:actual"); a second finding at the same place adds "~2".
   */
  key: string;
  /** "score": an indicator of the sheet that lost points; "finding": the checker. */
  source: "score" | "finding";
  severity: Severity;
  indicator: string | null;
  rule: string | null;
  regionCode: string | null;
  regionName: string | null;
  text: ShortBilingual;
  figures: Record<string, string>;
}

/** The indicators of a scorecard, as the sheet's problems read them. */
export type ScoredIndicators = Pick<ScorecardJson, "indicators">;

// candidateProblems is given the findings alone: the sheet's own scores replace the score tables.
const FINDINGS_ONLY: CheckData = {
  year: 0,
  regions: new Map(),
  programmes: new Map(),
  rows: {},
  frameworks: new Map(),
};

function indicatorProblem(indicator: ScorecardJson["indicators"][number]): SheetProblem | null {
  const points = new Decimal(indicator.points);
  const score = new Decimal(indicator.score);
  if (score.gte(points)) return null;
  const p = formatPlain(points);
  const s = formatPlain(score);
  const lost = formatPlain(points.minus(score));
  const name = `${indicator.code} ${indicator.name}`;
  const reason = indicator.reason.trim();
  return {
    key: indicator.code,
    source: "score",
    severity: "warning",
    indicator: indicator.code,
    rule: null,
    regionCode: null,
    regionName: null,
    text: {
      zh: `「${name}」得 ${s} 分（分值 ${p} 分），扣 ${lost} 分${reason ? `：${reason}` : ""}`,
      en: `"${name}" scored ${s} of ${p}, ${lost} lost${reason ? `: ${reason}` : ""}`,
    },
    figures: { score: s, points: p, lost },
  };
}

function findingKey(f: Finding): string {
  return `${f.rule}@${f.regionCode}:${f.dataset}:${f.rowId ?? "-"}:${f.field ?? "-"}`;
}

/**
 * Every leaf indicator that lost points, in the framework's order, then the checker's errors and
 * warnings of the region's year in the checker's order (which of them are 问题 is the checker's call).
 */
export function sheetProblems(
  scorecard: ScoredIndicators,
  findings: readonly Finding[],
): SheetProblem[] {
  const problems: SheetProblem[] = [];
  for (const indicator of scorecard.indicators) {
    const problem = indicatorProblem(indicator);
    if (problem) problems.push(problem);
  }
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const [candidate] = candidateProblems([finding], FINDINGS_ONLY);
    if (!candidate) continue;
    const base = findingKey(finding);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    problems.push({
      key: n === 1 ? base : `${base}~${n}`,
      source: "finding",
      severity: candidate.severity,
      indicator: null,
      rule: candidate.rule,
      regionCode: candidate.regionCode,
      regionName: candidate.regionName,
      text: candidate.text,
      figures: candidate.figures,
    });
  }
  return problems;
}

/** 待整改 / 整改中 / 已整改 / 已验收. */
export const RECTIFICATION_STATUSES = ["open", "in-progress", "done", "verified"] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** Overdue: the deadline (YYYY-MM-DD) has passed and the work is neither done nor verified. */
export function rectificationOverdue(
  rectification: { deadline: string | null; status: RectificationStatus },
  today: string,
): boolean {
  const open = rectification.status === "open" || rectification.status === "in-progress";
  return open && rectification.deadline !== null && rectification.deadline < today;
}

/** What a year comparison reads of a scorecard. */
export type ScoreSummary = Pick<ScorecardJson, "points" | "total" | "rate" | "grade" | "groups">;

export interface YearFigures {
  points: string;
  score: string;
  /** 得分率 in percent with two decimals. */
  rate: string;
}

/** One line of the comparison: this year, last year, and the change (null where a year lacks it). */
export interface ComparisonLine {
  /** The group's code ("" for the total). */
  code: string;
  name: string;
  /** 1 for 一级指标; 0 for the total. */
  level: number;
  thisYear: YearFigures | null;
  lastYear: YearFigures | null;
  /** Score this year minus last year, at the finer of the two precisions: "2.5", "-1.0". */
  change: string | null;
  /** 得分率 this year minus last year, in percentage points with two decimals. */
  rateChange: string | null;
}

export interface YearComparison {
  total: ComparisonLine;
  grade: { thisYear: string; lastYear: string; changed: boolean };
  /** This year's groups in reading order, then groups only last year had. */
  groups: ComparisonLine[];
}

type Group = ScorecardJson["groups"][number];

function places(text: string): number {
  return text.split(".")[1]?.length ?? 0;
}

function difference(a: string, b: string): string {
  return formatFixed(new Decimal(a).minus(new Decimal(b)), Math.max(places(a), places(b)));
}

function line(
  head: { code: string; name: string; level: number },
  now: YearFigures | null,
  before: YearFigures | null,
): ComparisonLine {
  return {
    ...head,
    thisYear: now,
    lastYear: before,
    change: now && before ? difference(now.score, before.score) : null,
    rateChange: now && before ? difference(now.rate, before.rate) : null,
  };
}

const figures = (g: Group | ScoreSummary, score: string): YearFigures => ({
  points: g.points,
  score,
  rate: g.rate,
});

/**
 * This year's result against last year's (the frameworks may differ): the total, the grade, and
 * each group matched to last year's by code and name, then by name (a group renumbered), then by
 * code (a group renamed), always at the same level.
 */
export function compareYears(current: ScoreSummary, previous: ScoreSummary): YearComparison {
  const unmatched = new Set(previous.groups);
  const matchOf = new Map<Group, Group>();
  const passes: ((a: Group, b: Group) => boolean)[] = [
    (a, b) => a.code === b.code && a.name === b.name,
    (a, b) => a.name === b.name,
    (a, b) => a.code === b.code,
  ];
  for (const same of passes) {
    for (const g of current.groups) {
      if (matchOf.has(g)) continue;
      const found = [...unmatched].find((p) => p.level === g.level && same(g, p));
      if (found) {
        matchOf.set(g, found);
        unmatched.delete(found);
      }
    }
  }
  const groups = current.groups.map((g) => {
    const before = matchOf.get(g);
    return line(g, figures(g, g.score), before ? figures(before, before.score) : null);
  });
  for (const p of previous.groups) {
    if (unmatched.has(p)) groups.push(line(p, null, figures(p, p.score)));
  }
  return {
    total: line(
      { code: "", name: "总分", level: 0 },
      figures(current, current.total),
      figures(previous, previous.total),
    ),
    grade: {
      thisYear: current.grade,
      lastYear: previous.grade,
      changed: current.grade !== previous.grade,
    },
    groups,
  };
}
