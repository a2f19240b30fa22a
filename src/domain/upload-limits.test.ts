import { describe, expect, it } from "vitest";
import { bytesInWords, DEFAULT_UPLOAD_LIMITS, fileTooLarge } from "./upload-limits.ts";

describe("upload limits in words", () => {
  it("writes byte limits in MB or KB", () => {
    expect(bytesInWords(200 * 1024 * 1024)).toBe("200 MB");
    expect(bytesInWords(1.5 * 1024 * 1024)).toBe("1.5 MB");
    expect(bytesInWords(1024)).toBe("1 KB");
  });

  it("names the file, the measure, the limit and its setting in both languages", () => {
    const err = fileTooLarge("模型.json", "text", DEFAULT_UPLOAD_LIMITS);
    expect(err.code).toBe("file.too_large");
    expect(err.messageIn("zh-CN")).toBe(
      "文件 模型.json 的大小超过上限（10 MB），未读取；请拆分后分批上传，或请管理员调高 JIXIAO_UPLOAD_MAX_TEXT_MB",
    );
    expect(err.messageIn("en-US")).toBe(
      "File 模型.json: its size exceeds the limit (10 MB); nothing was read. Split it, or ask the administrator to raise JIXIAO_UPLOAD_MAX_TEXT_MB",
    );
    expect(fileTooLarge("a.xlsx", "cells", DEFAULT_UPLOAD_LIMITS).messageIn("zh-CN")).toContain(
      "工作表的单元格数超过上限（5,000,000 个）",
    );
  });
});
