// End to end in Chromium, in English: every demo role visits every page of its menu, a task, a sheet,
// its result, an allocation plan, a survey and its results, and no Chinese is left on screen (body
// text, titles, placeholders, aria labels, chart options) except user data — region, programme,
// task, plan, survey, community and account names and typed text, read from the running demo's API.
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactDir, launchBrowser } from "../helpers/browser.ts";
import {
  chineseLeft,
  settled,
  trackRequests,
  userData,
  visibleText,
  visit,
} from "../helpers/english-walk.ts";
import { ADMIN_PASSWORD, startTestServer } from "../helpers/server.ts";

const shots = artifactDir("english-walk");
/** The language switch names each language in its own words: 中文 is not left untranslated. */
const ENDONYMS = ["中文"];

/** The demo users, one per role, with the year their region's demo data are in. */
const ROLES = [
  { role: "finance", username: "henan.finance", year: 2020 },
  { role: "department", username: "zmd.housing", year: 2020 },
  { role: "implementer", username: "yicheng.impl", year: 2020 },
  { role: "evaluator", username: "hz.evaluator", year: 2020 },
  { role: "viewer", username: "gd.viewer", year: 2024 },
  { role: "admin", username: "admin", year: 2024 },
] as const;

type Item = { id: number };

describe("every page in English", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let allowed: string[];
  const found: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const admin = await browser.newContext({ baseURL: server.url });
    const login = await admin.request.post("/api/auth/login", {
      data: { username: "admin", password: ADMIN_PASSWORD },
    });
    expect(login.status()).toBe(200);
    allowed = [...ENDONYMS, ...(await userData(admin.request))];
    await admin.close();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Signs a role in; the admin switches with the header's language switch, the others start in English. */
  async function signIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: "en-US",
      viewport: { width: 1366, height: 900 },
    });
    if (username !== "admin") {
      await context.addInitScript({ content: 'localStorage.setItem("jixiao.locale", "en-US")' });
    }
    const page = await context.newPage();
    trackRequests(page);
    page.setDefaultTimeout(60_000);
    await page.goto("/login");
    await page.getByTestId("login-username").fill(username);
    await page
      .getByTestId("login-password")
      .fill(username === "admin" ? ADMIN_PASSWORD : server.demoPassword);
    await page.getByTestId("login-submit").click();
    try {
      await page.getByTestId("nav-home").waitFor();
    } catch (err) {
      // Kept to see why (the machine may be slow): what the login page said.
      await page.screenshot({ path: join(shots, `login-${username}.png`) });
      throw new Error(`${username} did not get in: ${await page.locator("body").innerText()}`, {
        cause: err,
      });
    }
    if (username === "admin") {
      await page.getByTestId("lang-switch").getByText("English").click();
      await expect.poll(() => page.getByTestId("nav-users").textContent()).toBe("Users");
    }
    return { context, page };
  }

  /** The pages a role walks: its menu, then one of each detail page it may open. */
  async function pagesOf(page: Page, year: number, username: string): Promise<string[]> {
    const menu: string[] = [];
    for (const item of await page.locator('[data-testid^="nav-"]').all()) {
      menu.push((await item.getAttribute("data-testid"))?.slice(4) ?? "");
    }
    const urls = menu
      .filter((name) => name !== "toggle")
      .map((name) => (name === "home" ? "/" : `/${name}?year=${year}`));
    const list = async (url: string) => {
      const answer = await page.request.get(url);
      return answer.ok() ? (((await answer.json()) as { items?: Item[] }).items ?? []) : [];
    };
    if (menu.includes("data") && username === "admin") {
      const datasets = (await (await page.request.get("/api/datasets")).json()) as {
        items: { name: string }[];
      };
      for (const d of datasets.items) urls.push(`/data/${d.name}`);
    }
    if (menu.includes("evaluations")) {
      const task = (await list("/api/evaluations"))[0];
      if (task) {
        urls.push(`/evaluations/${task.id}`);
        const detail = (await (await page.request.get(`/api/evaluations/${task.id}`)).json()) as {
          sheets: Item[];
        };
        const sheet = detail.sheets.at(-1);
        if (sheet)
          urls.push(`/evaluation-sheets/${sheet.id}`, `/evaluation-sheets/${sheet.id}/result`);
      }
    }
    if (menu.includes("allocations")) {
      const plan = (await list("/api/allocations"))[0];
      if (plan) urls.push(`/allocations/${plan.id}`);
    }
    if (menu.includes("surveys")) {
      const survey = (await list("/api/surveys"))[0];
      if (survey) {
        // Every tab once (as the admin); the results, which every role reads, for the others.
        const tabs =
          username === "admin"
            ? ["questionnaire", "settings", "communities", "results", "responses"]
            : ["results"];
        for (const tab of tabs) {
          urls.push(`/surveys/${survey.id}?tab=${tab}`);
        }
      }
    }
    return urls;
  }

  for (const { role, username, year } of ROLES) {
    it(`shows ${role} (${username}) no Chinese but user data`, async () => {
      const { context, page } = await signIn(username);
      const urls = await pagesOf(page, year, username);
      expect(urls.length).toBeGreaterThan(3);
      for (const url of urls) {
        await visit(page, url);
        await settled(page);
        // The app's page, not an error answer (a page with no text would pass for English).
        if ((await page.getByTestId("app-title").count()) !== 1) {
          found.push(
            `${role} ${url}: not the app: ${(await page.locator("body").innerText()).slice(0, 200)}`,
          );
        }
        const left = chineseLeft(await visibleText(page), allowed);
        for (const text of left) found.push(`${role} ${url}: ${text}`);
        await page.screenshot({
          path: join(shots, `${role}-${url.replace(/[^a-z0-9]+/gi, "_")}.png`),
        });
      }
      await context.close();
      const mine = found.filter((line) => line.startsWith(`${role} `));
      if (mine.length > 0) console.log(`Chinese left for ${role}:\n${mine.join("\n")}`);
      expect(mine).toEqual([]);
    }, 300_000);
  }
});
