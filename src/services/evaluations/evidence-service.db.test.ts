// 佐证材料 through the services: 驿城区 attaches files to its sheet and to indicators; the checklist
// counts them; the same bytes are stored once; wrong, empty and oversized files and unknown indicators
// are refused writing nothing; the sibling county 西平县 learns nothing; a submitted or approved sheet
// is closed to changes; every change is audited.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { COUNTY_COMPLETION, ZHUMADIAN_ENTRIES } from "../../../test/helpers/evaluation-entries.ts";
import { launchZhumadianTask } from "../../../test/helpers/evaluation-tasks.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { refusal } from "../../../test/helpers/refusals.ts";
import { auditLog, evaluationTasks, evidenceFiles } from "../../db/schema.ts";
import { EVIDENCE_MAX_BYTES } from "../../domain/evidence.ts";
import { type EvidenceStore, folderEvidenceStore } from "../../storage/evidence-store.ts";
import type { ServiceContext } from "../context.ts";
import {
  actOnSheet,
  deleteEvidence,
  downloadEvidence,
  getSheet,
  listEvidence,
  saveSheet,
  uploadEvidence,
} from "../index.ts";

/** The PNG signature and the start of an IHDR chunk. */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
// sha256sum of the same 16 bytes (printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' | sha256sum).
const PNG_SHA256 = "02a3e298f1533f62558c58e4c70edcab9af5a50d62d925fd5390942020fb0fb8";
const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
// printf '%%PDF-1.4\n%%%%EOF\n' | sha256sum
const PDF_SHA256 = "14bcd090baf31edba64e9cbd8cdfc15f943344aa72cb3675ad8e91bfcbce03ad";

const LEAVES = ["A.1", "A.2", "A.3", "B.1", "B.2", "C.1", "C.2", "C.3", "C.4", "C.5", "C.6", "D.1"];

/** Every file below a folder, however deep (the store keeps <2 hex>/<sha256>). */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

describeOnBothDatabases("evidence", (db) => {
  let dir = "";
  let store: EvidenceStore;
  let city: ServiceContext;
  let county: ServiceContext;
  let sibling: ServiceContext;
  let sheetId: number;
  let siblingSheetId: number;
  const ids: Record<string, number> = {};

  const rowCount = async () =>
    Number((await db().db.select({ n: count() }).from(evidenceFiles))[0]?.n);
  const evidenceAudit = async () =>
    db()
      .db.select({
        action: auditLog.action,
        actor: auditLog.actorUsername,
        entityId: auditLog.entityId,
        region: auditLog.regionCode,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(like(auditLog.action, "evidence.%"))
      .orderBy(asc(auditLog.id));
  /** What a refused request must leave as it was: rows, audit entries and stored files. */
  const written = async () => ({
    rows: await rowCount(),
    audit: (await evidenceAudit()).length,
    files: filesIn(dir),
  });
  const upload = (
    ctx: ServiceContext,
    fileName: string,
    bytes: Uint8Array,
    indicatorCode: string | null,
    sheet = sheetId,
  ) => uploadEvidence(db().db, store, ctx, sheet, { fileName, bytes, indicatorCode });

  beforeAll(async () => {
    await addUser(db(), "zmd.finance", "finance", "411700");
    await addUser(db(), "yc.impl", "implementer", "411702");
    await addUser(db(), "xp.impl", "implementer", "411721");
    city = await actingAs(db(), "zmd.finance");
    county = await actingAs(db(), "yc.impl");
    sibling = await actingAs(db(), "xp.impl");
  });

  // Every test starts from the task just launched, both sheets open drafts without files, and an
  // empty store: the tasks the city launched before go, their sheets and evidence rows with them.
  beforeEach(async () => {
    if (!city.actor) throw new Error("the city acts as a user");
    await db().db.delete(evaluationTasks).where(eq(evaluationTasks.createdBy, city.actor.userId));
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), "jixiao-evidence-test-"));
    store = folderEvidenceStore(dir);
    const { sheetOf } = await launchZhumadianTask(db(), city, ["411702", "411721"]);
    sheetId = sheetOf("411702");
    siblingSheetId = sheetOf("411721");
    expect(sheetId).toBeGreaterThan(0);
    expect(siblingSheetId).toBeGreaterThan(0);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** 驿城区's three files: the site photo for C.1, the rules for A.2, the report for the whole sheet. */
  async function attachThree() {
    ids.photo = (await upload(county, "开工现场照片.png", PNG, "C.1")).id;
    ids.minutes = (await upload(county, "资金管理办法.pdf", PDF, "A.2")).id;
    ids.report = (await upload(county, "自评报告.pdf", PDF, null)).id;
  }

  /** The three files, a copy of the photo, and the photo itself removed (its copy stays). */
  async function attachAndRemove() {
    await attachThree();
    ids.copy = (await upload(county, "开工现场照片（复件）.png", PNG, "C.1")).id;
    await deleteEvidence(db().db, county, ids.photo ?? 0);
  }

  it("starts with a checklist of every leaf indicator, all missing", async () => {
    const list = await listEvidence(db().db, county, sheetId);
    expect(list.files).toEqual([]);
    expect(list.checklist.map((c) => c.code)).toEqual(LEAVES);
    expect(list.checklist[0]).toEqual({ code: "A.1", name: "资金筹集", files: 0 });
    expect(list.checklist[11]).toEqual({ code: "D.1", name: "老旧小区居民满意度", files: 0 });
    expect(list.missing).toEqual(LEAVES);
  });

  it("attaches files to indicators and to the sheet as a whole, with size, SHA-256 and uploader", async () => {
    const started = Date.now();
    const photo = await upload(county, "开工现场照片.png", PNG, "C.1");
    expect(createHash("sha256").update(PNG).digest("hex")).toBe(PNG_SHA256);
    expect(photo).toEqual({
      id: expect.any(Number),
      sheetId,
      indicatorCode: "C.1",
      fileName: "开工现场照片.png",
      contentType: "image/png",
      size: 16,
      sha256: PNG_SHA256,
      uploadedBy: "yc.impl",
      uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(Math.abs(Date.parse(photo.uploadedAt) - started)).toBeLessThan(60_000);
    const minutes = await upload(county, "资金管理办法.pdf", PDF, "A.2");
    const report = await upload(county, "自评报告.pdf", PDF, null);
    ids.photo = photo.id;
    ids.minutes = minutes.id;
    ids.report = report.id;
    expect([minutes.contentType, minutes.size, minutes.sha256]).toEqual([
      "application/pdf",
      15,
      PDF_SHA256,
    ]);
    expect(report.indicatorCode).toBeNull();

    const list = await listEvidence(db().db, county, sheetId);
    expect(list.files.map((f) => [f.fileName, f.indicatorCode, f.size, f.uploadedBy])).toEqual([
      ["开工现场照片.png", "C.1", 16, "yc.impl"],
      ["资金管理办法.pdf", "A.2", 15, "yc.impl"],
      ["自评报告.pdf", null, 15, "yc.impl"],
    ]);
    expect(list.checklist.filter((c) => c.files > 0)).toEqual([
      { code: "A.2", name: "资金分配", files: 1 },
      { code: "C.1", name: "改造户数计划完成率", files: 1 },
    ]);
    // A file for the sheet as a whole supports no indicator in particular.
    expect(list.missing).toEqual([
      "A.1",
      "A.3",
      "B.1",
      "B.2",
      "C.2",
      "C.3",
      "C.4",
      "C.5",
      "C.6",
      "D.1",
    ]);
    expect(filesIn(dir)).toEqual([PNG_SHA256, PDF_SHA256]);
    // The city above the county reviews the sheet, so it sees the same list.
    expect((await listEvidence(db().db, city, sheetId)).files.map((f) => f.id)).toEqual([
      photo.id,
      minutes.id,
      report.id,
    ]);
  });

  it("downloads the identical bytes, for the county and for the city above it", async () => {
    await attachThree();
    const mine = await downloadEvidence(db().db, store, county, ids.photo ?? 0);
    expect(mine.fileName).toBe("开工现场照片.png");
    expect(mine.contentType).toBe("image/png");
    expect(new Uint8Array(mine.bytes)).toEqual(PNG);
    const theirs = await downloadEvidence(db().db, store, city, ids.report ?? 0);
    expect([theirs.fileName, theirs.contentType]).toEqual(["自评报告.pdf", "application/pdf"]);
    expect(new Uint8Array(theirs.bytes)).toEqual(PDF);
  });

  it("stores the same bytes once but lists each upload", async () => {
    await attachThree();
    const again = await upload(county, "开工现场照片（复件）.png", PNG, "C.1");
    ids.copy = again.id;
    expect(again.sha256).toBe(PNG_SHA256);
    expect(filesIn(dir)).toEqual([PNG_SHA256, PDF_SHA256]);
    const list = await listEvidence(db().db, county, sheetId);
    expect(list.files.filter((f) => f.sha256 === PNG_SHA256).map((f) => f.fileName)).toEqual([
      "开工现场照片.png",
      "开工现场照片（复件）.png",
    ]);
    expect(list.checklist.find((c) => c.code === "C.1")?.files).toBe(2);
  });

  it("refuses other types and renamed files with the message naming the file, writing nothing", async () => {
    const before = await written();
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    expect(await refusal(upload(county, "setup.exe", exe, "C.1"))).toEqual({
      code: "evidence.type",
      message:
        "「setup.exe」不是允许的佐证材料类型（允许：PDF、Word（.docx）、Excel（.xlsx）、JPG、PNG）",
    });
    expect(await refusal(upload(county, "开工证明.pdf", exe, "C.1"))).toEqual({
      code: "evidence.content_mismatch",
      message: "「开工证明.pdf」的内容与扩展名 .pdf 不符，请上传原始文件",
    });
    expect(await refusal(upload(county, "空白.png", new Uint8Array(), null))).toEqual({
      code: "evidence.empty",
      message: "「空白.png」是空文件",
    });
    expect(await written()).toEqual(before);
  });

  it("refuses a file over 20 MB, writing nothing", async () => {
    const before = await written();
    // Zeros after the PNG signature: the size is checked before anything reads the content.
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 5 * 1024 * 1024);
    big.set(PNG);
    expect(await refusal(upload(county, "航拍全景.png", big, "C.2"))).toEqual({
      code: "evidence.too_large",
      message: "「航拍全景.png」为 25.0 MB，超过 20.0 MB 的上限",
    });
    expect(await written()).toEqual(before);
  });

  it("refuses an indicator the framework does not have as a leaf, writing nothing", async () => {
    const before = await written();
    expect(await refusal(upload(county, "照片.png", PNG, "Z.9"))).toEqual({
      code: "evidence.indicator_unknown",
      message: "指标体系中没有叶指标 Z.9",
    });
    // C is a group of indicators, not one of them.
    expect((await refusal(upload(county, "照片.png", PNG, "C"))).code).toBe(
      "evidence.indicator_unknown",
    );
    expect(await written()).toEqual(before);
  });

  it("tells the sibling county 西平县 nothing about 驿城区's files: not found, as if absent", async () => {
    await attachThree();
    const before = await written();
    expect(await refusal(listEvidence(db().db, sibling, sheetId))).toEqual({
      code: "evaluation.sheet_not_found",
      message: `评价表 ${sheetId} 不存在`,
    });
    const photo = ids.photo ?? 0;
    const absent = photo + 1000;
    expect(await refusal(downloadEvidence(db().db, store, sibling, photo))).toEqual({
      code: "evidence.not_found",
      message: `佐证材料 ${photo} 不存在`,
    });
    expect(await refusal(deleteEvidence(db().db, sibling, photo))).toEqual({
      code: "evidence.not_found",
      message: `佐证材料 ${photo} 不存在`,
    });
    // The same answer as for a file that does not exist at all.
    expect(await refusal(downloadEvidence(db().db, store, county, absent))).toEqual({
      code: "evidence.not_found",
      message: `佐证材料 ${absent} 不存在`,
    });
    expect((await refusal(upload(sibling, "照片.pdf", PDF, null))).code).toBe(
      "evaluation.sheet_not_found",
    );
    expect(await written()).toEqual(before);
    // 西平县's own sheet is open to it.
    const own = await upload(sibling, "西平县自评报告.pdf", PDF, null, siblingSheetId);
    expect((await listEvidence(db().db, sibling, siblingSheetId)).files.map((f) => f.id)).toEqual([
      own.id,
    ]);
    await deleteEvidence(db().db, sibling, own.id);
    expect((await listEvidence(db().db, sibling, siblingSheetId)).files).toEqual([]);
  });

  it("removes a file; the bytes stay while another upload shares them", async () => {
    await attachThree();
    ids.copy = (await upload(county, "开工现场照片（复件）.png", PNG, "C.1")).id;
    await deleteEvidence(db().db, county, ids.photo ?? 0);
    const list = await listEvidence(db().db, county, sheetId);
    expect(list.files.map((f) => f.fileName)).toEqual([
      "资金管理办法.pdf",
      "自评报告.pdf",
      "开工现场照片（复件）.png",
    ]);
    expect(list.checklist.find((c) => c.code === "C.1")?.files).toBe(1);
    expect(filesIn(dir)).toEqual([PNG_SHA256, PDF_SHA256]);
    const copy = await downloadEvidence(db().db, store, county, ids.copy ?? 0);
    expect(new Uint8Array(copy.bytes)).toEqual(PNG);
    expect((await refusal(downloadEvidence(db().db, store, county, ids.photo ?? 0))).code).toBe(
      "evidence.not_found",
    );
  });

  it("closes a submitted and an approved sheet to uploads and removals, but not to reading", async () => {
    await attachAndRemove();
    const { version } = await getSheet(db().db, county, sheetId);
    const saved = await saveSheet(db().db, county, sheetId, {
      version,
      entries: { ...ZHUMADIAN_ENTRIES, ...COUNTY_COMPLETION },
    });
    const submitted = await actOnSheet(db().db, county, sheetId, {
      action: "submit",
      version: saved.version,
    });
    expect(submitted.status).toBe("submitted");
    const before = await written();
    expect(await refusal(upload(county, "补充材料.pdf", PDF, "C.2"))).toEqual({
      code: "evaluation.transition",
      message: "评价表当前为“已提交”，不能保存",
    });
    expect(await refusal(deleteEvidence(db().db, county, ids.minutes ?? 0))).toEqual({
      code: "evaluation.transition",
      message: "评价表当前为“已提交”，不能保存",
    });
    const approved = await actOnSheet(db().db, city, sheetId, {
      action: "approve",
      version: submitted.version,
    });
    expect(approved.status).toBe("approved");
    expect((await refusal(upload(county, "补充材料.pdf", PDF, "C.2"))).message).toBe(
      "评价表当前为“已通过”，不能保存",
    );
    expect((await refusal(deleteEvidence(db().db, city, ids.report ?? 0))).message).toBe(
      "评价表当前为“已通过”，不能保存",
    );
    expect(await written()).toEqual(before);
    expect((await listEvidence(db().db, city, sheetId)).files).toHaveLength(3);
    const kept = await downloadEvidence(db().db, store, city, ids.minutes ?? 0);
    expect(new Uint8Array(kept.bytes)).toEqual(PDF);
  });

  it("audits every upload and removal, with the file, indicator and SHA-256", async () => {
    await attachAndRemove();
    const theirs = await upload(sibling, "西平县自评报告.pdf", PDF, null, siblingSheetId);
    await deleteEvidence(db().db, sibling, theirs.id);
    const trail = await evidenceAudit();
    const ofSheet = (id: number) => trail.filter((t) => t.entityId === String(id));
    expect(ofSheet(sheetId).map((t) => [t.action, t.actor, t.region])).toEqual([
      ["evidence.upload", "yc.impl", "411702"],
      ["evidence.upload", "yc.impl", "411702"],
      ["evidence.upload", "yc.impl", "411702"],
      ["evidence.upload", "yc.impl", "411702"],
      ["evidence.delete", "yc.impl", "411702"],
    ]);
    expect(ofSheet(sheetId)[0]?.after).toEqual({
      evidence: ids.photo,
      file: "开工现场照片.png",
      indicator: "C.1",
      sha256: PNG_SHA256,
      size: 16,
    });
    expect(ofSheet(sheetId)[4]?.before).toEqual({
      evidence: ids.photo,
      file: "开工现场照片.png",
      indicator: "C.1",
      sha256: PNG_SHA256,
    });
    expect(ofSheet(siblingSheetId).map((t) => [t.action, t.actor, t.region])).toEqual([
      ["evidence.upload", "xp.impl", "411721"],
      ["evidence.delete", "xp.impl", "411721"],
    ]);
    const rows = await db()
      .db.select({ n: count() })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.sheetId, sheetId), eq(evidenceFiles.sha256, PNG_SHA256)));
    expect(Number(rows[0]?.n)).toBe(1);
  });
});
