/** Debian's Chromium through playwright-core, with the flags this closed network needs. */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Download, type Page } from "playwright-core";
import { beforeEach, expect } from "vitest";

export const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium";
export const ARTIFACTS = join(process.cwd(), "test-artifacts");

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is needed at ${CHROMIUM}: run npm test as root once (scripts/pretest.sh installs it)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Where a suite keeps its screenshots (git-ignored). */
export function artifactDir(suite: string): string {
  const dir = join(ARTIFACTS, suite);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Chooses a region in the sider's region tree (an administrator's tree starts at 全国). */
export async function chooseRegion(page: Page, name: string): Promise<void> {
  const tree = page.getByTestId("region-tree");
  await expect
    .poll(() => tree.getByText(name, { exact: true }).count(), { timeout: 20_000 })
    .toBe(1);
  await tree.getByText(name, { exact: true }).click();
}

/**
 * Clicks an antd button once it has stopped loading: a loading button ignores clicks (the sheet's
 * actions stay loading until the sheet is read again after a save).
 */
export async function clickWhenReady(page: Page, testId: string): Promise<void> {
  const button = page.getByTestId(testId);
  await expect
    .poll(async () => (await button.getAttribute("class")) ?? "", { timeout: 20_000 })
    .not.toMatch(/ant-btn-loading/);
  await button.click();
}

/** What a page did that a failed step may be explained by: errors, refused requests, dialogs. */
interface PageLog {
  lines: string[];
}

const logs = new WeakMap<Page, PageLog>();

/**
 * Records a page's script errors, console errors and API answers of 400 and above, so that a failed
 * step can say what the page knew (a poll that times out shows only the last value it read).
 */
export function watchPage(page: Page): Page {
  if (logs.has(page)) return page;
  const log: PageLog = { lines: [] };
  logs.set(page, log);
  const keep = (line: string) => {
    log.lines.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (log.lines.length > 40) log.lines.shift();
  };
  page.on("pageerror", (error) => keep(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") keep(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (response.status() >= 400 && url.pathname.startsWith("/api/")) {
      keep(`${response.request().method()} ${url.pathname}${url.search} → ${response.status()}`);
    }
  });
  return page;
}

/** The page as a failed step left it: address, open dialogs and messages, and its recorded log. */
export async function describePage(page: Page): Promise<string> {
  if (page.isClosed()) return "(the page is closed)";
  const texts = async (selector: string) =>
    (
      await page
        .locator(selector)
        .allTextContents()
        .catch(() => [])
    ).map((t) => t.trim());
  const parts = [`address: ${page.url()}`];
  for (const [label, selector] of [
    ["dialogs", ".ant-modal-wrap:visible .ant-modal"],
    ["messages", ".ant-message-notice:visible"],
    ["alerts", ".ant-alert:visible"],
    ["form errors", ".ant-form-item-explain-error:visible"],
  ] as const) {
    const found = (await texts(selector)).filter((t) => t !== "");
    if (found.length > 0) parts.push(`${label}: ${found.join(" | ")}`);
  }
  const log = logs.get(page)?.lines ?? [];
  if (log.length > 0) parts.push("log:", ...log.map((line) => `  ${line}`));
  return parts.join("\n");
}

/**
 * Watches the suite's pages from each test's start, and on every failed test prints what they showed
 * and logged. `pages` is read before each test and when one fails, so it may name pages opened later.
 */
export function describePagesOnFailure(pages: () => (Page | undefined)[]): void {
  beforeEach(({ onTestFailed, task }) => {
    for (const page of pages()) if (page) watchPage(page);
    onTestFailed(async () => {
      for (const page of pages()) {
        if (!page) continue;
        console.error(`[${task.name}] the page when the step failed:\n${await describePage(page)}`);
      }
    });
  });
}

/**
 * The download an action starts. The wait is set up before the action and both are awaited
 * together, so an action that fails leaves no wait behind to reject after the browser has closed
 * (an unhandled rejection that fails the whole run).
 */
export async function downloadFrom(
  page: Page,
  action: () => Promise<unknown>,
  timeout = 15_000,
): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout }), action()]);
  return file;
}

/**
 * Signs a page in through the login page as a user would (its cookies cleared first, so it may switch
 * users), and waits until it has left /login: on a phone the menu is folded away.
 */
export async function signInOnPage(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
