// End to end in Chromium: a long download shows it is working and says why it failed; the allocation
// comparison shows each city's change in 万元 and % and a chart of the changes; the results table
// shows 取整调整 and 提示 at 1366 px without a sideways scroll. Screenshots in test-artifacts/e2e.
import { join } from "node:path";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactDir, downloadFrom, launchBrowser } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });
const shots = artifactDir("e2e");

/** Matches a sheet's evaluation report download in one format. */
const reportUrl = (format: string) => (url: URL) =>
  url.pathname.endsWith("/report") &&
  url.searchParams.get("template") === "evaluation-report" &&
  url.searchParams.get("format") === format;

describe("downloads and the allocation comparison in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: 1366, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(server.demoPassword);
    await page.getByTestId("login-submit").click();
    await page
      .getByTestId("nav-allocations")
      .or(page.getByTestId("nav-evaluations"))
      .first()
      .waitFor();
    return page;
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("spins on the PDF button while the report renders, then saves the PDF; a failure says why", async () => {
    const page = await signIn("zmd.housing");
    const tasks = (await page.evaluate(async () => (await fetch("/api/evaluations")).json())) as {
      items: { id: number; year: number }[];
    };
    const taskId = tasks.items.find((t) => t.year === 2020)?.id ?? 0;
    const task = (await page.evaluate(
      async (id) => (await fetch(`/api/evaluations/${id}`)).json(),
      taskId,
    )) as { sheets: { id: number; regionCode: string }[] };
    const sheet = task.sheets.find((s) => s.regionCode === "411700")?.id ?? 0;
    await page.goto(`${server.url}/evaluation-sheets/${sheet}/result`);
    const button = page.getByTestId("report-evaluation-report-pdf");
    await button.waitFor();

    // The PDF answer is held until the spinner has been seen: no timing is assumed.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(reportUrl("pdf"), async (route: Route) => {
      await held;
      await route.continue();
    });
    // The busy state is read while the answer is held; the download is awaited with it, so a
    // failed read leaves no wait behind.
    const file = await downloadFrom(
      page,
      async () => {
        await button.click();
        await poll(() => button.getAttribute("data-busy")).toBe("true");
        expect(await button.locator(".ant-btn-loading-icon").count()).toBe(1);
        expect(await button.textContent()).toContain("正在生成…");
        await page.screenshot({ path: join(shots, "60-download-pdf-busy.png") });
        release();
      },
      60_000,
    );
    expect(file.suggestedFilename()).toMatch(/^驻马店市.*\.pdf$/);
    await poll(() => button.getAttribute("data-busy")).toBe("false");
    expect(await button.textContent()).toBe("下载 PDF");
    await page.unroute(reportUrl("pdf"));

    // A refused rendering is shown with the server's reason, and nothing is saved.
    await page.route(reportUrl("docx"), (route: Route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({
          error: { code: "report.busy", message: "报告生成繁忙，请稍后再试" },
        }),
      }),
    );
    await page.getByTestId("report-evaluation-report-docx").click();
    await poll(() => page.locator(".ant-message").textContent()).toContain(
      "下载失败：报告生成繁忙，请稍后再试",
    );
    await page.screenshot({ path: join(shots, "61-download-failed.png") });
    await page.close();
  }, 120_000);

  it("compares a scenario with the plan: change in 万元 and %, a chart of the changes", async () => {
    const page = await signIn("gd.housing");
    await page.goto(`${server.url}/allocations?year=2024`);
    await page.getByTestId("allocations-table").locator("tr[data-plan] a").first().click();
    await page.waitForURL((url) => /^\/allocations\/\d+$/.test(url.pathname));
    const planUrl = page.url();
    await poll(() => page.getByTestId("allocation-amount-440500").textContent()).toContain(
      "33,946,341",
    );

    // 1366 px: every column of the results is on screen, none cut by a sideways scroll.
    const fits = await page.getByTestId("allocation-results").evaluate((el) => {
      const content = el.querySelector(".ant-table-content, .ant-table-body");
      return content ? content.scrollWidth <= content.clientWidth + 1 : true;
    });
    expect(fits).toBe(true);
    for (const title of ["取整调整（元）", "提示"]) {
      const header = page
        .getByTestId("allocation-results")
        .locator("th", { hasText: title })
        .first();
      const box = await header.boundingBox();
      expect(box && box.x + box.width <= 1366).toBe(true);
    }

    await page.getByTestId("allocation-copy").click();
    await page.getByTestId("allocation-copy-name").fill("方案二：面积50%、户数30%");
    await page.locator("#allocation-copy-ok").click();
    await page.waitForURL(
      (url) =>
        url.pathname !== new URL(planUrl).pathname && /^\/allocations\/\d+$/.test(url.pathname),
    );
    await poll(() => page.getByTestId("allocation-name").textContent()).toBe(
      "方案二：面积50%、户数30%",
    );
    await poll(() => page.getByTestId("allocation-weight-sum").textContent()).toBe("100%");
    await page.getByTestId("allocation-weight-area").fill("50");
    await page.getByTestId("allocation-weight-households").fill("30");
    await page.getByTestId("allocation-save").click();
    await poll(() => page.getByTestId("allocation-amount-440500").textContent()).toContain(
      "33,748,915",
    );

    await page.getByTestId("allocation-compare").click();
    const table = page.getByTestId("allocation-compare-table");
    await poll(() => table.locator("tbody tr.ant-table-row").count()).toBe(15);
    expect(await table.locator("th", { hasText: "变化幅度（%）" }).count()).toBe(1);
    // 汕头市: 33,748,915 − 33,946,341 = −197,426 元 = −19.74 万元, −0.58%.
    const shantou = table.locator("tr[data-region='440500']");
    expect(await shantou.textContent()).toContain("-19.74");
    expect(await page.getByTestId("allocation-change-pct-440500-1").textContent()).toBe("-0.58%");
    const chart = page.getByTestId("chart-allocation-compare");
    expect(await chart.textContent()).toContain("各地区分配金额的变化");
    await chart.locator("canvas").first().waitFor();
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "62-allocation-change-chart.png") });
    // The chart's table view lists the same changes.
    await page.getByTestId("chart-allocation-compare-view").getByText("表格").click();
    await poll(() => chart.textContent()).toContain("-0.58%");
    await page.close();
  }, 180_000);
});
