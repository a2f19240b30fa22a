/**
 * Prepares one migrated database with the regions per driver, which every suite copies instead of
 * migrating, and names the demo templates the first suite that needs one makes (templates.ts).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/index.ts";
import { ensureRegions } from "../../src/services/index.ts";
import { adminQuery, adminUrl, databaseUrl } from "./pg-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    postgresTemplateDb: string;
    pgliteDemoDir: string;
    postgresDemoDb: string;
    /** A PGlite folder after a first start of `jixiao serve` (admin, then the demo). */
    pgliteServerDir: string;
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

  // Named here, made by the first suite that needs one (templates.ts), removed at the end.
  const demoDb = `jixiao_demo_${randomBytes(4).toString("hex")}`;
  const pgliteDemoDir = join(root, "pglite-demo");
  const pgliteServerDir = join(root, "pglite-server");

  project.provide("pgliteTemplateDir", pgliteDir);
  project.provide("postgresTemplateDb", templateDb);
  project.provide("pgliteDemoDir", pgliteDemoDir);
  project.provide("postgresDemoDb", demoDb);
  project.provide("pgliteServerDir", pgliteServerDir);

  return async () => {
    // A connection of its own: one kept for the whole run could have been dropped by a restart.
    await adminQuery(`drop database if exists ${demoDb} with (force)`);
    await adminQuery(`drop database if exists ${demoDb}_partial with (force)`);
    await adminQuery(`drop database if exists ${templateDb} with (force)`);
    rmSync(root, { recursive: true, force: true });
  };
}
