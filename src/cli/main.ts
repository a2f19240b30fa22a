/** The `jixiao` command line: each command is a thin call into the same services the API uses. */
import { Command, CommanderError, type ErrorOptions, Option } from "commander";
import { DrizzleQueryError } from "drizzle-orm";
import { loadConfig } from "../config.ts";
import { connectionErrorReason, databaseUnavailable, openDatabase } from "../db/index.ts";
import { DomainError } from "../domain/errors.ts";
import { createLogger } from "../logger.ts";
import type { Running } from "../server.ts";
import {
  createUser,
  findUserId,
  listUsers,
  prepareDatabase,
  resetPassword,
  seedDemo,
  systemContext,
  updateUser,
} from "../services/index.ts";
import { ROLES } from "../shared/roles.ts";
import { CreateUserRequest } from "../shared/schemas.ts";
import { configureWorkers } from "../workers/pool.ts";
import { registerAllocateCommand } from "./allocate-command.ts";
import { registerCheckCommand } from "./check-command.ts";
import { issueLines, registerDataCommands } from "./data-commands.ts";
import { registerGenCommand } from "./gen-command.ts";
import { type CliIo, processIo } from "./io.ts";
import { promptPassword } from "./prompt.ts";
import { registerReportCommand } from "./report-command.ts";
import { registerScoringCommands } from "./score-commands.ts";
import { adminPasswordLine, operator, withDatabase } from "./with-database.ts";
import { registerWorkerCommand } from "./worker-command.ts";

export const EXIT_INVALID = 2;

const NewUserNames = CreateUserRequest.pick({ username: true, displayName: true });

/** Chinese for commander's usage errors; its own English line follows. */
const USAGE_ERRORS: Record<string, string> = {
  "commander.invalidArgument": "参数取值不合法",
  "commander.missingArgument": "缺少必需的参数",
  "commander.optionMissingArgument": "选项缺少取值",
  "commander.missingMandatoryOptionValue": "缺少必填选项",
  "commander.conflictingOption": "选项互相冲突",
  "commander.unknownOption": "未知选项",
  "commander.excessArguments": "参数过多",
  "commander.unknownCommand": "未知命令",
};

/** A commander Command whose usage errors start with a Chinese line, for itself and its subcommands. */
class CliCommand extends Command {
  override createCommand(name?: string): CliCommand {
    return new CliCommand(name);
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    const zh = USAGE_ERRORS[errorOptions?.code ?? ""] ?? "命令用法不正确";
    return super.error(`错误：${zh}\n${message}`, errorOptions);
  }
}

export function buildProgram(io: CliIo = processIo()): Command {
  const { out } = io;
  const program = new CliCommand("jixiao")
    .description(
      "绩效 Jixiao：老旧小区改造资金绩效评价 / performance evaluation of old-community renovation funds\n" +
        "环境变量 / environment: DATABASE_URL, JIXIAO_DATA_DIR (./data), JIXIAO_ADMIN_PASSWORD, PORT (3000)",
    )
    // Help and usage errors go where the command's own output goes.
    .configureOutput({ writeOut: (text) => io.write(text), writeErr: (text) => io.err(text) })
    .showHelpAfterError()
    // Subcommands inherit this: usage errors throw a CommanderError that runCli turns into exit 2.
    .exitOverride()
    // A one-shot command has no other requests to keep answering: its work runs on the main thread,
    // without the worker threads' start-up (about a second each). `serve` and `worker` keep them.
    .hook("preAction", async (_program, action) => {
      const node = action.name() === "serve" || action.name() === "worker";
      if (!node && io.env.JIXIAO_WORKERS === undefined) {
        await configureWorkers(0);
      }
    });

  program
    .command("serve")
    .description("启动服务 / run the server (web app and API)")
    .option("--no-demo", "不载入演示数据 / do not load the demo data")
    .action(async (opts: { demo: boolean }) => {
      const config = loadConfig(io.env);
      const logger = createLogger(config.logLevel);
      const stop = (running: Running) =>
        running.stop().then(
          () => process.exit(0),
          (err) => {
            logger.error({ err }, "shutdown failed");
            process.exit(1);
          },
        );
      // The handlers go in before the first start: a signal during it (migrations, admin, demo
      // users) stops the server once it is up, so no generated password is lost half-way and the
      // database is closed cleanly. A second signal exits at once.
      let running: Running | null = null;
      let stopWhenStarted = false;
      let signals = 0;
      const shutdown = (signal: string) => {
        signals += 1;
        if (signals > 1) process.exit(1);
        if (running) {
          out(`收到 ${signal}，正在关闭… / ${signal}: shutting down…`);
          void stop(running);
        } else {
          out(`收到 ${signal}，启动完成后关闭… / ${signal}: shutting down once started…`);
          stopWhenStarted = true;
        }
      };
      process.on("SIGINT", () => shutdown("SIGINT"));
      process.on("SIGTERM", () => shutdown("SIGTERM"));
      // Loaded here so that the other commands do not pay for the HTTP stack.
      const { startServer } = await import("../server.ts");
      running = await startServer(config, logger, {
        demo: opts.demo,
        print: out,
        exitOnFatal: true,
      });
      if (stopWhenStarted) {
        out("正在关闭… / shutting down…");
        void stop(running);
      }
    });

  program
    .command("migrate")
    .description("建库并执行迁移、载入区域 / apply migrations and load the regions")
    .action(async () => {
      const config = loadConfig(io.env);
      const database = await openDatabase(config.db);
      try {
        const result = await prepareDatabase(database, {
          adminPassword: config.adminPassword,
          operator: operator(),
        });
        out(
          `迁移完成 / migrated (${database.kind}); 新载入区域 / regions loaded: ${result.regionsLoaded}`,
        );
        if (result.generatedAdminPassword) {
          out(adminPasswordLine(result.generatedAdminPassword));
        }
      } finally {
        await database.close();
      }
    });

  program
    .command("seed-demo")
    .description("载入演示数据（只载入一次）/ load the demo data (once)")
    .action(async () => {
      const result = await withDatabase(io, (d) => seedDemo(d.db, systemContext(operator())));
      out(
        result.created > 0 || result.rows > 0
          ? `已创建演示账户 ${result.created} 个，密码 / demo users created, password: ${result.password}\n` +
              `已导入演示数据 ${result.rows} 行 / demo data rows imported: ${result.rows}`
          : "演示数据已存在，未作改动 / demo data already present: nothing added",
      );
    });

  const user = program.command("user").description("用户管理 / user administration");
  user
    .command("add <username>")
    .description("新建用户（密码从终端或 JIXIAO_NEW_PASSWORD 读取）/ create a user")
    .requiredOption("--region <code>", "所属区域代码 / region code, e.g. 411700")
    .addOption(new Option("--role <role>", "角色 / role").choices(ROLES).makeOptionMandatory())
    .option("--name <displayName>", "姓名或单位 / display name")
    .action(
      async (
        username: string,
        opts: { region: string; role: (typeof ROLES)[number]; name?: string },
      ) => {
        // The same rules as the API, checked before the password is asked for.
        const names = NewUserNames.safeParse({ username, displayName: opts.name ?? username });
        if (!names.success) {
          const issues = names.error.issues.map((i) => ({
            field: i.path.join("."),
            message: i.message,
          }));
          throw new DomainError("request.invalid", {}, { issues });
        }
        const password = await promptPassword(io.env);
        const created = await withDatabase(io, (d) =>
          createUser(d.db, systemContext(operator()), {
            ...names.data,
            password,
            role: opts.role,
            regionCode: opts.region,
          }),
        );
        out(
          `已创建 / created: ${created.username} (${created.role}, ${created.regionCode} ${created.regionName})`,
        );
      },
    );
  user
    .command("passwd <username>")
    .description("重置密码 / set a user's password")
    .action(async (username: string) => {
      const password = await promptPassword(io.env);
      await withDatabase(io, async (d) => {
        const ctx = systemContext(operator());
        await resetPassword(d.db, ctx, await findUserId(d.db, username), password);
      });
      out(`已重置密码 / password set: ${username}`);
    });
  user
    .command("disable <username>")
    .description("停用用户 / disable a user")
    .option("--enable", "重新启用 / enable again instead")
    .action(async (username: string, opts: { enable?: boolean }) => {
      await withDatabase(io, async (d) => {
        const ctx = systemContext(operator());
        await updateUser(d.db, ctx, await findUserId(d.db, username), { disabled: !opts.enable });
      });
      out(`${opts.enable ? "已启用 / enabled" : "已停用 / disabled"}: ${username}`);
    });
  user
    .command("list")
    .description("列出用户 / list users")
    .option("--region <code>", "只列出该区域及下级 / only this region and below")
    .option("--json", "JSON 输出 / JSON output")
    .action(async (opts: { region?: string; json?: boolean }) => {
      const result = await withDatabase(io, (d) =>
        listUsers(d.db, systemContext(operator()), {
          regionCode: opts.region,
          page: 1,
          pageSize: 200,
        }),
      );
      if (opts.json) return out(JSON.stringify(result.items, null, 2));
      for (const u of result.items) {
        out(
          [
            u.username,
            u.displayName,
            u.role,
            u.regionCode,
            u.regionName,
            u.disabled ? "停用" : "启用",
          ].join("\t"),
        );
      }
      out(`共 ${result.total} 个用户 / ${result.total} users`);
    });
  registerScoringCommands(program, io);
  registerDataCommands(program, io);
  registerGenCommand(program, io);
  registerCheckCommand(program, io);
  registerReportCommand(program, io);
  registerAllocateCommand(program, io);
  registerWorkerCommand(program, io);
  return program;
}

/**
 * Runs the CLI; a DomainError prints its Chinese and English message and exits 2, never a stack.
 * Usage errors (commander has printed them already) exit 2 as well; --help exits 0.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return io.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_INVALID;
    if (err instanceof DomainError) {
      io.err(`错误：${err.messageIn("zh-CN")}\nerror: ${err.messageIn("en-US")}\n`);
      if (err.code === "import.invalid") io.err(issueLines(err.details));
      // An allocation model's problems are in its message already, one per line.
      else if (err.details && err.code !== "allocation.invalid")
        io.err(`${JSON.stringify(err.details)}\n`);
      return EXIT_INVALID;
    }
    // A failed query's own message lists its parameters, password hashes included: show the cause.
    const shown =
      err instanceof DrizzleQueryError && err.cause instanceof Error
        ? err.cause.message
        : err instanceof Error
          ? err.message
          : String(err);
    const lost = connectionErrorReason(err);
    if (lost) {
      const down = databaseUnavailable();
      // The server's message names the address tried (an AggregateError has none: its code then).
      io.err(
        `错误：${down.messageIn("zh-CN")}\nerror: ${down.messageIn("en-US")}\n原因 / reason: ${shown || lost}\n`,
      );
      return 1;
    }
    io.err(`错误 / error: ${shown}\n`);
    return 1;
  }
}
