/** Region names for a set of codes, fetched once per code and cached for the page's life. */
import { useEffect, useState } from "react";
import { api } from "./endpoints.ts";

const cache = new Map<string, Promise<string | null>>();

function nameOf(code: string): Promise<string | null> {
  let known = cache.get(code);
  if (!known) {
    known = api.region(code).then(
      (region) => region.name,
      () => null, // out of scope or unknown: the code alone is shown
    );
    cache.set(code, known);
  }
  return known;
}

export function useRegionNames(codes: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(codes)].sort().join(",");

  useEffect(() => {
    if (!key) return;
    let live = true;
    const list = key.split(",");
    Promise.all(list.map(nameOf)).then((found) => {
      if (!live) return;
      setNames((current) => {
        const next = new Map(current);
        list.forEach((code, i) => {
          const name = found[i];
          if (name) next.set(code, name);
        });
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [key]);

  return names;
}
