/**
 * A page's state in its URL — region, year, tab, filters, table page — so that Back, a reload and a
 * copied link restore the view. The main layout guarantees `region` and `year` in every URL.
 */
import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { serverPagination } from "../components/use-server-paging.tsx";
import { useI18n } from "../i18n/i18n-context.tsx";
import { type LayoutContext, useLayout } from "./layout-context.ts";

export type UrlChanges = Record<string, string | number | null | undefined>;

/** Keys whose change keeps the table on its page; any other change starts again at page 1. */
const PAGING_KEYS = ["page", "size", "problemsPage"];

/**
 * The URL's search parameters and a writer that merges changes into them (null or "" removes a
 * key). A new history entry unless `replace`; a filter change returns the table to page 1.
 */
export function useUrlState(): {
  search: URLSearchParams;
  update: (changes: UrlChanges, options?: { replace?: boolean }) => void;
} {
  const [search, setSearch] = useSearchParams();
  const update = useCallback(
    (changes: UrlChanges, options?: { replace?: boolean }) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === "") next.delete(key);
            else next.set(key, String(value));
          }
          if (Object.keys(changes).some((key) => !PAGING_KEYS.includes(key))) next.delete("page");
          return next;
        },
        { replace: options?.replace ?? false },
      );
    },
    [setSearch],
  );
  return { search, update };
}

/** One text parameter of the URL (a search box, a tab, a filter) and its writer. */
export function useUrlParam(key: string): [string | null, (value: string | null) => void] {
  const { search, update } = useUrlState();
  const set = useCallback((value: string | null) => update({ [key]: value }), [key, update]);
  return [search.get(key), set];
}

/** The region of the URL and the way to another one (the layout keeps both). */
export function useRegionParam(): Pick<LayoutContext, "region" | "selectRegion"> {
  const { region, selectRegion } = useLayout();
  return { region, selectRegion };
}

/** The year of the URL (`?year=`, which the layout fills in when missing) and its writer. */
export function useYearParam(): [number, (year: number) => void] {
  const { year } = useLayout();
  const { update } = useUrlState();
  const set = useCallback((next: number) => update({ year: next }), [update]);
  return [year, set];
}

/** Page and page size of a server-paged table in the URL (`?page=&size=`), and its antd pagination. */
export function useUrlPaging(initialPageSize = 20) {
  const { t } = useI18n();
  const { search, update } = useUrlState();
  const page = positive(search.get("page")) ?? 1;
  const pageSize = positive(search.get("size")) ?? initialPageSize;
  const setPage = useCallback((next: number) => update({ page: next > 1 ? next : null }), [update]);
  const pagination = (total: number) =>
    serverPagination(t, { page, pageSize, total }, (nextPage, nextSize) =>
      update({
        page: nextSize === pageSize && nextPage > 1 ? nextPage : null,
        size: nextSize === initialPageSize ? null : nextSize,
      }),
    );
  return { page, pageSize, setPage, pagination };
}

function positive(text: string | null): number | null {
  if (text === null || !/^\d{1,4}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 ? n : null;
}
