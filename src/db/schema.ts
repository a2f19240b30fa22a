/**
 * The drizzle schema: the source of the migrations in ./migrations, shared by PGlite and PostgreSQL.
 * Only re-exports: each table file imports the tables it references from core-tables.ts, never
 * from here, so no file imports a file that imports it back.
 */

export * from "./tables/allocation.ts";
export * from "./tables/core.ts";
export * from "./tables/dataset.ts";
export * from "./tables/evaluation.ts";
export * from "./tables/hierarchy.ts";
export * from "./tables/storage.ts";
export * from "./tables/survey.ts";
