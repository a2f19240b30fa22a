/**
 * The region and year every page under the main layout works in, kept in the URL (`?region=&year=`).
 * A URL without them gets the last ones seen (or the user's own region and the latest year with
 * data) by replacement; a region outside the user's scope falls back to their own, without an error.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { api } from "../api/endpoints.ts";
import { useRemote } from "../api/use-remote.ts";
import { yearApi } from "../api/year-endpoints.ts";
import type { LayoutContext, SelectedRegion } from "./layout-context.ts";
import { DEFAULT_YEAR, parseYear } from "./year-choice.ts";

const REGION_CODE = /^\d{6}$/;

export type UrlScope = { ready: false } | ({ ready: true } & LayoutContext);

export function useUrlScope(own: SelectedRegion): UrlScope {
  const [search, setSearch] = useSearchParams();
  const names = useRef(new Map<string, string>([[own.code, own.name]]));
  const refused = useRef(new Set<string>());
  const last = useRef<{ region: string; year: number | undefined }>({
    region: own.code,
    year: undefined,
  });
  const [, setLookups] = useState(0);
  const loadYears = useCallback(() => yearApi.years(own.code).catch(() => null), [own.code]);
  const years = useRemote(loadYears);
  const defaultYear = years.loading ? undefined : (years.data?.latest ?? DEFAULT_YEAR);

  const wanted = search.get("region");
  const regionOk = wanted !== null && REGION_CODE.test(wanted) && !refused.current.has(wanted);
  const year = parseYear(search.get("year"));

  // A region first met in the URL (a reload, a copied link): its name, or a refusal.
  useEffect(() => {
    if (!regionOk || wanted === null || names.current.has(wanted)) return;
    api.region(wanted).then(
      (detail) => {
        names.current.set(detail.code, detail.name);
        setLookups((n) => n + 1);
      },
      () => {
        refused.current.add(wanted);
        setLookups((n) => n + 1);
      },
    );
  }, [wanted, regionOk]);

  // Missing or unusable values are filled in place, so that Back skips the bare URL.
  useEffect(() => {
    if (defaultYear === undefined || (regionOk && year !== null)) return;
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (!regionOk) next.set("region", wanted === null ? last.current.region : own.code);
        if (year === null) next.set("year", String(last.current.year ?? defaultYear));
        return next;
      },
      { replace: true },
    );
  }, [defaultYear, regionOk, year, wanted, own.code, setSearch]);

  const selectRegion = useCallback(
    (region: SelectedRegion) => {
      names.current.set(region.code, region.name);
      if (search.get("region") === region.code) return;
      const next = new URLSearchParams(search);
      next.set("region", region.code);
      next.delete("page");
      setSearch(next);
    },
    [search, setSearch],
  );

  // While a fill-in is under way the page keeps working in the last region and year (no remount).
  const code = wanted === null ? last.current.region : regionOk ? wanted : own.code;
  const name = names.current.get(code);
  if (defaultYear === undefined || name === undefined) return { ready: false };
  const shownYear = year ?? last.current.year ?? defaultYear;
  last.current = { region: code, year: shownYear };
  return {
    ready: true,
    region: { code, name },
    selectRegion,
    year: shownYear,
    years: years.data?.years ?? [],
    defaultYear,
  };
}
