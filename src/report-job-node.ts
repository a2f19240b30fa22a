/**
 * What a node needs to run report jobs — one kept Chromium, the file store, the queue's runner — and
 * the re-queueing of jobs a stopped node left running. `jixiao serve` and `jixiao worker` both build it here.
 */
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import type { Db } from "./db/client.ts";
import { chromiumPdf } from "./render/pdf.ts";
import {
  reportJobRunner,
  reportJobSettingsOf,
  settleInterruptedReportJobs,
} from "./services/index.ts";
import { fileStoreOf } from "./storage/file-store.ts";

export function reportJobNode(config: Config, db: Db, logger: Logger) {
  // One Chromium for the node's PDFs, started on the first; report jobs share its pages.
  const pdf = chromiumPdf(config.chromiumPath, { concurrency: config.reportConcurrency });
  const files = fileStoreOf(config, db);
  const runner = reportJobRunner(db, pdf, {
    files,
    concurrency: config.reportConcurrency,
    queuePerUser: config.reportQueuePerUser,
    ...reportJobSettingsOf(config),
    onError: (err) => logger.warn({ err }, "报告任务出错 / report job fault"),
  });
  return { pdf, files, runner };
}

/** Jobs left running by a node that stopped: queued again for any node, or failed after their last start. */
export async function settleInterruptedJobs(config: Config, db: Db, logger: Logger): Promise<void> {
  const settled = await settleInterruptedReportJobs(db, reportJobSettingsOf(config));
  if (settled.requeued + settled.failed > 0) {
    logger.warn(settled, "report jobs cut off by a stopped node: queued again, or failed");
  }
}
