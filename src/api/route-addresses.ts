/** The source of src/shared/routes/addresses.ts, written from the route definitions: `npm run docs:api`. */
import type { RouteConfig } from "@hono/zod-openapi";
import * as definitions from "../shared/routes/index.ts";

function isRoute(value: unknown): value is RouteConfig {
  return (
    typeof value === "object" &&
    value !== null &&
    "method" in value &&
    typeof value.method === "string" &&
    "path" in value &&
    typeof value.path === "string" &&
    "responses" in value
  );
}

/** Every route definition of src/shared/routes by its exported name, in the order of the exports. */
export function routeDefinitions(): [name: string, route: RouteConfig][] {
  const exported: [string, unknown][] = Object.entries(definitions);
  return exported.flatMap(([name, value]): [string, RouteConfig][] =>
    name.endsWith("Route") && isRoute(value) ? [[name, value]] : [],
  );
}

export const ADDRESSES_HEADER = [
  "/** The address (method, path) of every API route, for the web client: no schema is bundled. */",
  "// Generated from src/shared/routes by `npm run docs:api`; src/api/api-contract.test.ts checks it.",
  'import { address } from "./address.ts";',
  'import type * as d from "./index.ts";',
].join("\n");

export function routeAddressesSource(): string {
  const lines = routeDefinitions()
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, route]) => {
      const head = `export const ${name} = address<typeof d.${name}>(`;
      const args = [JSON.stringify(route.method), JSON.stringify(route.path)];
      const line = `${head}${args.join(", ")});`;
      // As Biome prints it, so that the generated file passes the formatter.
      return line.length <= 100 ? line : `${head}\n${args.map((a) => `  ${a},\n`).join("")});`;
    });
  return `${ADDRESSES_HEADER}\n\n${lines.join("\n")}\n`;
}
