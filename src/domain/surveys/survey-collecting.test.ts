import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  answeringStart,
  assertCollecting,
  isCollecting,
  ticketExpired,
} from "./survey-collecting.ts";

describe("isCollecting", () => {
  it("takes answers only while open with a published version", () => {
    expect(isCollecting({ status: "open", publishedVersion: 1 })).toBe(true);
    expect(isCollecting({ status: "open", publishedVersion: null })).toBe(false);
    expect(isCollecting({ status: "draft", publishedVersion: null })).toBe(false);
    expect(isCollecting({ status: "closed", publishedVersion: 2 })).toBe(false);
    expect(isCollecting({ status: null, publishedVersion: null })).toBe(false);
  });
});

describe("assertCollecting", () => {
  it("refuses a closed survey with survey.closed naming its title", () => {
    let refused: DomainError | null = null;
    try {
      assertCollecting(
        { status: "closed", publishedVersion: 1 },
        "杭州市老旧小区改造居民满意度调查",
      );
    } catch (err) {
      if (err instanceof DomainError) refused = err;
    }
    expect(refused?.code).toBe("survey.closed");
    expect(refused?.messageIn("zh-CN")).toBe(
      "“杭州市老旧小区改造居民满意度调查”目前不接收答卷（未发布或已结束）",
    );
    expect(() => assertCollecting({ status: "open", publishedVersion: 1 }, "t")).not.toThrow();
  });
});

describe("ticketExpired", () => {
  const issued = new Date("2021-06-01T10:00:00Z");

  it("keeps a ticket up to its hours and refuses it a millisecond later", () => {
    expect(ticketExpired(issued, new Date("2021-06-02T10:00:00.000Z"), 24)).toBe(false);
    expect(ticketExpired(issued, new Date("2021-06-02T10:00:00.001Z"), 24)).toBe(true);
    expect(ticketExpired(issued, new Date("2021-06-01T12:00:00.001Z"), 2)).toBe(true);
  });
});

describe("answeringStart", () => {
  it("runs from the ticket's issue, never after the server's now", () => {
    const issued = new Date("2021-06-01T10:25:00Z");
    expect(answeringStart(issued, new Date("2021-06-01T10:30:00Z")).toISOString()).toBe(
      "2021-06-01T10:25:00.000Z",
    );
    // A ticket from a server whose clock runs ahead: the answering time is zero, not negative.
    expect(answeringStart(issued, new Date("2021-06-01T10:20:00Z")).toISOString()).toBe(
      "2021-06-01T10:20:00.000Z",
    );
  });
});
