// End to end in Chromium: the monitoring page ranks Guangdong's cities by spend rate with alerts, and
// the checks page lists and filters the findings. Screenshots in test-artifacts/e2e.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artifactDir,
  chooseRegion,
  describePagesOnFailure,
  launchBrowser,
} from "../helpers/browser.ts";
import { ADMIN_PASSWORD, startTestServer } from "../helpers/server.ts";

/** Polls as long as the page's own timeout: a loaded machine runs the other suites alongside. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const shots = artifactDir("e2e");

describe("monitoring and checks in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-username").fill("admin");
    await page.getByTestId("login-password").fill(ADMIN_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-monitoring").waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("ranks Guangdong's 15 cities and 省本级 by spend rate, against the time schedule", async () => {
    await page.goto(`${server.url}/monitoring?year=2024`);
    await chooseRegion(page, "广东省");
    const total = page.getByTestId("monitor-total");
    await poll(() => total.textContent()).toBe(
      "广东省：预算指标 18,860 万元，实际支出 3,623.35 万元，支出率 19.21%，时间进度 100.00%（截至 2024-12-31）",
    );
    const rows = page.getByTestId("spend-ranking").locator("tbody tr[data-region]");
    await poll(() => rows.count()).toBe(16);
    const first = await rows.nth(0).locator("td").allTextContents();
    expect(first.slice(0, 2)).toEqual(["1", "广东省（本级）"]);
    const second = await rows.nth(1).locator("td").allTextContents();
    expect(second).toEqual([
      "2",
      "揭阳市",
      "176",
      "176",
      "110",
      "62.50%",
      "100.00%",
      "37.50",
      "红色预警",
    ]);
    const last = await rows.nth(15).locator("td").allTextContents();
    expect(last.slice(0, 2)).toEqual(["16", "湛江市"]);
    expect(last[5]).toBe("0.87%");
    const alerts = page.getByTestId("alerts").locator("tbody tr[data-rule]");
    await poll(() => alerts.count()).toBe(15);
    expect(await alerts.first().textContent()).toContain(
      "支出率 45.64%，时间进度 100.00%，落后 54.36 个百分点",
    );
    await shot("20-monitoring-guangdong");
  });

  it("lists the checker's findings and filters them by severity and region", async () => {
    await page.goto(`${server.url}/checks?year=2024`);
    await chooseRegion(page, "广东省");
    await poll(() => page.getByTestId("checks-summary").textContent()).toBe(
      "广东省 2024 年度：错误 0 项，警告 7 项，提示 2 项；运行监控红色预警 15 项，黄色预警 0 项",
    );
    const rows = page.getByTestId("findings").locator("tbody tr[data-rule]");
    await page.getByTestId("checks-severity").click();
    await page.locator(".ant-select-item-option[title='警告']").click();
    await poll(() => rows.count()).toBe(7);
    await page.getByTestId("checks-region").click();
    await page.keyboard.type("云浮");
    await page.locator(".ant-select-item-option[title='云浮市（1）']").click();
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-rule")).toBe("plausibility.outlier");
    expect(await rows.first().textContent()).toContain(
      "云浮市楼栋数完成率 329.55%（计划 247栋，实际 814栋）",
    );
    await shot("21-checks-guangdong");
    // 15 errors and 7 warnings; Guangdong's table has no indicator scores that lost points.
    await poll(() => page.getByTestId("problems-tab").textContent()).toBe("候选问题（22）");
    await page.getByTestId("problems-tab").click();
    await poll(() => page.getByTestId("problems").locator("tbody tr").count()).toBe(20);
  });
});
