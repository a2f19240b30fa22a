// End to end in Chromium: sign in, switch the language, browse the region tree, create a user, and
// find the change and the refused sign-in in the audit log. Screenshots go to test-artifacts/e2e
// (git-ignored).
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactDir, describePagesOnFailure, launchBrowser } from "../helpers/browser.ts";
import { ADMIN_PASSWORD, startTestServer } from "../helpers/server.ts";

const shots = artifactDir("e2e");

describe("the administrator's first session in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
    // Fail with the locator's own message well before the test's time-out.
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("refuses a wrong password with the server's Chinese message", async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-username").fill("admin");
    await page.getByTestId("login-password").fill("wrong-password");
    await page.getByTestId("login-submit").click();
    await expect.poll(() => page.getByText("用户名或密码错误").count()).toBeGreaterThan(0);
    await shot("01-login-refused");
  });

  it("signs in and shows the region tree from the nation down, loading a level on demand", async () => {
    await page.getByTestId("login-password").fill(ADMIN_PASSWORD);
    await page.getByTestId("login-submit").click();
    const tree = page.getByTestId("region-tree");
    // The root (the admin's own region, 全国) opens expanded; each further level loads when opened.
    await expect.poll(() => tree.getByText("河南省").count()).toBe(1);
    expect(await tree.getByText("驻马店市").count()).toBe(0);
    await tree
      .locator(".ant-tree-treenode")
      .filter({ hasText: "河南省" })
      .locator(".ant-tree-switcher")
      .click();
    await expect.poll(() => tree.getByText("驻马店市").count()).toBe(1);
    await tree.getByText("驻马店市").click();
    await expect.poll(() => page.getByTestId("region-detail").textContent()).toMatch(/411700/);
    await expect
      .poll(() => page.getByTestId("region-path").textContent())
      .toMatch(/全国.*河南省.*驻马店市/);
    await shot("02-home-region-tree");
  });

  it("switches to English and back", async () => {
    await page.getByTestId("lang-switch").getByText("English").click();
    await expect.poll(() => page.getByTestId("nav-users").textContent()).toMatch(/Users/);
    await shot("03-english");
    await page.getByTestId("lang-switch").getByText("中文").click();
    await expect.poll(() => page.getByTestId("nav-users").textContent()).toMatch(/用户管理/);
  });

  it("creates a user bound to a city and sees it in the list", async () => {
    await page.getByTestId("nav-users").click();
    await page.getByTestId("user-new").click();
    await page.getByTestId("user-form-username").fill("zmd.finance");
    await page.getByTestId("user-form-displayName").fill("驻马店市财政局");
    await page.getByTestId("user-form-password").fill("Zmd-Finance-2026");
    await page.getByTestId("user-form-role").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "财政部门" }).click();
    await page.getByTestId("user-form-region").click();
    // The picker opens at the admin's own region (全国), expanded: the provinces load by themselves.
    const henan = page
      .locator(".ant-select-tree-node-content-wrapper")
      .filter({ hasText: "河南省" });
    await henan.waitFor();
    await page
      .locator(".ant-select-tree-treenode")
      .filter({ hasText: "河南省" })
      .locator(".ant-select-tree-switcher")
      .click();
    await page
      .locator(".ant-select-tree-node-content-wrapper")
      .filter({ hasText: "驻马店市" })
      .click();
    await shot("04-user-form");
    await page.getByTestId("user-form-submit").click();
    const table = page.getByTestId("users-table");
    await expect.poll(() => table.getByText("zmd.finance").count()).toBe(1);
    await expect.poll(() => table.getByText("驻马店市财政局").count()).toBe(1);
    await shot("05-users");
  });

  it("finds the creation in the audit log, with the actor", async () => {
    await page.getByTestId("nav-audit").click();
    const table = page.getByTestId("audit-table");
    const row = table.locator(".ant-table-row").filter({ hasText: "驻马店市" }).first();
    await expect.poll(() => row.count()).toBe(1);
    // Newest first: the creation of zmd.finance by admin, in 驻马店市.
    await expect.poll(() => row.textContent()).toMatch(/admin.*新建.*用户/);
    await row.locator(".ant-table-row-expand-icon").click();
    await expect.poll(() => page.getByText("驻马店市财政局").count()).toBeGreaterThan(0);
    await shot("06-audit");
  });

  it("shows the refused sign-in in the nation's audit log, by an anonymous actor", async () => {
    // The failed sign-in of the first step belongs to admin's region, the nation.
    await page.getByTestId("region-tree").getByText("全国").click();
    const table = page.getByTestId("audit-table");
    const row = table.locator(".ant-table-row").filter({ hasText: "登录失败" }).first();
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.textContent()).toMatch(/匿名.*登录失败.*登录admin/);
    await shot("07-audit-refused-sign-in");
  });
});
