/** The OpenAPI document of the API: the one the server serves at /api/openapi.json, without a server. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { routeDefinitions } from "./route-addresses.ts";

/** What the document says about itself. */
export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "绩效 Jixiao API",
    version: "0.1.0",
    description:
      "老旧小区改造资金绩效评价 / performance evaluation of old-community renovation funds",
  },
};

/**
 * The document of every route definition in src/shared/routes, in the order of their names, for the
 * server and the generated docs alike: the first route to use a shape decides how it is written (in
 * the route table's order, Rectification was met nullable first and declared nullable for all).
 */
export function openApiDocument() {
  const app = new OpenAPIHono();
  for (const [, route] of routeDefinitions()) app.openAPIRegistry.registerPath(route);
  return app.getOpenAPI31Document(OPENAPI_CONFIG);
}
