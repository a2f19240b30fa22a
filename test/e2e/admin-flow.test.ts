// End to end in Chromium: sign in, switch the language, browse the region tree, create a user,
// and find the change in the audit log. Screenshots go to test-artifacts/e2e (git-ignored).
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactDir, launchBrowser } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const ADMIN_PASSWORD = "E2e-Admin-Passw0rd";
const shots = artifactDir("e2e");

describe("the administrator's first session in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    server = await startTestServer(ADMIN_PASSWORD);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
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
    await expect.poll(() => tree.getByText("全国").count()).toBeGreaterThan(0);
    // Provinces appear only once the nation is expanded (lazy loading).
    const expand = tree.locator(".ant-tree-switcher").first();
    await expand.click();
    await expect.poll(() => tree.getByText("河南省").count()).toBe(1);
    await tree.getByText("河南省").click();
    await expect.poll(() => page.getByText("410000").count()).toBeGreaterThan(0);
    await shot("02-home-region-tree");
  });

  it("switches to English and back", async () => {
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.getByTestId("nav-users").textContent()).toMatch(/Users/);
    await shot("03-english");
    await page.getByTestId("lang-switch").click();
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
    await page.locator(".ant-select-tree-switcher").first().click();
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
    const row = table.locator("tr").filter({ hasText: "411700" }).first();
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.textContent()).toMatch(/admin/);
    await shot("06-audit");
  });
});
