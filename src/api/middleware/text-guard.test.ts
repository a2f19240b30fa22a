import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../domain/errors.ts";
import type { AppEnv } from "../env.ts";
import { MAX_JSON_DEPTH, textGuard } from "./text-guard.ts";

/** The guard before handlers that read the body again (as the zod validators do). */
function app() {
  const a = new Hono<AppEnv>();
  a.use("*", textGuard());
  a.post("/json", async (c) => c.json({ got: await c.req.json() }));
  a.post("/form", async (c) => {
    const form = await c.req.formData();
    return c.json({ names: [...form.keys()] });
  });
  a.get("/items/:id", (c) => c.json({ id: c.req.param("id"), q: c.req.query("q") ?? null }));
  a.onError((err, c) =>
    err instanceof DomainError
      ? c.json({ code: err.code, details: err.details ?? null }, 400)
      : c.json({ unexpected: String(err) }, 500),
  );
  return a;
}

const post = (path: string, body: string | FormData, type?: string) =>
  app().request(path, {
    method: "POST",
    body,
    ...(type !== undefined && { headers: { "content-type": type } }),
  });

describe("text guard", () => {
  it("refuses NUL in a path segment or a query value, naming where", async () => {
    const path = await app().request("/items/1%00");
    expect(await path.json()).toEqual({
      code: "request.invalid_text",
      details: { field: "path", location: "path" },
    });
    const query = await app().request("/items/1?q=a%00b");
    expect(await query.json()).toEqual({
      code: "request.invalid_text",
      details: { field: "q", location: "query" },
    });
    const fine = await app().request("/items/7?q=%E5%B9%B8%E7%A6%8F");
    expect(await fine.json()).toEqual({ id: "7", q: "幸福" });
  });

  it("names the JSON field (nested, in arrays, in keys) that holds NUL or a lone surrogate", async () => {
    const cases: [string, string][] = [
      ['{"username":"a\\u0000"}', "username"],
      ['{"entries":{"B.1":{"facts":["ok","\\udc00"]}}}', "entries.B.1.facts.1"],
      ['{"values":{"k\\u0000":"v"}}', "values"],
      ['"\\ud800"', "body"],
    ];
    for (const [body, field] of cases) {
      const res = await post("/json", body, "application/json");
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        code: "request.invalid_text",
        details: { field, location: "body" },
      });
    }
  });

  it("passes paired surrogates and leaves the parsed body for the handler", async () => {
    const res = await post("/json", '{"name":"\\ud83c\\udf00 幸福"}', "application/json");
    expect(await res.json()).toEqual({ got: { name: "\u{1F300} 幸福" } });
  });

  it("refuses JSON nested deeper than the limit without overflowing the stack", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const res = await post("/json", deep, "application/json");
    expect(await res.json()).toEqual({
      code: "request.too_deep",
      details: { field: expect.stringMatching(/^(0\.){63}0$/) },
    });
    const limit = `${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`;
    expect((await post("/json", limit, "application/json")).status).toBe(200);
  });

  it("leaves malformed JSON to the route's validator", async () => {
    const res = await post("/json", "{", "application/json");
    expect(await res.json()).toEqual({ unexpected: expect.stringContaining("SyntaxError") });
  });

  it("checks form fields and file names, and the handler still reads the form", async () => {
    const bad = new FormData();
    bad.set("file", new File([new Uint8Array([1])], "a\u0000.xlsx"));
    expect(await (await post("/form", bad)).json()).toEqual({
      code: "request.invalid_text",
      details: { field: "file", location: "body" },
    });
    const field = new FormData();
    field.set("regionCode", "41\u0000");
    expect(await (await post("/form", field)).json()).toEqual({
      code: "request.invalid_text",
      details: { field: "regionCode", location: "body" },
    });
    const good = new FormData();
    good.set("file", new File([new Uint8Array([1])], "小区.xlsx"));
    good.set("year", "2020");
    expect(await (await post("/form", good)).json()).toEqual({ names: ["file", "year"] });
  });

  it("answers a form that cannot be parsed as request.invalid", async () => {
    const res = await post("/form", "--x\r\nnonsense", "multipart/form-data; boundary=x");
    expect(await res.json()).toEqual({
      code: "request.invalid",
      details: { reason: "malformed form data" },
    });
  });
});
