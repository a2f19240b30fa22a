/** The years the pages offer, and the year in a page's URL (last year when none is given). */
export const YEARS = Array.from({ length: 12 }, (_, i) => 2019 + i);
export const DEFAULT_YEAR = new Date().getFullYear() - 1;

export function yearOf(search: URLSearchParams): number {
  const year = Number(search.get("year") ?? DEFAULT_YEAR);
  return YEARS.includes(year) ? year : DEFAULT_YEAR;
}
