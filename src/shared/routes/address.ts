/**
 * A route's method and path without its schemas: what the web sends, typed as the whole
 * definition.
 */
import type { RouteConfig } from "@hono/zod-openapi";

export interface RouteAddress<R extends RouteConfig> {
  readonly method: R["method"];
  readonly path: R["path"];
  /** Never set: carries the definition's type (params, query, body, answers) to the client. */
  readonly definition?: R;
}

/** The address of route R; its method and path must be R's own, or it does not compile. */
export const address = <R extends RouteConfig>(
  method: R["method"],
  path: R["path"],
): RouteAddress<R> => ({ method, path });
