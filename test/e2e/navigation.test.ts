// End to end in Chromium: the region and year live in the URL. 河南省's finance office opens the
// dashboard on the latest year with data (2020, the demo's 驻马店市 evaluation), drills down 河南省 →
// 驻马店市 → 驿城区, Back returns to 驻马店市, a reload keeps the county, and the copied link opens the
// same county and year in a fresh browser; a link to a region outside the scope falls back to the
// user's own. Empty years say what to do next (template → import, the years with data, 项目数据).
// On a phone the menu button sits in the header, clear of the region heading, the alert table's city
// names stay on one line, and the account's actions fold into a dropdown. Screenshots, desktop and
// phone, zh-CN and en-US, in test-artifacts/navigation.
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { artifactDir, downloadFrom, launchBrowser } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const shots = artifactDir("navigation");
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

/** The region and year of a page's URL. */
function scopeOf(page: Page): { region: string | null; year: string | null } {
  const url = new URL(page.url());
  return { region: url.searchParams.get("region"), year: url.searchParams.get("year") };
}

/** How many lines an element's text takes (one rectangle per line of a text range). */
const lineCount = (el: unknown) => {
  const node = el as { ownerDocument: { createRange(): unknown } };
  const range = node.ownerDocument.createRange() as {
    selectNodeContents(n: unknown): void;
    getClientRects(): { length: number };
  };
  range.selectNodeContents(node);
  return range.getClientRects().length;
};

describe("navigation state in the URL", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  /** Closes the browsers a test opened: a loaded machine runs the next one faster. */
  const closeAll = async () => {
    for (const context of contexts) await context.close();
    contexts = [];
  };

  /** A fresh browser (no cookies) signed in as a demo user. */
  async function signIn(
    username: string,
    options: { viewport?: typeof DESKTOP; locale?: "zh-CN" | "en-US" } = {},
  ): Promise<Page> {
    const locale = options.locale ?? "zh-CN";
    const context = await browser.newContext({
      viewport: options.viewport ?? DESKTOP,
      locale,
      acceptDownloads: true,
    });
    contexts.push(context);
    await context.addInitScript(`window.localStorage.setItem("jixiao.locale", "${locale}");`);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(server.demoPassword);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("app-title").waitFor();
    await page.waitForURL((url) => url.pathname !== "/login");
    return page;
  }
  const scope = (page: Page) => page.getByTestId("dash-scope").textContent();
  /** Shows a chart card as its table (the second choice of its chart/table switch). */
  const asTable = (page: Page, chart: string) =>
    page.getByTestId(`chart-${chart}-view`).locator(".ant-segmented-item").nth(1).click();
  const treeSelection = (page: Page) =>
    page.getByTestId("region-tree").locator(".ant-tree-treenode-selected").textContent();

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 120_000);

  afterEach(closeAll);

  afterAll(async () => {
    await closeAll();
    await browser?.close();
    await server?.stop();
  });

  it("opens on the latest year with data, drills down, goes Back, reloads and shares the view", async () => {
    const page = await signIn("henan.finance");
    await page.getByTestId("nav-dashboard").click();
    // No year given: the latest one with data in 河南省, written into the URL.
    await poll(() => scopeOf(page)).toEqual({ region: "410000", year: "2020" });
    await poll(() => scope(page)).toBe("河南省");
    expect(await page.getByTestId("dash-year").textContent()).toContain("2020");
    await poll(() => page.getByTestId("dash-spend-rate").textContent()).toContain("100.00");
    await page.screenshot({ path: join(shots, "10-dashboard-henan-zh.png") });

    await asTable(page, "regions");
    await page.getByTestId("chart-regions-table").getByText("驻马店市", { exact: true }).click();
    await poll(() => scope(page)).toBe("驻马店市");
    expect(scopeOf(page)).toEqual({ region: "411700", year: "2020" });
    await poll(() => treeSelection(page)).toBe("驻马店市");

    await asTable(page, "scores");
    await page.getByTestId("chart-scores-table").getByText("驿城区", { exact: true }).click();
    await poll(() => scope(page)).toBe("驿城区");
    expect(scopeOf(page)).toEqual({ region: "411702", year: "2020" });
    await poll(() => treeSelection(page)).toBe("驿城区");
    expect(await page.getByTestId("dash-trail").textContent()).toContain("驻马店市");

    // Back returns to the city, not out of the dashboard; Forward to the county again.
    await page.goBack();
    await poll(() => scope(page)).toBe("驻马店市");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    expect(scopeOf(page)).toEqual({ region: "411700", year: "2020" });
    await page.goForward();
    await poll(() => scope(page)).toBe("驿城区");

    // A reload keeps the county and its year; the tree opens down to it.
    await page.reload();
    await poll(() => scope(page)).toBe("驿城区");
    expect(scopeOf(page)).toEqual({ region: "411702", year: "2020" });
    await poll(() => treeSelection(page)).toBe("驿城区");
    await page.screenshot({ path: join(shots, "11-dashboard-county-reloaded-zh.png") });

    // The copied link, opened by the same user in a fresh browser, shows the same view.
    const link = page.url();
    const fresh = await signIn("henan.finance");
    await fresh.goto(link);
    await poll(() => scope(fresh)).toBe("驿城区");
    expect(scopeOf(fresh)).toEqual({ region: "411702", year: "2020" });
    expect(await fresh.getByTestId("dash-year").textContent()).toContain("2020");

    // The menu keeps the region and year: 项目数据 opens on 驿城区 2020 (whose programme is the city's).
    await fresh.getByTestId("nav-data").click();
    await poll(() => scopeOf(fresh)).toEqual({ region: "411702", year: "2020" });
    await poll(() => fresh.getByTestId("data-empty").textContent()).toContain(
      "驿城区 2020 年度暂无「项目」数据",
    );
  });

  it("falls back to the user's own region, without an error, for a link outside their scope", async () => {
    const page = await signIn("henan.finance");
    await page.goto(`${server.url}/dashboard?region=440000&year=2024`);
    await poll(() => scopeOf(page)).toEqual({ region: "410000", year: "2024" });
    await poll(() => scope(page)).toBe("河南省");
    expect(await page.locator(".ant-alert-error").count()).toBe(0);
  });

  it("says what to do next on an empty year: template → import, the years with data, 项目数据", async () => {
    const page = await signIn("henan.finance");
    await page.goto(`${server.url}/dashboard?region=410000&year=2023`);
    await page.getByTestId("dash-empty").waitFor();
    expect(await page.getByTestId("dash-empty").textContent()).toContain(
      "河南省 2023 年度暂无数据",
    );
    await page.getByTestId("empty-year-2020").waitFor();
    await page.screenshot({ path: join(shots, "20-dashboard-empty-zh.png") });
    await page.getByTestId("dash-empty-data").click();
    await poll(() => new URL(page.url()).pathname).toBe("/data");
    expect(scopeOf(page)).toEqual({ region: "410000", year: "2023" });

    await poll(() => page.getByTestId("data-empty").textContent()).toContain(
      "河南省 2023 年度暂无「项目」数据",
    );
    const template = await page.getByTestId("data-empty-template").getAttribute("href");
    expect(template).toBe("/api/datasets/programmes/template?regionCode=410000&year=2023");
    await page.getByTestId("empty-year-2020").waitFor();
    await page.screenshot({ path: join(shots, "21-data-empty-zh.png"), fullPage: true });
    // The template is a real download of an .xlsx workbook (a zip).
    const download = await downloadFrom(page, () =>
      page.getByTestId("data-empty-template").click(),
    );
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    // 导入 opens the import dialog for this data set, region and year.
    await page.getByTestId("data-empty-import").click();
    await poll(() => page.locator(".ant-modal").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    // The way out: the year with this data set's rows, in the URL.
    await page.getByTestId("empty-year-2020").click();
    await poll(() => scopeOf(page)).toEqual({ region: "410000", year: "2020" });
    await poll(() =>
      page.getByTestId("data-table").locator("tbody tr.ant-table-row").count(),
    ).toBeGreaterThan(0);
  });

  it("in English: the dashboard's stages and measures from the catalogue, empty pages too", async () => {
    const page = await signIn("henan.finance", { locale: "en-US" });
    await page.getByTestId("nav-dashboard").click();
    await poll(() => scope(page)).toBe("河南省");
    await poll(() => page.getByTestId("chart-plan-actual").locator("canvas").count()).toBe(1);
    await page.screenshot({ path: join(shots, "30-dashboard-henan-en.png"), fullPage: true });
    await asTable(page, "plan-actual");
    const first = await page
      .getByTestId("chart-plan-actual-table")
      .locator("tbody tr.ant-table-row")
      .first()
      .locator("td")
      .allTextContents();
    expect(first.slice(0, 2)).toEqual(["Started", "Communities"]);
    await page.goto(`${server.url}/data/targets?region=410000&year=2023`);
    await page.getByTestId("data-empty").waitFor();
    expect(await page.getByTestId("data-empty").textContent()).toContain("in 2023");
    await page.screenshot({ path: join(shots, "31-data-empty-en.png"), fullPage: true });
  });

  it("on a phone: the menu button clears the heading, city names stay on one line, the account folds", async () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const page = await signIn("gd.viewer", { viewport: PHONE, locale });
      await page.goto(`${server.url}/dashboard`);
      await poll(() => scopeOf(page)).toEqual({ region: "440000", year: "2024" });
      await poll(() => scope(page)).toBe("广东省");
      const alerts = page.getByTestId("dash-alerts").locator("tbody tr.ant-table-row");
      await poll(() => alerts.count()).toBe(8);

      // The toggle is in the header, above the page: it covers neither the heading nor a card.
      const toggle = await page.getByTestId("nav-toggle").boundingBox();
      const heading = await page.getByTestId("dash-scope").boundingBox();
      expect(toggle && heading && toggle.y + toggle.height <= heading.y).toBe(true);
      // Every city name of the alert table on one line.
      const names = alerts.locator("td:nth-child(2)");
      for (let i = 0; i < (await names.count()); i += 1) {
        expect(await names.nth(i).evaluate(lineCount)).toBe(1);
      }
      // The account's actions in one dropdown, inside the screen.
      const account = await page.getByTestId("account-menu").boundingBox();
      expect(account && account.x + account.width <= PHONE.width).toBe(true);
      await page.screenshot({ path: join(shots, `40-phone-dashboard-${locale}.png`) });
      await page.getByTestId("dash-alerts").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `41-phone-alerts-${locale}.png`) });
      await page.getByTestId("account-menu").click();
      await page.getByTestId("logout").waitFor();
      const logout = await page.getByTestId("logout").boundingBox();
      expect(logout && logout.x >= 0 && logout.x + logout.width <= PHONE.width).toBe(true);
      await page.screenshot({ path: join(shots, `42-phone-account-${locale}.png`) });
      await page.keyboard.press("Escape");

      // The menu opens as a drawer; choosing a region there closes it and goes to the region.
      await page.getByTestId("nav-toggle").click();
      await page.getByTestId("region-tree").getByText("汕头市", { exact: true }).click();
      await poll(() => scope(page)).toBe("汕头市");
      await poll(() => page.locator(".ant-drawer-open").count()).toBe(0);
      await page.screenshot({ path: join(shots, `43-phone-drilled-${locale}.png`) });
      await closeAll();
    }
  });
});
