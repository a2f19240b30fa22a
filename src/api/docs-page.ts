/** The browsable API page: Swagger UI served from the swagger-ui-dist package, no CDN. */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "./env.ts";

const ASSETS = new Map([
  ["swagger-ui.css", "text/css; charset=utf-8"],
  ["swagger-ui-bundle.js", "text/javascript; charset=utf-8"],
]);

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>绩效 Jixiao API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#ui" });`;

export function mountDocs(app: Hono<AppEnv>) {
  const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  app.get("/api/docs", (c) => c.html(PAGE));
  app.get("/api/docs/init.js", (c) => c.body(INIT, 200, { "content-type": "text/javascript" }));
  app.get("/api/docs/:asset", async (c) => {
    const asset = c.req.param("asset");
    const type = ASSETS.get(asset);
    if (!type) return c.notFound();
    const content = await readFile(join(dist, asset));
    return c.body(content, 200, { "content-type": type, "cache-control": "max-age=86400" });
  });
}
