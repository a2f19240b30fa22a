/**
 * The residents' phones of bench/survey-load, in a process of their own: it sends every request it is
 * given at once (each from its loopback address) and answers the statuses, bodies and times, so that
 * the server's process spends its CPU on the server alone, as it would with real phones.
 */
import { fork } from "node:child_process";
import { setMaxListeners } from "node:events";
import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";

export interface PhoneRequest {
  url: string;
  /** A JSON body to POST; null for a GET. */
  body: string | null;
  localAddress: string;
}

export interface PhoneResult {
  /** The HTTP status, or 0 when no answer came (time limit, connection failed). */
  status: number;
  text: string;
  ms: number;
}

function send(r: PhoneRequest, signal: AbortSignal): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      r.url,
      {
        method: r.body === null ? "GET" : "POST",
        localAddress: r.localAddress,
        signal,
        headers: {
          "accept-language": "zh-CN",
          ...(r.body !== null && {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(r.body),
          }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(r.body ?? undefined);
  });
}

async function sendAll(requests: PhoneRequest[], timeLimitMs: number) {
  const signal = AbortSignal.timeout(timeLimitMs);
  // Every request listens to the one time limit.
  setMaxListeners(requests.length + 10, signal);
  const start = performance.now();
  const results = await Promise.all(
    requests.map(async (r): Promise<PhoneResult> => {
      const sent = performance.now();
      try {
        const res = await send(r, signal);
        return { ...res, ms: performance.now() - sent };
      } catch {
        return { status: 0, text: "", ms: performance.now() - sent };
      }
    }),
  );
  return { results, wallMs: performance.now() - start };
}

/** Sends the requests all at once from a child process; its results and the wall time of all. */
export function phones(
  requests: PhoneRequest[],
  timeLimitMs: number,
): Promise<{ results: PhoneResult[]; wallMs: number }> {
  const child = fork(fileURLToPath(import.meta.url), ["--phones"], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the phones' process ended (${code})`)));
    child.once("message", (message) => {
      resolve(message as { results: PhoneResult[]; wallMs: number });
      child.kill();
    });
    child.send({ requests, timeLimitMs });
  });
}

if (process.argv.includes("--phones") && process.send) {
  process.once("message", async (message) => {
    const { requests, timeLimitMs } = message as { requests: PhoneRequest[]; timeLimitMs: number };
    process.send?.(await sendAll(requests, timeLimitMs));
  });
}
