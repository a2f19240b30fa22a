/** Files kept in the database (the file store of several app nodes on one PostgreSQL). */
import { sql } from "drizzle-orm";
import {
  check,
  customType,
  integer,
  pgTable,
  primaryKey,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * A file's bytes under their SHA-256, in parts of at most a few MB (part 0, 1, …), written in one
 * transaction: a file is all there or not at all. The same file uploaded twice is kept once.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    sha256: varchar("sha256", { length: 64 }).notNull(),
    part: integer("part").notNull(),
    /** How many parts the file has, and its size in bytes: the same on every part. */
    parts: integer("parts").notNull(),
    size: integer("size").notNull(),
    bytes: bytea("bytes").notNull(),
    /** When the file was last put: a sweep keeps unreferenced files younger than a day (a put about to be referenced). */
    putAt: timestamp("put_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sha256, t.part] }),
    check("stored_files_part_in_range", sql`${t.part} >= 0 and ${t.part} < ${t.parts}`),
  ],
);
