// A killed import leaves nothing: `jixiao import` is SIGKILLed after its first written chunk.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../../src/db/index.ts";
import { community, dataFile } from "../helpers/data-files.ts";
import { DB_KINDS } from "../helpers/databases.ts";
import { BIN, childEnv, createChildDatabase, REPO_ROOT } from "./jixiao-process.ts";

const ROWS = 20_000;
let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jixiao-kill-"));
  file = join(dir, "communities.xlsx");
  const rows = Array.from({ length: ROWS }, (_, i) => community("驿城区", `小区${i + 1}`));
  writeFileSync(file, await dataFile("communities", rows, { year: 2020, scopeName: "驿城区" }));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the import and kills it with SIGKILL as soon as it reports a written chunk. */
function importAndKill(env: Record<string, string>): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const args = [
      "import",
      file,
      "--dataset",
      "communities",
      "--region",
      "411702",
      "--year",
      "2020",
    ];
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: childEnv({ ...env, JIXIAO_ADMIN_PASSWORD: "Kill-Test-Passw0rd!" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let killed = false;
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
      if (!killed && stderr.includes("已写入 5000 行")) {
        killed = child.kill("SIGKILL");
      }
    });
    child.once("error", reject);
    child.once("close", () => resolve({ killed, stderr }));
  });
}

for (const kind of DB_KINDS) {
  it(`leaves no row behind when the process is killed mid-import [${kind}]`, async () => {
    const child = await createChildDatabase(kind);
    try {
      const run = await importAndKill(child.env);
      expect(run.killed, run.stderr).toBe(true);
      expect(run.stderr).not.toContain(`已写入 ${ROWS} 行`);
      const database = await openDatabase(child.target);
      try {
        const result = await database.db.execute(
          sql`select (select count(*) from community_projects)::int as rows,
                     (select count(*) from data_imports)::int as imports`,
        );
        expect((result as unknown as { rows: unknown[] }).rows[0]).toEqual({ rows: 0, imports: 0 });
      } finally {
        await database.close();
      }
    } finally {
      await child.destroy();
    }
  }, 120_000);
}
