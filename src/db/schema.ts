/**
 * The drizzle schema: the source of the migrations in ./migrations, shared by PGlite and PostgreSQL.
 * Only re-exports: each table file imports the tables it references from core-tables.ts, never
 * from here, so no file imports a file that imports it back.
 */

export * from "./allocation-tables.ts";
export * from "./core-tables.ts";
export * from "./dataset-tables.ts";
export * from "./evaluation-tables.ts";
export * from "./hierarchy-tables.ts";
export * from "./storage-tables.ts";
export * from "./survey-tables.ts";
