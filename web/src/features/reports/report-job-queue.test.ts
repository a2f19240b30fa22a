// The queue place of a report job as the card shows it, in both languages.
import { describe, expect, it } from "vitest";
import { translator } from "../../i18n/translate.ts";
import { queueText } from "./report-job-queue.ts";

describe("queueText", () => {
  it("counts the jobs ahead: place 4 has three before it, place 1 starts next", () => {
    const zh = translator("zh-CN");
    const en = translator("en-US");
    expect(queueText({ queuePlace: 4 }, zh)).toBe("排队中，前面还有 3 个");
    expect(queueText({ queuePlace: 4 }, en)).toBe("Queued, 3 ahead");
    expect(queueText({ queuePlace: 2 }, zh)).toBe("排队中，前面还有 1 个");
    expect(queueText({ queuePlace: 1 }, zh)).toBe("排队中，下一个开始");
    expect(queueText({ queuePlace: 1 }, en)).toBe("Queued, next to start");
  });
});
