/** A real Jixiao server on a free port over a fresh PGlite copy, for browser tests. */
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import type { Config } from "../../src/config.ts";
import { startServer, WEB_DIST } from "../../src/server.ts";

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export async function startTestServer(adminPassword: string) {
  if (!existsSync(join(WEB_DIST, "index.html"))) {
    throw new Error(`the web app is not built (${WEB_DIST}): run npm run build:web first`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), "jixiao-e2e-"));
  const port = await freePort();
  const config: Config = {
    port,
    host: "127.0.0.1",
    dataDir,
    evidenceDir: join(dataDir, "evidence"),
    chromiumPath: process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium",
    reportConcurrency: 2,
    reportQueuePerUser: 5,
    db: { kind: "pglite", dataDir: join(dataDir, "pglite") },
    adminPassword,
    secureCookies: false,
    publicUrl: undefined,
    logLevel: "silent",
  };
  const printed: string[] = [];
  const running = await startServer(config, pino({ level: "silent" }), {
    print: (line) => printed.push(line),
  });
  // The demo users' password is printed once at the first start, as a user would read it.
  const demoPassword = printed
    .join("\n")
    .match(/demo users \(\d+\) 的密码 \/ password: (\S+)/)?.[1];
  return {
    url: `http://127.0.0.1:${port}`,
    demoPassword: demoPassword ?? "",
    stop: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
