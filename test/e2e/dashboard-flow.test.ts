// End to end in Chromium: the dashboard of Guangdong 2024 (15 cities, drill-down and back up) and of
// 驻马店市 2020 (the demo evaluation's counties ranked, grades counted), each chart as a table and a PNG.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artifactDir,
  describePagesOnFailure,
  downloadFrom,
  launchBrowser,
} from "../helpers/browser.ts";
import { ADMIN_PASSWORD, startTestServer } from "../helpers/server.ts";

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const shots = artifactDir("e2e");

describe("the dashboard in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const scope = () => page.getByTestId("dash-scope").textContent();
  const asTable = (chart: string) =>
    page.getByTestId(`chart-${chart}-view`).getByText("表格", { exact: true }).click();
  const tableRows = (chart: string) =>
    page.getByTestId(`chart-${chart}-table`).locator("tbody tr.ant-table-row");
  const cells = async (chart: string, n: number) =>
    (await tableRows(chart).nth(n).locator("td").allTextContents()).join("|");

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1280, height: 1000 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-username").fill("admin");
    await page.getByTestId("login-password").fill(ADMIN_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-dashboard").waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows Guangdong 2024: 19.21% spent, its cities ranked, and drills down to a city and back", async () => {
    await page.goto(`${server.url}/dashboard?year=2024`);
    await page.getByTestId("region-tree").getByText("广东省", { exact: true }).click();
    await poll(scope).toBe("广东省");
    await poll(() => page.getByTestId("dash-spend-rate").textContent()).toContain("19.21");
    await poll(() => page.getByTestId("chart-regions").locator("canvas").count()).toBe(1);
    await shot("40-dashboard-guangdong");

    // The PNG export of the regions chart is a real PNG image.
    const download = await downloadFrom(page, () => page.getByTestId("chart-regions-png").click());
    const file = await download.path();
    expect([...readFileSync(file).subarray(0, 8)]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);

    await asTable("regions");
    await poll(() => tableRows("regions").count()).toBe(16);
    expect(await cells("regions", 0)).toBe("广东省（本级）|188|188|100.00%|—|—");
    expect(await cells("regions", 1)).toBe("揭阳市|176|110|62.50%|100.00%|—");
    expect(await cells("regions", 15)).toMatch(/^湛江市\|.*\|0\.87%\|/);
    expect(await page.getByTestId("dash-alerts").locator("tbody tr.ant-table-row").count()).toBe(8);
    // Spend lag is named as monitoring names it: 红色预警 / 黄色预警, never 错误.
    const levels = await page
      .getByTestId("dash-alerts")
      .locator("tbody .ant-tag")
      .allTextContents();
    expect(levels.length).toBe(8);
    for (const level of levels) expect(["红色预警", "黄色预警"]).toContain(level);

    await page.getByTestId("chart-regions-table").getByText("汕头市", { exact: true }).click();
    await poll(scope).toBe("汕头市");
    expect(await page.getByTestId("dash-trail").textContent()).toContain("广东省");
    await poll(() => page.getByTestId("dash-spend-rate").textContent()).toContain("4.53");
    await page.getByTestId("dash-trail").getByText("广东省", { exact: true }).click();
    await poll(scope).toBe("广东省");
  });

  it("shows 驻马店市 2020: the counties of the demo evaluation ranked by score, grades counted", async () => {
    await page.goto(`${server.url}/dashboard?year=2020`);
    await page.getByTestId("region-tree").getByText("河南省", { exact: true }).click();
    await poll(scope).toBe("河南省");
    await asTable("regions");
    await page.getByTestId("chart-regions-table").getByText("驻马店市", { exact: true }).click();
    await poll(scope).toBe("驻马店市");
    await asTable("scores");
    await poll(() => tableRows("scores").count()).toBe(10);
    expect(await cells("scores", 0)).toBe("1|驿城区|99.1|优|本系统评价（已审定）");
    expect(await cells("scores", 9)).toBe("10|新蔡县|44.1|差|本系统评价（已审定）");
    await asTable("grades");
    expect(await Promise.all([0, 1, 2, 3].map((n) => cells("grades", n)))).toEqual([
      "优|5",
      "良|3",
      "中|0",
      "差|2",
    ]);
    await shot("41-dashboard-zhumadian");
  });
});
