/** Settings from the environment: defaults, empty variables, and errors named by variable. */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { DomainError } from "../../src/domain/errors.ts";

describe("loadConfig", () => {
  it("with nothing set: PGlite in ./data/pglite on port 3000 of every interface", () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: "0.0.0.0",
      dataDir: resolve("data"),
      evidenceDir: resolve("data", "evidence"),
      fileStore: "folder",
      jobStaleSeconds: 60,
      jobMaxAttempts: 3,
      chromiumPath: "/usr/bin/chromium",
      reportConcurrency: 2,
      reportQueuePerUser: 5,
      db: { kind: "pglite", dataDir: resolve("data", "pglite") },
      adminPassword: undefined,
      secureCookies: false,
      publicUrl: undefined,
      surveyTicketHours: 24,
      uploadLimits: {
        maxExpandedBytes: 200 * 1024 * 1024,
        maxEntries: 10_000,
        maxRows: 200_000,
        maxCells: 5_000_000,
        maxTextBytes: 10 * 1024 * 1024,
      },
      logLevel: "info",
    });
  });

  it("keeps files in the database on the PostgreSQL server, in the folder on PGlite, unless JIXIAO_FILE_STORE says", () => {
    const server = "postgres://jixiao@db.example/jixiao";
    expect(loadConfig({ DATABASE_URL: server }).fileStore).toBe("db");
    expect(loadConfig({ DATABASE_URL: server, JIXIAO_FILE_STORE: "folder" }).fileStore).toBe(
      "folder",
    );
    expect(loadConfig({ JIXIAO_FILE_STORE: "db" }).fileStore).toBe("db");
    expect(() => loadConfig({ JIXIAO_FILE_STORE: "s3" })).toThrow(/JIXIAO_FILE_STORE/);
    expect(loadConfig({ JIXIAO_JOB_STALE_SECONDS: "5" }).jobStaleSeconds).toBe(5);
    expect(() => loadConfig({ JIXIAO_JOB_MAX_ATTEMPTS: "0" })).toThrow(/JIXIAO_JOB_MAX_ATTEMPTS/);
  });

  it("takes the public survey ticket's lifetime in hours, and refuses none or more than 30 days", () => {
    expect(loadConfig({ JIXIAO_SURVEY_TICKET_HOURS: "6" }).surveyTicketHours).toBe(6);
    for (const bad of ["0", "721", "1.5", "day"])
      expect(() => loadConfig({ JIXIAO_SURVEY_TICKET_HOURS: bad })).toThrow(DomainError);
  });

  it("takes the public address for survey QR codes without a trailing slash, and refuses a non-URL", () => {
    expect(loadConfig({ JIXIAO_PUBLIC_URL: "https://jx.example.gov.cn/" }).publicUrl).toBe(
      "https://jx.example.gov.cn",
    );
    expect(() => loadConfig({ JIXIAO_PUBLIC_URL: "jx.example" })).toThrow(/JIXIAO_PUBLIC_URL/);
  });

  it("treats empty variables as not set, so the data never lands in the working folder", () => {
    const empty = {
      PORT: "",
      HOST: "",
      JIXIAO_DATA_DIR: "",
      DATABASE_URL: "",
      JIXIAO_ADMIN_PASSWORD: "",
      JIXIAO_EVIDENCE_DIR: "",
      JIXIAO_SECURE_COOKIES: "",
      JIXIAO_PUBLIC_URL: "",
      LOG_LEVEL: "",
    };
    expect(loadConfig(empty)).toEqual(loadConfig({}));
  });

  it("puts PGlite under JIXIAO_DATA_DIR and uses DATABASE_URL instead when it is set", () => {
    const lite = loadConfig({ JIXIAO_DATA_DIR: "/srv/jixiao", PORT: "8080" });
    expect(lite.db).toEqual({ kind: "pglite", dataDir: "/srv/jixiao/pglite" });
    expect(lite.evidenceDir).toBe("/srv/jixiao/evidence");
    expect(loadConfig({ JIXIAO_EVIDENCE_DIR: "/mnt/nas/evidence" }).evidenceDir).toBe(
      "/mnt/nas/evidence",
    );
    expect(lite.port).toBe(8080);
    const server = loadConfig({
      JIXIAO_DATA_DIR: "/srv/jixiao",
      DATABASE_URL: "postgresql://jixiao@db:5432/jixiao",
    });
    expect(server.db).toEqual({ kind: "postgres", url: "postgresql://jixiao@db:5432/jixiao" });
  });

  it("reads the upload limits, in MB where the name says so, and refuses a limit of 0", () => {
    const limits = loadConfig({
      JIXIAO_UPLOAD_MAX_EXPANDED_MB: "50",
      JIXIAO_UPLOAD_MAX_ENTRIES: "100",
      JIXIAO_IMPORT_MAX_ROWS: "1000",
      JIXIAO_IMPORT_MAX_CELLS: "20000",
      JIXIAO_UPLOAD_MAX_TEXT_MB: "2",
    }).uploadLimits;
    expect(limits).toEqual({
      maxExpandedBytes: 50 * 1024 * 1024,
      maxEntries: 100,
      maxRows: 1000,
      maxCells: 20_000,
      maxTextBytes: 2 * 1024 * 1024,
    });
    expect(() => loadConfig({ JIXIAO_IMPORT_MAX_ROWS: "0" })).toThrow(/JIXIAO_IMPORT_MAX_ROWS/);
  });

  it("names the variable that is wrong, in a config.invalid error", () => {
    const attempt = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (err) {
        return err;
      }
      throw new Error("loadConfig accepted a bad setting");
    };
    const port = attempt({ PORT: "70000" });
    expect(port).toBeInstanceOf(DomainError);
    expect((port as DomainError).code).toBe("config.invalid");
    expect((port as DomainError).messageIn("zh-CN")).toMatch(/^配置错误：PORT: /);
    const url = attempt({ DATABASE_URL: "mysql://root@db/jixiao" }) as DomainError;
    expect(url.messageIn("en-US")).toBe(
      "Configuration error: DATABASE_URL: postgres://user@host:port/database",
    );
  });
});
