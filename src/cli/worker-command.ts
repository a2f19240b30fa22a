/** `jixiao worker`: starts a job node (./worker-node.ts), loaded only when this command runs. */
import type { Command } from "commander";
import { loadConfig } from "../config.ts";
import { createLogger } from "../logger.ts";
import type { CliIo } from "./io.ts";
import type { RunningWorker } from "./worker-node.ts";

export function registerWorkerCommand(program: Command, io: CliIo) {
  const { out } = io;
  program
    .command("worker")
    .description(
      "启动任务节点（只运行后台任务，如报告）/ run a job node: takes background jobs (reports) from the shared database, serves no HTTP",
    )
    .option("--poll <ms>", "查看队列的间隔（毫秒）/ how often to look at the queue (ms)", "2000")
    .action(async (opts: { poll: string }) => {
      const pollMs = Number(opts.poll);
      if (!Number.isInteger(pollMs) || pollMs < 100 || pollMs > 600_000) {
        program.error(`--poll: 100–600000 ms, not ${opts.poll}`, {
          code: "commander.invalidArgument",
          exitCode: 2,
        });
      }
      const config = loadConfig(io.env);
      const logger = createLogger(config.logLevel);
      let running: RunningWorker | null = null;
      let signals = 0;
      const shutdown = (signal: string) => {
        signals += 1;
        if (signals > 1 || !running) process.exit(1);
        out(`收到 ${signal}，正在关闭… / ${signal}: shutting down…`);
        running.stop().then(
          () => process.exit(0),
          (err) => {
            logger.error({ err }, "shutdown failed");
            process.exit(1);
          },
        );
      };
      process.on("SIGINT", () => shutdown("SIGINT"));
      process.on("SIGTERM", () => shutdown("SIGTERM"));
      const { startWorker } = await import("./worker-node.ts");
      running = await startWorker(config, logger, { pollMs, print: out });
    });
}
