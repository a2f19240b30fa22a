/** In-memory HTTP clients for the API: Hono's app.request(), cookies and the CSRF token kept per client. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { createApp } from "../../src/api/app.ts";
import type { AppDeps } from "../../src/api/env.ts";
import type { Database } from "../../src/db/index.ts";
import { chromiumPdf } from "../../src/render/pdf.ts";
import { folderEvidenceStore } from "../../src/storage/evidence-store.ts";
import { TEST_PASSWORD } from "./fixtures.ts";

/** The app over a test database; evidence files go to a fresh temporary folder; `deps` replace the defaults. */
export function testApp(database: Database, deps: Partial<AppDeps> = {}) {
  const evidence = folderEvidenceStore(mkdtempSync(join(tmpdir(), "jixiao-evidence-")));
  const pdf = chromiumPdf(process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium");
  const built = createApp({ database, evidence, pdf, logger: pino({ level: "silent" }), ...deps });
  return { ...built, evidence, pdf: deps.pdf ?? pdf };
}

export interface RequestOptions {
  body?: unknown;
  /** A raw body, sent as it is (for malformed JSON and size tests). */
  raw?: string;
  /** A multipart form (file uploads); fetch sets its content type. */
  form?: FormData;
  headers?: Record<string, string>;
  /** Send the CSRF header on unsafe methods (default true). */
  csrf?: boolean;
}

export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(private readonly app: ReturnType<typeof testApp>["app"]) {}

  async request(method: string, path: string, options: RequestOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.body !== undefined || options.raw !== undefined) {
      headers["content-type"] ??= "application/json";
    }
    const unsafe = !["GET", "HEAD"].includes(method);
    if (unsafe && options.csrf !== false && this.csrfToken)
      headers["x-csrf-token"] = this.csrfToken;
    const res = await this.app.request(path, {
      method,
      headers,
      body:
        options.form ??
        options.raw ??
        (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie?.startsWith("jixiao_session=")) {
      const value = setCookie.split(";")[0] ?? "";
      this.cookie = value === "jixiao_session=" ? null : value;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const isJson = res.headers.get("content-type")?.includes("json");
    const json = bytes.length > 0 && isJson ? JSON.parse(new TextDecoder().decode(bytes)) : null;
    return { status: res.status, json, headers: res.headers, bytes };
  }

  async login(username: string, password = TEST_PASSWORD) {
    const res = await this.request("POST", "/api/auth/login", { body: { username, password } });
    if (res.status === 200) this.csrfToken = res.json.csrfToken;
    return res;
  }
}

/** A signed-in client; fails the test at once when sign-in does not work. */
export async function signedIn(app: ReturnType<typeof testApp>["app"], username: string) {
  const client = new ApiClient(app);
  const res = await client.login(username);
  if (res.status !== 200)
    throw new Error(`login of ${username} failed: ${JSON.stringify(res.json)}`);
  return client;
}
