/** Opening the configured database for one CLI command, and how the audit trail names the operator. */
import { userInfo } from "node:os";
import { loadConfig } from "../config.ts";
import { type Database, openDatabase } from "../db/index.ts";
import { prepareDatabase } from "../services/index.ts";
import type { CliIo } from "./io.ts";

export const operator = () => `cli:${safeUser()}`;
function safeUser() {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

export const adminPasswordLine = (password: string) =>
  `管理员 admin 的密码 / admin password: ${password} (仅显示这一次 / shown once)`;

/**
 * Opens the configured database, prepares it, runs `work`, and always closes it. When this run
 * created the administrator, its generated password goes to stderr: it is shown nowhere else.
 */
export async function withDatabase<T>(io: CliIo, work: (db: Database) => Promise<T>) {
  const config = loadConfig(io.env);
  const database = await openDatabase(config.db);
  try {
    const prepared = await prepareDatabase(database, {
      adminPassword: config.adminPassword,
      operator: operator(),
    });
    if (prepared.generatedAdminPassword) {
      io.err(`${adminPasswordLine(prepared.generatedAdminPassword)}\n`);
    }
    return await work(database);
  } finally {
    await database.close();
  }
}
