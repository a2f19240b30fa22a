// The download helper's file name: the server's UTF-8 name (Chinese) first, the ASCII fallback else.
import { describe, expect, it } from "vitest";
import { fileNameOf } from "./client.ts";

describe("fileNameOf", () => {
  it("reads the UTF-8 filename* of a Content-Disposition header", () => {
    const name = "驻马店市2020年绩效评价报告.pdf";
    expect(
      fileNameOf(`attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`),
    ).toBe(name);
  });

  it("falls back to the plain filename, and to nothing without a header", () => {
    expect(fileNameOf('attachment; filename="report.xlsx"')).toBe("report.xlsx");
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A")).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});
