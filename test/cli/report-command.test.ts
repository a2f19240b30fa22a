// `jixiao report` offline, from a framework and an input file: the score table in xlsx and pdf; and
// from the database: the demo's score table and Guangdong's monitoring summary.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildDatabase, createChildDatabase, runJixiao } from "./jixiao-process.ts";

const dir = mkdtempSync(join(tmpdir(), "jixiao-report-"));
const ZHUMADIAN = [
  "--framework",
  "builtin:zhumadian-2020",
  "--input",
  "frameworks/zhumadian-2020/example-input.yaml",
];

describe("jixiao report", () => {
  it("writes Zhumadian's score table as .xlsx, the format read from the file name", async () => {
    const file = join(dir, "评分表.xlsx");
    const r = await runJixiao(["report", ...ZHUMADIAN, "--unit", "驻马店市", "-o", file], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已写入 / written: ${file}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("评分表");
    expect([sheet?.getCell("A4").value, sheet?.getCell("F4").value]).toEqual(["资金管理", 9.1]);
    expect(sheet?.getCell("F16").value).toBe(98.1);
  });

  it("writes Hangzhou's as .pdf with 90.7 and the satisfaction row's 6.6", async () => {
    const file = join(dir, "hangzhou.pdf");
    const r = await runJixiao(
      [
        "report",
        "--framework",
        "builtin:hangzhou-2020",
        "--input",
        "frameworks/hangzhou-2020/example-input.yaml",
        "-o",
        file,
      ],
      {},
    );
    expect(r.code).toBe(0);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toMatch(/合计\s+100\s+90\.7\s+评价等级：优/);
    expect(text).toContain("82.75%");
  });

  it("refuses an unknown format and a missing source with exit 2", async () => {
    const txt = await runJixiao(["report", ...ZHUMADIAN, "-o", join(dir, "x.txt")], {});
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain("须为 docx、xlsx 或 pdf");
    const none = await runJixiao(["report", "-o", join(dir, "x.docx")], {});
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      "须给出 --sheet、--evaluation，或同时给出 --framework 与 --input",
    );
  });
});

describe("jixiao report from the database", () => {
  let child: ChildDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    child = await createChildDatabase("pglite");
    env = { ...child.env, JIXIAO_ADMIN_PASSWORD: "Cli-Report-Passw0rd!" };
    expect((await runJixiao(["seed-demo"], env)).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await child?.destroy();
  });

  it("writes Guangdong 2024's monitoring summary with 19.21% and the demo city's score table", async () => {
    const file = join(dir, "广东.docx");
    const r = await runJixiao(
      ["report", "--template", "monitoring", "--region", "440000", "--year", "2024", "-o", file],
      env,
    );
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("支出率19.21%");
    const sheet = join(dir, "驻马店.xlsx");
    expect((await runJixiao(["report", "--sheet", "1", "-o", sheet], env)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(sheet) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("评分表")?.getCell("F16").value).toBe(98.1);
  });
});
