// End to end in Chromium on the demo's 驻马店市 2020 evaluation: the result page's 报告 card previews
// the evaluation report, keeps a rewritten paragraph (marked 已修改) that the downloaded Word file
// carries, switches to the 自评表; the task page's 任务报告 card generates the task's report in the
// background, and the job is still there after a reload. Screenshots in test-artifacts/e2e.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactDir, describePagesOnFailure, launchBrowser } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const shots = artifactDir("e2e");

/** The text of a docx's body, runs joined. */
async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("reports in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  let taskId = 0;
  let citySheet = 0;
  const shot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const api = <T>(path: string) =>
    page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

  /** Clicks a download button and returns where Playwright saved the file. */
  async function download(testId: string): Promise<{ path: string; name: string }> {
    const [file] = await Promise.all([
      // The file is saved once the server has rendered all of it (the button spins meanwhile).
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByTestId(testId).click(),
    ]);
    return { path: await file.path(), name: file.suggestedFilename() };
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-username").fill("zmd.housing");
    await page.getByTestId("login-password").fill(server.demoPassword);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-evaluations").waitFor();
    const tasks = await api<{ items: { id: number; year: number }[] }>("/api/evaluations");
    taskId = tasks.items.find((t) => t.year === 2020)?.id ?? 0;
    const task = await api<{ sheets: { id: number; regionCode: string }[] }>(
      `/api/evaluations/${taskId}`,
    );
    citySheet = task.sheets.find((s) => s.regionCode === "411700")?.id ?? 0;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("previews the city's evaluation report, keeps a rewritten paragraph and exports it", async () => {
    await page.goto(`${server.url}/evaluation-sheets/${citySheet}/result`);
    const conclusion = page.getByTestId("narrative-conclusion");
    await poll(() => conclusion.textContent()).toContain(
      "驻马店市得分98.1分（满分100分），得分率98.10%，评价等级为“优”。",
    );

    await page.getByTestId("report-preview").click();
    const preview = page.frameLocator("[data-testid=report-preview-frame]");
    await poll(() => preview.locator("h1").textContent()).toContain("驻马店市");
    expect(await preview.locator("body").textContent()).toContain("附件1");
    await shot("40-report-preview");
    await page.keyboard.press("Escape");

    const text =
      "经评价，驻马店市2020年老旧小区改造资金绩效评价得分98.1分，等级为“优”，资金使用规范。";
    await page.getByTestId("narrative-edit-conclusion").click();
    await page.getByTestId("narrative-input-conclusion").fill(text);
    await page.getByTestId("narrative-save-conclusion").click();
    await poll(() => conclusion.textContent()).toContain("已修改（");
    expect(await conclusion.textContent()).toContain(text);
    await shot("41-report-edited-paragraph");

    const word = await download("report-evaluation-report-docx");
    expect(word.name).toMatch(/^驻马店市.*\.docx$/);
    const body = await docxText(word.path);
    expect(body).toContain(text);
    expect(body).toContain("一、基本情况");

    await page.getByTestId("report-template").getByText("绩效自评表", { exact: true }).click();
    await page.getByTestId("narrative-form.problems").waitFor();
    const form = await download("report-self-evaluation-form-docx");
    const formText = await docxText(form.path);
    // 配建养老 row of the Zhumadian table: target ≥63120, actual 62395, 9 of 10 points.
    expect(formText).toContain("≥63120平方米");
    expect(formText).toContain("62395平方米");
    await shot("42-report-self-evaluation-form");
  });

  it("generates the task's report in the background and finds it again after a reload", async () => {
    await page.goto(`${server.url}/evaluations/${taskId}`);
    const card = page.getByTestId("report-jobs");
    await card.waitFor();
    await page.getByTestId("report-jobs-start").click();
    const job = card.locator("[data-status]").first();
    await poll(() => job.getAttribute("data-status")).toBe("done");
    await page.reload();
    await poll(() => job.getAttribute("data-status")).toBe("done");
    const id = (await job.getAttribute("data-testid"))?.replace("report-job-", "") ?? "";
    const file = await download(`report-job-file-${id}`);
    expect(file.name).toBe("驻马店市2020年城镇老旧小区改造财政资金绩效评价报告.docx");
    const body = await docxText(file.path);
    expect(body).toContain("分地区评价情况");
    expect(body).toContain("图1 评价等级分布");
    await shot("43-report-task-job");
  });
});
