/** `jixiao serve` as a child process on a free port: its output, its exit, and HTTP calls to it. */
import { type ChildProcessByStdio, spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { BIN, childEnv, REPO_ROOT } from "../cli/jixiao-process.ts";
import { freePort } from "../helpers/server.ts";

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServeProcess {
  stdout = "";
  stderr = "";
  readonly exited: Promise<Exit>;
  private exit: Exit | null = null;

  /** The serve process's own id (other suites' serve processes share this test process as parent). */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  constructor(
    private readonly child: ChildProcessByStdio<null, Readable, Readable>,
    readonly port: number,
  ) {
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      this.stdout += s;
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      this.stderr += s;
    });
    this.exited = new Promise((resolve) => {
      // "close", not "exit": the last output may still be in the pipe when the process has exited.
      child.once("close", (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    running.add(this);
    void this.exited.then(() => running.delete(this));
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The output so far, for failure messages. */
  get output() {
    return `--- stdout\n${this.stdout}--- stderr\n${this.stderr}`;
  }

  /** Waits until the output matches `pattern`; fails when the process ends first or it takes too long. */
  async waitFor(
    pattern: RegExp,
    ms = 60_000,
    stream: "stdout" | "stderr" = "stdout",
  ): Promise<RegExpExecArray> {
    const deadline = Date.now() + ms;
    // A copy without the g flag: exec() on a shared global pattern would move its lastIndex.
    const own = new RegExp(pattern.source, pattern.flags.replace("g", ""));
    for (;;) {
      const found = own.exec(this[stream]);
      if (found) return found;
      if (this.exit)
        throw new Error(`jixiao serve ended (${JSON.stringify(this.exit)})\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${ms} ms\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends `signal` and waits for the exit, failing when it takes more than `ms`. */
  async stop(signal: NodeJS.Signals, ms: number): Promise<Exit> {
    this.child.kill(signal);
    return this.waitForExit(ms);
  }

  async waitForExit(ms: number): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`jixiao serve still running after ${ms} ms\n${this.output}`)),
        ms,
      );
    });
    try {
      return await Promise.race([this.exited, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  signal(signal: NodeJS.Signals) {
    this.child.kill(signal);
  }

  kill() {
    this.child.kill("SIGKILL");
  }
}

const running = new Set<ServeProcess>();

/** Kills whatever a failed test left running (afterAll). */
export async function killAll() {
  const left = [...running];
  for (const p of left) p.kill();
  await Promise.all(left.map((p) => p.exited));
}

/** Spawns `node bin/jixiao.js serve ...args` on 127.0.0.1 and a free port (or the one given). */
export async function spawnServe(
  env: Record<string, string>,
  options: { args?: string[]; port?: number } = {},
): Promise<ServeProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [BIN, "serve", ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: childEnv({ ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new ServeProcess(child, port);
}

/** Spawns `jixiao serve` and waits for its "running at" line. */
export async function startServe(
  env: Record<string, string>,
  options: { args?: string[] } = {},
): Promise<ServeProcess> {
  const serve = await spawnServe(env, options);
  await serve.waitFor(new RegExp(`running at http://localhost:${serve.port}\\n`));
  return serve;
}

/** A signed-in HTTP client of a running server: the session cookie and the CSRF token. */
export class HttpClient {
  private cookie: string | null = null;
  private csrfToken: string | null = null;

  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== "GET") headers["x-csrf-token"] = this.csrfToken;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const cookie = res.headers.get("set-cookie")?.split(";")[0];
    if (cookie?.startsWith("jixiao_session=")) this.cookie = cookie;
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }

  async login(username: string, password: string) {
    const res = await this.request("POST", "/api/auth/login", { username, password });
    if (res.status === 200) this.csrfToken = res.json.csrfToken;
    return res;
  }
}
