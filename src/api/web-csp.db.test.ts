// The web app is served under a Content-Security-Policy: scripts from this server only, no inline
// script, styles inline for antd's CSS-in-JS; the index page of client-side routes and the built
// files carry it; the API, the docs and the public survey page keep their own headers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnPglite } from "../../test/helpers/databases.ts";
import { chromiumPdf } from "../render/pdf.ts";
import { folderEvidenceStore } from "../storage/evidence-store.ts";
import { createApp, WEB_CSP } from "./app.ts";

const INDEX = `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>绩效 Jixiao</title><script type="module" crossorigin src="/assets/index-test.js"></script></head><body><div id="root"></div></body></html>`;

describeOnPglite("the web app's Content-Security-Policy", (db) => {
  let dist: string;
  let app: ReturnType<typeof createApp>["app"];

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), "jixiao-web-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), INDEX);
    writeFileSync(join(dist, "assets", "index-test.js"), "console.log(1);\n");
    ({ app } = createApp({
      database: db(),
      evidence: folderEvidenceStore(join(dist, "evidence")),
      pdf: chromiumPdf("/usr/bin/chromium"),
      logger: pino({ level: "silent" }),
      webDist: dist,
    }));
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  const directives = (csp: string | null) =>
    new Map(
      (csp ?? "").split(";").map((d) => {
        const [name = "", ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );

  it("serves the index page of every client-side route and the built files under the policy", async () => {
    for (const path of ["/", "/surveys/12?tab=results", "/login", "/assets/index-test.js"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-security-policy"), path).toBe(WEB_CSP);
    }
    const policy = directives(WEB_CSP);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    // The page itself holds no inline script the policy would have to allow.
    const html = await (await app.request("/")).text();
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
  });

  it("leaves the API's answers and the public survey page with their own headers", async () => {
    const api = await app.request("/api/health");
    expect(api.headers.get("content-security-policy")).toBeNull();
    const missing = await app.request("/api/no-such-thing");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-security-policy")).toBeNull();
    const survey = await app.request("/s/NoSuchToken123");
    expect(survey.status).toBe(404);
    expect(survey.headers.get("content-security-policy")).toMatch(
      /^default-src 'none'; script-src 'sha256-/,
    );
  });
});
