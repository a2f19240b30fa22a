/** Runs Jixiao: database, first-start work, the HTTP server, and a clean shutdown on signals. */
import { fileURLToPath } from "node:url";
import { type ServerType, serve } from "@hono/node-server";
import type { Logger } from "pino";
import { createApp } from "./api/app.ts";
import type { Config } from "./config.ts";
import { openDatabase } from "./db/index.ts";
import { reportJobNode, settleInterruptedJobs } from "./report-job-node.ts";
import {
  flushAuditSummaries,
  type PrepareResult,
  prepareDatabase,
  seedDemo,
  systemContext,
} from "./services/index.ts";
import { closeWorkers } from "./workers/pool.ts";

export const WEB_DIST = fileURLToPath(new URL("../web/dist", import.meta.url));

export interface Running {
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  demo?: boolean;
  print?: (line: string) => void;
  /**
   * `jixiao serve`: an error nothing caught, or an abort of PGlite's WebAssembly runtime, is logged
   * as fatal and ends the process with 1, so that a supervisor starts it again instead of it
   * hanging half-dead. Off for servers inside tests, which own their process.
   */
  exitOnFatal?: boolean;
}

export async function startServer(
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<Running> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const fatal = options.exitOnFatal ? exitOnFatal(logger) : undefined;
  const database = await openDatabase(config.db, {
    onConnectionLost: (reason) =>
      logger.warn(
        { reason },
        "数据库连接断开，将自动重连 / database connection lost, reconnecting",
      ),
    ...(fatal && { onFatal: (err: unknown) => fatal("PGlite aborted", err) }),
  });
  let server: ServerType;
  const { pdf, files, runner: reportJobs } = reportJobNode(config, database.db, logger);
  try {
    const prepared = await prepareDatabase(database, {
      adminPassword: config.adminPassword,
      operator: "system",
    });
    // Shown before anything else can fail: a generated password is shown nowhere else, ever.
    printFirstStart(print, prepared);
    await settleInterruptedJobs(config, database.db, logger);
    const demo =
      options.demo === false ? null : await seedDemo(database.db, systemContext("system"));
    if (demo?.password) {
      print(
        `演示账户 / demo users (${demo.created}) 的密码 / password: ${demo.password}   (仅显示这一次 / shown once)`,
      );
    }
    if (demo && demo.rows > 0) {
      print(
        `已导入四份样本报告的演示数据 ${demo.rows} 行 / demo data of the four seed reports: ${demo.rows} rows`,
      );
    }
    const { app } = createApp({
      database,
      evidence: files,
      pdf,
      reportJobs,
      logger,
      webDist: WEB_DIST,
      secureCookies: config.secureCookies,
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy,
      surveyTicketHours: config.surveyTicketHours,
      uploadLimits: config.uploadLimits,
    });
    server = await listen(app.fetch, config);
    // Jobs left queued by the last stop or by another server start here when there is room.
    reportJobs.start();
  } catch (err) {
    // A busy port or a failed first start must not leave the database open: a pg pool would keep
    // the process alive, and PGlite should be closed cleanly.
    await database.close();
    throw err;
  }
  const url = `http://localhost:${config.port}`;
  print(`绩效 Jixiao 已启动 / running at ${url}`);
  print(
    database.kind === "pglite"
      ? `数据库 / database: PGlite in ${config.db.kind === "pglite" ? config.db.dataDir : ""}`
      : "数据库 / database: PostgreSQL (DATABASE_URL)",
  );

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      // close() stops accepting and resolves when open requests have finished.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Running jobs get a moment to finish; the rest go back to the queue for the next start.
      await reportJobs.stop();
      await pdf.close();
      await closeWorkers();
      // A flood's summary still waiting for its minute to end is written, not lost.
      await flushAuditSummaries(database.db).catch(() => 0);
      await database.close();
    })();
    return stopping;
  };
  return { url, stop };
}

/**
 * Logs fatal and exits 1 on an uncaught exception or unhandled rejection (Node would exit too, but
 * without a log line in the server's format); answers the function that does the same for others.
 */
export function exitOnFatal(
  logger: Logger,
  exit: (code: number) => void = (code) => process.exit(code),
): (what: string, err: unknown) => void {
  let exiting = false;
  const die = (what: string, err: unknown) => {
    if (exiting) return;
    exiting = true;
    logger.fatal({ err }, `${what}: 进程退出以便重启 / exiting so that it is restarted`);
    logger.flush?.();
    exit(1);
  };
  process.on("uncaughtException", (err) => die("uncaught exception", err));
  process.on("unhandledRejection", (err) => die("unhandled rejection", err));
  return die;
}

/** Resolves once the server listens; rejects (with nothing left open) when it cannot, e.g. a busy port. */
function listen(fetch: Parameters<typeof serve>[0]["fetch"], config: Config): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host });
    server.once("listening", () => resolve(server));
    server.once("error", reject);
  });
}

function printFirstStart(print: (line: string) => void, prepared: PrepareResult) {
  if (prepared.regionsLoaded > 0) print(`已载入区域 / regions loaded: ${prepared.regionsLoaded}`);
  if (prepared.generatedAdminPassword) {
    print("首次启动：已创建管理员 / first start: administrator created");
    print(`  用户名 / username: admin`);
    print(`  密码 / password:   ${prepared.generatedAdminPassword}   (仅显示这一次 / shown once)`);
  } else if (prepared.adminCreated) {
    print(
      "首次启动：已创建管理员 admin，密码为 JIXIAO_ADMIN_PASSWORD / admin created with JIXIAO_ADMIN_PASSWORD",
    );
  } else {
    print("登录 / sign in: admin (或其他已有用户 / or another existing user)");
  }
}
