/** `jixiao worker`: a bad --poll is a usage error (exit 2, Chinese first), before any database is opened. */
import { describe, expect, it } from "vitest";
import { runJixiao } from "./jixiao-process.ts";

describe("jixiao worker", () => {
  it("refuses a poll interval outside 100–600000 ms with exit 2 and no stack", async () => {
    for (const poll of ["5", "abc"]) {
      // No database at that address: the refusal comes before anything tries to reach it.
      const r = await runJixiao(["worker", "--poll", poll], {
        DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("错误：参数取值不合法");
      expect(r.stderr).toContain(`--poll: 100–600000 ms, not ${poll}`);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
