/**
 * Prepares the databases every suite copies instead of migrating and seeding its own:
 * - per driver, one migrated database with the regions and nothing else;
 * - per driver, the same with the demo loaded as the tests load it (`seedDemo` as "test", no admin);
 * - for the browser tests' servers, a PGlite folder after a first start: `admin` with
 *   E2E_ADMIN_PASSWORD, then the demo, as `jixiao serve` does it.
 * Seeding the demo takes the better part of a minute on a loaded 2-core machine; done here once
 * instead of in each of some twenty suites and fifteen servers.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { type Database, openDatabase } from "../../src/db/index.ts";
import {
  ensureRegions,
  prepareDatabase,
  seedDemo,
  systemContext,
} from "../../src/services/index.ts";
import { adminQuery, adminUrl, databaseUrl } from "./pg-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    postgresTemplateDb: string;
    pgliteDemoDir: string;
    postgresDemoDb: string;
    /** A PGlite folder after a first start of `jixiao serve` (admin, then the demo). */
    pgliteServerDir: string;
    /** The demo users' password in pgliteServerDir, shown once at its first start. */
    serverDemoPassword: string;
  }
}

/** The administrator's password in the browser tests' server database. */
export const E2E_ADMIN_PASSWORD = "E2e-Chief-Passw0rd";

/** Copies the PGlite folder `from` and runs `work` on the copy. */
async function derivePglite<T>(from: string, to: string, work: (d: Database) => Promise<T>) {
  cpSync(from, to, { recursive: true });
  const database = await openDatabase({ kind: "pglite", dataDir: to });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "jixiao-test-"));
  const pgliteDir = join(root, "pglite-template");
  const lite = await openDatabase({ kind: "pglite", dataDir: pgliteDir });
  await lite.migrate();
  await ensureRegions(lite.db);
  await lite.close();

  const templateDb = `jixiao_tpl_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  admin.on("error", () => {});
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `The PostgreSQL server at ${adminUrl()} is needed by the tests (start it with ` +
        "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`): " +
        String(err),
    );
  }
  await admin.query(`create database ${templateDb}`);
  await admin.end();
  const server = await openDatabase({ kind: "postgres", url: databaseUrl(templateDb) });
  await server.migrate();
  await ensureRegions(server.db);
  await server.close();

  // The three seeds at once: PostgreSQL's share of the work runs on the other core.
  const demoDb = `jixiao_demo_${randomBytes(4).toString("hex")}`;
  const pgliteDemoDir = join(root, "pglite-demo");
  const pgliteServerDir = join(root, "pglite-server");
  const [, , serverDemo] = await Promise.all([
    (async () => {
      await adminQuery(`create database ${demoDb} template ${templateDb}`);
      const demo = await openDatabase({ kind: "postgres", url: databaseUrl(demoDb) });
      try {
        await seedDemo(demo.db, systemContext("test"), {});
      } finally {
        await demo.close();
      }
    })(),
    derivePglite(pgliteDir, pgliteDemoDir, (d) => seedDemo(d.db, systemContext("test"), {})),
    derivePglite(pgliteDir, pgliteServerDir, async (d) => {
      await prepareDatabase(d, { adminPassword: E2E_ADMIN_PASSWORD, operator: "system" });
      return seedDemo(d.db, systemContext("system"));
    }),
  ]);
  if (!serverDemo.password) throw new Error("the server template's demo users were not created");

  project.provide("pgliteTemplateDir", pgliteDir);
  project.provide("postgresTemplateDb", templateDb);
  project.provide("pgliteDemoDir", pgliteDemoDir);
  project.provide("postgresDemoDb", demoDb);
  project.provide("pgliteServerDir", pgliteServerDir);
  project.provide("serverDemoPassword", serverDemo.password);

  return async () => {
    // A connection of its own: one kept for the whole run could have been dropped by a restart.
    await adminQuery(`drop database if exists ${demoDb} with (force)`);
    await adminQuery(`drop database if exists ${templateDb} with (force)`);
    rmSync(root, { recursive: true, force: true });
  };
}
