/**
 * The region hierarchy as indexed data, and the data version the dashboard cache is keyed by.
 * Both are kept by triggers (see migration 0015): whatever writes the tables keeps them right.
 */
import {
  bigint,
  bigserial,
  index,
  integer,
  pgTable,
  primaryKey,
  varchar,
} from "drizzle-orm/pg-core";

/**
 * One row per (region, ancestor-or-self): depth 0 is the region itself, 1 its parent, and so on.
 * A subtree is `where ancestor_code = X` (the primary key's prefix); the ancestors of a region are
 * `where region_code = X`. Filled from regions.path by a trigger on regions.
 */
export const regionAncestors = pgTable(
  "region_ancestors",
  {
    regionCode: varchar("region_code", { length: 6 }).notNull(),
    ancestorCode: varchar("ancestor_code", { length: 6 }).notNull(),
    depth: integer("depth").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ancestorCode, t.regionCode] }),
    index("region_ancestors_region_idx").on(t.regionCode),
  ],
);

/**
 * A counter per year (0 = every year, e.g. a region change), raised at commit by every transaction
 * that changes what the dashboard shows. The in-process dashboard cache is keyed by it.
 */
export const dataVersions = pgTable("data_versions", {
  year: integer("year").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull(),
});

/** The years a transaction has changed, raised into data_versions when it commits (then deleted). */
export const dataVersionMarks = pgTable("data_version_marks", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  year: integer("year").notNull(),
});
