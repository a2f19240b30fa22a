/**
 * Runs the `jixiao` command on a database of its own: in this process through runCli, as
 * bin/jixiao.js does, with the environment, output and exit status captured (runJixiao); or as a
 * child process (spawnJixiao) where the process itself is under test: bin/jixiao.js, signals,
 * a kill, what Node prints of an error nothing caught.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { runCli } from "../../src/cli/main.ts";
import type { DbTarget } from "../../src/db/index.ts";
import type { DbKind } from "../helpers/databases.ts";
import { adminQuery, databaseUrl } from "../helpers/pg-server.ts";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(REPO_ROOT, "bin", "jixiao.js");

const JIXIAO_ENV = [
  "DATABASE_URL",
  "JIXIAO_DATA_DIR",
  "JIXIAO_ADMIN_PASSWORD",
  "JIXIAO_NEW_PASSWORD",
  "JIXIAO_SECURE_COOKIES",
  "PORT",
  "HOST",
  "LOG_LEVEL",
];

/** The test's environment without any Jixiao setting, plus `extra`: the child sees only what a test gives it. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of JIXIAO_ENV) delete env[key];
  return { ...env, ...extra };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `jixiao ...args` to the end in this process, seeing only the environment `env`. */
export async function runJixiao(args: string[], env: Record<string, string>): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    out: (line) => {
      stdout += `${line}\n`;
    },
    write: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    env: childEnv(env),
    exitCode: 0,
  };
  const code = await runCli(["node", BIN, ...args], io);
  return { code, stdout, stderr };
}

/** Runs `node bin/jixiao.js ...args` to the end; a child still running after 60 s is killed. */
export function spawnJixiao(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: childEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface ChildDatabase {
  /** What the child needs in its environment to open this database. */
  env: Record<string, string>;
  /** The same database for the test itself, to open once no child has it open. */
  target: DbTarget;
  destroy(): Promise<void>;
}

/**
 * A migrated database with all regions and no user, copied from the template global-setup made:
 * for PGlite a JIXIAO_DATA_DIR whose `pglite` folder is the copy, for PostgreSQL a new database.
 */
export async function createChildDatabase(kind: DbKind): Promise<ChildDatabase> {
  if (kind === "pglite") {
    const root = mkdtempSync(join(tmpdir(), "jixiao-cli-"));
    const dataDir = join(root, "pglite");
    cpSync(inject("pgliteTemplateDir"), dataDir, { recursive: true });
    return {
      env: { JIXIAO_DATA_DIR: root },
      target: { kind, dataDir },
      destroy: async () => rmSync(root, { recursive: true, force: true }),
    };
  }
  const name = `jixiao_cli_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name} template ${inject("postgresTemplateDb")}`);
  const url = databaseUrl(name);
  return {
    env: { DATABASE_URL: url },
    target: { kind, url },
    destroy: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}
