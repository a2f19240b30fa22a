// End to end in Chromium: the monitoring page downloads the 绩效运行监控情况 report and the alerts as
// Excel, names spend lag 红色预警 (never 错误) and rules in words, and a finding's link opens its row in
// 项目数据, highlighted; the checks page exports its filtered findings. Screenshots in test-artifacts/e2e.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artifactDir,
  chooseRegion,
  describePagesOnFailure,
  launchBrowser,
} from "../helpers/browser.ts";
import { ADMIN_PASSWORD, startTestServer } from "../helpers/server.ts";

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });
const shots = artifactDir("e2e");

async function rowsOf(download: Download, sheetName: string): Promise<unknown[][]> {
  const path = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.getWorksheet(sheetName)?.eachRow((row) => {
    out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

describe("checks and monitoring walk", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1366, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-username").fill("admin");
    await page.getByTestId("login-password").fill(ADMIN_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-monitoring").waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 180_000);

  it("names levels and rules in words and downloads the monitoring report", async () => {
    await page.goto(`${server.url}/monitoring?year=2024`);
    await chooseRegion(page, "广东省");
    const alerts = page.getByTestId("alerts").locator("tbody tr[data-rule]");
    await poll(() => alerts.count()).toBe(15);
    const first = alerts.first();
    expect(await first.getAttribute("data-rule")).toBe("monitor.spend-far-behind");
    expect(await first.getAttribute("data-level")).toBe("red-alert");
    const cells = await first.locator("td").allTextContents();
    expect(cells.slice(0, 3)).toEqual(["红色预警", "韶关市", "支出进度严重落后于时间进度"]);
    // No rule code and no 错误 anywhere on the monitoring page.
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain("monitor.");
    expect(text).not.toContain("错误");
    await shot("30-monitoring-levels-zh");

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByTestId("monitor-report-docx").click(),
    ]);
    expect(download.suggestedFilename()).toBe("广东省2024年绩效运行监控情况.docx");
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(bytes.length).toBeGreaterThan(5_000);
  }, 180_000);

  it("exports the alerts as Excel with the levels in words and numbers as numbers", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByTestId("alerts-export").click(),
    ]);
    expect(download.suggestedFilename()).toBe("广东省2024年度运行监控预警.xlsx");
    const rows = await rowsOf(download, "检查结果");
    expect(rows[1]?.slice(0, 3)).toEqual(["序号", "级别", "类别"]);
    const listed = rows.slice(2).filter((r) => typeof r[0] === "number");
    expect(listed).toHaveLength(15);
    expect(listed[0]?.slice(1, 7)).toEqual([
      "红色预警",
      "运行监控",
      "440200",
      "韶关市",
      "2024年城镇老旧小区改造专项资金",
      "支出进度严重落后于时间进度",
    ]);
    const figures = await rowsOf(download, "涉及数据");
    expect(figures[2]).toEqual([
      1,
      "韶关市",
      "支出进度严重落后于时间进度",
      "实际支出（万元）",
      658.54,
    ]);
  }, 180_000);

  it("follows a finding to its row in 项目数据, highlighted", async () => {
    const link = page.getByTestId("alerts").locator("tbody tr[data-rule]").first();
    await link.getByTestId("finding-row-link").click();
    await poll(() => new URL(page.url()).pathname).toBe("/data/allocations");
    const url = new URL(page.url());
    expect(url.searchParams.get("year")).toBe("2024");
    expect(url.searchParams.get("region")).toBe("440200");
    const highlighted = page.getByTestId("data-table").locator("tr[data-highlighted='true']");
    await poll(() => highlighted.count()).toBe(1);
    expect(await highlighted.getAttribute("data-row-key")).toBe(url.searchParams.get("row"));
    expect(await highlighted.textContent()).toContain("韶关市");
    await shot("31-finding-row-zh");
  }, 180_000);

  it("exports the checks page's filtered findings", async () => {
    await page.goto(`${server.url}/checks?year=2024`);
    await chooseRegion(page, "广东省");
    await poll(() => page.getByTestId("checks-summary").textContent()).toBe(
      "广东省 2024 年度：错误 0 项，警告 7 项，提示 2 项；运行监控红色预警 15 项，黄色预警 0 项",
    );
    await page.getByTestId("checks-severity").click();
    await page.locator(".ant-select-item-option[title='警告']").click();
    await poll(() => page.getByTestId("findings").locator("tbody tr[data-rule]").count()).toBe(7);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByTestId("checks-export").click(),
    ]);
    const rows = await rowsOf(download, "检查结果");
    const listed = rows.slice(2).filter((r) => typeof r[0] === "number");
    expect(listed).toHaveLength(7);
    expect(new Set(listed.map((r) => r[1]))).toEqual(new Set(["警告"]));
    expect(rows.at(-1)?.[0]).toBe("级别：警告");
    await shot("32-checks-export-zh");
  }, 180_000);
});
