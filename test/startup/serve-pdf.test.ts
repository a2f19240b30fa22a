/** `jixiao serve` keeps one Chromium for PDFs: a stop by SIGTERM closes it with every process it started. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { killAll, startServe } from "./serve-process.ts";

const PASSWORD = "Serve-Pdf-Passw0rd!";
const START_MS = 120_000;

afterAll(killAll);

/** Live processes and their parents, from /proc. */
function processes(): Map<number, { ppid: number; name: string; args: string }> {
  const found = new Map<number, { ppid: number; name: string; args: string }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const [state, ppid] = stat.slice(close + 2).split(" ");
      if (state === "Z") continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      found.set(Number(entry), {
        ppid: Number(ppid),
        name: stat.slice(stat.indexOf("(") + 1, close),
        args,
      });
    } catch {
      // Ended while we looked.
    }
  }
  return found;
}

/** Every process below `pid`. */
function below(pid: number): number[] {
  const all = processes();
  const out: number[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const next = [...all].filter(([, p]) => frontier.includes(p.ppid)).map(([child]) => child);
    out.push(...next);
    frontier = next;
  }
  return out;
}

it(
  "starts Chromium for the first PDF, keeps it for the second, and SIGTERM leaves none of its processes",
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jixiao-serve-pdf-"));
    try {
      // With the demo data (the default): its first sheet is there to print.
      const serve = await startServe({ JIXIAO_DATA_DIR: dataDir, JIXIAO_ADMIN_PASSWORD: PASSWORD });
      const login = await fetch(`${serve.baseUrl}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "admin", password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const pdf = async () => {
        const res = await fetch(`${serve.baseUrl}/api/evaluation-sheets/1/report?format=pdf`, {
          headers: { cookie },
        });
        expect(res.status).toBe(200);
        return new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(0, 5));
      };
      const servePid = serve.pid;
      expect(servePid).toBeGreaterThan(0);
      expect(below(servePid)).toEqual([]);
      expect(await pdf()).toBe("%PDF-");
      const browsers = below(servePid);
      expect(browsers.length).toBeGreaterThan(0);
      expect(await pdf()).toBe("%PDF-");
      // The same browser printed the second one.
      const main = browsers.filter((pid) => processes().get(pid)?.ppid === servePid);
      expect(below(servePid).filter((pid) => processes().get(pid)?.ppid === servePid)).toEqual(
        main,
      );
      expect(await serve.stop("SIGTERM", 10_000)).toEqual({ code: 0, signal: null });
      const left = processes();
      expect(browsers.filter((pid) => left.has(pid))).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  START_MS,
);
