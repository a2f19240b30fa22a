// The evidence API over HTTP: a multipart upload answers 201 with the file; wrong types 415 and
// oversized files 413 with a message naming the problem; the download carries the type, the UTF-8
// file name and the same bytes; the sibling county gets 404 for everything.
import { asc, count } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../../test/helpers/databases.ts";
import { launchZhumadianTask } from "../../../../test/helpers/evaluation-tasks.ts";
import { actingAs, addUser } from "../../../../test/helpers/fixtures.ts";
import { type ApiClient, signedIn, testApp } from "../../../../test/helpers/http.ts";
import { auditLog, evidenceFiles } from "../../../db/schema.ts";
import { EVIDENCE_MAX_BYTES } from "../../../domain/evidence.ts";
import { UPLOAD_LIMIT_BYTES } from "../../app.ts";

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
// printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' | sha256sum
const PNG_SHA256 = "02a3e298f1533f62558c58e4c70edcab9af5a50d62d925fd5390942020fb0fb8";
const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

function form(fileName: string, bytes: Uint8Array, indicatorCode?: string) {
  const body = new FormData();
  body.set("file", new File([bytes as Uint8Array<ArrayBuffer>], fileName));
  if (indicatorCode !== undefined) body.set("indicatorCode", indicatorCode);
  return body;
}

describeOnBothDatabases("evidence API", (db) => {
  let county: ApiClient;
  let sibling: ApiClient;
  let sheetId: number;
  let photoId: number;
  let reportId: number;
  const evidencePath = () => `/api/evaluation-sheets/${sheetId}/evidence`;

  /** Rows and audit entries: what a refused request must leave as it was. */
  const written = async () => ({
    rows: await db().db.select().from(evidenceFiles).orderBy(asc(evidenceFiles.id)),
    audit: Number((await db().db.select({ n: count() }).from(auditLog))[0]?.n),
  });

  beforeAll(async () => {
    const app = testApp(db());
    await addUser(db(), "zmd.finance", "finance", "411700");
    await addUser(db(), "yc.impl", "implementer", "411702");
    await addUser(db(), "xp.impl", "implementer", "411721");
    const city = await actingAs(db(), "zmd.finance");
    sheetId = (await launchZhumadianTask(db(), city, ["411702", "411721"])).sheetOf("411702");
    county = await signedIn(app.app, "yc.impl");
    sibling = await signedIn(app.app, "xp.impl");
    // What the download, refusal and sibling tests read: a photo for C.1 and the sheet's report.
    photoId = await upload("开工现场照片.png", PNG, "C.1");
    reportId = await upload("自评报告（终稿）.pdf", PDF, "");
  });

  /** Uploads a file as the county and gives its id. */
  async function upload(fileName: string, bytes: Uint8Array, indicatorCode?: string) {
    const res = await county.request("POST", evidencePath(), {
      form: form(fileName, bytes, indicatorCode),
    });
    expect(res.status).toBe(201);
    return res.json.id as number;
  }

  it("takes a multipart upload and answers 201 with the file", async () => {
    const res = await county.request("POST", evidencePath(), {
      form: form("竣工验收照片.png", PNG, "C.2"),
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(Number),
      sheetId,
      indicatorCode: "C.2",
      fileName: "竣工验收照片.png",
      contentType: "image/png",
      size: 16,
      sha256: PNG_SHA256,
      uploadedBy: "yc.impl",
      uploadedAt: expect.any(String),
    });
    const photo = res.json.id;
    // No indicatorCode (or an empty one, as an HTML form sends it): the sheet as a whole.
    const whole = await county.request("POST", evidencePath(), { form: form("附件.pdf", PDF) });
    expect(whole.status).toBe(201);
    expect(whole.json.indicatorCode).toBeNull();

    const list = await county.request("GET", evidencePath());
    expect(list.status).toBe(200);
    // The files in the order they came, this test's after the two the suite starts with.
    expect(list.json.files.map((f: { id: number }) => f.id)).toEqual([
      photoId,
      reportId,
      photo,
      whole.json.id,
    ]);
    expect(list.json.checklist.find((c: { code: string }) => c.code === "C.2")).toEqual({
      code: "C.2",
      name: "改造面积计划完成率",
      files: 1,
    });
    expect(list.json.missing).not.toContain("C.1");
    expect(list.json.missing).not.toContain("C.2");
    expect(list.json.missing).toHaveLength(10);
  });

  it("answers a wrong type 415 with the message naming the file, in Chinese or English", async () => {
    const before = await written();
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);
    const zh = await county.request("POST", evidencePath(), {
      form: form("setup.exe", exe, "C.1"),
    });
    expect(zh.status).toBe(415);
    expect(zh.json.error).toMatchObject({
      code: "evidence.type",
      message:
        "「setup.exe」不是允许的佐证材料类型（允许：PDF、Word（.docx）、Excel（.xlsx）、JPG、PNG）",
    });
    const renamed = await county.request("POST", evidencePath(), {
      form: form("开工证明.pdf", exe, "C.1"),
    });
    expect(renamed.status).toBe(415);
    expect(renamed.json.error.message).toBe(
      "「开工证明.pdf」的内容与扩展名 .pdf 不符，请上传原始文件",
    );
    const en = await county.request("POST", evidencePath(), {
      form: form("开工证明.pdf", exe, "C.1"),
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(en.json.error.message).toBe(
      "The content of 开工证明.pdf is not a .pdf file; upload the original",
    );
    const unknown = await county.request("POST", evidencePath(), {
      form: form("照片.png", PNG, "Z.9"),
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.message).toBe("指标体系中没有叶指标 Z.9");
    const noFile = new FormData();
    noFile.set("indicatorCode", "C.1");
    expect((await county.request("POST", evidencePath(), { form: noFile })).status).toBe(400);
    expect(await written()).toEqual(before);
  });

  it("answers a file over 20 MB 413 with the file's size and the limit", async () => {
    const before = await written();
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 5 * 1024 * 1024);
    big.set(PNG);
    const res = await county.request("POST", evidencePath(), { form: form("航拍全景.png", big) });
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({
      code: "evidence.too_large",
      message: "「航拍全景.png」为 25.0 MB，超过 20.0 MB 的上限",
    });
    // A body past the upload limit is refused by its Content-Length before it is read, and the
    // message names the evidence limit, not the larger one of data files.
    const huge = await county.request("POST", evidencePath(), {
      form: form("扫描件.pdf", PDF),
      headers: { "content-length": String(UPLOAD_LIMIT_BYTES + 1) },
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error).toMatchObject({
      code: "request.too_large",
      message: "请求体过大（上限 20 MB）",
    });
    expect(await written()).toEqual(before);
  });

  it("downloads with the content type, the UTF-8 file name and the same bytes", async () => {
    const photo = await county.request("GET", `/api/evidence/${photoId}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(photo.headers.get("content-disposition")).toBe(
      "attachment; filename=\"evidence.png\"; filename*=UTF-8''%E5%BC%80%E5%B7%A5%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png",
    );
    expect(photo.headers.get("x-content-type-options")).toBe("nosniff");
    expect(photo.bytes).toEqual(PNG);
    const report = await county.request("GET", `/api/evidence/${reportId}`);
    expect(report.headers.get("content-type")).toBe("application/pdf");
    const encoded = /filename\*=UTF-8''(.+)$/.exec(
      report.headers.get("content-disposition") ?? "",
    )?.[1];
    expect(decodeURIComponent(encoded ?? "")).toBe("自评报告（终稿）.pdf");
    expect(report.bytes).toEqual(PDF);
  });

  it("answers the sibling county 404 for the list, the upload, the download and the removal", async () => {
    const before = await written();
    const list = await sibling.request("GET", evidencePath());
    expect([list.status, list.json.error.code]).toEqual([404, "evaluation.sheet_not_found"]);
    const upload = await sibling.request("POST", evidencePath(), { form: form("照片.png", PNG) });
    expect([upload.status, upload.json.error.code]).toEqual([404, "evaluation.sheet_not_found"]);
    const download = await sibling.request("GET", `/api/evidence/${photoId}`);
    expect(download.status).toBe(404);
    expect(download.json.error).toMatchObject({
      code: "evidence.not_found",
      message: `佐证材料 ${photoId} 不存在`,
    });
    expect(download.bytes).not.toEqual(PNG);
    const removal = await sibling.request("DELETE", `/api/evidence/${photoId}`);
    expect([removal.status, removal.json.error.code]).toEqual([404, "evidence.not_found"]);
    expect(await written()).toEqual(before);
  });

  it("removes a file with 204; it is gone afterwards", async () => {
    const id = await upload("入户调查表.pdf", PDF, "C.3");
    expect((await county.request("GET", evidencePath())).json.missing).not.toContain("C.3");
    const res = await county.request("DELETE", `/api/evidence/${id}`);
    expect(res.status).toBe(204);
    expect((await county.request("GET", `/api/evidence/${id}`)).status).toBe(404);
    const list = await county.request("GET", evidencePath());
    expect(list.json.files.map((f: { id: number }) => f.id)).not.toContain(id);
    expect(list.json.files.map((f: { id: number }) => f.id)).toContain(photoId);
    expect(list.json.missing).toContain("C.3");
  });
});
