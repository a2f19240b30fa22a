// The typed client over a stubbed fetch: what goes on the wire for a route definition, and what comes back.
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import {
  communityQrRoute,
  importAllocationDataRoute,
  listUsersRoute,
  logoutRoute,
  saveNarrativeRoute,
  sessionRoute,
  updateUserRoute,
} from "../../../src/shared/routes/addresses.ts";
import { call, formOf, hrefTo, upload } from "./call.ts";
import { ApiError, setCsrfToken, setSessionLostHandler } from "./client.ts";

interface Sent {
  url: string;
  method: string | undefined;
  headers: Headers;
  body: BodyInit | null | undefined;
}

let sent: Sent[] = [];

function answer(status: number, body?: unknown) {
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}): Promise<Response> => {
    sent.push({ url, method: init.method, headers: new Headers(init.headers), body: init.body });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  });
}

beforeEach(() => {
  sent = [];
  setCsrfToken("csrf-1");
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setSessionLostHandler(null);
});

describe("call", () => {
  it("fills and encodes the path parameters and sends the JSON body with the CSRF header", async () => {
    answer(200, { items: [] });
    const list = await call(saveNarrativeRoute, {
      params: { id: 7, key: "目标/一 2" },
      json: { template: "evaluation-report", text: "改写" },
    });
    expect(list).toEqual({ items: [] });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe("PUT");
    expect(sent[0]?.url).toBe(
      "/api/evaluation-sheets/7/narratives/%E7%9B%AE%E6%A0%87%2F%E4%B8%80%202",
    );
    expect(sent[0]?.headers.get("Content-Type")).toBe("application/json");
    expect(sent[0]?.headers.get("X-CSRF-Token")).toBe("csrf-1");
    expect(sent[0]?.body).toBe('{"template":"evaluation-report","text":"改写"}');
  });

  it("writes the query as text and leaves out unset and empty values; a GET carries no CSRF", async () => {
    answer(200, { items: [], total: 0 });
    const users = await call(listUsersRoute, {
      query: { regionCode: "411700", q: "", role: undefined, page: 2, pageSize: 50 },
    });
    expect(users.total).toBe(0);
    expect(sent[0]?.method).toBe("GET");
    expect(sent[0]?.url).toBe("/api/users?regionCode=411700&page=2&pageSize=50");
    expectTypeOf(users.total).toEqualTypeOf<number>();
    expectTypeOf(users.items[0]?.username).toEqualTypeOf<string | undefined>();
    expect(sent[0]?.headers.get("X-CSRF-Token")).toBeNull();
    expect(sent[0]?.body).toBeUndefined();
  });

  it("answers nothing for a 204 and sends no body when the route takes none", async () => {
    answer(204);
    await expect(call(logoutRoute)).resolves.toBeUndefined();
    expect(sent[0]).toMatchObject({ url: "/api/auth/logout", method: "POST", body: undefined });
  });

  it("turns an error answer into an ApiError with the server's code, message and details", async () => {
    answer(409, {
      error: { code: "user.exists", message: "用户名已存在", details: { field: "username" } },
    });
    const failure = call(updateUserRoute, { params: { id: 3 }, json: { displayName: "王" } });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 409,
      code: "user.exists",
      message: "用户名已存在",
      details: { field: "username" },
    });
  });

  it("tells the app when the session is gone", async () => {
    answer(401, { error: { code: "auth.session_expired", message: "登录已过期" } });
    const lost = vi.fn();
    setSessionLostHandler(lost);
    await expect(call(sessionRoute)).rejects.toMatchObject({ status: 401 });
    expect(lost).toHaveBeenCalledTimes(1);
  });
});

describe("hrefTo", () => {
  it("builds a file's address from its route, query values as text", () => {
    expect(hrefTo(communityQrRoute, { params: { id: 4, communityId: 12 } })).toBe(
      "/api/surveys/4/communities/12/qr",
    );
    expect(
      hrefTo(communityQrRoute, { params: { id: 4, communityId: 12 }, query: { format: "png" } }),
    ).toBe("/api/surveys/4/communities/12/qr?format=png");
  });
});

describe("upload", () => {
  it("posts the form's file and fields to the route and checks the expected status", async () => {
    answer(200, { id: 9 });
    const file = new File(["bytes"], "分配数据.xlsx");
    const plan = await upload(importAllocationDataRoute, 200, {
      params: { id: 9 },
      form: { file, version: 3 },
    });
    expect(plan).toEqual({ id: 9 });
    expect(sent[0]).toMatchObject({ url: "/api/allocations/9/data", method: "POST" });
    const form = sent[0]?.body;
    expect(form).toBeInstanceOf(FormData);
    if (!(form instanceof FormData)) return;
    expect(form.get("version")).toBe("3");
    const sentFile = form.get("file");
    expect(sentFile).toBeInstanceOf(File);
    if (sentFile instanceof File) expect(sentFile.name).toBe("分配数据.xlsx");
    expect(sent[0]?.headers.get("X-CSRF-Token")).toBe("csrf-1");
  });

  it("refuses an answer other than the expected one", async () => {
    answer(201, { id: 9 });
    await expect(
      upload(importAllocationDataRoute, 200, {
        params: { id: 9 },
        form: { file: new File([""], "a.xlsx"), version: 1 },
      }),
    ).rejects.toMatchObject({ status: 201, code: "http" });
  });

  it("leaves unset fields out of the form", () => {
    const form = formOf({ a: "x", b: undefined, c: null, d: "", e: 0 });
    expect([...form.keys()]).toEqual(["a", "e"]);
    expect(form.get("e")).toBe("0");
  });
});

// Each call below is also checked by `tsc -p web/tsconfig.json`: the route's types refuse it.
describe("what the route definitions refuse before run time", () => {
  it("a missing path parameter fails before anything is sent", async () => {
    answer(200, {});
    // @ts-expect-error the path parameters are missing
    await expect(call(updateUserRoute, { json: { displayName: "x" } })).rejects.toThrow(
      "/api/users/{id}: no value for id",
    );
    expect(sent).toHaveLength(0);
  });

  it("wrong names and types would go out as they are (the server answers 400)", async () => {
    answer(200, { items: [], total: 0 });
    // @ts-expect-error a field the body does not have
    await call(updateUserRoute, { params: { id: 3 }, json: { displayNam: "x" } });
    // @ts-expect-error a role the API does not know
    const users = await call(listUsersRoute, { query: { role: "root" } });
    expect(sent.map((s) => s.body ?? s.url)).toEqual([
      '{"displayNam":"x"}',
      "/api/users?role=root",
    ]);
    // @ts-expect-error the answer has no such field
    expect(users.count).toBeUndefined();
  });
});
