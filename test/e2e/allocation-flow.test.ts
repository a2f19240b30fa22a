// End to end in Chromium on the demo's Guangdong 2024 allocation (因素法), as the province's housing
// department: the plan lists 15 cities whose amounts add up exactly, a city's derivation in words; a
// scenario with other weights is saved, compared with the plan and exported; then submitted.
// Screenshots in test-artifacts/e2e.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactDir, describePagesOnFailure, launchBrowser } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const shots = artifactDir("e2e");

describe("allocation in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  let planUrl = "";
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login`);
    // The province's housing department, as the seed's authors (广东省住房和城乡建设厅).
    await page.getByTestId("login-username").fill("gd.housing");
    await page.getByTestId("login-password").fill(server.demoPassword);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-allocations").waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows each city's amount with its derivation, adding up to the yuan", async () => {
    await page.getByTestId("nav-allocations").click();
    await page.goto(`${server.url}/allocations?year=2024`);
    const plans = page.getByTestId("allocations-table").locator("tr[data-plan]");
    await poll(() => plans.count()).toBe(1);
    expect(await plans.first().textContent()).toContain(
      "2024年广东省城镇老旧小区改造省级专项资金分配",
    );
    await shot("50-allocations");
    await plans.first().getByRole("link").first().click();
    await page.waitForURL((url) => /^\/allocations\/\d+$/.test(url.pathname));
    planUrl = page.url();

    await poll(() => page.getByTestId("allocation-totals-distributable").textContent()).toContain(
      "18,672.00",
    );
    expect(await page.getByTestId("allocation-totals-allocated").textContent()).toContain(
      "18,672.00",
    );
    const rows = page.getByTestId("allocation-results").locator("tr[data-region]");
    await poll(() => rows.count()).toBe(15);
    // Guangdong 2024 model, 汕头市: 9 × 优 1 × 储备一般 1.
    expect(await page.getByTestId("allocation-amount-440500").textContent()).toContain(
      "33,946,341",
    );
    await page
      .getByTestId("allocation-results")
      .locator("tr[data-region='440500'] .ant-table-row-expand-icon")
      .click();
    await poll(() => page.getByTestId("allocation-derivation-440500").textContent()).toContain(
      "改造建筑面积因素：166.88万平方米×9÷7469.8988×40%×186720000元=15016990.72元",
    );
    await shot("51-allocation-plan");
    // The regions' data as a sheet to fill in Excel or WPS.
    const [sheet] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("allocation-data-download").click(),
    ]);
    const data = new ExcelJS.Workbook();
    await data.xlsx.load(readFileSync(await sheet.path()) as unknown as ArrayBuffer);
    const filled = data.getWorksheet("分配数据");
    expect([
      filled?.getCell(3, 1).value,
      filled?.getCell(3, 2).value,
      filled?.getCell(3, 3).value,
    ]).toEqual(["440500", "汕头市", 166.88]);
  });

  it("saves a scenario with other weights, compares it with the plan and exports it", async () => {
    await page.getByTestId("allocation-copy").click();
    await page.getByTestId("allocation-copy-name").fill("方案二：面积50%、户数30%");
    await page.locator("#allocation-copy-ok").click();
    await page.waitForURL(
      (url) =>
        url.pathname !== new URL(planUrl).pathname && /^\/allocations\/\d+$/.test(url.pathname),
    );
    // The copy has loaded (its parameters would otherwise replace what is typed).
    await poll(() => page.getByTestId("allocation-name").textContent()).toBe(
      "方案二：面积50%、户数30%",
    );
    await poll(() => page.getByTestId("allocation-weight-sum").textContent()).toBe("100%");
    await page.getByTestId("allocation-weight-area").fill("50");
    await page.getByTestId("allocation-weight-households").fill("30");
    await poll(() => page.getByTestId("allocation-weight-sum").textContent()).toContain("100");
    await page.getByTestId("allocation-save").click();
    await poll(() => page.getByTestId("allocation-amount-440500").textContent()).not.toContain(
      "33,946,341",
    );
    expect(await page.getByTestId("allocation-totals-allocated").textContent()).toContain(
      "18,672.00",
    );

    await page.getByTestId("allocation-compare").click();
    const compared = page.getByTestId("allocation-compare-table").locator("tbody tr.ant-table-row");
    await poll(() => compared.count()).toBe(15);
    await shot("52-allocation-compare");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("allocation-export").click(),
    ]);
    expect(download.suggestedFilename()).toBe("方案二：面积50%、户数30%.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("分配结果");
    if (!sheet) throw new Error("no 分配结果 sheet");
    const last = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
    expect(last[0]).toBe("合计");
    expect(last).toContain(186720000);

    await page.getByTestId("allocation-action-submit").click();
    await page.locator("#allocation-submit-ok").click();
    await poll(() => page.getByTestId("allocation-status").textContent()).toBe("已提交");
    await shot("53-allocation-submitted");
  });
});
