// End to end in Chromium: Hangzhou's third-party evaluator starts a satisfaction survey from the standard
// questionnaire, lets answers through at once (too-fast rule at 0 seconds), adds a community and publishes;
// two residents answer its public page on their phones (one satisfied, one not, with a reason); the
// results show 2 valid questionnaires at 50.00 %, with one 导出 Excel button; the evaluator judges one
// answer invalid and the rate follows; the poster prints without the access code; a resident's receipt
// neither repeats 「带 * 的为必答题」 nor offers another questionnaire, which a volunteer's phone is
// offered once the survey lets one device answer for several residents; identical comments show once
// with their count; neither the web app nor the public page meets a Content-Security-Policy
// violation. Screenshots in test-artifacts/e2e.
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactDir, describePagesOnFailure, launchBrowser } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const TITLE = "2024年度杭州市老旧小区改造居民满意度调查";
const shots = artifactDir("e2e");
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const PHONE = { width: 390, height: 844 };
/** An image's decoded width: 0 until the QR code has loaded. */
const naturalWidth = (img: unknown) => (img as { naturalWidth: number }).naturalWidth;

/** What the pages' Content-Security-Policy refused, from every browser context of the test. */
const cspProblems: string[] = [];

/** Reports violations of the page's policy (events and Chromium's console lines) into cspProblems. */
async function watchCsp(context: BrowserContext) {
  await context.exposeBinding("__jixiaoCsp", (_source, text: string) => {
    cspProblems.push(text);
  });
  // A string: the script runs in the page, where the test's types (no DOM) do not reach.
  await context.addInitScript(
    `document.addEventListener("securitypolicyviolation", (e) =>
      window.__jixiaoCsp(e.violatedDirective + " " + e.blockedURI + " on " + location.pathname));`,
  );
  context.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspProblems.push(message.text());
  });
  context.on("weberror", (error) => {
    cspProblems.push(`page error: ${error.error().message}`);
  });
}

interface Resident {
  building: string;
  age: string;
  tenure: string;
  overall: string;
  reason?: string;
  aspects: Record<string, string>;
  improve: string[];
  suggestion: string;
}

describe("a satisfaction survey from the builder to the rate in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  describePagesOnFailure(() => [page]);
  let surveyUrl = "";
  let publicPath = "";
  const shot = (name: string, target: Page = page) =>
    target.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  const newPhone = async () => {
    const phone: BrowserContext = await browser.newContext({
      viewport: PHONE,
      locale: "zh-CN",
      isMobile: true,
      hasTouch: true,
    });
    await watchCsp(phone);
    const p = await phone.newPage();
    p.setDefaultTimeout(15_000);
    return { phone, p };
  };

  /** Fills in the public page's questionnaire as the resident would, sends it, and reads the receipt. */
  async function fillAndSend(p: Page, resident: Resident, screenshot?: string) {
    const q = (key: string) => p.locator(`[data-q="${key}"]`);
    // The options are styled labels around hidden radio buttons: a resident taps the label.
    const choose = (key: string, option: string) =>
      q(key).locator(`label:has(input[value="${option}"])`).click();
    expect(await q("community").locator("input").inputValue()).toBe("翠苑一区");
    // The access code comes from the community, not from the poster.
    await p.locator("#access-code").fill("CY2024");
    await q("building").locator("textarea").fill(resident.building);
    await choose("age-band", resident.age);
    await choose("tenure", resident.tenure);
    await choose("overall", resident.overall);
    if (resident.reason) await q("overall-reason").locator("textarea").fill(resident.reason);
    else expect(await q("overall-reason").isVisible()).toBe(false);
    for (const [key, option] of Object.entries(resident.aspects)) await choose(key, option);
    for (const option of resident.improve) await choose("improve", option);
    await q("suggestion").locator("textarea").fill(resident.suggestion);
    if (screenshot) await shot(screenshot, p);
    expect(await p.locator("body").innerText()).toContain("带 * 的为必答题");
    await p.locator("#survey-submit").click();
    await poll(() => p.locator("body").innerText()).toContain("提交成功");
    // The receipt says what happened, not how to fill in the form it replaced.
    expect(await p.locator("body").innerText()).not.toContain("带 * 的为必答题");
    if (screenshot) await shot(`${screenshot}-done`, p);
    return (await p.locator("#survey-receipt").textContent()) ?? "";
  }

  /** One resident on a phone of their own (the device cookie tells two devices apart). */
  async function answerOnPhone(resident: Resident, screenshot?: string) {
    const { phone, p } = await newPhone();
    try {
      await p.goto(`${server.url}${publicPath}`);
      await fillAndSend(p, resident, screenshot);
      // A resident's own phone counts once: its receipt offers no second questionnaire.
      expect(await p.locator("#survey-another").count()).toBe(0);
    } finally {
      await phone.close();
    }
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const desk = await browser.newContext({
      viewport: { width: 1440, height: 1200 },
      locale: "zh-CN",
    });
    await watchCsp(desk);
    page = await desk.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login`);
    // The third-party evaluator builds the survey, as Hangzhou's did, and judges the answers.
    await page.getByTestId("login-username").fill("hz.evaluator");
    await page.getByTestId("login-password").fill(server.demoPassword);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("nav-surveys").waitFor();
    // The demo's first start (seeding four reports) takes over a minute on a busy machine.
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("creates a survey from the standard questionnaire, adds a community and publishes it", async () => {
    await page.getByTestId("nav-surveys").click();
    await page.goto(`${server.url}/surveys?year=2024`);
    await page.getByTestId("survey-create").click();
    expect(await page.getByTestId("survey-create-title").inputValue()).toBe(TITLE);
    await page.locator("#survey-create-ok").click();
    await page.waitForURL((url) => /^\/surveys\/\d+$/.test(url.pathname));
    surveyUrl = page.url();
    await poll(() => page.getByTestId("survey-title").textContent()).toBe(TITLE);
    expect(await page.getByTestId("survey-status").textContent()).toBe("草稿");
    // The builder shows the standard questionnaire: the overall question is required, its reason conditional.
    const overall = page.getByTestId("survey-question-header-overall");
    expect(await overall.textContent()).toContain("必答");
    expect(await page.getByTestId("survey-question-header-overall-reason").textContent()).toContain(
      "条件显示",
    );
    await overall.click();
    await poll(() =>
      page.getByTestId("survey-question-overall").getByTestId("survey-question-kind").textContent(),
    ).toContain("量表");
    await shot("60-survey-builder");

    // A test cannot wait a minute per answer: the too-fast rule is turned off.
    await page.getByTestId("survey-tab-settings").click();
    await page.getByTestId("survey-settings-min-seconds").fill("0");
    await page.getByTestId("survey-settings-save").click();
    await page.getByText("设置已保存").waitFor();

    await page.getByTestId("survey-tab-communities").click();
    await page.getByTestId("survey-community-add").click();
    await page.getByTestId("survey-community-name").fill("翠苑一区");
    await page.getByTestId("survey-community-households").fill("800");
    await page.getByTestId("survey-community-code").fill("CY2024");
    await page.locator("#survey-community-ok").click();
    const rows = page.getByTestId("survey-communities-table").locator("tr[data-community]");
    await poll(() => rows.count()).toBe(1);
    publicPath = (await page.getByTestId("survey-public-link").textContent()) ?? "";
    expect(publicPath).toMatch(/^\/s\/[A-Za-z0-9_-]{8,40}$/);

    await page.getByTestId("survey-action-publish").click();
    await page.locator("#survey-publish-ok").click();
    await poll(() => page.getByTestId("survey-status").textContent()).toBe("收集中");
    await page.getByTestId("survey-community-qr").click();
    await poll(() => page.getByTestId("survey-qr-image").evaluate(naturalWidth)).toBeGreaterThan(0);
    await shot("61-survey-communities");
    await page.keyboard.press("Escape");

    // The same survey is usable on a phone: the menu folds away, the tabs and the table stay.
    await page.setViewportSize(PHONE);
    await page.goto(`${surveyUrl}?tab=communities`);
    await page.getByTestId("survey-communities-table").waitFor();
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(
      PHONE.width,
    );
    await shot("62-survey-phone");
    await page.setViewportSize({ width: 1440, height: 1200 });
  });

  it("takes two residents' answers from the public page on their phones", async () => {
    await answerOnPhone(
      {
        building: "3 幢",
        age: "60-74",
        tenure: "owner",
        overall: "satisfied",
        aspects: {
          infrastructure: "very-satisfied",
          "facade-roof": "satisfied",
          "elevator-ageing": "basically-satisfied",
          environment: "very-satisfied",
          "parking-charging": "satisfied",
          construction: "satisfied",
          consultation: "basically-satisfied",
          management: "satisfied",
        },
        improve: ["parking-charging", "management"],
        suggestion: "希望增加停车位",
      },
      "63-survey-public-phone",
    );
    await answerOnPhone({
      building: "5 幢",
      age: "30-44",
      tenure: "tenant",
      overall: "dissatisfied",
      reason: "施工期间噪音大，工期拖延",
      aspects: {
        infrastructure: "satisfied",
        "facade-roof": "dissatisfied",
        "elevator-ageing": "basically-satisfied",
        environment: "satisfied",
        "parking-charging": "very-dissatisfied",
        construction: "dissatisfied",
        consultation: "basically-satisfied",
        management: "satisfied",
      },
      improve: ["construction"],
      suggestion: "夜间不要施工",
    });
  });

  it("shows the valid count and the rate, and follows an evaluator's override", async () => {
    await page.goto(`${surveyUrl}?tab=results`);
    await poll(() => page.getByTestId("survey-overall-valid").textContent()).toContain("2");
    // Per questionnaire, by the overall question: one satisfied of two.
    expect(await page.getByTestId("survey-overall-rate").textContent()).toContain("50.00");
    expect(await page.getByTestId("survey-overall-margin").textContent()).toMatch(/^误差范围.*±/);
    const tree = page.getByTestId("survey-results-tree");
    expect(await tree.locator("tr[data-node]").last().textContent()).toContain("翠苑一区");
    await poll(() => page.getByTestId("survey-texts").textContent()).toContain(
      "施工期间噪音大，工期拖延",
    );
    const crossRows = page.getByTestId("survey-cross-table").locator("tbody tr.ant-table-row");
    await poll(() => crossRows.count()).toBe(2);
    // By age band in the questionnaire's order: 30–44 岁 before 60–74 岁, though it answered second.
    expect(await crossRows.locator("td:first-child").allTextContents()).toEqual([
      "30–44 岁",
      "60–74 岁",
    ]);
    // One Excel export for the survey, above the tabs: the results tab adds none of its own.
    expect(await page.getByText("导出 Excel", { exact: true }).count()).toBe(1);
    expect(await page.getByTestId("survey-export").isVisible()).toBe(true);
    // The bars grow in an animation of about a second: the picture waits for it to end.
    await page.waitForTimeout(1_500);
    await shot("64-survey-results");

    await page.getByTestId("survey-tab-responses").click();
    const answers = page.getByTestId("survey-responses-table").locator("tr[data-response]");
    await poll(() => answers.count()).toBe(2);
    const validity = () => answers.getByTestId("survey-response-validity").allTextContents();
    expect(await validity()).toEqual(["有效", "有效"]);
    // The newest answer (the dissatisfied tenant's) comes first: the evaluator judges it invalid.
    await answers.first().getByTestId("survey-response-judge").click();
    await page.getByTestId("survey-override-choice").getByText("无效").click();
    await page.getByTestId("survey-override-reason").fill("回访核实：非本小区住户");
    await page.locator("#survey-override-ok").click();
    await poll(validity).toEqual(["无效人工判定", "有效"]);
    await poll(() => page.getByTestId("survey-valid-count").textContent()).toBe("1 / 2");
    await shot("65-survey-responses");

    await page.getByTestId("survey-tab-results").click();
    await poll(() => page.getByTestId("survey-overall-valid").textContent()).toContain("1");
    expect(await page.getByTestId("survey-overall-rate").textContent()).toContain("100.00");
  });

  it("prints one poster per community, without its access code", async () => {
    await page.goto(`${surveyUrl}/posters`);
    const posters = page.getByTestId("survey-poster");
    await poll(() => posters.count()).toBe(1);
    const text = (await posters.first().textContent()) ?? "";
    expect(text).toContain("翠苑一区");
    expect(text).toContain("微信扫码填写，匿名，约 3 分钟");
    expect(text).not.toContain("CY2024");
    await poll(() => posters.first().locator("img").evaluate(naturalWidth)).toBeGreaterThan(0);
    await shot("66-survey-poster");
  });

  it("takes a second questionnaire on a volunteer's phone with a fresh ticket after the receipt", async () => {
    // The survey lets one device answer for several residents (on site); the least share answered
    // is asked as a percentage: the stored 0.6 shows as 60 %.
    await page.goto(`${surveyUrl}?tab=settings`);
    expect(await page.getByTestId("survey-settings-min-answered").inputValue()).toBe("60");
    await page.getByTestId("survey-settings-shared-devices").click();
    await page.getByTestId("survey-settings-save").click();
    await page.getByText("设置已保存").waitFor();
    await shot("68-survey-settings");
    const { phone, p } = await newPhone();
    try {
      await p.goto(`${server.url}${publicPath}`);
      const resident: Resident = {
        building: "7 幢",
        age: "75-plus",
        tenure: "owner",
        overall: "very-satisfied",
        aspects: {
          infrastructure: "satisfied",
          "facade-roof": "satisfied",
          "elevator-ageing": "very-satisfied",
          environment: "satisfied",
          "parking-charging": "basically-satisfied",
          construction: "satisfied",
          consultation: "very-satisfied",
          management: "satisfied",
        },
        improve: ["management"],
        suggestion: "无",
      };
      const ticket = () => p.locator('input[name="ticket"]').inputValue();
      const first = await ticket();
      const receipt = await fillAndSend(p, resident);
      await p.locator("#survey-another").click();
      await p.locator("#survey-form").waitFor();
      await poll(ticket).not.toBe(first);
      // The form starts empty (the community stays, being the collection point's).
      expect(await p.locator('[data-q="overall"] input:checked').count()).toBe(0);
      const second = await fillAndSend(p, { ...resident, building: "8 幢" }, "67-survey-another");
      expect(second).toMatch(/^[A-Z0-9X]{8}$/);
      expect(second).not.toBe(receipt);
    } finally {
      await phone.close();
    }
    // The volunteer's two questionnaires are both valid, and their identical comment 「无」 is one
    // line counted twice, not listed twice.
    await page.goto(`${surveyUrl}?tab=results`);
    await poll(() => page.getByTestId("survey-overall-valid").textContent()).toContain("3");
    const suggestions = page.getByTestId("survey-texts-suggestion").locator(".ant-list-item");
    await poll(() => suggestions.count()).toBe(2);
    const none = suggestions.filter({ hasText: /^无/ });
    expect(await none.getByTestId("survey-text-count").textContent()).toBe("×2");
    expect(await none.getAttribute("data-text-count")).toBe("2");
    await shot("69-survey-texts");
  });

  it("meets no Content-Security-Policy violation in the web app or on the public page", async () => {
    const res = await fetch(`${server.url}${publicPath}`);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'sha256-[^']+'/);
    const app = await fetch(`${server.url}/surveys`);
    expect(app.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(cspProblems).toEqual([]);
  });
});
