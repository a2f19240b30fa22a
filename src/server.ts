/** Runs Jixiao: database, first-start work, the HTTP server, and a clean shutdown on signals. */
import { fileURLToPath } from "node:url";
import { type ServerType, serve } from "@hono/node-server";
import type { Logger } from "pino";
import { createApp } from "./api/app.ts";
import type { Config } from "./config.ts";
import { openDatabase } from "./db/index.ts";
import { chromiumPdf } from "./reports/pdf.ts";
import {
  failInterruptedReportJobs,
  type PrepareResult,
  prepareDatabase,
  seedDemo,
  systemContext,
} from "./services/index.ts";
import { folderEvidenceStore } from "./storage/evidence-store.ts";

export const WEB_DIST = fileURLToPath(new URL("../web/dist", import.meta.url));

export interface Running {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(
  config: Config,
  logger: Logger,
  options: { demo?: boolean; print?: (line: string) => void } = {},
): Promise<Running> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const database = await openDatabase(config.db);
  let server: ServerType;
  try {
    const prepared = await prepareDatabase(database, {
      adminPassword: config.adminPassword,
      operator: "system",
    });
    // Shown before anything else can fail: a generated password is shown nowhere else, ever.
    printFirstStart(print, prepared);
    const interrupted = await failInterruptedReportJobs(database.db);
    if (interrupted > 0) {
      logger.warn({ interrupted }, "report jobs cut off by the last stop marked failed");
    }
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
      evidence: folderEvidenceStore(config.evidenceDir),
      pdf: chromiumPdf(config.chromiumPath),
      logger,
      webDist: WEB_DIST,
      secureCookies: config.secureCookies,
      publicUrl: config.publicUrl,
    });
    server = await listen(app.fetch, config);
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
      await database.close();
    })();
    return stopping;
  };
  return { url, stop };
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
