// End to end in Chromium: download a template, import a wrong file (every problem listed), import a
// right one through the preview, correct a cell in place, export. Screenshots in test-artifacts/e2e.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/xlsx/index.ts";
import {
  artifactDir,
  describePagesOnFailure,
  downloadFrom,
  launchBrowser,
} from "../helpers/browser.ts";
import { ADMIN_PASSWORD, startTestServer } from "../helpers/server.ts";

const shots = artifactDir("e2e");

/** Fills the downloaded template below its example row, as a clerk would in Excel. */
async function fill(template: string, rows: Record<string, string | number>[], out: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet("小区项目台账");
  if (!sheet) throw new Error("no sheet");
  const headers = Array.from(sheet.getRow(2).values as unknown[], (v) => String(v ?? ""));
  rows.forEach((values, i) => {
    for (const [prefix, value] of Object.entries(values)) {
      const col = headers.findIndex((h) => h.startsWith(prefix));
      sheet.getRow(5 + i).getCell(col).value = value;
    }
  });
  await workbook.xlsx.writeFile(out);
}

const community = (name: string, households: string | number) => ({
  地区: "驿城区",
  小区名称: name,
  户数: households,
  楼栋数: 12,
  建筑面积: 28500,
  改造内容: "基础类、完善类",
  中央补助: 180.5,
  状态: "在建",
});

describe("programme data in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  let dir: string;
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jixiao-e2e-files-"));
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-username").fill("admin");
    await page.getByTestId("login-password").fill(ADMIN_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-data").click();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows the demo data of the seed reports, exactly", async () => {
    await page.goto(`${server.url}/data/allocations?year=2024`);
    const table = page.getByTestId("data-table");
    await expect.poll(() => table.getByText("1,204.96").count()).toBe(1);
    expect(await table.getByText("汕头市").count()).toBe(1);
    await shot("10-data-allocations");
  });

  it("downloads the communities template", async () => {
    await page.goto(`${server.url}/data/communities?year=2021`);
    const file = await downloadFrom(page, () => page.getByTestId("data-template").click());
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await file.saveAs(join(dir, "template.xlsx"));
    const grids = await readWorkbook(readFileSync(join(dir, "template.xlsx")), "template.xlsx");
    expect(grids[0]?.rows[1]?.slice(0, 3)).toEqual(["序号", "地区*", "小区名称*"]);
  });

  it("lists every problem of a wrong file and writes nothing", async () => {
    await fill(
      join(dir, "template.xlsx"),
      [
        { ...community("火星小区", 300), 地区: "火星市" },
        community("坏数字小区", "三百"),
        { ...community("", 100), 小区名称: "" },
      ],
      join(dir, "wrong.xlsx"),
    );
    await page.getByTestId("data-import").click();
    await page
      .getByTestId("import-dialog")
      .locator("input[type=file]")
      .setInputFiles(join(dir, "wrong.xlsx"));
    const issues = page.getByTestId("import-issues");
    await expect.poll(() => issues.locator("tbody tr.ant-table-row").count()).toBe(3);
    const text = (await issues.textContent()) ?? "";
    expect(text).toContain("地区「火星市」不存在");
    expect(text).toContain("「户数*」的值「三百」不是整数");
    expect(text).toContain("「小区名称*」必填，不能为空");
    expect(await page.getByText(/共有 3 处错误，整个文件未导入/).count()).toBe(1);
    await shot("11-import-issues");
  });

  it("imports a right file after a preview, then shows its rows", async () => {
    await fill(
      join(dir, "template.xlsx"),
      [
        community("纺织厂家属院", 320),
        community("人民路12号院", 412),
        community("铁路新村", "1,204"),
      ],
      join(dir, "right.xlsx"),
    );
    await page.getByText("重新选择文件").click();
    await page
      .getByTestId("import-dialog")
      .locator("input[type=file]")
      .setInputFiles(join(dir, "right.xlsx"));
    const preview = page.getByTestId("import-preview");
    await expect.poll(() => preview.textContent()).toContain("纺织厂家属院");
    expect(await preview.locator(".ant-statistic-content-value").first().textContent()).toBe("3");
    await shot("12-import-preview");
    await page.getByTestId("import-confirm").click();
    const table = page.getByTestId("data-table");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBe(3);
    expect(await table.getByText("1,204").count()).toBe(1);
    expect(await table.getByText("28,500").count()).toBe(3);
    expect(await table.getByText("180.5").count()).toBe(3);
    // 3 × 180.5 万元 central subsidy; 3 × 28,500 m²; 320 + 412 + 1,204 households.
    expect(await page.getByTestId("community-totals").textContent()).toBe(
      "按小区项目台账汇总（全国）：3 个小区、36 栋、1,936 户，建筑面积 85,500 平方米，总投资 541.5 万元",
    );
    await shot("13-imported");
  });

  it("corrects a cell in place: a wrong value is refused with the reason, a right one saved", async () => {
    const table = page.getByTestId("data-table");
    await table.locator("tr", { hasText: "铁路新村" }).getByTestId("cell-households").click();
    const editor = table.getByTestId("data-cell-editor");
    await editor.fill("很多");
    await editor.press("Enter");
    await expect
      .poll(() => table.getByTestId("data-cell-error").textContent())
      .toContain("不是整数");
    await shot("14-inline-error");
    await editor.fill("2,000");
    await editor.press("Enter");
    await expect.poll(() => table.getByText("2,000").count()).toBe(1);
  });

  it("exports what the table shows, in the template's layout", async () => {
    const file = await downloadFrom(page, () => page.getByTestId("data-export").click());
    await file.saveAs(join(dir, "export.xlsx"));
    const [grid] = await readWorkbook(readFileSync(join(dir, "export.xlsx")), "export.xlsx");
    const households = (grid?.rows ?? []).slice(3).map((r) => r[5]);
    expect(households.map(Number).sort((a, b) => a - b)).toEqual([320, 412, 2000]);
  });
});
