/**
 * Several app nodes on one PostgreSQL database, as `jixiao serve` runs them, each with its own pool,
 * file store and job runner, listening on loopback; a round-robin HTTP proxy in front; and a client
 * that keeps its cookies and CSRF token whichever node answers.
 */
import { randomBytes } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import pino from "pino";
import { inject } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { type Database, openDatabase } from "../../src/db/index.ts";
import { chromiumPdf } from "../../src/render/pdf.ts";
import {
  contextOfUser,
  createTask,
  getTask,
  type ReportJobRunner,
  type ReportJobRunnerOptions,
  reportJobRunner,
} from "../../src/services/index.ts";
import { databaseFileStore, type FileStore } from "../../src/storage/file-store.ts";
import { TEST_PASSWORD } from "../helpers/fixtures.ts";
import { adminQuery, databaseUrl } from "../helpers/pg-server.ts";

/** A migrated server database with the regions, named for this helper (he_…), dropped by `drop`. */
export async function serverDatabase() {
  const name = `he_multinode_${randomBytes(5).toString("hex")}`;
  await adminQuery(`create database ${name} template ${inject("postgresTemplateDb")}`);
  return {
    name,
    url: databaseUrl(name),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

export interface Node {
  name: string;
  url: string;
  database: Database;
  files: FileStore;
  runner: ReportJobRunner;
  close(): Promise<void>;
}

/** One app node over the database at `url`: its own connections, database file store and job runner. */
export async function startNode(
  name: string,
  url: string,
  jobs: ReportJobRunnerOptions = {},
  partBytes = 64 * 1024,
): Promise<Node> {
  const database = await openDatabase({ kind: "postgres", url });
  const files = databaseFileStore(database.db, { partBytes });
  const pdf = chromiumPdf(process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium");
  const runner = reportJobRunner(database.db, pdf, { files, ...jobs });
  const { app } = createApp({
    database,
    evidence: files,
    pdf,
    reportJobs: runner,
    logger: pino({ level: "silent" }),
  });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    s.once("listening", () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    database,
    files,
    runner,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runner.stop(0);
      await pdf.close();
      await database.close();
    },
  };
}

export interface RoundRobinProxy {
  url: string;
  /** The node that answered each request, in order. */
  served: string[];
  close(): Promise<void>;
}

/** A round-robin proxy: request i goes to node i mod n, whatever its cookies say (no stickiness). */
export async function roundRobinProxy(nodes: Node[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const node = nodes[next++ % nodes.length] as Node;
    served.push(node.name);
    const target = new URL(req.url ?? "/", node.url);
    const upstream = httpRequest(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-served-by": node.name });
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser-like client over real HTTP: it keeps its cookies and CSRF token across nodes. */
export class HttpClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(public base: string) {}

  async request(
    method: string,
    path: string,
    options: { body?: unknown; form?: FormData; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (!["GET", "HEAD"].includes(method) && this.csrfToken)
      headers["x-csrf-token"] = this.csrfToken;
    const res = await fetch(new URL(path, this.base), {
      method,
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (!pair || at < 0) continue;
      const value = pair.slice(at + 1);
      if (value === "") this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const json = res.headers.get("content-type")?.includes("json")
      ? JSON.parse(new TextDecoder().decode(bytes))
      : null;
    return {
      status: res.status,
      json,
      bytes,
      headers: res.headers,
      servedBy: res.headers.get("x-served-by"),
    };
  }

  async login(username: string, password = TEST_PASSWORD) {
    const res = await this.request("POST", "/api/auth/login", { body: { username, password } });
    if (res.status === 200) this.csrfToken = res.json.csrfToken;
    return res;
  }
}

/** Polls `check` every 100 ms until it answers something truthy, or fails after `ms`. */
export async function until<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A 2020 self-evaluation task of 驻马店市 over 驿城区, made by `cityUser`: its one sheet's id. */
export async function countySheet(database: Database, cityUser: string): Promise<number> {
  const city = await contextOfUser(database.db, cityUser);
  const task = await createTask(database.db, city, {
    name: "2020年老旧小区改造资金绩效自评",
    year: 2020,
    type: "self",
    frameworkCode: "zhumadian-2020",
    regionCode: "411700",
    regions: ["411702"],
  });
  const id = (await getTask(database.db, city, task.id)).sheets[0]?.id;
  if (!id) throw new Error("the task has no sheet");
  return id;
}
