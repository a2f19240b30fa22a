/**
 * The page residents open from a community's QR code (/s/{token}): server-rendered, small, no login,
 * with a fresh signed single-use ticket and a hash-based Content-Security-Policy.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { compress } from "hono/compress";
import { DomainError } from "../domain/errors.ts";
import { issueTicket, publicSurvey, surveySecret } from "../services/index.ts";
import { esc, PUBLIC_PAGE_CSP, renderPublicSurveyPage } from "../surveys-public/public-page.ts";
import type { AppDeps, AppEnv } from "./env.ts";
import { deviceOf } from "./routes/surveys/public-surveys.ts";

const TOKEN = /^[A-Za-z0-9_-]{8,40}$/;

export function mountSurveyPages(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const db = deps.database.db;
  const secure = deps.secureCookies ?? false;
  app.use("/s/*", compress());
  app.get("/s/:token", async (c) => {
    const token = c.req.param("token");
    const locale = c.get("locale");
    c.header("Cache-Control", "no-store");
    // The page's inline script and style run by their hashes; nothing else runs or loads.
    c.header("Content-Security-Policy", PUBLIC_PAGE_CSP);
    const missing = () =>
      c.html(
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Jixiao</title></head><body><p>${esc(new DomainError("survey.link_not_found").messageIn(locale))}</p></body></html>`,
        404,
      );
    if (!TOKEN.test(token)) return missing();
    const device = await deviceOf(c, db, secure);
    let found: Awaited<ReturnType<typeof publicSurvey>>;
    try {
      found = await publicSurvey(db, token, device.known ? device.id : null);
    } catch (err) {
      if (err instanceof DomainError && err.code === "survey.link_not_found") return missing();
      throw err;
    }
    const key = await surveySecret(db);
    return c.html(
      renderPublicSurveyPage({
        token,
        title: found.title,
        communityName: found.communityName,
        questionnaire: found.questionnaire,
        status: found.status,
        needsAccessCode: found.needsAccessCode,
        answered: found.answered,
        another: found.sharedDevices,
        ticket: issueTicket(key, token, new Date()),
        locale,
      }),
    );
  });
}
