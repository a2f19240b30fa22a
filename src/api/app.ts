/** Builds the Hono app: middleware, the route table, OpenAPI, docs and the web app. */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { z } from "zod";
import { connectionErrorReason, databaseUnavailable } from "../db/index.ts";
import { DomainError, type Locale } from "../domain/errors.ts";
import { EVIDENCE_MAX_BYTES } from "../domain/evidence.ts";
import { clientAddresses } from "./client-address.ts";
import { mountDocs } from "./docs-page.ts";
import type { AppDeps, AppEnv } from "./env.ts";
import { clientFaultOf, errorResponse, internalErrorBody } from "./errors.ts";
import { access } from "./middleware/access.ts";
import { locale } from "./middleware/locale.ts";
import { requestLog } from "./middleware/request-log.ts";
import { session } from "./middleware/session.ts";
import { textGuard } from "./middleware/text-guard.ts";
import { openApiDocument } from "./openapi-document.ts";
import type { RouteDef } from "./route-table.ts";
import { routeTable } from "./routes/index.ts";
import { mountSurveyPages } from "./survey-page.ts";

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Uploads of data files: a national year of community projects is about 10 MB. */
export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;
/** Uploads: data files, and evidence files (refused above 20 MB by the evidence check, with its message). */
const UPLOAD_PATH = /^\/api\/(datasets\/[^/]+\/imports|evaluation-sheets\/\d+\/evidence)$/;
const EVIDENCE_PATH = /^\/api\/evaluation-sheets\/\d+\/evidence$/;

const zodLocales = { "zh-CN": z.locales.zhCN().localeError, "en-US": z.locales.en().localeError };

/**
 * The shared schemas' own checks (refine) in both languages: zod's locales know only 无效输入 for
 * them. Keyed by the English message the schema gives; an unknown one is shown as written.
 */
const CUSTOM_MESSAGES: Record<string, Record<Locale, string>> = {
  "not a date": {
    "zh-CN": "不是有效的日期（YYYY-MM-DD，如 2025-06-30）",
    "en-US": "not a calendar date (YYYY-MM-DD, e.g. 2025-06-30)",
  },
  "positive 32-bit integers": {
    "zh-CN": "须为 1 至 2147483647 之间的整数",
    "en-US": "must be integers from 1 to 2147483647",
  },
  "frameworkCode or frameworkFile, exactly one": {
    "zh-CN": "须选择一个内置指标体系或上传一个指标体系文件（二者只能选一）",
    "en-US": "give exactly one of frameworkCode (a built-in framework) or frameworkFile",
  },
  "template, copyOf or questionnaire, exactly one": {
    "zh-CN": "须从标准问卷、已有调查或问卷文件中选择一个（只能选一）",
    "en-US": "give exactly one of template, copyOf or questionnaire",
  },
};

function issueMessage(issue: z.core.$ZodIssue, loc: Locale): string {
  if (issue.code === "custom") return CUSTOM_MESSAGES[issue.message]?.[loc] ?? issue.message;
  return (zodLocales[loc] as (i: unknown) => string | undefined)(issue) ?? issue.message;
}

export interface BuiltApp {
  app: OpenAPIHono<AppEnv>;
  routes: RouteDef[];
}

export function createApp(deps: AppDeps): BuiltApp {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const loc = c.get("locale");
      const issues = result.error.issues.map((issue) => ({
        field: issue.path.join("."),
        message: issueMessage(issue, loc),
      }));
      throw new DomainError("request.invalid", {}, { target: result.target, issues });
    },
  });

  app.use("*", requestId());
  app.use("*", clientAddresses(deps.trustProxy));
  app.use("*", locale);
  app.use("*", requestLog(deps.logger));
  app.use("*", secureHeaders());
  const jsonLimit = bodyLimit({
    maxSize: BODY_LIMIT_BYTES,
    onError: () => {
      throw new DomainError("request.too_large", { limit: "1 MB" });
    },
  });
  const uploadLimit = (limit: string) =>
    bodyLimit({
      maxSize: UPLOAD_LIMIT_BYTES,
      onError: () => {
        throw new DomainError("request.too_large", { limit });
      },
    });
  const dataUploadLimit = uploadLimit("50 MB");
  // Past the body limit the evidence check never runs: name the limit that applies to evidence.
  const evidenceUploadLimit = uploadLimit(`${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`);
  app.use("/api/*", (c, next) => {
    const path = c.req.path;
    if (!UPLOAD_PATH.test(path)) return jsonLimit(c, next);
    return (EVIDENCE_PATH.test(path) ? evidenceUploadLimit : dataUploadLimit)(c, next);
  });
  app.use("/api/*", session(deps.database.db));
  app.use("/api/*", textGuard());

  const routes = routeTable(deps);
  for (const def of routes) {
    const route = { ...def.route, middleware: [access(def.access)] } as RouteConfig;
    app.openapi(route, def.handler);
  }

  // The document of the route definitions, the one docs/api-contract.md is written from; built once.
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get("/api/openapi.json", (c) => {
    document ??= openApiDocument();
    return c.json(document);
  });
  mountDocs(app);

  app.onError((err, c) => {
    if (err instanceof DomainError) return errorResponse(c, err);
    // The database went away or cannot be reached: the client may try again, it is not a bug.
    const lost = connectionErrorReason(err);
    if (lost) {
      (c.get("log") ?? deps.logger).warn({ reason: lost }, "database unavailable");
      return errorResponse(c, databaseUnavailable());
    }
    const refused = clientFaultOf(err);
    if (refused) {
      // Answered as the client's fault, and logged: the check that should have caught it is missing.
      (c.get("log") ?? deps.logger).warn({ err }, "database refused the input");
      return errorResponse(c, refused);
    }
    if (err instanceof HTTPException && err.status === 400 && /JSON/i.test(err.message)) {
      return errorResponse(c, new DomainError("request.malformed_json"));
    }
    if (err instanceof HTTPException && err.status < 500) {
      return errorResponse(c, new DomainError("request.invalid", {}, { reason: err.message }));
    }
    (c.get("log") ?? deps.logger).error({ err }, "unhandled error");
    return c.json(internalErrorBody(c), 500);
  });

  app.all("/api/*", (c) => errorResponse(c, new DomainError("request.not_found")));
  mountSurveyPages(app, deps);
  if (deps.webDist && existsSync(deps.webDist)) mountWeb(app, deps.webDist);
  return { app, routes };
}

/**
 * The web app's Content-Security-Policy: scripts only from this server (the Vite build has no
 * inline script); styles may be inline because antd writes its CSS-in-JS into <style> elements and
 * React sets style attributes; the report preview is framed from /api; nothing from elsewhere.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

/** Serves the built web app, with index.html for client-side routes. */
function mountWeb(app: OpenAPIHono<AppEnv>, dist: string) {
  const root = relative(process.cwd(), dist) || ".";
  app.use("/*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", WEB_CSP);
  });
  app.use("/*", serveStatic({ root }));
  app.get("*", async (c) => c.html(await readFile(join(dist, "index.html"), "utf8")));
}
