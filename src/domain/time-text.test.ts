import { describe, expect, it } from "vitest";
import { auditTimeText } from "./time-text.ts";

describe("auditTimeText", () => {
  it("writes an instant in China time unless told", () => {
    expect(auditTimeText("2026-12-03T09:33:53Z")).toBe("2026-12-03 17:33:53");
    expect(auditTimeText("2026-12-03T09:33:53.250+00:00", "UTC")).toBe("2026-12-03 09:33:53");
  });

  it("moves the date when China time is already the next day", () => {
    expect(auditTimeText("2026-12-31T16:00:00Z")).toBe("2027-01-01 00:00:00");
  });

  it("writes midnight as 00, not 24", () => {
    expect(auditTimeText("2026-06-30T16:00:05Z")).toBe("2026-07-01 00:00:05");
  });
});
