/** 佐证材料 of an evaluation sheet: upload (checked, stored once by SHA-256), list, download, remove. */
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/index.ts";
import { evidenceFiles } from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import { transition } from "../../domain/evaluations/index.ts";
import { checkEvidenceFile } from "../../domain/evidence.ts";
import { leafIndicators, textIn } from "../../domain/frameworks/index.ts";
import type { EvidenceStore } from "../../storage/evidence-store.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { authorize } from "../policy.ts";
import { actorFor, loadSheet } from "./evaluation-service.ts";

export interface EvidenceUpload {
  fileName: string;
  bytes: Uint8Array;
  /** A leaf indicator of the sheet's framework, or null for the sheet as a whole. */
  indicatorCode: string | null;
}

function toAnswer(row: typeof evidenceFiles.$inferSelect) {
  return {
    id: row.id,
    sheetId: row.sheetId,
    indicatorCode: row.indicatorCode,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

/** Adds a file to a sheet that can still be edited, by someone who may fill it in. */
export async function uploadEvidence(
  db: DbOrTx,
  store: EvidenceStore,
  ctx: ServiceContext,
  sheetId: number,
  upload: EvidenceUpload,
) {
  authorize(ctx, { kind: "permission", permission: "evaluation:fill" });
  const type = checkEvidenceFile(upload.fileName, upload.bytes);
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  return db.transaction(async (tx) => {
    const loaded = await loadSheet(tx, ctx, sheetId, true);
    transition(loaded.sheet, "save", actorFor(ctx, loaded.region.path));
    const code = upload.indicatorCode;
    if (code !== null && !leafIndicators(loaded.framework).some((n) => n.indicator.code === code)) {
      throw new DomainError("evidence.indicator_unknown", { code }, { field: "indicatorCode" });
    }
    // The bytes first: a row never points at a file that is not there (in the database store, in
    // this transaction).
    await store.put(sha256, upload.bytes, tx);
    const [row] = await tx
      .insert(evidenceFiles)
      .values({
        sheetId,
        indicatorCode: code,
        fileName: upload.fileName,
        contentType: type.contentType,
        size: upload.bytes.length,
        sha256,
        uploadedBy: ctx.actor?.userId ?? null,
        uploadedByName: ctx.actor?.username ?? ctx.systemName ?? null,
      })
      .returning();
    if (!row) throw new Error("evidence not recorded");
    await recordAudit(tx, ctx, {
      action: "evidence.upload",
      entity: "evaluation_sheet",
      entityId: sheetId,
      region: loaded.region,
      after: { evidence: row.id, file: row.fileName, indicator: code, sha256, size: row.size },
    });
    return toAnswer(row);
  });
}

/** A sheet's evidence and, per leaf indicator, how many files support it (the checklist). */
export async function listEvidence(db: DbOrTx, ctx: ServiceContext, sheetId: number) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const loaded = await loadSheet(db, ctx, sheetId);
  const rows = await db
    .select()
    .from(evidenceFiles)
    .where(eq(evidenceFiles.sheetId, sheetId))
    .orderBy(asc(evidenceFiles.id));
  const files = rows.map(toAnswer);
  const checklist = leafIndicators(loaded.framework).map(({ indicator }) => ({
    code: indicator.code,
    name: textIn(indicator.name, ctx.locale ?? "zh-CN"),
    files: files.filter((f) => f.indicatorCode === indicator.code).length,
  }));
  return { files, checklist, missing: checklist.filter((c) => c.files === 0).map((c) => c.code) };
}

async function evidenceOrThrow(db: DbOrTx, ctx: ServiceContext, id: number, lock = false) {
  const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  if (!row) throw new DomainError("evidence.not_found", { id });
  // Whoever may not see the sheet may not know the file exists.
  const loaded = await loadSheet(db, ctx, row.sheetId, lock).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === "evaluation.sheet_not_found") {
      throw new DomainError("evidence.not_found", { id });
    }
    throw err;
  });
  return { row, loaded };
}

/** The bytes of one file, for whoever may see its sheet. */
export async function downloadEvidence(
  db: DbOrTx,
  store: EvidenceStore,
  ctx: ServiceContext,
  id: number,
) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const { row } = await evidenceOrThrow(db, ctx, id);
  return {
    fileName: row.fileName,
    contentType: row.contentType,
    bytes: await store.read(row.sha256),
  };
}

/** Removes a file from a sheet that can still be edited (the bytes stay: another row may share them). */
export async function deleteEvidence(db: DbOrTx, ctx: ServiceContext, id: number) {
  authorize(ctx, { kind: "permission", permission: "evaluation:fill" });
  return db.transaction(async (tx) => {
    // The sheet locked: a file cannot leave a sheet being submitted, nor be deleted twice.
    const { row, loaded } = await evidenceOrThrow(tx, ctx, id, true);
    transition(loaded.sheet, "save", actorFor(ctx, loaded.region.path));
    const [deleted] = await tx
      .delete(evidenceFiles)
      .where(eq(evidenceFiles.id, id))
      .returning({ id: evidenceFiles.id });
    if (!deleted) throw new DomainError("evidence.not_found", { id });
    await recordAudit(tx, ctx, {
      action: "evidence.delete",
      entity: "evaluation_sheet",
      entityId: row.sheetId,
      region: loaded.region,
      before: {
        evidence: row.id,
        file: row.fileName,
        indicator: row.indicatorCode,
        sha256: row.sha256,
      },
    });
  });
}
