/**
 * The checker's answers, kept per database handle and keyed by the data version of the years a check
 * reads (the year, the year before for last year's funds, and year 0 for the regions). A national
 * year takes seconds of loading and checking; the answer is the same until a write to one of the
 * data sets commits (data_versions, raised by triggers: migrations 0015 and 0017). The version is
 * read on every request, so a write through any app node is seen by the next request of every node.
 * Concurrent requests for the same key share one computation.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/index.ts";

/** Answers kept at most, and their weight at most: a national answer holds ~50,000 findings. */
export const CHECK_CACHE_ENTRIES = 32;
export const CHECK_CACHE_WEIGHT = 200_000;

interface Entry {
  answer: Promise<unknown>;
  /** Findings and lines the answer holds, once it is there (1 until then). */
  weight: number;
}

// Insertion order is use order (a hit is moved to the end): the first key is the least recently used.
const caches = new WeakMap<object, Map<string, Entry>>();

/** The data version a check of `year` depends on. */
export async function checkDataVersion(db: DbOrTx, year: number): Promise<string> {
  const [row] = await queryRows<{ version: string }>(
    db,
    sql`select coalesce(sum(version), 0)::text as version from data_versions
    where year in (0, ${year - 1}, ${year})`,
  );
  return row?.version ?? "0";
}

function evict(cache: Map<string, Entry>, keep: string) {
  let weight = 0;
  for (const entry of cache.values()) weight += entry.weight;
  for (const [key, entry] of cache) {
    if (cache.size <= CHECK_CACHE_ENTRIES && weight <= CHECK_CACHE_WEIGHT) break;
    if (key === keep) continue;
    cache.delete(key);
    weight -= entry.weight;
  }
}

/**
 * `compute()`'s answer for `key` at the current data version of `year`, from the cache when it is
 * there; `weigh` tells how large an answer is. Inside a transaction (which may see its own writes)
 * it always computes.
 */
export async function cachedCheck<T>(
  db: DbOrTx,
  year: number,
  key: string,
  compute: () => Promise<T>,
  weigh: (answer: T) => number,
): Promise<T> {
  if ("rollback" in db) return compute();
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const full = `${key}|${await checkDataVersion(db, year)}`;
  const hit = cache.get(full);
  if (hit) {
    cache.delete(full);
    cache.set(full, hit);
    return hit.answer as Promise<T>;
  }
  const answer = compute();
  const entry: Entry = { answer, weight: 1 };
  cache.set(full, entry);
  evict(cache, full);
  answer.then(
    (value) => {
      entry.weight = Math.max(1, weigh(value));
      if (cache.get(full) === entry) evict(cache, full);
    },
    // A failure is not kept: the next request tries again.
    () => {
      if (cache.get(full) === entry) cache.delete(full);
    },
  );
  return answer;
}
