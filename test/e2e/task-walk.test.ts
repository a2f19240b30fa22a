// End to end in Chromium: 河南省财政厅 launches over 驻马店市 with 全选 (发起单位 河南省); a new task
// says there is nothing to roll up without an error; the deadline is edited and a region added; another
// task is cancelled with a reason and becomes read-only. Screenshots in test-artifacts/task-walk.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactDir, describePagesOnFailure, launchBrowser } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const shots = artifactDir("task-walk");
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

describe("a task launched, edited, extended and cancelled in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  let taskUrl = "";
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const rows = () => page.getByTestId("eval-sheets").locator("tbody tr[data-region]");

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
    // A busy two-core machine: other suites may run beside this one.
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-username").fill("henan.finance");
    await page.getByTestId("login-password").fill(server.demoPassword);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-evaluations").waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function launch(name: string, pick: () => Promise<void>, scope?: [string, string]) {
    // The province works in 驻马店市 (the region of the URL, as the sider's tree sets it).
    await page.goto(`${server.url}/evaluations?year=2020${scope ? `&region=${scope[0]}` : ""}`);
    await page.getByTestId("eval-launch").waitFor();
    if (scope && !(await page.getByText(`当前区域：${scope[1]}`).isVisible())) {
      await page.getByRole("tree").first().getByText(scope[1], { exact: true }).click();
    }
    await page.getByTestId("eval-launch").click();
    await page.getByTestId("eval-name").fill(name);
    await page.getByTestId("eval-framework").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "zhumadian-2020" }).click();
    await page.getByTestId("eval-name").click();
    await pick();
    await page.locator("#eval-launch-ok").click();
    // Generous: the launch writes a sheet per region on a busy two-core machine.
    await page.waitForURL((url) => /^\/evaluations\/\d+$/.test(url.pathname), { timeout: 60_000 });
  }

  it("launches over 驻马店市 with 全选 (one county unticked): 发起单位 河南省, nothing to roll up, no error", async () => {
    await launch("驻马店市2020年资金绩效评价（省级抽查）", async () => {
      await page.getByTestId("region-pick-all").click();
      // 驻马店市 本级 and its 10 counties.
      await poll(() => page.getByTestId("region-pick-count").textContent()).toBe("已选 11 个地区");
      await page.getByTestId("eval-regions").getByText("遂平县", { exact: true }).click();
      await poll(() => page.getByTestId("region-pick-count").textContent()).toBe("已选 10 个地区");
      await shot("10-launch-dialog");
    }, ["411700", "驻马店市"]);
    taskUrl = page.url();
    await poll(() => page.getByTestId("task-launcher").textContent()).toBe(
      "河南省（河南省财政厅）",
    );
    await poll(() => rows().count()).toBe(10);
    expect(await page.getByTestId("task-progress").textContent()).toBe(
      "已审核 0 / 10 个地区（未审核 0 个，未填报 10 个）；得分、排名和扣分只计已审核的地区。",
    );
    expect(await page.getByTestId("eval-rollup").textContent()).toContain(
      "下级地区尚无审核通过的评价表",
    );
    expect(await page.locator(".ant-alert-error").count()).toBe(0);
    await shot("11-new-task");
  });

  it("moves the deadline and adds the county left out", async () => {
    await page.getByTestId("task-edit").click();
    await page.getByTestId("task-edit-deadline").click();
    await page.getByTestId("task-edit-deadline").fill("2021-04-30");
    await page.keyboard.press("Enter");
    await page.locator("#task-edit-ok").click();
    await poll(() => page.getByTestId("task-deadline").textContent()).toBe("2021-04-30");
    await page.getByTestId("task-extend").click();
    // Regions in the task are shown ticked and cannot be picked again: 全选 picks the one left.
    await page.getByTestId("region-pick-all").click();
    await poll(() => page.getByTestId("region-pick-count").textContent()).toBe("已选 1 个地区");
    await shot("12-extend-dialog");
    await page.locator("#task-extend-ok").click();
    await poll(() => rows().count()).toBe(11);
    expect(await page.locator('tr[data-region="411728"]').count()).toBe(1);
  });

  it("cancels another task with a reason, after which it is read-only", async () => {
    await launch("误发起的评价任务", async () => undefined);
    await page.getByTestId("task-cancel").click();
    await page.getByTestId("task-cancel-reason").fill("与省级抽查任务重复");
    await page.locator("#task-cancel-ok").click();
    await poll(() => page.getByTestId("task-cancelled").textContent()).toContain(
      "原因：与省级抽查任务重复",
    );
    expect(await page.getByTestId("task-cancel").count()).toBe(0);
    expect(await page.getByTestId("task-edit").count()).toBe(0);
    await shot("13-cancelled");
    await page.goto(`${server.url}/evaluations?year=2020`);
    const cancelled = page.getByTestId("eval-tasks").locator("tr", { hasText: "误发起的评价任务" });
    await poll(() => cancelled.textContent()).toContain("已撤销");
    await poll(() => cancelled.textContent()).toContain("河南省");
  });

  it("shows the demo task's 11 approved sheets as scored", async () => {
    await page
      .getByTestId("eval-tasks")
      .getByText("驻马店市2020年城镇老旧小区改造财政资金绩效评价", { exact: true })
      .click();
    await page.waitForURL((url) => /^\/evaluations\/\d+$/.test(url.pathname));
    expect(new URL(page.url()).pathname).not.toBe(new URL(taskUrl).pathname);
    await poll(() => page.getByTestId("task-progress").textContent()).toMatch(
      /^已审核 11 \/ 11 个地区（未审核 0 个，未填报 0 个）/,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(taskUrl);
    await poll(() => rows().count()).toBe(11);
    await shot("14-task-phone");
  });
});
