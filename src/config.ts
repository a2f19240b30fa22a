/** Settings from the environment, checked once at start. */
import { resolve } from "node:path";
import { z } from "zod";
import type { DbTarget } from "./db/index.ts";
import { DomainError } from "./domain/errors.ts";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./domain/upload-limits.ts";
import { isProxyEntry, proxyEntries } from "./proxy-entries.ts";

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
  JIXIAO_FILE_STORE: z.enum(["db", "folder"]).optional(),
  JIXIAO_JOB_STALE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  JIXIAO_JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  JIXIAO_CHROMIUM: z.string().default("/usr/bin/chromium"),
  JIXIAO_REPORT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  JIXIAO_REPORT_QUEUE_PER_USER: z.coerce.number().int().min(1).max(1000).default(5),
  JIXIAO_SECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  JIXIAO_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  JIXIAO_TRUST_PROXY: z
    .string()
    .refine(
      (text) => proxyEntries(text).every(isProxyEntry),
      "a comma-separated list of proxy addresses or CIDR blocks, e.g. 127.0.0.1,10.0.0.0/8",
    )
    .optional(),
  JIXIAO_SURVEY_TICKET_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  // Upload limits (defaults in domain/upload-limits.ts): past one, a file is refused unread.
  JIXIAO_UPLOAD_MAX_EXPANDED_MB: z.coerce.number().int().min(1).max(100_000).optional(),
  JIXIAO_UPLOAD_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).optional(),
  JIXIAO_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(100_000_000).optional(),
  JIXIAO_IMPORT_MAX_CELLS: z.coerce.number().int().min(1).max(2_000_000_000).optional(),
  JIXIAO_UPLOAD_MAX_TEXT_MB: z.coerce.number().int().min(1).max(10_000).optional(),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where evidence files (佐证材料) are kept: JIXIAO_EVIDENCE_DIR, or the data folder's evidence/. */
  evidenceDir: string;
  /**
   * Where files (evidence, generated reports) are kept: "db" (the default on the PostgreSQL server:
   * every app node sees every file) or "folder" (evidenceDir; the PGlite default). JIXIAO_FILE_STORE.
   */
  fileStore?: "db" | "folder";
  /** A running job silent this long (seconds) belongs to a node that died: it goes back to the queue. */
  jobStaleSeconds?: number;
  /** Times a job is started before a job whose node died is failed instead of queued again. */
  jobMaxAttempts?: number;
  /** The Chromium that prints PDF reports (Debian's by default). */
  chromiumPath: string;
  /** Reports rendered at once on this server (background jobs, and PDF pages in its one Chromium). */
  reportConcurrency: number;
  /** Report jobs one user may have waiting in the queue; past it a new one is refused (429). */
  reportQueuePerUser: number;
  db: DbTarget;
  adminPassword: string | undefined;
  secureCookies: boolean;
  /** The address residents reach Jixiao at (the QR codes on survey posters); else the request's own. */
  publicUrl: string | undefined;
  /** Proxies whose X-Forwarded-For is believed (JIXIAO_TRUST_PROXY); undefined: the socket's peer only. */
  trustProxy?: string[] | undefined;
  /** How long a public survey page's ticket takes an answer (hours; 24 unless set). */
  surveyTicketHours?: number;
  /** How large an uploaded file may be inside (JIXIAO_UPLOAD_MAX_*, JIXIAO_IMPORT_MAX_*). */
  uploadLimits?: UploadLimits;
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
    fileStore: e.JIXIAO_FILE_STORE ?? (e.DATABASE_URL ? "db" : "folder"),
    jobStaleSeconds: e.JIXIAO_JOB_STALE_SECONDS,
    jobMaxAttempts: e.JIXIAO_JOB_MAX_ATTEMPTS,
    chromiumPath: e.JIXIAO_CHROMIUM,
    reportConcurrency: e.JIXIAO_REPORT_CONCURRENCY,
    reportQueuePerUser: e.JIXIAO_REPORT_QUEUE_PER_USER,
    db: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: resolve(dataDir, "pglite") },
    adminPassword: e.JIXIAO_ADMIN_PASSWORD || undefined,
    secureCookies: e.JIXIAO_SECURE_COOKIES === "1",
    publicUrl: e.JIXIAO_PUBLIC_URL?.replace(/\/+$/, ""),
    trustProxy: e.JIXIAO_TRUST_PROXY ? proxyEntries(e.JIXIAO_TRUST_PROXY) : undefined,
    surveyTicketHours: e.JIXIAO_SURVEY_TICKET_HOURS,
    uploadLimits: {
      maxExpandedBytes:
        e.JIXIAO_UPLOAD_MAX_EXPANDED_MB === undefined
          ? DEFAULT_UPLOAD_LIMITS.maxExpandedBytes
          : e.JIXIAO_UPLOAD_MAX_EXPANDED_MB * MB,
      maxEntries: e.JIXIAO_UPLOAD_MAX_ENTRIES ?? DEFAULT_UPLOAD_LIMITS.maxEntries,
      maxRows: e.JIXIAO_IMPORT_MAX_ROWS ?? DEFAULT_UPLOAD_LIMITS.maxRows,
      maxCells: e.JIXIAO_IMPORT_MAX_CELLS ?? DEFAULT_UPLOAD_LIMITS.maxCells,
      maxTextBytes:
        e.JIXIAO_UPLOAD_MAX_TEXT_MB === undefined
          ? DEFAULT_UPLOAD_LIMITS.maxTextBytes
          : e.JIXIAO_UPLOAD_MAX_TEXT_MB * MB,
    },
    logLevel: e.LOG_LEVEL,
  };
}

const MB = 1024 * 1024;
