/** 佐证材料: which files an evaluation accepts as evidence, checked by name, content and size. */
import { DomainError } from "./errors.ts";

/** The largest evidence file: a scanned report of a few dozen pages. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export interface EvidenceType {
  extensions: readonly string[];
  contentType: string;
  /** The first bytes every such file starts with. */
  magic: readonly number[];
  zh: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  {
    extensions: ["pdf"],
    contentType: "application/pdf",
    magic: [0x25, 0x50, 0x44, 0x46],
    zh: "PDF",
  },
  {
    extensions: ["docx"],
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: ZIP,
    zh: "Word（.docx）",
  },
  {
    extensions: ["xlsx"],
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: ZIP,
    zh: "Excel（.xlsx）",
  },
  { extensions: ["jpg", "jpeg"], contentType: "image/jpeg", magic: [0xff, 0xd8, 0xff], zh: "JPG" },
  {
    extensions: ["png"],
    contentType: "image/png",
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    zh: "PNG",
  },
];

const ALLOWED = EVIDENCE_TYPES.map((t) => t.zh).join("、");

/** Megabytes to one decimal, rounded up: a file just over the limit never reads as the limit itself. */
function megabytes(bytes: number): string {
  return (Math.ceil((bytes * 10) / 1024 / 1024) / 10).toFixed(1);
}

/**
 * The type of an evidence file, or a DomainError naming the file: a type outside the allow-list,
 * content that is not what the name says (a renamed .exe stays refused), empty, or too large.
 */
export function checkEvidenceFile(fileName: string, bytes: Uint8Array): EvidenceType {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const type = EVIDENCE_TYPES.find((t) => t.extensions.includes(ext));
  if (!type) throw new DomainError("evidence.type", { file: fileName, allowed: ALLOWED });
  if (bytes.length === 0) throw new DomainError("evidence.empty", { file: fileName });
  if (bytes.length > EVIDENCE_MAX_BYTES) {
    throw new DomainError("evidence.too_large", {
      file: fileName,
      size: megabytes(bytes.length),
      limit: megabytes(EVIDENCE_MAX_BYTES),
    });
  }
  if (!type.magic.every((b, i) => bytes[i] === b)) {
    throw new DomainError("evidence.content_mismatch", { file: fileName, ext });
  }
  return type;
}
