/**
 * The demo templates: made by the first suite that asks for one, then copied by every other, so a
 * run of tests that need no demo never pays for seeding it (the better part of a minute on a loaded
 * 2-core machine). global-setup names them and removes them at the end; the test workers make them,
 * one at a time under a lock (a folder for PGlite, an advisory lock on the server for PostgreSQL),
 * each written apart and put in place whole, so a worker never copies a half-seeded one.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/index.ts";
import { prepareDatabase, seedDemo, systemContext } from "../../src/services/index.ts";
import { adminUrl, databaseUrl } from "./pg-server.ts";

/** The administrator's password in the browser tests' server database. */
export const E2E_ADMIN_PASSWORD = "E2e-Chief-Passw0rd";

const WAIT_MS = 10 * 60_000;

/** Makes `dir` once with `make(partial)`, across the test workers; later calls return at once. */
async function oncePerRun(dir: string, make: (partial: string) => Promise<void>): Promise<void> {
  const lock = `${dir}.lock`;
  const end = Date.now() + WAIT_MS;
  while (!existsSync(dir)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is making it (or has just given up: then the lock goes and this one tries).
      if (Date.now() > end) throw new Error(`waited ${WAIT_MS} ms for ${dir}`);
      await sleep(200);
      continue;
    }
    try {
      if (existsSync(dir)) return;
      const partial = `${dir}.partial`;
      rmSync(partial, { recursive: true, force: true });
      await make(partial);
      renameSync(partial, dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Copies the PGlite folder `from` to `to` and runs `work` on the copy. */
async function derivePglite<T>(from: string, to: string, work: (d: Database) => Promise<T>) {
  cpSync(from, to, { recursive: true });
  const database = await openDatabase({ kind: "pglite", dataDir: to });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** The regions template with the demo loaded as the tests load it (`seedDemo` as "test", no admin). */
export async function pgliteDemoDir(): Promise<string> {
  const dir = inject("pgliteDemoDir");
  await oncePerRun(dir, async (partial) => {
    await derivePglite(inject("pgliteTemplateDir"), partial, (d) =>
      seedDemo(d.db, systemContext("test"), {}),
    );
  });
  return dir;
}

/** The same on the PostgreSQL server: a template database. */
export async function postgresDemoDb(): Promise<string> {
  const name = inject("postgresDemoDb");
  const admin = new pg.Client({ connectionString: adminUrl() });
  admin.on("error", () => {});
  await admin.connect();
  try {
    await admin.query("select pg_advisory_lock(hashtext($1))", [name]);
    const found = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      const partial = `${name}_partial`;
      await admin.query(`drop database if exists ${partial} with (force)`);
      await admin.query(`create database ${partial} template ${inject("postgresTemplateDb")}`);
      const demo = await openDatabase({ kind: "postgres", url: databaseUrl(partial) });
      try {
        await seedDemo(demo.db, systemContext("test"), {});
      } finally {
        await demo.close();
      }
      await admin.query(`alter database ${partial} rename to ${name}`);
    }
  } finally {
    await admin.end();
  }
  return name;
}

/**
 * A PGlite folder after a first start as `jixiao serve` makes it: admin with E2E_ADMIN_PASSWORD, then
 * the demo, whose users' generated password is kept beside it (the start would have shown it once).
 */
export async function serverTemplate(): Promise<{ dir: string; demoPassword: string }> {
  const dir = inject("pgliteServerDir");
  const passwordFile = `${dir}.demo-password`;
  await oncePerRun(dir, async (partial) => {
    const demo = await derivePglite(inject("pgliteTemplateDir"), partial, async (d) => {
      await prepareDatabase(d, { adminPassword: E2E_ADMIN_PASSWORD, operator: "system" });
      return seedDemo(d.db, systemContext("system"));
    });
    if (!demo.password) throw new Error("the server template's demo users were not created");
    writeFileSync(passwordFile, demo.password);
  });
  return { dir, demoPassword: readFileSync(passwordFile, "utf8") };
}
