import { describe, expect, it } from "vitest";
import { fill } from "../bilingual.ts";
import { ERROR_MESSAGES } from "../errors.ts";
import { ISSUE_MESSAGES } from "./issue-messages.ts";
import { formatIssue, formatPath, issue } from "./issues.ts";
import { ValidationError } from "./validation-error.ts";

describe("issues", () => {
  it("formats paths as a reader would write them", () => {
    expect(formatPath(["indicators", 2, "children", 0, "rule", "step"])).toBe(
      "indicators[2].children[0].rule.step",
    );
    expect(formatPath(["indicators", "A.1", "facts"])).toBe('indicators["A.1"].facts');
    expect(formatPath([])).toBe("(root)");
  });

  it("puts the file and line before the path", () => {
    const found = { ...issue(["points"], "required"), line: 7 };
    expect(formatIssue(found, "zh-CN", "a.yaml")).toBe("a.yaml:7 points: 缺少必填项");
    expect(formatIssue(found, "en-US")).toBe("points: is required");
  });

  it("has a Chinese and an English message for every issue code", () => {
    for (const [code, message] of Object.entries(ISSUE_MESSAGES)) {
      expect(message["zh-CN"], code).not.toBe("");
      expect(message["en-US"], code).not.toBe("");
    }
  });

  it("lists every issue in the ValidationError's message, in each language", () => {
    const err = new ValidationError(
      "input",
      [issue(["a"], "required"), issue(["b"], "text_too_short")],
      "in.yaml",
    );
    expect(err.code).toBe("input.invalid");
    expect(err.messageIn("zh-CN")).toBe(
      "评分数据 in.yaml 有 2 处错误：\n  in.yaml a: 缺少必填项\n  in.yaml b: 不能为空",
    );
    expect(err.message).toBe(
      "Scoring input in.yaml: 2 problem(s):\n  in.yaml a: is required\n  in.yaml b: must not be empty",
    );
    expect(err.details).toEqual({
      file: "in.yaml",
      issues: [
        { path: "a", code: "required", params: {} },
        { path: "b", code: "text_too_short", params: {} },
      ],
    });
    // The first line is the catalogue's input.invalid, filled; the issues follow it.
    for (const locale of ["zh-CN", "en-US"] as const) {
      const first = err.messageIn(locale).split("\n")[0];
      expect(first).toBe(
        fill(ERROR_MESSAGES["input.invalid"][locale], { file: "in.yaml", count: 2 }),
      );
    }
  });
});
