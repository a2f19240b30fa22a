// Evidence files: the allow-list by name and content, the size limit, each refusal with its message.
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import { checkEvidenceFile, EVIDENCE_MAX_BYTES } from "./evidence.ts";

const bytes = (...head: number[]) => new Uint8Array([...head, 1, 2, 3]);
const PDF = bytes(0x25, 0x50, 0x44, 0x46);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);

function refusal(name: string, content: Uint8Array) {
  try {
    checkEvidenceFile(name, content);
  } catch (err) {
    if (err instanceof DomainError) return [err.code, err.messageIn("zh-CN")];
    throw err;
  }
  return null;
}

describe("checkEvidenceFile", () => {
  it("accepts PDF, Word, Excel, JPG and PNG whose content matches the name", () => {
    expect(checkEvidenceFile("开工证明.pdf", PDF).contentType).toBe("application/pdf");
    expect(checkEvidenceFile("验收意见.DOCX", ZIP).contentType).toMatch(/wordprocessingml/);
    expect(checkEvidenceFile("台账.xlsx", ZIP).contentType).toMatch(/spreadsheetml/);
    expect(checkEvidenceFile("现场.jpeg", bytes(0xff, 0xd8, 0xff)).contentType).toBe("image/jpeg");
    expect(checkEvidenceFile("现场.png", PNG).contentType).toBe("image/png");
  });

  it("refuses other types, renamed files, empty files and files over the limit", () => {
    expect(refusal("setup.exe", PDF)).toEqual([
      "evidence.type",
      "「setup.exe」不是允许的佐证材料类型（允许：PDF、Word（.docx）、Excel（.xlsx）、JPG、PNG）",
    ]);
    expect(refusal("照片.png", PDF)).toEqual([
      "evidence.content_mismatch",
      "「照片.png」的内容与扩展名 .png 不符，请上传原始文件",
    ]);
    expect(refusal("空.pdf", new Uint8Array())).toEqual(["evidence.empty", "「空.pdf」是空文件"]);
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46]);
    expect(refusal("扫描件.pdf", big)).toEqual([
      "evidence.too_large",
      "「扫描件.pdf」为 20.1 MB，超过 20.0 MB 的上限",
    ]);
  });
});
