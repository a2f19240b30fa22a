/**
 * The job node of `jixiao worker` (./worker-command.ts): a node that runs background jobs only (reports), taken from the queue in the
 * PostgreSQL database it shares with the app nodes. It serves no HTTP; start as many as the jobs need.
 */
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { openDatabase } from "../db/index.ts";
import { reportJobNode, settleInterruptedJobs } from "../report-job-node.ts";
import { prepareDatabase } from "../services/index.ts";
import { closeWorkers } from "../workers/pool.ts";
import { adminPasswordLine, operator } from "./with-database.ts";

export interface RunningWorker {
  stop(): Promise<void>;
}

/** Opens the database, then takes jobs every `pollMs` (and whenever one of its own ends). */
export async function startWorker(
  config: Config,
  logger: Logger,
  options: { pollMs: number; print: (line: string) => void },
): Promise<RunningWorker> {
  const database = await openDatabase(config.db, {
    onConnectionLost: (reason) =>
      logger.warn(
        { reason },
        "数据库连接断开，将自动重连 / database connection lost, reconnecting",
      ),
  });
  const { pdf, runner } = reportJobNode(config, database.db, logger);
  try {
    const prepared = await prepareDatabase(database, {
      adminPassword: config.adminPassword,
      operator: operator(),
    });
    if (prepared.generatedAdminPassword) {
      options.print(adminPasswordLine(prepared.generatedAdminPassword));
    }
    await settleInterruptedJobs(config, database.db, logger);
  } catch (err) {
    await database.close();
    throw err;
  }
  runner.start(options.pollMs);
  // The runner's timers do not hold a process open (a server's HTTP socket does): this one does.
  const keepAlive = setInterval(() => undefined, 3_600_000);
  options.print(
    `绩效 Jixiao 任务节点已启动 / job worker running (${config.reportConcurrency} at once, ${database.kind})`,
  );
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        clearInterval(keepAlive);
        // Running jobs get a moment to finish; the rest go back to the queue for another node.
        await runner.stop();
        await pdf.close();
        await closeWorkers();
        await database.close();
      })();
      return stopping;
    },
  };
}
