// An unexpected failure (here: a table the query needs is gone) answers 500 with the request id and
// nothing of the server's internals. A database out of reach is a 503 (test/faults).
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { createTestDatabase, DB_KINDS } from "../../test/helpers/databases.ts";
import { testApp } from "../../test/helpers/http.ts";

for (const kind of DB_KINDS) {
  it(`answers 500 without a stack trace when a query fails [${kind}]`, async () => {
    const test = await createTestDatabase(kind);
    try {
      const { app } = testApp(test.database);
      await test.database.db.execute(sql`drop table users cascade`);
      const res = await app.request("/api/auth/login", {
        method: "POST",
        headers: { "accept-language": "en", "content-type": "application/json" },
        body: JSON.stringify({ username: "someone", password: "Some-Passw0rd!" }),
      });
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
    } finally {
      await test.destroy();
    }
  });
}
