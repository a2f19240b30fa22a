/**
 * The dashboard cache: in-process, bounded (least recently used out first), keyed by region, year,
 * locale and the data version of that year. The version is read from the database on every request
 * (one primary-key look-up), so a write committed through any app node is seen by the next request
 * of every node. data_versions is raised at commit by triggers (migration 0015) on every table the
 * dashboard reads.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/index.ts";

/** A map that forgets its least recently used entry beyond `capacity`. */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }

  /** Forgets `key`, only while it still holds `value` when one is given. */
  delete(key: K, value?: V): void {
    if (value === undefined || this.map.get(key) === value) this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

export const DASHBOARD_CACHE_ENTRIES = 500;

// One cache per database handle: two databases in one process (the tests) never share answers.
const caches = new WeakMap<object, LruCache<string, Promise<unknown>>>();

/** The cache of this database handle, or null for a transaction (it may see its own writes). */
export function dashboardCacheFor(db: DbOrTx): LruCache<string, Promise<unknown>> | null {
  if ("rollback" in db) return null;
  let cache = caches.get(db);
  if (!cache) {
    cache = new LruCache(DASHBOARD_CACHE_ENTRIES);
    caches.set(db, cache);
  }
  return cache;
}

/** The region row and the data version of the year (its own counter plus year 0, every year's). */
export async function regionAndVersion(
  db: DbOrTx,
  code: string,
  year: number,
): Promise<{ version: string; region: Record<string, unknown> | undefined }> {
  const [row] = await queryRows(
    db,
    sql`select v.version::text as version, r.code, r.name, r.level, r.parent_code as "parentCode", r.path
    from (select coalesce(sum(version), 0) as version from data_versions where year in (0, ${year})) v
    left join regions r on r.code = ${code}`,
  );
  return { version: String(row?.version ?? "0"), region: row?.code == null ? undefined : row };
}
