/**
 * bench/survey-load: 500 residents answering one collection point at the same moment, over HTTP on
 * loopback (a real Jixiao server, each answer from its own device, the phones in a process of their
 * own: bench/survey-phones.ts), on PGlite and on the PostgreSQL server. Each answer carries its own single-use page ticket (fetched, as each phone opens the page,
 * before the clock starts). Checks that every acknowledged answer is stored exactly once and nothing
 * else is; reports throughput and latency, beside a floor measured on the same server just before:
 * as many GET /api/health at once from the same addresses (HTTP and the app's middleware, no write).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { z } from "zod";
import type { Config } from "../src/config.ts";
import type { DbTarget } from "../src/db/index.ts";
import { ASPECTS } from "../src/domain/surveys/test-questionnaires.ts";
import { startServer } from "../src/server.ts";
import {
  PublicAnswerReceipt,
  PublicTicket,
  SurveyDetail,
  SurveyResponseItem,
  SurveyResponsePage,
} from "../src/shared/survey-schemas.ts";
import { admin, BenchClient, freePort, SERVER } from "./shared.ts";
import { phones } from "./survey-phones.ts";

export const SURVEY_ANSWERS = 500;
/** The goals of issue 20: answers per second, and the server's p99. */
export const SURVEY_GOALS = { serverPerSecond: 500, serverP99Ms: 500, pglitePerSecond: 200 };
const TIME_LIMIT_MS = 60_000;
const PASSWORD = "Bench-Passw0rd!";
/** 杭州市 organises; the collection point lies in 西湖区. */
const CITY = "330100";
const COUNTY = "330106";
const COMMUNITY = "基准测试小区";

export interface SurveyLoadRun {
  database: string;
  sent: number;
  acknowledged: number;
  /** Answers refused with an HTTP status, by status. */
  refused: Record<string, number>;
  /** No answer within the time limit, or the connection failed. */
  failed: number;
  wallMs: number;
  answersPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The floor: /api/health requests per second, as many at once, same server, same run. */
  floorPerSecond: number;
  /** The server process's CPU time (user + system) per answer: the app, and PGlite when it is the database. */
  cpuMsPerAnswer: number;
  stored: number;
  /** What the verification found wrong; empty when every check held. */
  problems: string[];
}

/** The nearest-rank percentile of the values (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}

const SCALE = [
  "very-satisfied",
  "satisfied",
  "basically-satisfied",
  "dissatisfied",
  "very-dissatisfied",
] as const;
const AGES = ["under-30", "30-44", "45-59", "60-74", "75-plus"] as const;
const TENURES = ["owner", "tenant", "other"] as const;
const cycle = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/**
 * The standard questionnaire answered by resident `i`: its required questions, the aspects varied,
 * the follow-up when the overall rating is poor, and a tag in 楼栋 that finds the stored answer again.
 */
export function benchAnswer(i: number, version: number, ticket: string) {
  const overall = cycle(SCALE, i);
  const answers: Record<string, string | string[]> = {
    community: COMMUNITY,
    building: tagOf(i),
    "age-band": cycle(AGES, i),
    tenure: cycle(TENURES, i),
    overall,
    ...Object.fromEntries(ASPECTS.map((key, k) => [key, cycle(SCALE, i + k)])),
    improve: [cycle(ASPECTS, i)],
  };
  if (overall === "dissatisfied" || overall === "very-dissatisfied")
    answers["overall-reason"] = "施工期间噪音大";
  return {
    questionnaireVersion: version,
    answers,
    honeypot: "",
    ticket,
  };
}

const tagOf = (i: number) => `bench-${i}`;

/** One Jixiao on loopback over the database, set up with an open survey; its public token. */
async function prepare(base: string) {
  const client = new BenchClient(base, PASSWORD);
  await client.signIn();
  const { id } = z.object({ id: z.number() }).parse(
    await client.call("POST", "/api/surveys", 201, {
      regionCode: CITY,
      year: 2024,
      title: "基准测试：老旧小区改造居民满意度调查",
      template: "old-community-satisfaction",
    }),
  );
  const created = SurveyDetail.parse(await client.call("GET", `/api/surveys/${id}`, 200));
  await client.call("PUT", `/api/surveys/${id}`, 200, {
    settings: { ...created.settings, ratePerHour: 100_000, minSeconds: 0 },
  });
  await client.call("POST", `/api/surveys/${id}/communities`, 201, {
    regionCode: COUNTY,
    name: COMMUNITY,
  });
  await client.call("POST", `/api/surveys/${id}/actions`, 200, { action: "publish" });
  const open = SurveyDetail.parse(await client.call("GET", `/api/surveys/${id}`, 200));
  const token = open.communities[0]?.token;
  if (open.status !== "open" || open.publishedVersion === null || !token)
    throw new Error(`the survey did not open: ${open.status}, ${open.communities.length} points`);
  return { client, id, token, version: open.publishedVersion };
}

const StoredItem = SurveyResponseItem;

/** Every stored answer of the survey, page by page. */
async function storedAnswers(client: BenchClient, id: number) {
  const items: z.infer<typeof StoredItem>[] = [];
  for (let page = 1; ; page += 1) {
    const got = SurveyResponsePage.extend({ items: z.array(StoredItem) }).parse(
      await client.call("GET", `/api/surveys/${id}/responses?page=${page}&pageSize=200`, 200),
    );
    items.push(...got.items);
    if (got.items.length === 0 || items.length >= got.total) return items;
  }
}

/**
 * Residents answer from many networks: the answers leave from 100 loopback addresses (127.0.1.0 to
 * 127.0.1.99; Linux answers the whole of 127/8), five each, so the per-address limit and its lock
 * see what a real collection point sees rather than one address for everybody.
 */
const ADDRESSES = 100;
const addressOf = (i: number) => `127.0.1.${i % ADDRESSES}`;

interface Outcome {
  tag: string;
  ms: number;
  status: number | "failed";
  receipt?: string;
}

/** One page ticket per answer, 50 requests at a time. */
async function fetchTickets(base: string, token: string, n: number): Promise<string[]> {
  const tickets: string[] = [];
  while (tickets.length < n) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - tickets.length) }, async () => {
        const res = await fetch(`${base}/api/public/surveys/${token}/ticket`);
        if (res.status !== 200) throw new Error(`ticket: HTTP ${res.status} ${await res.text()}`);
        return PublicTicket.parse(await res.json()).ticket;
      }),
    );
    tickets.push(...batch);
  }
  return tickets;
}

/** Requests per second of `SURVEY_ANSWERS` GET /api/health at once, from the same addresses. */
async function floor(base: string): Promise<number> {
  const { results, wallMs } = await phones(
    Array.from({ length: SURVEY_ANSWERS }, (_, i) => ({
      url: `${base}/api/health`,
      body: null,
      localAddress: addressOf(i),
    })),
    TIME_LIMIT_MS,
  );
  return results.filter((r) => r.status === 200).length / (wallMs / 1000);
}

async function load(base: string, database: string): Promise<SurveyLoadRun> {
  const { client, id, token, version } = await prepare(base);
  const tickets = await fetchTickets(base, token, SURVEY_ANSWERS);
  const floorPerSecond = await floor(base);
  const url = `${base}/api/public/surveys/${token}/answers`;
  // Each without a cookie: a new device each, so none is a repeat of another.
  const requests = Array.from({ length: SURVEY_ANSWERS }, (_, i) => ({
    url,
    body: JSON.stringify(benchAnswer(i, version, tickets[i] ?? "")),
    localAddress: addressOf(i),
  }));
  const cpu = process.cpuUsage();
  // All at once, from the phones' process.
  const sent = await phones(requests, TIME_LIMIT_MS);
  const outcomes = sent.results.map((res, i): Outcome => {
    const tag = tagOf(i);
    if (res.status === 0) return { tag, ms: res.ms, status: "failed" };
    if (res.status !== 201) return { tag, ms: res.ms, status: res.status };
    return {
      tag,
      ms: res.ms,
      status: 201,
      receipt: PublicAnswerReceipt.parse(JSON.parse(res.text)).receipt,
    };
  });
  const wallMs = sent.wallMs;
  const used = process.cpuUsage(cpu);

  const acknowledged = outcomes.filter((o) => o.status === 201);
  const refused: Record<string, number> = {};
  for (const o of outcomes)
    if (typeof o.status === "number" && o.status !== 201)
      refused[o.status] = (refused[o.status] ?? 0) + 1;
  const failed = outcomes.filter((o) => o.status === "failed").length;

  const problems: string[] = [];
  const stored = await storedAnswers(client, id);
  const byTag = new Map<string, z.infer<typeof StoredItem>[]>();
  for (const item of stored) {
    const tag = item.answers.building;
    const key = typeof tag === "string" ? tag : "(none)";
    byTag.set(key, [...(byTag.get(key) ?? []), item]);
  }
  const receipts = new Set(acknowledged.map((o) => o.receipt));
  if (receipts.size !== acknowledged.length)
    problems.push(`${acknowledged.length - receipts.size} receipts given twice`);
  const missing = acknowledged.filter((o) => (byTag.get(o.tag) ?? []).length === 0);
  const twice = acknowledged.filter((o) => (byTag.get(o.tag) ?? []).length > 1);
  const ackTags = new Set(acknowledged.map((o) => o.tag));
  const unacknowledged = stored.filter((item) => !ackTags.has(String(item.answers.building)));
  if (missing.length > 0) problems.push(`${missing.length} acknowledged answers not stored`);
  if (twice.length > 0) problems.push(`${twice.length} acknowledged answers stored more than once`);
  if (unacknowledged.length > 0)
    problems.push(`${unacknowledged.length} answers stored without acknowledgement`);
  // The list carries receipts only if the API adds them; then each must be the one acknowledged.
  const wrongReceipt = acknowledged.filter((o) => {
    const item = byTag.get(o.tag)?.[0];
    return item?.receipt !== undefined && item.receipt !== o.receipt;
  });
  if (wrongReceipt.length > 0)
    problems.push(`${wrongReceipt.length} stored answers carry another receipt`);
  const flagged = stored.filter((item) => item.reasons.some((r) => r.code === "duplicate"));
  if (flagged.length > 0) problems.push(`${flagged.length} answers flagged as duplicates`);

  const ms = acknowledged.map((o) => o.ms);
  return {
    database,
    sent: SURVEY_ANSWERS,
    acknowledged: acknowledged.length,
    refused,
    failed,
    wallMs,
    answersPerSecond: acknowledged.length / (wallMs / 1000),
    p50Ms: percentile(ms, 50),
    p99Ms: percentile(ms, 99),
    floorPerSecond,
    cpuMsPerAnswer: (used.user + used.system) / 1000 / SURVEY_ANSWERS,
    stored: stored.length,
    problems,
  };
}

/** Starts Jixiao on loopback over the database, runs the load, stops it. */
async function runOn(db: DbTarget, dataDir: string, name: string): Promise<SurveyLoadRun> {
  const port = await freePort();
  const config: Config = {
    port,
    host: "127.0.0.1",
    dataDir,
    evidenceDir: join(dataDir, "evidence"),
    chromiumPath: process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium",
    reportConcurrency: 2,
    reportQueuePerUser: 5,
    db,
    adminPassword: PASSWORD,
    secureCookies: false,
    publicUrl: undefined,
    logLevel: "silent",
  };
  const running = await startServer(config, pino({ level: "silent" }), {
    demo: false,
    print: () => {},
  });
  try {
    return await load(`http://127.0.0.1:${port}`, name);
  } finally {
    await running.stop();
  }
}

async function serverReachable(): Promise<boolean> {
  try {
    await admin("select 1");
    return true;
  } catch {
    return false;
  }
}

export async function runSurveyLoadBenchmark(): Promise<SurveyLoadRun[]> {
  const runs: SurveyLoadRun[] = [];
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-"));
  try {
    runs.push(await runOn({ kind: "pglite", dataDir: join(dir, "pglite") }, dir, "PGlite"));
    if (await serverReachable()) {
      const dbName = `jixiao_bench_${randomBytes(5).toString("hex")}`;
      await admin(`create database ${dbName}`);
      try {
        runs.push(
          await runOn({ kind: "postgres", url: `${SERVER}/${dbName}` }, dir, "PostgreSQL server"),
        );
      } finally {
        await admin(`drop database if exists ${dbName} with (force)`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

/** Whether a run meets its database's goal (throughput, and p99 on the server). */
export function surveyGoalMet(r: SurveyLoadRun): boolean {
  if (r.database === "PGlite") return r.answersPerSecond >= SURVEY_GOALS.pglitePerSecond;
  return r.answersPerSecond >= SURVEY_GOALS.serverPerSecond && r.p99Ms < SURVEY_GOALS.serverP99Ms;
}

export function describeSurveyLoad(runs: readonly SurveyLoadRun[]): string {
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  const lines = [
    `bench/survey-load: ${SURVEY_ANSWERS} answers posted at once to one collection point (loopback, one device each, ${ADDRESSES} addresses)`,
    `  ${"database".padEnd(18)} ${pad("stored/ack", 11)} ${pad("refused", 8)} ${pad("failed", 7)} ${pad("answers/s", 10)} ${pad("p50 ms", 7)} ${pad("p99 ms", 7)} ${pad("all ms", 7)} ${pad("floor/s", 8)} ${pad("÷ floor", 8)} ${pad("cpu ms", 7)}  verified`,
  ];
  for (const r of runs) {
    const refused = Object.values(r.refused).reduce((a, b) => a + b, 0);
    lines.push(
      `  ${r.database.padEnd(18)} ${pad(`${r.stored}/${r.acknowledged}`, 11)} ${pad(refused, 8)} ${pad(r.failed, 7)} ` +
        `${pad(Math.round(r.answersPerSecond), 10)} ${pad(Math.round(r.p50Ms), 7)} ${pad(Math.round(r.p99Ms), 7)} ` +
        `${pad(Math.round(r.wallMs), 7)} ${pad(Math.round(r.floorPerSecond), 8)} ${pad(`${(r.answersPerSecond / r.floorPerSecond).toFixed(2)}×`, 8)} ${pad(r.cpuMsPerAnswer.toFixed(1), 7)}  ` +
        `${r.problems.length === 0 ? "yes" : `NO: ${r.problems.join("; ")}`}`,
    );
    if (refused > 0) lines.push(`    refused by status: ${JSON.stringify(r.refused)}`);
  }
  if (!runs.some((r) => r.database !== "PGlite"))
    lines.push(`  (no PostgreSQL server at ${SERVER}: PGlite only)`);
  const goal = (r: SurveyLoadRun) =>
    `${r.database} ${surveyGoalMet(r) && r.problems.length === 0 ? "met" : "NOT met"}`;
  lines.push(
    `  floor: as many GET /api/health at once, same server, just before (HTTP and middleware, no write); cpu ms: the server process's CPU per answer (the app, and PGlite when it is the database); the phones post from a process of their own`,
    `  goal: server ≥ ${SURVEY_GOALS.serverPerSecond}/s with p99 < ${SURVEY_GOALS.serverP99Ms} ms, PGlite ≥ ${SURVEY_GOALS.pglitePerSecond}/s, every receipt stored once — ${runs.map(goal).join(", ")}`,
  );
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = await runSurveyLoadBenchmark();
  console.log(describeSurveyLoad(runs));
  const ok = runs.every((r) => r.problems.length === 0 && r.acknowledged === r.sent);
  if (!ok) process.exitCode = 1;
}
