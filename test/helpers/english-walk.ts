/**
 * The English walk's tools: the user data of a running demo (which may stay Chinese), the text a page
 * shows (body text, titles, placeholders, aria labels and the strings of every ECharts option), and
 * the Chinese left in it once user data is taken out.
 */
import type { APIRequestContext, Page, Request } from "playwright-core";

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
const HAS_CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every string inside a JSON value that contains a Chinese character. */
function chineseStrings(value: Json, into: Set<string>): void {
  if (typeof value === "string") {
    if (HAS_CJK.test(value)) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) chineseStrings(item, into);
  } else if (value && typeof value === "object") {
    for (const item of Object.values(value)) chineseStrings(item, into);
  }
}

async function getJson(request: APIRequestContext, url: string): Promise<Json> {
  const answer = await request.get(url, { headers: { "accept-language": "en" } });
  if (!answer.ok()) throw new Error(`${url}: ${answer.status()} ${await answer.text()}`);
  return (await answer.json()) as Json;
}

const items = (value: Json): Record<string, Json>[] =>
  ((value as { items?: Json[] }).items ?? []) as Record<string, Json>[];

/**
 * The user data of the demo, read through the API as the admin: region names, the rows of every data
 * set (programme, community and unit names, goals typed in), task, sheet narrative, plan and survey
 * texts (a questionnaire is written by its users), community names and account names.
 */
export async function userData(request: APIRequestContext): Promise<string[]> {
  const found = new Set<string>();
  const regionNames = async (parent?: string) => {
    const list = (await getJson(
      request,
      `/api/regions/children${parent ? `?parent=${parent}` : ""}`,
    )) as { regions: { code: string; name: string }[] };
    for (const region of list.regions) found.add(region.name);
    return list.regions;
  };
  const provinces = await regionNames("000000");
  for (const province of provinces) {
    const cities = await regionNames(province.code);
    if (!["410000", "330000", "320000", "440000"].includes(province.code)) continue;
    for (const city of cities) await regionNames(city.code);
  }
  found.add("全国");

  const datasets = items(await getJson(request, "/api/datasets"));
  for (const dataset of datasets) {
    for (let page = 1; ; page++) {
      const url = `/api/datasets/${String(dataset.name)}/rows?pageSize=200&page=${page}`;
      const rows = await getJson(request, url);
      for (const row of items(rows)) chineseStrings(row.values ?? null, found);
      if (page * 200 >= Number((rows as { total?: number }).total ?? 0)) break;
    }
  }
  for (const user of items(await getJson(request, "/api/users"))) {
    chineseStrings(user.displayName ?? null, found);
  }
  for (const task of items(await getJson(request, "/api/evaluations"))) {
    chineseStrings(task.name ?? null, found);
    const detail = (await getJson(request, `/api/evaluations/${String(task.id)}`)) as {
      sheets: { id: number }[];
    };
    for (const sheet of detail.sheets) {
      const full = (await getJson(request, `/api/evaluation-sheets/${sheet.id}`)) as Record<
        string,
        Json
      >;
      // Typed by users: the narratives, explanations, evidence names, comments and facts' notes.
      for (const key of ["entries", "comments", "visitNotes"]) {
        chineseStrings(full[key] ?? null, found);
      }
    }
  }
  for (const plan of items(await getJson(request, "/api/allocations"))) {
    chineseStrings(plan.name ?? null, found);
    const detail = (await getJson(request, `/api/allocations/${String(plan.id)}`)) as Record<
      string,
      Json
    >;
    // The model is typed by its users: factor, coefficient, tier and held-back names.
    chineseStrings(detail.name ?? null, found);
    chineseStrings(detail.comment ?? null, found);
    chineseStrings(detail.model ?? null, found);
  }
  for (const survey of items(await getJson(request, "/api/surveys"))) {
    const id = String(survey.id);
    chineseStrings(survey.title ?? null, found);
    chineseStrings(await getJson(request, `/api/surveys/${id}`), found);
    chineseStrings(await getJson(request, `/api/surveys/${id}/results`), found);
  }
  // A unit is never user data, even where a user typed it: English names it in words.
  const unit = /^[万百千亿]?(元|平方米|户|个|分|项|栋|天|人|份)$/;
  return [...found]
    .filter((text) => text.length > 0 && !unit.test(text))
    .sort((a, b) => b.length - a.length);
}

const inFlight = new WeakMap<Page, Set<Request>>();

/** Counts the page's requests from now on, for settled() to wait on. */
export function trackRequests(page: Page): void {
  const open = new Set<Request>();
  inFlight.set(page, open);
  page.on("request", (request) => open.add(request));
  page.on("requestfinished", (request) => open.delete(request));
  page.on("requestfailed", (request) => open.delete(request));
}

/**
 * Waits until a page has loaded: no request in flight, no skeleton or spinner left, twice 100 ms
 * apart (a request a rendered page starts shows in between). Counting the requests of a page
 * trackRequests() saw instead of Playwright's "networkidle", which always waits 500 ms more.
 */
export async function settled(page: Page): Promise<void> {
  const open = inFlight.get(page);
  if (!open) throw new Error("settled() needs trackRequests(page) when the page is made");
  await page.waitForLoadState("load");
  // Polled with page.evaluate: the app's Content-Security-Policy refuses waitForFunction's eval.
  const busy = "document.querySelectorAll('.ant-skeleton, .ant-spin-spinning').length";
  const idle = async () => open.size === 0 && (await page.evaluate(busy)) === 0;
  for (let tries = 0, quiet = 0; quiet < 2; tries++) {
    if (tries > 600) throw new Error(`${page.url()} is still loading after 60 s`);
    await page.waitForTimeout(100);
    quiet = (await idle()) ? quiet + 1 : 0;
  }
}

/**
 * Opens an address of the app as a link in it would: the first visit loads the page, later ones move
 * inside the app (the router follows a history entry), so the app does not start again for every
 * page. It waits until the layout says it is drawn for that address (its data-location holds the
 * path and every query parameter asked for; the layout may add region and year), so the page read
 * next is never the one before.
 */
export async function visit(page: Page, url: string): Promise<void> {
  const content = page.locator("[data-location]");
  if ((await content.count()) !== 1) {
    await page.goto(url);
    return;
  }
  const target = new URL(url, page.url());
  const address = JSON.stringify(`${target.pathname}${target.search}`);
  await page.evaluate(
    `history.pushState(null, "", ${address}); dispatchEvent(new PopStateEvent("popstate"));`,
  );
  const drawnFor = async () => {
    const shown = new URL((await content.getAttribute("data-location")) ?? "", target);
    if (shown.pathname !== target.pathname) return false;
    return [...target.searchParams].every(([key, value]) => shown.searchParams.get(key) === value);
  };
  for (let tries = 0; !(await drawnFor()); tries++) {
    if (tries > 600) throw new Error(`${url} was not drawn after 60 s`);
    await page.waitForTimeout(100);
  }
}

/** What a page shows as text: its body, titles, placeholders, aria labels and chart options. */
export async function visibleText(page: Page): Promise<string[]> {
  // A string, not a function: the page must not see the helpers a TypeScript runner adds.
  return page.evaluate(PAGE_TEXT) as Promise<string[]>;
}

const PAGE_TEXT = `(() => {
  // Text marked lang="zh-CN" is a Chinese document shown as it is (a report's sections).
  const chinese = [...document.querySelectorAll('[lang="zh-CN"]')]
    .filter((element) => element !== document.documentElement)
    .map((element) => element.innerText)
    .filter((text) => text && text.trim() !== "");
  let body = document.body.innerText;
  for (const text of chinese) body = body.split(text).join("");
  const out = [document.title, body];
  for (const element of document.querySelectorAll("[title],[placeholder],[aria-label]")) {
    for (const name of ["title", "placeholder", "aria-label"]) {
      const value = element.getAttribute(name);
      if (value) out.push(value);
    }
  }
  // The option of every ECharts chart, read from the React component that drew it.
  const strings = (value, depth) => {
    if (depth > 12) return;
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) for (const item of value) strings(item, depth + 1);
    else if (value && typeof value === "object") {
      for (const item of Object.values(value)) strings(item, depth + 1);
    }
  };
  for (const element of document.querySelectorAll("[_echarts_instance_]")) {
    const key = Object.keys(element).find((name) => name.startsWith("__reactFiber$"));
    let fiber = key ? element[key] : null;
    while (fiber && !(fiber.memoizedProps && fiber.memoizedProps.option)) fiber = fiber.return;
    const option = fiber ? fiber.memoizedProps.option : undefined;
    if (!option) continue;
    const { textStyle, ...rest } = option;
    strings(rest, 0);
  }
  return out;
})()`;

/** The Chinese runs left in texts once every user-data string is taken out, with some context. */
export function chineseLeft(texts: string[], allowed: string[]): string[] {
  const left = new Set<string>();
  for (const text of texts) {
    if (!HAS_CJK.test(text)) continue;
    let rest = text;
    for (const name of allowed) if (rest.includes(name)) rest = rest.split(name).join("▫");
    for (const line of rest.split("\n")) {
      for (const match of line.matchAll(CJK)) {
        if (!HAS_CJK.test(match[0])) continue;
        const at = match.index ?? 0;
        left.add(`${match[0]}  «${line.slice(Math.max(0, at - 30), at + match[0].length + 30)}»`);
      }
    }
  }
  return [...left];
}
