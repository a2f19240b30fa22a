// End to end in Chromium: 驻马店市 launches a self-evaluation of itself and 驿城区; the city's sheet
// reads its completion figures from the data and scores 98.1; the county fills its sheet, attaches a
// photo to C.5 (the checklist counts it) and submits; the city returns it with a comment; the county
// corrects and resubmits; the city approves; the ranking shows both. Screenshots in test-artifacts/e2e.
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

const shots = artifactDir("e2e");
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
/** The PNG signature and the start of an IHDR chunk: enough for the evidence check. */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

describe("an evaluation from launch to approval in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  let taskUrl = "";
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  async function signIn(username: string) {
    await signInOnPage(page, server.url, username, server.demoPassword);
    await page.getByTestId("nav-evaluations").waitFor();
  }

  async function openSheet(region: string) {
    await page.goto(taskUrl);
    await page.getByTestId("eval-sheets").getByText(region, { exact: true }).click();
    await page.getByTestId("sheet-indicators").waitFor();
  }

  const fill = (testId: string, value: string) => page.getByTestId(testId).fill(value);
  const check = (testId: string) => page.getByTestId(testId).check();

  beforeAll(async () => {
    server = await startTestServer();
    expect(server.demoPassword).toMatch(/^\S{16}$/);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    page.setDefaultTimeout(15_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the city launches a task over itself and 驿城区", async () => {
    await signIn("zmd.housing");
    await page.goto(`${server.url}/evaluations?year=2020`);
    await page.getByTestId("eval-launch").click();
    await fill("eval-name", "2020年老旧小区改造资金绩效自评");
    await page.getByTestId("eval-framework").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "zhumadian-2020" }).click();
    // On a loaded machine the list can stay open over the region boxes: close it by clicking a
    // field outside it, and check the choice took.
    await page.getByTestId("eval-name").click();
    await poll(() => page.getByTestId("eval-framework").textContent()).toContain("zhumadian-2020");
    await page.getByTestId("eval-regions").getByText("驿城区", { exact: true }).click();
    await page.locator("#eval-launch-ok").click();
    await page.waitForURL((url) => /^\/evaluations\/\d+$/.test(url.pathname));
    taskUrl = page.url();
    const rows = page.getByTestId("eval-sheets").locator("tbody tr[data-region]");
    await poll(() => rows.count()).toBe(2);
    await shot("30-evaluation-task");
  });

  it("the city's sheet reads its completion figures from the data and scores 98.1", async () => {
    await openSheet("驻马店市");
    expect(await page.getByTestId("source-C.5").textContent()).toBe(
      "取自数据：计划与完成（开工）：计划配建养老服务设施面积 63120平方米，实际 62395平方米，截至 2020-12-31",
    );
    await check("facts-A.1-local-arranged");
    await fill("facts-A.1-social-value", "16.4");
    await fill("reason-A.1", "县区财政已安排配套资金；社会筹资比例基本达到20%");
    for (const item of ["rules", "timely", "targeted"]) await check(`facts-A.2-${item}`);
    await fill("reason-A.2", "资金管理办法健全规范，资金分配及时");
    for (const item of ["monitoring", "targets"]) await check(`facts-A.3-mechanisms-${item}`);
    await fill("facts-A.3-violations-count", "0");
    await fill("reason-A.3", "无违规违纪");
    for (const code of ["B.1", "B.2", "C.6"]) await fill(`facts-${code}-count`, "0");
    await fill("facts-D.1-satisfaction-value", "80");
    await fill("facts-D.1-petitions-count", "0");
    await page.getByTestId("sheet-save").click();
    await poll(() => page.getByTestId("sheet-total").textContent()).toBe("98.1（优）");
    expect(await page.getByTestId("score-C.5").textContent()).toContain("9.0");
    await shot("31-evaluation-sheet-city");
  });

  it("the county fills and submits; the city returns it with a comment", async () => {
    await signIn("yicheng.impl");
    await openSheet("驿城区");
    await check("facts-A.1-local-arranged");
    await fill("facts-A.1-social-value", "20");
    await fill("reason-A.1", "区财政安排配套资金，社会筹资占20%");
    for (const item of ["rules", "timely", "targeted"]) await check(`facts-A.2-${item}`);
    await fill("reason-A.2", "按时分配");
    for (const item of ["monitoring", "targets"]) await check(`facts-A.3-mechanisms-${item}`);
    await fill("facts-A.3-violations-count", "0");
    await fill("reason-A.3", "无违规违纪");
    for (const code of ["B.1", "B.2", "C.6"]) await fill(`facts-${code}-count`, "0");
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
    await page.getByTestId("sheet-save").click();
    // 9400 of 9600 m² is 97.92%: 2 points short, −2 of 10.
    await poll(() => page.getByTestId("sheet-total").textContent()).toBe("98.0（优）");
    // 佐证材料: a photo of the elderly-care facility's start, attached to C.5.
    await page.getByTestId("evidence-indicator").click();
    await page
      .locator(".ant-select-item-option")
      .filter({ hasText: "C.5 配建养老服务设施面积完成率" })
      .click();
    await page
      .getByTestId("evidence-upload")
      .locator('input[type="file"]')
      .setInputFiles({
        name: "养老设施开工照片.png",
        mimeType: "image/png",
        buffer: Buffer.from(PNG),
      });
    await poll(() => page.getByTestId("evidence-count-C.5").textContent()).toBe("1 份");
    expect(await page.getByTestId("evidence-count-C.4").textContent()).toBe("缺佐证材料");
    const link = page
      .getByTestId("evidence-list")
      .getByRole("link", { name: "养老设施开工照片.png" });
    const download = await page.request.get(`${server.url}${await link.getAttribute("href")}`);
    expect(download.headers()["content-type"]).toBe("image/png");
    expect(new Uint8Array(await download.body())).toEqual(PNG);
    await shot("31b-evaluation-evidence");
    await clickWhenReady(page, "sheet-submit");
    await page.locator(".ant-modal-confirm-btns .ant-btn-primary").click();
    await poll(() => page.getByTestId("sheet-status").textContent()).toBe("已提交");

    await signIn("zmd.housing");
    await openSheet("驿城区");
    await fill("comment-C.5", "请核实配建养老服务设施开工面积并附开工证明");
    await clickWhenReady(page, "sheet-return");
    await page.locator(".ant-modal-confirm-btns .ant-btn-primary").click();
    await poll(() => page.getByTestId("sheet-status").textContent()).toBe("已退回");
    await shot("32-evaluation-returned");
  });

  it("the county corrects and resubmits; the city approves; the ranking shows both", async () => {
    await signIn("yicheng.impl");
    await openSheet("驿城区");
    expect(await page.getByTestId("sheet-indicators").textContent()).toContain(
      "请核实配建养老服务设施开工面积并附开工证明",
    );
    await fill("facts-C.5-actual", "9700");
    await page.getByTestId("sheet-save").click();
    await poll(() => page.getByTestId("sheet-total").textContent()).toBe("100.0（优）");
    await clickWhenReady(page, "sheet-submit");
    await page.locator(".ant-modal-confirm-btns .ant-btn-primary").click();
    await poll(() => page.getByTestId("sheet-status").textContent()).toBe("已提交");

    await signIn("zmd.housing");
    await openSheet("驿城区");
    await clickWhenReady(page, "sheet-approve");
    await page.locator(".ant-modal-confirm-btns .ant-btn-primary").click();
    await poll(() => page.getByTestId("sheet-status").textContent()).toBe("已通过");
    await page.goto(taskUrl);
    const rows = page.getByTestId("eval-sheets").locator("tbody tr[data-region]");
    await poll(async () => (await rows.nth(1).locator("td").allTextContents()).join("|")).toBe(
      "驿城区|已通过|—|100.0|优|—|结果",
    );
    expect((await rows.nth(0).locator("td").allTextContents()).join("|")).toBe(
      "驻马店市|草稿|—|98.1|优|—|结果",
    );
    // Rolled up to the city from its approved county sheet (the mean of one).
    await poll(() => page.getByTestId("eval-rollup-score").textContent()).toBe(
      "驻马店市：100.0 分，优",
    );
    await shot("33-evaluation-ranking");

    // The approved result reaches the city's dashboard: 驿城区's latest approved sheet is this one.
    await page.goto(`${server.url}/dashboard?year=2020`);
    await page.getByTestId("chart-scores-view").getByText("表格", { exact: true }).click();
    const scores = page.getByTestId("chart-scores-table").locator("tbody tr.ant-table-row");
    await poll(async () => (await scores.nth(0).locator("td").allTextContents()).join("|")).toBe(
      "1|驿城区|100|优|本系统评价（已审定）",
    );
    await shot("34-evaluation-dashboard");
  });
});
