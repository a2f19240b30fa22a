import { describe, expect, it } from "vitest";
import { DomainError, ERROR_MESSAGES } from "./errors.ts";

describe("DomainError", () => {
  it("fills the message in both languages from its params", () => {
    const err = new DomainError("region.unknown", { code: "999999", field: "regionCode" });
    expect(err.messageIn("zh-CN")).toBe("字段 regionCode 的区域代码 999999 不存在");
    expect(err.messageIn("en-US")).toBe("Field regionCode: no region with code 999999");
    expect(err.message).toBe("Field regionCode: no region with code 999999");
  });

  it("has the same placeholders in zh-CN and en-US for every code", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, m] of Object.entries(ERROR_MESSAGES)) {
      expect(names(m["en-US"]), code).toEqual(names(m["zh-CN"]));
    }
  });

  it("fills {x} from x_zh or x_en in the message's own language", () => {
    const err = new DomainError("survey.transition", {
      status_zh: "已关闭",
      status_en: "closed",
      action_zh: "关闭收集",
      action_en: "close",
    });
    expect(err.messageIn("zh-CN")).toBe("调查当前为“已关闭”，不能关闭收集");
    expect(err.messageIn("en-US")).toBe(
      "the survey is closed: it cannot be given the action close",
    );
  });

  it("leaves a placeholder without a value visible", () => {
    const err = new DomainError("survey.transition", { status: "closed" });
    expect(err.messageIn("en-US")).toBe(
      "the survey is closed: it cannot be given the action {action}",
    );
  });
});
