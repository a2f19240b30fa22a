/** Runs a suite on both databases: embedded PGlite and the PostgreSQL server, each a fresh copy. */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, inject } from "vitest";
import {
  type Database,
  type DbTarget,
  type OpenOptions,
  openDatabase,
} from "../../src/db/index.ts";
import { adminQuery, databaseUrl } from "./pg-server.ts";
import { pgliteDemoDir, postgresDemoDb } from "./templates.ts";

export type DbKind = DbTarget["kind"];
export const DB_KINDS: DbKind[] = ["pglite", "postgres"];

export interface TestDatabase {
  database: Database;
  target: DbTarget;
  /** Removes the copy (the PGlite folder or the server database). */
  destroy(): Promise<void>;
}

/** What a test database starts with: all regions only, or also the demo (`seedDemo` as "test"). */
export type Template = "regions" | "demo";

/** A migrated database with all regions (and the demo, if asked), private to the caller. */
export async function createTestDatabase(
  kind: DbKind,
  options: OpenOptions = {},
  template: Template = "regions",
): Promise<TestDatabase> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-db-"));
    const from = template === "demo" ? await pgliteDemoDir() : inject("pgliteTemplateDir");
    cpSync(from, dir, { recursive: true });
    const target: DbTarget = { kind, dataDir: dir };
    const database = await openDatabase(target, options);
    return {
      database,
      target,
      destroy: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `jixiao_test_${randomBytes(6).toString("hex")}`;
  const from = template === "demo" ? await postgresDemoDb() : inject("postgresTemplateDb");
  await adminQuery(`create database ${name} template ${from}`);
  const target: DbTarget = { kind, url: databaseUrl(name) };
  const database = await openDatabase(target, options);
  return {
    database,
    target,
    // close() returns once the server has seen every connection go: `with (force)` then has no
    // live connection left to terminate (a terminated one would be an unhandled pool error).
    destroy: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * `describeOnBothDatabases("users", (db) => { it(...) })` runs the body once on PGlite and once on
 * PostgreSQL; `db()` gives the suite's own database inside hooks and tests. With "demo" before
 * the body, the database starts with the demo loaded (a copy of the one global-setup seeded).
 */
type SuiteBody = (db: () => Database, kind: DbKind) => void;

export function describeOnBothDatabases(name: string, body: SuiteBody): void;
export function describeOnBothDatabases(name: string, template: Template, body: SuiteBody): void;
export function describeOnBothDatabases(
  name: string,
  templateOrBody: Template | SuiteBody,
  maybeBody?: SuiteBody,
) {
  const template = typeof templateOrBody === "string" ? templateOrBody : "regions";
  const body = typeof templateOrBody === "string" ? maybeBody : templateOrBody;
  if (!body) throw new Error("describeOnBothDatabases needs a suite body");
  for (const kind of DB_KINDS) describeOn(kind, name, template, body);
}

/**
 * For a suite whose subject does not depend on the database (the OpenAPI document, the web app's
 * headers) but whose app needs one: PGlite only, since a second run would test nothing new.
 */
export function describeOnPglite(name: string, body: SuiteBody): void {
  describeOn("pglite", name, "regions", body);
}

function describeOn(kind: DbKind, name: string, template: Template, body: SuiteBody) {
  describe(`${name} [${kind}]`, () => {
    let test: TestDatabase | undefined;
    beforeAll(async () => {
      test = await createTestDatabase(kind, {}, template);
    });
    afterAll(async () => {
      await test?.destroy();
    });
    body(() => {
      if (!test)
        throw new Error("the test database is not ready yet (use it inside hooks and tests)");
      return test.database;
    }, kind);
  });
}
