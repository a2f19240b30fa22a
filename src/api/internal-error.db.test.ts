// An unexpected failure (here: the database has gone away) answers 500 with the request id and
// nothing of the server's internals.
import { expect, it } from "vitest";
import { createTestDatabase, DB_KINDS } from "../../test/helpers/databases.ts";
import { testApp } from "../../test/helpers/http.ts";

for (const kind of DB_KINDS) {
  it(`answers 500 without a stack trace when the database fails [${kind}]`, async () => {
    const test = await createTestDatabase(kind);
    const { app } = testApp(test.database);
    await test.destroy();
    const res = await app.request("/api/health", { headers: { "accept-language": "en" } });
    expect(res.status).toBe(500);
    const body = await res.json();
    const requestId = res.headers.get("x-request-id");
    expect(requestId).toMatch(/^[\w-]{8,}$/);
    expect(body).toEqual({
      error: {
        code: "internal",
        message: `Internal server error; tell your administrator (request ${requestId})`,
      },
    });
  });
}
