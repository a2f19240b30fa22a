/**
 * The sheet's score as the user types: the same pure engine the server scores with, run in the
 * browser on the task's frozen framework, the entries on the page and the facts the data give.
 */
import type { Locale } from "../../../../src/shared/bilingual.ts";
import { type Framework, parseFramework } from "../../../../src/shared/frameworks.ts";
import {
  type BoundEntry,
  type InvalidEntry,
  type SheetEntries,
  scorecardToJson,
  scoreEntries,
} from "../../../../src/shared/sheet-scoring.ts";

export interface LiveIndicator {
  score: string;
  reason: string;
  points: string;
}

export interface LiveScore {
  /** By leaf code: the score and reason now (pending ones score 0 and are listed apart). */
  indicators: Map<string, LiveIndicator>;
  total: string;
  grade: string;
  pending: string[];
  incomplete: string[];
  reasonsMissing: string[];
  invalid: Map<string, InvalidEntry>;
  /** Leaf indicators scored (not pending) and all leaves. */
  scoredCount: number;
  leafCount: number;
}

/** The framework stored with the task, parsed once per sheet (null if it cannot be read here). */
export function readFramework(raw: unknown): Framework | null {
  try {
    return parseFramework(raw);
  } catch {
    return null;
  }
}

/** Scores the entries; null when the engine refuses the entries as a whole (the server will say why). */
export function liveScore(
  framework: Framework,
  entries: SheetEntries,
  bound: readonly BoundEntry[],
  locale: Locale,
): LiveScore | null {
  try {
    const scored = scoreEntries(framework, entries, bound, "", { locale });
    const card = scorecardToJson(scored.card);
    const indicators = new Map<string, LiveIndicator>();
    for (const i of card.indicators) {
      indicators.set(i.code, { score: i.score, reason: i.reason, points: i.points });
    }
    const leafCount = card.indicators.length;
    return {
      indicators,
      total: card.total,
      grade: card.grade,
      pending: scored.pending,
      incomplete: scored.incomplete,
      reasonsMissing: scored.reasonsMissing,
      invalid: new Map(scored.invalid.map((i) => [i.code, i])),
      scoredCount: leafCount - scored.pending.length,
      leafCount,
    };
  } catch {
    return null;
  }
}
