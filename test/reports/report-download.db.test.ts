// Downloading the demo city's 评分表 over HTTP: the figures of the seed, the sibling county refused.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, expect, it } from "vitest";
import { artifactDir } from "../helpers/browser.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";
import { addUser } from "../helpers/fixtures.ts";
import { type ApiClient, signedIn, testApp } from "../helpers/http.ts";

describeOnBothDatabases("report downloads", "demo", (db) => {
  let reader: ApiClient;
  let sibling: ApiClient;
  let provinceReader: ApiClient;
  let citySheet: number;
  let yichengSheet: number;

  beforeAll(async () => {
    const app = testApp(db());
    await addUser(db(), "zmd.reader", "viewer", "411700");
    await addUser(db(), "xp.reader", "viewer", "411721");
    reader = await signedIn(app.app, "zmd.reader");
    sibling = await signedIn(app.app, "xp.reader");
    await addUser(db(), "gd.reader", "viewer", "440000");
    provinceReader = await signedIn(app.app, "gd.reader");
    const result = await db().db.execute(
      sql`select id, region_code as code from evaluation_sheets order by id`,
    );
    const rows = (result as unknown as { rows: { id: number; code: string }[] }).rows;
    citySheet = Number(rows.find((r) => r.code === "411700")?.id);
    yichengSheet = Number(rows.find((r) => r.code === "411702")?.id);
  });

  it("gives 驻马店市's score table as .docx, named after the region and year, with 98.1", async () => {
    const res = await reader.request(
      "GET",
      `/api/evaluation-sheets/${citySheet}/report?template=score-table&format=docx`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(decodeURIComponent(res.headers.get("content-disposition") ?? "")).toContain(
      "驻马店市2020年评分表.docx",
    );
    const zip = await JSZip.loadAsync(res.bytes);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain(">98.1<");
    expect(xml).toContain("填报单位：驻马店市");
  });

  it("gives the same table as a PDF whose text holds the figures and whose CJK font is embedded", async () => {
    const res = await reader.request(
      "GET",
      `/api/evaluation-sheets/${citySheet}/report?format=pdf`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const dir = mkdtempSync(join(tmpdir(), "jixiao-pdf-"));
    const file = join(dir, "评分表.pdf");
    writeFileSync(file, res.bytes);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("填报单位：驻马店市");
    expect(text).toContain("实际开工62395平方米，年度计划63120平方");
    expect(text).toMatch(/合计\s+100\s+98\.1/);
    // Every font embedded as a TrueType subset with a Unicode map, none drawn as Type 3 glyph
    // procedures, so the Chinese text above came out of real fonts: no tofu, no missing font.
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2);
    const listed = fonts.filter((l) => l.trim() !== "");
    expect(listed.length).toBeGreaterThan(0);
    expect(
      listed.filter((l) => !/ CID TrueType +Identity-H +yes +yes +yes +\d+ +\d+$/.test(l)),
    ).toEqual([]);
    // The first page renders, for a person to look at: test-artifacts/reports/score-table-1.png.
    const out = join(artifactDir("reports"), "score-table");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, out]);
    expect(readdirSync(artifactDir("reports")).some((f) => f.startsWith("score-table"))).toBe(true);
  });

  it("gives a county's as .xlsx with its own total, and refuses the sibling county", async () => {
    const res = await reader.request(
      "GET",
      `/api/evaluation-sheets/${yichengSheet}/report?format=xlsx`,
    );
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("评分表");
    expect(sheet?.getCell("F16").value).toBe(99.1);
    const refused = await sibling.request(
      "GET",
      `/api/evaluation-sheets/${yichengSheet}/report?format=xlsx`,
    );
    expect(refused.status).toBe(404);
  });

  it("gives Guangdong 2024's monitoring summary: 19.21% spent, 15 cities ranked, 165.86% started", async () => {
    const res = await reader.request(
      "GET",
      "/api/reports/monitoring?regionCode=440000&year=2024&format=docx",
    );
    // A city user cannot see the province.
    expect(res.status).toBe(403);
    const province = await provinceReader.request(
      "GET",
      "/api/reports/monitoring?regionCode=440000&year=2024&format=docx",
    );
    expect(province.status).toBe(200);
    expect(decodeURIComponent(province.headers.get("content-disposition") ?? "")).toContain(
      "广东省2024年绩效运行监控情况.docx",
    );
    const zip = await JSZip.loadAsync(province.bytes);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain(
      "截至2024年12月31日，广东省下达资金18860万元，实际支出3623.35万元，支出率19.21%，时间进度100.00%。",
    );
    expect(text).toContain("小区数计划700个，实际1161个，完成率165.86%");
    expect(text).toContain(
      "1. 湛江市支出率0.87%，时间进度100.00%，落后99.13个百分点（红色预警）。",
    );
    const xlsx = await provinceReader.request(
      "GET",
      "/api/reports/monitoring?regionCode=440000&year=2024&format=xlsx",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ranking = workbook.getWorksheet("分地区支出");
    // Title, header, then 省本级 (100%) and 揭阳市 (62.50%) first.
    expect([ranking?.getCell("B3").value, ranking?.getCell("B4").value]).toEqual([
      "广东省（本级）",
      "揭阳市",
    ]);
    expect(ranking?.getCell("C4").value).toBe(176);
  });

  it("gives 驻马店市's evaluation report: funds, targets, 98.1 优, the analysis, the 问题 and the annex", async () => {
    const res = await reader.request(
      "GET",
      `/api/evaluation-sheets/${citySheet}/report?template=evaluation-report&format=docx`,
    );
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(res.bytes);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
    );
    expect(paragraphs).toContain(
      "2020年，驻马店市项目资金共15129万元，其中上级补助15129万元（占100.00%）。",
    );
    expect(paragraphs).toContain(
      "截至2020年12月31日，下达资金15129万元，实际支出15129万元，支出率100.00%。",
    );
    expect(
      paragraphs.some(
        (p) => p.startsWith("开工：") && p.includes("小区数计划320个，实际336个，完成率105.00%"),
      ),
    ).toBe(true);
    expect(
      paragraphs.some((p) =>
        p.includes("经评价，驻马店市得分98.1分（满分100分），得分率98.10%，评价等级为“优”。"),
      ),
    ).toBe(true);
    expect(paragraphs).toContain("（一）资金管理（分值25分，得分24.1分，得分率96.40%）");
    expect(
      paragraphs.some((p) =>
        /^\d+\. 「C\.5 配建养老服务设施面积完成率」得 9 分（分值 10 分），扣 1 分/.test(p),
      ),
    ).toBe(true);
    // GB/T 9704's annexes: the label flush left, the title centred over the table.
    expect(paragraphs).toContain("附件1");
    expect(paragraphs).toContain("绩效评价指标评分表");
    expect(paragraphs).toContain("附件2");
    expect(xml).toContain(">98.1<");
  });
});
