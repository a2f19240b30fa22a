/**
 * A real Jixiao server on a free port over a fresh PGlite copy, for browser tests: a copy of the
 * folder made once per run after one first start (admin, then the demo; templates.ts), so that each
 * server starts in seconds instead of migrating and seeding for a minute. First starts themselves
 * are tested by test/startup/.
 */
import { once } from "node:events";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import type { Config } from "../../src/config.ts";
import { startServer, WEB_DIST } from "../../src/server.ts";
import { E2E_ADMIN_PASSWORD, serverTemplate } from "./templates.ts";

/** The administrator's password on every test server. */
export const ADMIN_PASSWORD = E2E_ADMIN_PASSWORD;

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export async function startTestServer() {
  if (!existsSync(join(WEB_DIST, "index.html"))) {
    throw new Error(`the web app is not built (${WEB_DIST}): run npm run build:web first`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), "jixiao-e2e-"));
  const template = await serverTemplate();
  cpSync(template.dir, join(dataDir, "pglite"), { recursive: true });
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
    adminPassword: ADMIN_PASSWORD,
    secureCookies: false,
    publicUrl: undefined,
    logLevel: "silent",
  };
  const running = await startServer(config, pino({ level: "silent" }), { print: () => {} });
  return {
    url: `http://127.0.0.1:${port}`,
    /** The demo users' password, as the template's first start showed it. */
    demoPassword: template.demoPassword,
    stop: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
