// Two app nodes on one PostgreSQL database behind a round-robin proxy behave as one: a session and
// its CSRF token made on one node work on the other, sign-in throttling counts the failures of both,
// a survey ticket issued by one is taken once by the other, evidence uploaded on one downloads from
// the other with the same SHA-256, and a report job started on one is downloaded from the other.
// Only the server database: PGlite is one process's own.
import { createHash } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportJobs, storedFiles } from "../../src/db/schema.ts";
import {
  actOnSurvey,
  addSurveyCommunity,
  createSurvey,
  systemContext,
} from "../../src/services/index.ts";
import { addUser } from "../helpers/fixtures.ts";
import {
  countySheet,
  HttpClient,
  type Node,
  type RoundRobinProxy,
  roundRobinProxy,
  serverDatabase,
  startNode,
  until,
} from "./nodes.ts";

const system = systemContext("test");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
/** A PNG header and 200 KB after it: four parts of 64 KB in the database store. */
const PHOTO = (() => {
  const bytes = new Uint8Array(200_000);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  for (let i = 12; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
  return bytes;
})();

const answerWith = (ticket: string, extra: Record<string, unknown> = {}) => ({
  questionnaireVersion: 1,
  answers: {
    building: "1幢",
    "age-band": "60-74",
    tenure: "owner",
    overall: "satisfied",
    infrastructure: "satisfied",
    "facade-roof": "very-satisfied",
    "elevator-ageing": "basically-satisfied",
    environment: "satisfied",
    "parking-charging": "dissatisfied",
    construction: "satisfied",
    consultation: "satisfied",
    management: "basically-satisfied",
    improve: ["management"],
  },
  startedAt: new Date(Date.now() - 600_000).toISOString(),
  submittedAt: new Date().toISOString(),
  ticket,
  ...extra,
});

describe("two app nodes on one PostgreSQL behind a round-robin proxy", () => {
  let database: Awaited<ReturnType<typeof serverDatabase>>;
  let a: Node;
  let b: Node;
  let proxy: RoundRobinProxy;
  let sheetId: number;
  let surveyToken: string;
  let codedToken: string;

  beforeAll(async () => {
    database = await serverDatabase();
    a = await startNode("A", database.url);
    b = await startNode("B", database.url);
    proxy = await roundRobinProxy([a, b]);
    const db = a.database;
    await addUser(db, "zmd.fin", "finance", "411700");
    await addUser(db, "yc.impl", "implementer", "411702");
    await addUser(db, "yc.locked", "implementer", "411702");
    sheetId = await countySheet(db, "zmd.fin");
    const { id: surveyId } = await createSurvey(db.db, system, {
      regionCode: "411700",
      year: 2020,
      title: "驻马店市老旧小区改造满意度调查",
      template: "old-community-satisfaction",
    });
    surveyToken = (
      await addSurveyCommunity(db.db, system, surveyId, {
        regionCode: "411702",
        name: "纺织厂家属院",
      })
    ).token;
    codedToken = (
      await addSurveyCommunity(db.db, system, surveyId, {
        regionCode: "411702",
        name: "铁路小区",
        accessCode: "TL2020",
      })
    ).token;
    await actOnSurvey(db.db, system, surveyId, "publish");
  });

  afterAll(async () => {
    await proxy?.close();
    await Promise.all([a?.close(), b?.close()]);
    await database?.drop();
  });

  it("a session and CSRF token made on node A work on node B, and through the proxy on both", async () => {
    const onA = new HttpClient(a.url);
    expect((await onA.login("yc.impl")).status).toBe(200);
    const onB = new HttpClient(b.url);
    for (const [k, v] of onA.cookies) onB.cookies.set(k, v);
    onB.csrfToken = onA.csrfToken;
    const me = await onB.request("GET", "/api/auth/session");
    expect(me.status).toBe(200);
    expect(me.json.user.username).toBe("yc.impl");
    // An unsafe request on B needs the CSRF token A gave: without it B refuses.
    const noToken = new HttpClient(b.url);
    for (const [k, v] of onA.cookies) noToken.cookies.set(k, v);
    const refused = await noToken.request("POST", "/api/auth/logout");
    expect(refused.status).toBe(403);
    // With it, B signs out the session A made: A no longer knows it.
    expect((await onB.request("POST", "/api/auth/logout")).status).toBe(204);
    expect((await onA.request("GET", "/api/auth/session")).status).toBe(401);

    const viaProxy = new HttpClient(proxy.url);
    expect((await viaProxy.login("zmd.fin")).status).toBe(200);
    const seen = new Set<string | null>();
    for (let i = 0; i < 4; i++) {
      const res = await viaProxy.request("GET", "/api/auth/session");
      expect(res.status).toBe(200);
      expect(res.json.user.username).toBe("zmd.fin");
      seen.add(res.servedBy);
    }
    expect([...seen].sort()).toEqual(["A", "B"]);
    // Signed out on one node: the other no longer knows the session either.
    const out = await viaProxy.request("POST", "/api/auth/logout");
    expect(out.status).toBe(204);
    const after = await viaProxy.request("GET", "/api/auth/session");
    expect(after.status).toBe(401);
    expect(after.servedBy).not.toBe(out.servedBy);
  });

  it("counts failed sign-ins on both nodes towards one lock", async () => {
    const client = new HttpClient(proxy.url);
    const nodes: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.login("yc.locked", "wrong-Passw0rd!");
      expect(res.status).toBe(401);
      nodes.push(res.servedBy);
    }
    expect(new Set(nodes)).toEqual(new Set(["A", "B"]));
    // The right password now: refused on whichever node, as the five failures were counted together.
    for (const node of [a, b]) {
      const res = await new HttpClient(node.url).login("yc.locked");
      expect(res.status).toBe(423);
      expect(res.json.error.code).toBe("auth.locked");
    }
  });

  it("a survey ticket issued on node A is taken once on node B, and refused after on either", async () => {
    const phone = new HttpClient(a.url);
    const page = await phone.request("GET", `/api/public/surveys/${surveyToken}/ticket`);
    expect(page.status).toBe(200);
    const ticket = page.json.ticket as string;
    const answer = () => answerWith(ticket);
    phone.base = b.url;
    const first = await phone.request("POST", `/api/public/surveys/${surveyToken}/answers`, {
      body: answer(),
    });
    expect(first.status).toBe(201);
    expect(first.json.receipt).toMatch(/^[A-Z0-9X]{8}$/);
    for (const node of [a, b]) {
      phone.base = node.url;
      const replay = await phone.request("POST", `/api/public/surveys/${surveyToken}/answers`, {
        body: answer(),
      });
      expect(replay.status).toBe(409);
      expect(replay.json.error.code).toBe("survey.ticket_used");
    }
  });

  it("counts wrong survey access codes on both nodes towards one limit, the right code then refused too", async () => {
    const phone = new HttpClient(proxy.url);
    const issued = await phone.request("GET", `/api/public/surveys/${codedToken}/ticket`);
    expect(issued.status).toBe(200);
    const ticket = issued.json.ticket as string;
    const nodes = new Set<string | null>();
    for (let i = 0; i < 10; i++) {
      const res = await phone.request("POST", `/api/public/surveys/${codedToken}/answers`, {
        body: answerWith(ticket, { accessCode: `G${i}` }),
      });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("survey.access_code");
      nodes.add(res.servedBy);
    }
    expect(nodes).toEqual(new Set(["A", "B"]));
    for (const node of [a, b]) {
      phone.base = node.url;
      const res = await phone.request("POST", `/api/public/surveys/${codedToken}/answers`, {
        body: answerWith(ticket, { accessCode: "TL2020" }),
      });
      expect(res.status).toBe(429);
      expect(res.json.error.code).toBe("survey.access_code_throttled");
    }
  });

  it("evidence uploaded on node A downloads from node B with the same SHA-256, kept once in parts", async () => {
    const onA = new HttpClient(a.url);
    expect((await onA.login("yc.impl")).status).toBe(200);
    const form = new FormData();
    form.set("file", new File([PHOTO], "现场照片.png"));
    form.set("indicatorCode", "C.1");
    const uploaded = await onA.request("POST", `/api/evaluation-sheets/${sheetId}/evidence`, {
      form,
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.json.sha256).toBe(sha256(PHOTO));
    const onB = new HttpClient(b.url);
    for (const [k, v] of onA.cookies) onB.cookies.set(k, v);
    const down = await onB.request("GET", `/api/evidence/${uploaded.json.id}`);
    expect(down.status).toBe(200);
    expect(down.bytes.length).toBe(PHOTO.length);
    expect(sha256(down.bytes)).toBe(sha256(PHOTO));
    const [parts] = await b.database.db
      .select({ n: count() })
      .from(storedFiles)
      .where(eq(storedFiles.sha256, sha256(PHOTO)));
    expect(Number(parts?.n)).toBe(4);
  });

  it("a report job started on node A is downloaded from node B, its file in the database", async () => {
    const onA = new HttpClient(a.url);
    expect((await onA.login("zmd.fin")).status).toBe(200);
    const started = await onA.request("POST", "/api/report-jobs", {
      body: { subject: "sheet", sheetId, template: "score-table", format: "docx" },
    });
    expect(started.status).toBe(202);
    const id = started.json.id as number;
    const onB = new HttpClient(b.url);
    for (const [k, v] of onA.cookies) onB.cookies.set(k, v);
    const done = await until("the job to finish", async () => {
      const res = await onB.request("GET", `/api/report-jobs/${id}`);
      return res.json.status === "done" || res.json.status === "failed" ? res.json : null;
    });
    expect(done).toMatchObject({ status: "done", error: null });
    const file = await onB.request("GET", `/api/report-jobs/${id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("wordprocessingml");
    expect(file.bytes.length).toBe(done.size);
    // A .docx is a zip: it starts with PK.
    expect([...file.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const [row] = await a.database.db
      .select({
        sha: reportJobs.fileSha256,
        bytes: reportJobs.bytes,
        attempts: reportJobs.attempts,
      })
      .from(reportJobs)
      .where(eq(reportJobs.id, id));
    expect(row).toEqual({ sha: sha256(file.bytes), bytes: null, attempts: 1 });
  });
});
