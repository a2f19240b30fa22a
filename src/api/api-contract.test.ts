// docs/api-contract.md and the web's route addresses, each compared with what the route definitions give.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as addresses from "../shared/routes/addresses.ts";
import { API_CONTRACT_MARK, apiContractMarkdown } from "./api-contract.ts";
import { openApiDocument } from "./openapi-document.ts";
import { routeAccess } from "./route-access.ts";
import { routeAddressesSource, routeDefinitions } from "./route-addresses.ts";

const STALE = "generated from the route definitions: run `npm run docs:api` and commit the result";

describe("docs/api-contract.md", () => {
  const document = JSON.parse(JSON.stringify(openApiDocument()));
  const access = routeAccess();

  it("holds the reference the OpenAPI document gives (npm run docs:api)", () => {
    const text = readFileSync(new URL("../../docs/api-contract.md", import.meta.url), "utf8");
    expect(text).toContain(API_CONTRACT_MARK);
    const generated = text.slice(text.indexOf(API_CONTRACT_MARK) + API_CONTRACT_MARK.length);
    expect(generated.trim(), STALE).toBe(apiContractMarkdown(document, access).trim());
  });

  it("lists every route once, with what it takes and answers", () => {
    const markdown = apiContractMarkdown(document, access);
    const rows = markdown.split("\n").filter((l) => /^\| (GET|POST|PUT|PATCH|DELETE) \|/.test(l));
    expect(rows).toHaveLength(routeDefinitions().length);
    // Every definition is served under an access rule: none is left without a "who".
    for (const [, route] of routeDefinitions()) {
      expect(access.has(`${route.method.toUpperCase()} ${route.path}`), route.path).toBe(true);
    }
    expect(rows.filter((row) => row.includes("| ? |"))).toEqual([]);
    expect(rows).toContain(
      "| GET | `/api/health` | 健康检查 / health | anyone |  | 200 `Health`; errors 503 |",
    );
    expect(rows).toContain(
      "| PATCH | `/api/users/{id}` | 修改用户 / change a user (name, role, region, disabled) | `user:write` | `UpdateUserRequest` | 200 `User`; errors 400, 401, 403, 404, 409, 422 |",
    );
    expect(markdown).toContain(
      "| GET | `/api/users` | 用户列表 / list users in your region and below | `user:read` | `?regionCode&q&role&page=1&pageSize=20` | 200 `UserList`; errors 400, 401, 403, 404 |",
    );
    expect(markdown).toContain("| `user:write` | admin |");
    expect(markdown).toContain("| `lastLoginAt` | `date-time \\| null` |");
  });
});

describe("src/shared/routes/addresses.ts", () => {
  it("is the source the definitions give (npm run docs:api)", () => {
    const text = readFileSync(new URL("../shared/routes/addresses.ts", import.meta.url), "utf8");
    expect(text, STALE).toBe(routeAddressesSource());
  });

  it("gives each definition's method and path under its name", () => {
    const definitions = routeDefinitions();
    expect(Object.keys(addresses).sort()).toEqual(definitions.map(([name]) => name).sort());
    for (const [name, route] of definitions) {
      expect(Object.entries(addresses).find(([key]) => key === name)?.[1]).toEqual({
        method: route.method,
        path: route.path,
      });
    }
    expect(addresses.updateUserRoute).toEqual({ method: "patch", path: "/api/users/{id}" });
  });
});
