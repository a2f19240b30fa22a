/** What the benchmarks share: the PostgreSQL server they create scratch databases on, the median, a free port and a signed-in client. */
import { once } from "node:events";
import { createServer } from "node:net";
import pg from "pg";

export const SERVER = process.env.JIXIAO_TEST_PG ?? "postgres://postgres@127.0.0.1:5432";

/** Runs one statement on the server's `postgres` database (create or drop a scratch database). */
export async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** The middle value (the upper one of an even count). */
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** A port nobody listens on, for a server a benchmark starts. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** A signed-in HTTP client of the admin: session cookie and CSRF token kept. */
export class BenchClient {
  private cookie = "";
  private csrf = "";

  constructor(
    readonly base: string,
    private readonly password: string,
  ) {}

  async signIn() {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: this.password }),
    });
    const body = (await this.json(res, 200, "sign in")) as { csrfToken?: unknown };
    if (typeof body.csrfToken !== "string") throw new Error("sign in: no CSRF token");
    this.cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    this.csrf = body.csrfToken;
  }

  /** A JSON request (or a form) that must answer `expect`; answers the parsed body. */
  async call(method: string, path: string, expect: number, payload?: unknown): Promise<unknown> {
    const form = payload instanceof FormData;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        "x-csrf-token": this.csrf,
        ...(payload !== undefined && !form && { "content-type": "application/json" }),
      },
      ...(payload !== undefined && { body: form ? payload : JSON.stringify(payload) }),
    });
    return this.json(res, expect, `${method} ${path}`);
  }

  private async json(res: Response, expect: number, what: string): Promise<unknown> {
    const text = await res.text();
    if (res.status !== expect) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 500)}`);
    return text === "" ? null : JSON.parse(text);
  }
}
