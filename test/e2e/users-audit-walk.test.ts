// End to end in Chromium, as the national administrator of the demo: the region picker finds
// 驻马店 by typing and Enter takes it, Enter on an empty search never picks 全国, a national account
// asks for confirmation naming the scope; the audit log shows actions, objects and fields in words
// in Chinese and English and exports the filtered log as .xlsx. Screenshots (desktop and phone, zh
// and en) go to test-artifacts/users-audit.
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artifactDir,
  describePagesOnFailure,
  downloadFrom,
  launchBrowser,
} from "../helpers/browser.ts";
import { ADMIN_PASSWORD, startTestServer } from "../helpers/server.ts";

const shots = artifactDir("users-audit");
/** A code such as allocation.edit or allocation_plan shown where words belong. */
const RAW_CODE = /\b[a-z]+(?:[._][a-z]+)+\b/;

async function readSheet(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("the export has no sheet");
  return sheet;
}

describe("users and the audit log, walked by the administrator", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  const shot = (name: string, p: Page = page) =>
    p.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  const openUserForm = async () => {
    await page.getByTestId("nav-users").click();
    await page.getByTestId("user-new").click();
    await page.getByTestId("user-form-username").waitFor();
  };
  const fillUser = async (username: string, name: string) => {
    await page.getByTestId("user-form-username").fill(username);
    await page.getByTestId("user-form-displayName").fill(name);
    await page.getByTestId("user-form-password").fill("Walk-Passw0rd-2026");
    await chooseRole("只读");
  };
  /**
   * Picks a role in the form's select and waits until the select shows it and its list has gone:
   * on a loaded machine a click on the option was once lost and the open list then took every later
   * click (a CI run). A lost click is made again, as a user would.
   */
  const chooseRole = async (label: string) => {
    const role = page.getByTestId("user-form-role");
    const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
    await expect
      .poll(async () => {
        if (!((await role.textContent()) ?? "").includes(label)) {
          if ((await option.count()) === 0) await role.click();
          await option
            .filter({ hasText: label })
            .click({ timeout: 2_000 })
            .catch(() => undefined);
        }
        return role.textContent();
      })
      .toContain(label);
    await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
  };
  const regionInput = () => page.getByTestId("user-form-region").locator("input");
  const regionShown = () =>
    page.getByTestId("user-form-region").locator(".ant-select-content").textContent();

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-username").fill("admin");
    await page.getByTestId("login-password").fill(ADMIN_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-users").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("finds 驻马店 by typing in the region picker; Enter takes the match, no confirmation", async () => {
    await openUserForm();
    await fillUser("zmd.viewer", "驻马店市只读");
    await regionInput().click();
    await regionInput().fill("驻马店");
    const option = page
      .locator(".ant-select-tree-node-content-wrapper")
      .filter({ hasText: "驻马店市" });
    await expect.poll(() => option.count()).toBe(1);
    // The option names the province above it, so namesakes can be told apart.
    await expect.poll(() => option.textContent()).toMatch(/驻马店市.*河南省/);
    await shot("01-picker-search-zh");
    await regionInput().press("Enter");
    await expect.poll(regionShown).toMatch(/驻马店市/);
    await page.getByTestId("user-form-submit").click();
    const table = page.getByTestId("users-table");
    await expect.poll(() => table.getByText("zmd.viewer").count()).toBe(1);
    const row = table.locator(".ant-table-row").filter({ hasText: "zmd.viewer" });
    await expect.poll(() => row.textContent()).toMatch(/驻马店市/);
    expect(await page.getByTestId("user-scope-confirm").count()).toBe(0);
  });

  it("does not pick 全国 on Enter with an empty search; a national account asks first", async () => {
    await openUserForm();
    await fillUser("all.viewer", "全国只读");
    await regionInput().click();
    await page
      .locator(".ant-select-tree-node-content-wrapper")
      .filter({ hasText: "全国" })
      .waitFor();
    await regionInput().press("Enter");
    await expect.poll(() => page.getByText("按回车不会选择「全国」").count()).toBeGreaterThan(0);
    expect(await regionShown()).not.toMatch(/全国/);
    await shot("02-picker-enter-refused-zh");
    // A click is a choice: 全国 is taken, and saving asks, naming the scope.
    await regionInput().click();
    await page
      .locator(".ant-select-tree-node-content-wrapper")
      .filter({ hasText: /^全国$/ })
      .click();
    await expect.poll(regionShown).toMatch(/全国/);
    await page.getByTestId("user-form-submit").click();
    const confirm = page.getByTestId("user-scope-confirm");
    await expect.poll(() => confirm.textContent()).toMatch(/将授予 全国 范围的权限，确定吗？/);
    await shot("03-scope-confirm-zh");
    await page
      .locator(".ant-modal-confirm .ant-btn")
      .filter({ hasText: /取\s*消/ })
      .click();
    await expect.poll(() => confirm.count()).toBe(0);
    // Nothing was created; confirming creates the national account.
    await page.getByTestId("user-form-submit").click();
    await page.getByTestId("user-scope-confirm-ok").click();
    const table = page.getByTestId("users-table");
    await expect.poll(() => table.getByText("all.viewer").count()).toBe(1);
    const row = table.locator(".ant-table-row").filter({ hasText: "all.viewer" });
    await expect.poll(() => row.textContent()).toMatch(/全国/);
  });

  it("shows the audit log in words: actions, objects, filters and the detail's fields", async () => {
    await page.getByTestId("nav-audit").click();
    const table = page.getByTestId("audit-table");
    // Newest first: the creation of all.viewer is the first 新建用户.
    const created = table.locator(".ant-table-row").filter({ hasText: "新建用户" }).first();
    await created.waitFor();
    await expect.poll(() => created.textContent()).toMatch(/admin.*新建用户.*用户.*全国/);
    const rows = await table.locator(".ant-table-row").allTextContents();
    expect(rows.length).toBeGreaterThan(5);
    for (const text of rows) expect(text).not.toMatch(RAW_CODE);
    await created.locator(".ant-table-row-expand-icon").click();
    const detail = page.getByTestId("audit-detail");
    await expect.poll(() => detail.textContent()).toMatch(/用户名.*all\.viewer/);
    await expect.poll(() => detail.textContent()).toMatch(/姓名.*全国只读/);
    // Values in words too: the role by its name, the creation time as date and time.
    await expect.poll(() => detail.textContent()).toMatch(/角色只读/);
    await expect
      .poll(() => detail.textContent())
      .toMatch(/创建时间\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await shot("04-audit-zh");

    // The action filter speaks words only; the object filter offers every object type.
    await page.getByTestId("audit-filter-action").click();
    const actionOptions = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
    await expect.poll(() => actionOptions.count()).toBeGreaterThan(5);
    await page.keyboard.type("登录失败");
    await expect.poll(() => actionOptions.allTextContents()).toEqual(["登录失败"]);
    await page.keyboard.press("Escape");
    // The action list closes (and stops counting as visible) before the object list opens.
    await expect.poll(() => actionOptions.count()).toBe(0);
    await page.getByTestId("audit-filter-entity").click();
    const entityOptions = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
    // Polled as a whole: a list read once right after it opened can come back empty on a busy machine.
    await expect.poll(() => entityOptions.count()).toBeGreaterThan(8);
    await expect
      .poll(() => entityOptions.allTextContents())
      .toEqual(expect.arrayContaining(["用户", "分配方案", "评价表", "数据集", "满意度调查"]));
    await entityOptions.filter({ hasText: /^用户$/ }).click();
    await page.getByTestId("audit-search").click();
    // The log's own rows, not the rows of an expanded entry's detail table.
    const entries = table.locator(".ant-table-tbody").first().locator(":scope > tr.ant-table-row");
    await expect
      .poll(async () => {
        const texts = await entries.allTextContents();
        return texts.length > 0 && texts.every((t) => /用户/.test(t));
      })
      .toBe(true);
    // The filter is in the URL: a reload (or a shared link) shows the same filtered log.
    expect(new URL(page.url()).searchParams.get("entity")).toBe("user");
    await page.reload();
    await expect.poll(() => page.getByTestId("audit-filter-entity").textContent()).toMatch(/用户/);
    await expect
      .poll(async () => {
        const texts = await entries.allTextContents();
        return texts.length > 0 && texts.every((t) => /用户/.test(t));
      })
      .toBe(true);
  });

  it("exports the filtered log as .xlsx: words, and ids and times as numbers and dates", async () => {
    const file = await downloadFrom(page, () => page.getByTestId("audit-export").click());
    const path = join(shots, "audit-zh.xlsx");
    await file.saveAs(path);
    const sheet = await readSheet(path);
    expect(sheet.getCell(1, 1).value).toBe("审计日志（全国）");
    expect(sheet.getRow(2).getCell(5).value).toBe("操作");
    const first = sheet.getRow(3);
    expect(first.getCell(5).value).toBe("新建用户");
    expect(first.getCell(6).value).toBe("用户");
    expect(first.getCell(8).value).toBe("全国");
    expect(typeof first.getCell(1).value).toBe("number");
    expect(first.getCell(2).value).toBeInstanceOf(Date);
    // Filtered to users: every row is an object of type 用户.
    for (let r = 3; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      if (typeof row.getCell(1).value !== "number") break;
      expect(row.getCell(6).value).toBe("用户");
    }
  });

  it("shows and exports the audit log in English", async () => {
    await page.getByTestId("lang-switch").getByText("English").click();
    await expect.poll(() => page.getByTestId("nav-audit").textContent()).toMatch(/Audit/);
    await page.getByTestId("audit-filters").getByRole("button", { name: /Reset/ }).click();
    const table = page.getByTestId("audit-table");
    const created = table.locator(".ant-table-row").filter({ hasText: "Create user" }).first();
    await created.waitFor();
    await expect.poll(() => created.textContent()).toMatch(/Create user.*User.*Nationwide/);
    const rows = await table.locator(".ant-table-row").allTextContents();
    for (const text of rows) expect(text).not.toMatch(RAW_CODE);
    await created.locator(".ant-table-row-expand-icon").click();
    await expect
      .poll(() => page.getByTestId("audit-detail").first().textContent())
      .toMatch(/Username.*all\.viewer/);
    await shot("05-audit-en");
    const download = await downloadFrom(page, () => page.getByTestId("audit-export").click());
    const path = join(shots, "audit-en.xlsx");
    await download.saveAs(path);
    const sheet = await readSheet(path);
    expect(sheet.getCell(1, 1).value).toBe("Audit log (Nationwide)");
    expect(sheet.getRow(2).getCell(5).value).toBe("Action");
    const actions = new Set<unknown>();
    for (let r = 3; r <= sheet.rowCount; r += 1) actions.add(sheet.getRow(r).getCell(5).value);
    expect(actions).toContain("Create user");
    expect(actions).toContain("Import data");

    await page.getByTestId("nav-users").click();
    await page.getByTestId("user-new").click();
    await regionInput().click();
    await regionInput().fill("4117");
    // The city and its counties (each naming 驻马店市 above it): the city comes first.
    const option = page
      .locator(".ant-select-tree-node-content-wrapper")
      .filter({ hasText: /^驻马店市/ });
    await expect.poll(() => option.count()).toBe(1);
    await shot("06-picker-search-en");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Cancel" }).click();
  });

  it("fits a phone in both languages", async () => {
    for (const [lang, locale] of [
      ["en", "en-US"],
      ["zh", "zh-CN"],
    ] as const) {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale });
      phone.setDefaultTimeout(15_000);
      await phone.addInitScript({ content: `localStorage.setItem("jixiao.locale", "${locale}");` });
      await phone.goto(`${server.url}/login`);
      await phone.getByTestId("login-username").fill("admin");
      await phone.getByTestId("login-password").fill(ADMIN_PASSWORD);
      await phone.getByTestId("login-submit").click();
      await phone.waitForURL((url) => !url.pathname.startsWith("/login"));
      await phone.goto(`${server.url}/audit`);
      await phone.getByTestId("audit-table").locator(".ant-table-row").first().waitFor();
      await shot(`07-audit-phone-${lang}`, phone);
      await phone.goto(`${server.url}/users`);
      await phone.getByTestId("user-new").click();
      const input = phone.getByTestId("user-form-region").locator("input");
      await input.click();
      await input.fill("西平");
      await phone
        .locator(".ant-select-tree-node-content-wrapper")
        .filter({ hasText: "西平县" })
        .waitFor();
      await shot(`08-picker-phone-${lang}`, phone);
      await phone.close();
    }
  });
});
