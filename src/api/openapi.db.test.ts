import { beforeAll, expect, it } from "vitest";
import { describeOnPglite } from "../../test/helpers/databases.ts";
import { ApiClient, testApp } from "../../test/helpers/http.ts";
import { routeDefinitions } from "./route-addresses.ts";

describeOnPglite("the OpenAPI document and the API page", (db) => {
  let app: ReturnType<typeof testApp>;
  beforeAll(() => {
    app = testApp(db());
  });

  it("describes every route of the table, with required path parameters", async () => {
    const client = new ApiClient(app.app);
    const res = await client.request("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const documented = Object.entries(res.json.paths as Record<string, object>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      app.routes.map((d) => `${d.route.method.toUpperCase()} ${d.route.path}`).sort(),
    );
    const patch = res.json.paths["/api/users/{id}"].patch;
    expect(patch.parameters).toEqual([
      expect.objectContaining({
        name: "id",
        in: "path",
        required: true,
        schema: expect.objectContaining({ type: "integer" }),
      }),
    ]);
  });

  it("serves the definitions of src/shared/routes, each one a route of the table", () => {
    const definitions = routeDefinitions().map(([, route]) => route);
    expect(app.routes.map((d) => definitions.includes(d.route))).not.toContain(false);
    expect(new Set(app.routes.map((d) => d.route)).size).toBe(definitions.length);
  });

  it("names a refusal for what it is: a conflict (409) or data that cannot be taken (422)", async () => {
    const res = await new ApiClient(app.app).request("GET", "/api/openapi.json");
    const responses = res.json.paths["/api/users/{id}"].patch.responses;
    expect(responses["400"].description).toBe("请求数据不合法 / invalid request");
    expect(responses["409"].description).toBe("与当前状态冲突 / conflicts with the current state");
    expect(responses["422"].description).toBe("数据无法接受 / data that cannot be taken");
  });

  it("serves a browsable page from local assets", async () => {
    const page = await app.app.request("/api/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/api/docs/swagger-ui-bundle.js");
    const bundle = await app.app.request("/api/docs/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    expect((await app.app.request("/api/docs/../../package.json")).status).toBe(404);
  });
});
