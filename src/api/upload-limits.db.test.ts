// Hostile and oversized uploads through the real routes: zip bombs, too many rows, damaged zips, a
// YAML alias bomb and a file bad in every row answer 4xx with the JSON error shape, and write nothing.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import pino from "pino";
import { beforeAll, expect, it } from "vitest";
import { community, dataFile } from "../../test/helpers/data-files.ts";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { addUser } from "../../test/helpers/fixtures.ts";
import { type ApiClient, signedIn, testApp } from "../../test/helpers/http.ts";
import { rowBomb, textBomb } from "../../test/helpers/zip-bomb.ts";
import { allocationPlans, dataImports, evaluationTasks } from "../db/schema.ts";
import { DEFAULT_UPLOAD_LIMITS } from "../domain/upload-limits.ts";
import { chromiumPdf } from "../render/pdf.ts";
import { folderEvidenceStore } from "../storage/evidence-store.ts";
import { createApp } from "./app.ts";

const YICHENG = "411702"; // 驿城区
const GUANGDONG_MODEL = readFileSync(
  join(import.meta.dirname, "../../demo/guangdong-2024/allocation-model.json"),
  "utf8",
);

const xlsxForm = (bytes: Uint8Array, fileName: string) => {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], fileName));
  form.set("regionCode", YICHENG);
  form.set("year", "2020");
  return form;
};

describeOnBothDatabases("bounded uploads over HTTP", (db) => {
  let clerk: ApiClient;
  let strictClerk: ApiClient;
  let dept: ApiClient;
  let city: ApiClient;
  const imports = async () =>
    Number((await db().db.select({ n: count() }).from(dataImports))[0]?.n);
  const upload = (client: ApiClient, bytes: Uint8Array, fileName: string) =>
    client.request("POST", "/api/datasets/communities/imports", {
      form: xlsxForm(bytes, fileName),
    });

  beforeAll(async () => {
    const app = testApp(db());
    // The same app under an administrator's lowered row limit (JIXIAO_IMPORT_MAX_ROWS=10).
    const strict = createApp({
      database: db(),
      evidence: folderEvidenceStore(mkdtempSync(join(tmpdir(), "jixiao-evidence-"))),
      pdf: chromiumPdf("/usr/bin/chromium"),
      logger: pino({ level: "silent" }),
      uploadLimits: { ...DEFAULT_UPLOAD_LIMITS, maxRows: 10 },
    });
    await addUser(db(), "yicheng.clerk", "implementer", YICHENG);
    await addUser(db(), "gd.dept", "department", "440000");
    await addUser(db(), "zmd.finance", "finance", "411700");
    clerk = await signedIn(app.app, "yicheng.clerk");
    strictClerk = await signedIn(strict.app, "yicheng.clerk");
    dept = await signedIn(app.app, "gd.dept");
    city = await signedIn(app.app, "zmd.finance");
  });

  it("refuses a 1.6 MB file that inflates to 400 MB with 413 file.too_large, naming the limit", async () => {
    const before = await imports();
    const rows = await upload(clerk, await rowBomb(400, { lieAboutSize: true }), "县级台账.xlsx");
    expect(rows.status).toBe(413);
    expect(rows.json.error).toEqual({
      code: "file.too_large",
      message:
        "文件 县级台账.xlsx 工作表的行数超过上限（200,000 行），未读取；请拆分后分批上传，或请管理员调高 JIXIAO_IMPORT_MAX_ROWS",
      details: {
        file: "县级台账.xlsx",
        measure: "rows",
        limit: 200_000,
        setting: "JIXIAO_IMPORT_MAX_ROWS",
      },
    });
    const text = await upload(clerk, await textBomb(400, { lieAboutSize: true }), "文本.xlsx");
    expect(text.status).toBe(413);
    expect(text.json.error.message).toBe(
      "文件 文本.xlsx 解压后超过上限（200 MB），未读取；请拆分后分批上传，或请管理员调高 JIXIAO_UPLOAD_MAX_EXPANDED_MB",
    );
    expect(await imports()).toBe(before);
  });

  it("answers a damaged zip with 422 file.unreadable", async () => {
    const good = await dataFile("communities", [community("驿城区", "纺织厂家属院")], {
      year: 2020,
      scopeName: "驿城区",
    });
    const res = await upload(clerk, good.subarray(0, good.length - 100), "坏的.xlsx");
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("file.unreadable");
    expect(res.json.error.message).toBe(
      "无法读取文件 坏的.xlsx：不是有效的 .xlsx 文件（请在 Excel 或 WPS 中另存为 .xlsx）/ not a valid .xlsx file",
    );
  });

  it("lists the first 1,000 of 5,000 problems with the total", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) =>
      community("驿城区", `小区${i}`, { households: "三百" }),
    );
    const bytes = await dataFile("communities", rows, { year: 2020, scopeName: "驿城区" });
    const before = await imports();
    const res = await upload(clerk, bytes, "五千行.xlsx");
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("import.invalid");
    expect(res.json.error.message).toBe("文件 五千行.xlsx 有 5000 处错误，整个文件未导入：");
    const details = res.json.error.details as {
      issues: { row: number; code: string }[];
      total: number;
      truncated: boolean;
    };
    expect(details.total).toBe(5000);
    expect(details.truncated).toBe(true);
    expect(details.issues).toHaveLength(1000);
    expect(details.issues.every((i) => i.code === "cell.integer")).toBe(true);
    const first = details.issues[0]?.row ?? 0;
    expect(details.issues[999]?.row).toBe(first + 999);
    expect(await imports()).toBe(before);
  });

  it("applies a lowered row limit from the settings, and the default takes the same file", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => community("驿城区", `小区${i}`));
    const bytes = await dataFile("communities", rows, { year: 2020, scopeName: "驿城区" });
    const refused = await upload(strictClerk, bytes, "二十行.xlsx");
    expect(refused.status).toBe(413);
    expect(refused.json.error.details).toMatchObject({ measure: "rows", limit: 10 });
    expect(refused.json.error.message).toContain("工作表的行数超过上限（10 行）");
    const taken = await upload(clerk, bytes, "二十行.xlsx");
    expect(taken.status).toBe(201);
    expect(taken.json.added).toBe(20);
    // Its commit re-reads the stored file under the limits of the app that commits it.
    const strictCommit = await strictClerk.request(
      "POST",
      `/api/imports/${taken.json.importId}/commit`,
    );
    expect(strictCommit.status).toBe(413);
    const commit = await clerk.request("POST", `/api/imports/${taken.json.importId}/commit`);
    expect(commit.status).toBe(200);
  });

  it("guards the allocation data sheet the same way", async () => {
    const created = await dept.request("POST", "/api/allocations", {
      body: { regionCode: "440000", fileName: "广东.json", text: GUANGDONG_MODEL },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as number;
    const form = new FormData();
    form.set(
      "file",
      new File([new Uint8Array(await textBomb(400, { lieAboutSize: true }))], "分配数据.xlsx"),
    );
    form.set("version", "1");
    const res = await dept.request("POST", `/api/allocations/${id}/data`, { form });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("file.too_large");
    const [plan] = await db().db.select().from(allocationPlans);
    expect(plan?.version).toBe(1);
  });

  it("refuses a YAML alias bomb in an uploaded framework with 422, launching nothing", async () => {
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 12; i += 1) {
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    }
    const tasks = async () =>
      Number((await db().db.select({ n: count() }).from(evaluationTasks))[0]?.n);
    const before = await tasks();
    const res = await city.request("POST", "/api/evaluations", {
      body: {
        name: "炸弹",
        year: 2020,
        type: "department",
        regionCode: "411700",
        regions: ["411702"],
        frameworkFile: { fileName: "炸弹.yaml", text: lines.join("\n") },
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.error).toEqual({
      code: "file.alias_limit",
      message:
        "文件 炸弹.yaml 的 YAML 别名（*引用）展开次数超过上限 1000，未读取；请直接写出重复的内容",
    });
    expect(await tasks()).toBe(before);
  });
});
