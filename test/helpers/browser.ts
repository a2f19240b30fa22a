/** Debian's Chromium through playwright-core, with the flags this closed network needs. */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

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
