/** Settings from the environment, checked once at start. */
import { resolve } from "node:path";
import { z } from "zod";
import type { DbTarget } from "./db/index.ts";
import { DomainError } from "./domain/errors.ts";

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  JIXIAO_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "postgres://user@host:port/database")
    .optional(),
  JIXIAO_ADMIN_PASSWORD: z.string().optional(),
  JIXIAO_EVIDENCE_DIR: z.string().optional(),
  JIXIAO_CHROMIUM: z.string().default("/usr/bin/chromium"),
  JIXIAO_SECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  JIXIAO_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where evidence files (佐证材料) are kept: JIXIAO_EVIDENCE_DIR, or the data folder's evidence/. */
  evidenceDir: string;
  /** The Chromium that prints PDF reports (Debian's by default). */
  chromiumPath: string;
  db: DbTarget;
  adminPassword: string | undefined;
  secureCookies: boolean;
  /** The address residents reach Jixiao at (the QR codes on survey posters); else the request's own. */
  publicUrl: string | undefined;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`JIXIAO_DATA_DIR=` in a .env or compose file) means "not set", as it already
  // did for JIXIAO_ADMIN_PASSWORD; before, an empty data folder put the database in the cwd.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = Env.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("config.invalid", {
      reason: `${issue?.path.join(".")}: ${issue?.message}`,
    });
  }
  const e = parsed.data;
  const dataDir = resolve(e.JIXIAO_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    evidenceDir: resolve(e.JIXIAO_EVIDENCE_DIR ?? resolve(dataDir, "evidence")),
    chromiumPath: e.JIXIAO_CHROMIUM,
    db: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: resolve(dataDir, "pglite") },
    adminPassword: e.JIXIAO_ADMIN_PASSWORD || undefined,
    secureCookies: e.JIXIAO_SECURE_COOKIES === "1",
    publicUrl: e.JIXIAO_PUBLIC_URL?.replace(/\/+$/, ""),
    logLevel: e.LOG_LEVEL,
  };
}
