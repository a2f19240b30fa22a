/** Rankings by score, highest first; equal scores share a rank and the next rank skips (1, 2, 2, 4). */
import type { Decimal } from "../decimal.ts";

export interface Ranked<T> {
  rank: number;
  item: T;
}

/**
 * Ranks by the published (rounded) score: 90.7 and 90.70 tie. Within a tie the input order is kept,
 * so the caller decides how tied items are listed.
 */
export function rankByScore<T>(items: readonly T[], scoreOf: (item: T) => Decimal): Ranked<T>[] {
  const sorted = items
    .map((item, index) => ({ item, index, score: scoreOf(item) }))
    .sort((a, b) => b.score.comparedTo(a.score) || a.index - b.index);
  const ranked: Ranked<T>[] = [];
  for (const [position, entry] of sorted.entries()) {
    const previous = sorted[position - 1];
    const rank =
      previous?.score.eq(entry.score) === true ? (ranked[position - 1]?.rank ?? 1) : position + 1;
    ranked.push({ rank, item: entry.item });
  }
  return ranked;
}
