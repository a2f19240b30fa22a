// A real `jixiao serve` process: database faults must not end it, a dead PGlite runtime must end it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv, createChildDatabase, REPO_ROOT } from "../cli/jixiao-process.ts";
import { terminateBackends } from "../helpers/pg-server.ts";
import { freePort } from "../helpers/server.ts";
import { killAll, ServeProcess, startServe } from "../startup/serve-process.ts";

const RUNNING = (port: number) => new RegExp(`running at http://localhost:${port}\\n`);
const ABORT_SERVE = join(REPO_ROOT, "test", "faults", "abort-serve.js");

afterAll(killAll);

async function health(serve: ServeProcess) {
  const res = await fetch(`${serve.baseUrl}/api/health`);
  return res.status;
}

describe("jixiao serve on PostgreSQL", () => {
  it("survives pg_terminate_backend of its idle connections and keeps answering", async () => {
    const child = await createChildDatabase("postgres");
    try {
      const serve = await startServe({
        ...child.env,
        JIXIAO_ADMIN_PASSWORD: "Fault-Test-Passw0rd!",
      });
      for (let i = 0; i < 3; i++) expect(await health(serve)).toBe(200);
      if (child.target.kind !== "postgres") throw new Error("not a server database");
      const name = new URL(child.target.url).pathname.slice(1);
      const told = () => serve.stdout.match(/database connection lost/g)?.length ?? 0;
      let terminated = 0;
      for (let round = 1; round <= 3; round++) {
        const now = await terminateBackends(name);
        expect(now).toBeGreaterThan(0);
        terminated += now;
        // One log line per lost connection, however many error events it raised.
        await serve.waitFor(new RegExp(`(database connection lost[^]*){${terminated}}`), 10_000);
        expect(await health(serve)).toBe(200);
      }
      expect(told()).toBe(terminated);
      // On main this printed "Unhandled 'error' event" and the process was gone.
      expect(serve.stderr).not.toMatch(/Unhandled|uncaught/i);
      expect(await serve.stop("SIGTERM", 10_000)).toEqual({ code: 0, signal: null });
    } finally {
      await child.destroy();
    }
  }, 180_000);
});

describe("jixiao serve on PGlite whose WebAssembly runtime dies", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function startAbortable() {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-abort-"));
    dirs.push(dir);
    const port = await freePort();
    const child = spawn(process.execPath, [ABORT_SERVE], {
      cwd: REPO_ROOT,
      env: childEnv({
        JIXIAO_DATA_DIR: dir,
        JIXIAO_ADMIN_PASSWORD: "Fault-Test-Passw0rd!",
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const serve = new ServeProcess(child, port);
    await serve.waitFor(RUNNING(port), 120_000);
    expect(await health(serve)).toBe(200);
    return serve;
  }

  it("an abort inside PGlite's main loop: logged fatal, exit 1 (not a spinning process)", async () => {
    const serve = await startAbortable();
    serve.signal("SIGUSR2");
    // The probe never gets an answer: the process ends under it.
    await fetch(`${serve.baseUrl}/api/health`).catch(() => undefined);
    const exit = await serve.waitForExit(30_000);
    expect(exit).toEqual({ code: 1, signal: null });
    const fatal = serve.stdout.split("\n").find((line) => line.includes('"level":60'));
    expect(fatal, serve.output).toBeDefined();
    expect(JSON.parse(fatal ?? "{}").msg).toMatch(/^PGlite aborted/);
  }, 180_000);

  it("an exception nothing catches: logged fatal, exit 1", async () => {
    const serve = await startAbortable();
    serve.signal("SIGUSR1");
    const exit = await serve.waitForExit(30_000);
    expect(exit).toEqual({ code: 1, signal: null });
    const fatal = serve.stdout.split("\n").find((line) => line.includes('"level":60'));
    expect(JSON.parse(fatal ?? "{}")).toMatchObject({
      msg: expect.stringMatching(/^uncaught exception/),
      err: { message: "thrown from a timer by the test" },
    });
  }, 180_000);
});
