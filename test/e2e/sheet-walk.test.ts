// End to end in Chromium, the evaluation sheet as its users meet it (issue 19): 驻马店市 launches a
// self-evaluation of 驿城区; the county opens a blank sheet (no total, never 「0.0（差）」), ticks two
// of A.2's three items and saves without an error, watches the live score follow its typing, fills
// the rest and submits after a dialog saying that no indicator has evidence; the city cannot return
// without a comment, returns with one; the county corrects B.1 and resubmits; the city approves.
// Scores are the zhumadian-2020 rules': A.2 4 of 5, B.1 5 − 0.5 per item, C.5 9400/9600 → 8.
// Screenshots desktop and phone, zh-CN and en-US, in test-artifacts/e2e-sheet.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artifactDir,
  clickWhenReady,
  describePagesOnFailure,
  launchBrowser,
  signInOnPage,
} from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const shots = artifactDir("e2e-sheet");
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

describe("the evaluation sheet walked by the county and the city", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  let sheetUrl = "";

  const signIn = (username: string) =>
    signInOnPage(page, server.url, username, server.demoPassword);

  async function openSheet() {
    await page.goto(sheetUrl);
    await page.getByTestId("sheet-indicators").waitFor();
  }

  const fill = (testId: string, value: string) => page.getByTestId(testId).fill(value);
  const check = (testId: string) => page.getByTestId(testId).check();
  const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? "";
  const dialog = () => page.locator(".ant-modal-confirm");
  const confirmOk = () => dialog().locator(".ant-modal-confirm-btns .ant-btn-primary").click();
  /** The sheet's status with any error it shows or a dialog left open, so a failure says why. */
  const outcome = async () => {
    const error = page.getByTestId("sheet-error");
    const shown = (await error.count()) > 0 ? ` · ${await error.textContent()}` : "";
    const open =
      (await dialog().count()) > 0 ? ` · 对话框未关闭：${await dialog().textContent()}` : "";
    return `${await text("sheet-status")}${shown}${open}`;
  };

  /**
   * The sheet in four views: desktop and phone, Chinese and English, each a fresh page in the session
   * of the user the walk is signed in as (checked), so the four do not sign in again.
   */
  async function screens(name: string, username: string) {
    const session = await page.request.get(`${server.url}/api/auth/session`);
    expect((await session.json()).user.username).toBe(username);
    const storageState = await page.context().storageState();
    const views = [
      { suffix: "desktop", width: 1366, height: 900 },
      { suffix: "phone", width: 390, height: 844 },
    ];
    for (const locale of ["zh-CN", "en-US"] as const) {
      for (const view of views) {
        const context = await browser.newContext({
          viewport: { width: view.width, height: view.height },
          locale,
          storageState,
        });
        await context.addInitScript(`window.localStorage.setItem("jixiao.locale", "${locale}");`);
        const other = await context.newPage();
        other.setDefaultTimeout(15_000);
        await other.goto(sheetUrl);
        await other.getByTestId("sheet-indicators").waitFor();
        await other.screenshot({
          path: join(shots, `${name}-${locale}-${view.suffix}.png`),
          fullPage: true,
        });
        await context.close();
      }
    }
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
    page.setDefaultTimeout(15_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the city launches a self-evaluation of 驿城区", async () => {
    // Through the API in the city's session: the launch dialog has its own walk.
    await signIn("zmd.housing");
    const session = await page.request.get(`${server.url}/api/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const created = await page.request.post(`${server.url}/api/evaluations`, {
      headers: { "X-CSRF-Token": csrfToken },
      data: {
        name: "2020年驿城区老旧小区改造资金绩效自评",
        year: 2020,
        type: "self",
        frameworkCode: "zhumadian-2020",
        regionCode: "411700",
        regions: ["411702"],
        deadline: "2021-03-31",
      },
    });
    expect(created.status()).toBe(201);
    const taskId = ((await created.json()) as { id: number }).id;
    const task = await page.request.get(`${server.url}/api/evaluations/${taskId}`);
    const { sheets } = (await task.json()) as { sheets: { id: number; regionCode: string }[] };
    expect(sheets.map((x) => x.regionCode)).toEqual(["411702"]);
    sheetUrl = `${server.url}/evaluation-sheets/${sheets[0]?.id}`;
  });

  it("the county sees a blank sheet, the framework's labels, units and criteria", async () => {
    await signIn("yicheng.impl");
    await openSheet();
    // A blank draft has no total (never 「0.0（差）」) and every indicator says it is not entered.
    expect(await text("sheet-total")).toBe("未填写");
    expect(await text("score-B.1")).toBe("—未填写");
    // Per-unit indicators use the framework's own label and unit, not 「数量」.
    expect(await text("facts-B.1-count-field")).toBe("未公开的政策信息项");
    expect(await text("facts-B.2-count-field")).toBe("报送逾期天");
    // Every indicator shows its 评分标准.
    expect(await text("criteria-B.2")).toMatch(/^评分标准：按时报送绩效自评表/);
    expect(await page.locator('[data-testid^="criteria-"]').count()).toBe(12);
  });

  it("an unticked checklist item saves as 'not done', and the score follows the typing", async () => {
    await check("facts-A.2-rules");
    await check("facts-A.2-timely");
    // Live, without saving: 2 + 2 of 5, the third item (1 point) not done.
    await poll(() => text("score-A.2")).toBe(
      "4.0已做到：资金管理办法健全规范（2分）、资金按规定时间分配下达（2分），未做到：资金分配结合本地特点、有针对性地改善居住条件（1分），得4分",
    );
    expect(await text("sheet-total")).toBe("已评 1/12 项，暂得 4.0 分（未完成）");
    await fill("reason-A.2", "资金管理办法健全，分配及时；未结合本地特点");
    await fill("facts-B.1-count", "2");
    await poll(() => text("score-B.1")).toBe("4.0未公开的政策信息2项，每项扣0.5分，扣1分，得4分");
    await fill("facts-B.1-count", "3");
    await poll(() => text("score-B.1")).toBe(
      "3.5未公开的政策信息3项，每项扣0.5分，扣1.5分，得3.5分",
    );
    expect(await text("sheet-total")).toBe("已评 2/12 项，暂得 7.5 分（未完成）");
    // A wrong figure is pointed out at once, under its indicator.
    await fill("facts-B.2-count", "abc");
    await poll(() => text("score-B.2")).toContain("填写有误");
    await fill("facts-B.2-count", "");
    await page.getByTestId("sheet-save").click();
    await poll(() => text("sheet-notice")).toBe("已保存");
    expect(await page.getByTestId("sheet-error").count()).toBe(0);
    expect(await text("sheet-status")).toBe("草稿");
    // Saved as not done, the same after a reload.
    await openSheet();
    expect(await page.getByTestId("facts-A.2-targeted").isChecked()).toBe(false);
    await poll(() => text("score-A.2")).toMatch(/^4\.0/);
    await page.screenshot({ path: join(shots, "10-sheet-partial.png"), fullPage: true });
    await screens("15-sheet-draft", "yicheng.impl");
  });

  it("the county fills the rest and submits; the dialog lists the missing evidence", async () => {
    await check("facts-A.1-local-arranged");
    await fill("facts-A.1-social-value", "20");
    await fill("reason-A.1", "区财政安排配套资金，社会筹资占20%");
    for (const item of ["monitoring", "targets"]) await check(`facts-A.3-mechanisms-${item}`);
    await fill("facts-A.3-violations-count", "0");
    await fill("reason-A.3", "无违规违纪");
    for (const code of ["B.2", "C.6"]) await fill(`facts-${code}-count`, "0");
    const completion: [string, string, string][] = [
      ["C.1", "5200", "5000"],
      ["C.2", "52.5", "50.2"],
      ["C.3", "260", "250"],
      ["C.4", "48", "45"],
      ["C.5", "9400", "9600"],
    ];
    for (const [code, actual, target] of completion) {
      await fill(`facts-${code}-actual`, actual);
      await fill(`facts-${code}-target`, target);
    }
    await fill("facts-D.1-satisfaction-value", "85");
    await fill("facts-D.1-petitions-count", "0");
    // 100 − 1 (A.2) − 1.5 (B.1) − 2 (C.5: 97.92% of plan) = 95.5, before saving.
    await poll(() => text("sheet-total")).toBe("95.5（优）");
    expect(await text("score-C.5")).toBe(
      "8.0实际开工9400平方米，年度计划9600平方米，完成97.92%，低于计划2个百分点，扣2分，得8分",
    );
    await clickWhenReady(page, "sheet-submit");
    await dialog().waitFor();
    expect(await page.getByTestId("confirm-evidence").textContent()).toBe(
      "12 项指标中 12 项未上传佐证材料：A.1 资金筹集、A.2 资金分配、A.3 资金使用管理、B.1 政策公开、B.2 评价报告报送及时、完整性、C.1 改造户数计划完成率、C.2 改造面积计划完成率、C.3 改造楼栋计划完成率、C.4 改造小区计划完成率、C.5 配建养老服务设施面积完成率、C.6 工程质量、D.1 老旧小区居民满意度",
    );
    expect(await page.getByTestId("confirm-reasons").textContent()).toBe(
      "2 项指标有扣分但未写评分依据：B.1 政策公开、C.5 配建养老服务设施面积完成率",
    );
    expect(await dialog().textContent()).toContain("将先保存再提交");
    await page.screenshot({ path: join(shots, "20-submit-confirm.png"), fullPage: true });
    await confirmOk();
    await poll(outcome).toBe("已提交");
    expect(await text("sheet-total")).toBe("95.5（优）");
  });

  it("the city cannot return without a comment, then returns it with one", async () => {
    await signIn("zmd.housing");
    await openSheet();
    await clickWhenReady(page, "sheet-return");
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain("请填写退回意见");
    await confirmOk();
    await poll(() => dialog().count()).toBe(0);
    expect(await text("sheet-status")).toBe("已提交");
    await fill("comment-B.1", "请核实未公开的政策信息条数并附公开记录");
    await clickWhenReady(page, "sheet-return");
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain("将退回 1 条意见");
    await confirmOk();
    await poll(outcome).toBe("已退回");
  });

  it("the county corrects B.1 and resubmits; the city approves after its confirmation", async () => {
    await signIn("yicheng.impl");
    await openSheet();
    expect(await text("sheet-indicators")).toContain("请核实未公开的政策信息条数并附公开记录");
    await fill("facts-B.1-count", "0");
    await poll(() => text("sheet-total")).toBe("97.0（优）");
    await page.getByTestId("sheet-save").click();
    await poll(() => text("sheet-notice")).toBe("已保存");
    await clickWhenReady(page, "sheet-submit");
    await dialog().waitFor();
    expect(await page.getByTestId("confirm-reasons").textContent()).toBe(
      "1 项指标有扣分但未写评分依据：C.5 配建养老服务设施面积完成率",
    );
    await confirmOk();
    await poll(outcome).toBe("已提交");

    await signIn("zmd.housing");
    await openSheet();
    await clickWhenReady(page, "sheet-approve");
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain("通过后得分 97.0 分计入汇总与报告");
    expect(await page.getByTestId("confirm-evidence").textContent()).toMatch(
      /^12 项指标中 12 项未上传佐证材料/,
    );
    await page.screenshot({ path: join(shots, "30-approve-confirm.png"), fullPage: true });
    await confirmOk();
    await poll(outcome).toBe("已通过");
    expect(await text("sheet-total")).toBe("97.0（优）");
    await screens("40-sheet-approved", "zmd.housing");
  });
});
