/**
 * The years the pages offer, and the year in a page's URL. The main layout puts a year into every
 * URL (the latest year with data in the user's region on a first visit), so the fallback is rare.
 */
export const YEARS = Array.from({ length: 12 }, (_, i) => 2019 + i);
export const DEFAULT_YEAR = new Date().getFullYear() - 1;

/** A year as the API accepts it (2000–2100), or null. */
export function parseYear(text: string | null): number | null {
  if (text === null || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : null;
}

export function yearOf(search: URLSearchParams, fallback = DEFAULT_YEAR): number {
  return parseYear(search.get("year")) ?? fallback;
}

/** The offered years, newest last, with the years that hold data and the chosen one included. */
export function yearChoices(withData: readonly number[], chosen?: number): number[] {
  const all = new Set([...YEARS, ...withData, ...(chosen === undefined ? [] : [chosen])]);
  return [...all].sort((a, b) => a - b);
}

/** The search parameters with another year, the rest kept. */
export function withYear(search: URLSearchParams, year: number): URLSearchParams {
  const next = new URLSearchParams(search);
  next.set("year", String(year));
  return next;
}
