// The PDF renderer: one browser reused, a relaunch after a crash, at most N pages at once, nothing
// left running after close. Fake browsers for the counting, Debian's Chromium for the real thing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPdf, launchChromium, PAGE_USES } from "./pdf.ts";

const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium";

/** A stand-in browser whose pages print when the test says so. */
function fakeBrowser(print: () => Promise<Uint8Array>) {
  let connected = true;
  const gone: (() => void)[] = [];
  const crash = () => {
    connected = false;
    for (const fn of gone) fn();
  };
  const browser = {
    on(event: string, fn: () => void) {
      if (event === "disconnected") gone.push(fn);
      return browser;
    },
    isConnected: () => connected,
    newContext: async () => ({
      newPage: async () => ({ setContent: async () => undefined, pdf: print }),
      close: async () => undefined,
    }),
    close: async () => crash(),
  };
  return { browser: browser as unknown as Browser, crash };
}

describe("chromiumPdf with a stand-in browser", () => {
  it("prints at most two pages at once, the others in turn, in one browser", async () => {
    const releases: (() => void)[] = [];
    let printing = 0;
    let most = 0;
    let launches = 0;
    const { browser } = fakeBrowser(async () => {
      printing += 1;
      most = Math.max(most, printing);
      await new Promise<void>((resolve) => releases.push(resolve));
      printing -= 1;
      return new Uint8Array([1]);
    });
    const pdf = chromiumPdf("fake", {
      concurrency: 2,
      launch: async () => {
        launches += 1;
        return browser;
      },
    });
    const all = Promise.all(Array.from({ length: 6 }, () => pdf.render("<p>x</p>")));
    await expect.poll(() => releases.length).toBe(2);
    expect(printing).toBe(2);
    releases.shift()?.();
    await expect.poll(() => releases.length).toBe(2);
    while (releases.length > 0 || printing > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await all).toHaveLength(6);
    expect(most).toBe(2);
    expect(launches).toBe(1);
    await pdf.close();
  });

  it("prints the document again in a fresh browser when the first one dies under the page", async () => {
    let launches = 0;
    const dying = fakeBrowser(async () => {
      dying.crash();
      throw new Error("Target page, context or browser has been closed");
    });
    const healthy = fakeBrowser(async () => new Uint8Array([37, 80, 68, 70]));
    const pdf = chromiumPdf("fake", {
      launch: async () => {
        launches += 1;
        return launches === 1 ? dying.browser : healthy.browser;
      },
    });
    expect(await pdf.render("<p>x</p>")).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(launches).toBe(2);
    // An error of the page itself, the browser alive, is the caller's: no retry, no new browser.
    const failing = chromiumPdf("fake", {
      launch: async () => {
        launches += 1;
        return fakeBrowser(async () => {
          throw new Error("bad page");
        }).browser;
      },
    });
    await expect(failing.render("<p>x</p>")).rejects.toThrow("bad page");
    expect(launches).toBe(3);
    await pdf.close();
    await failing.close();
  });

  it("prints one document after another on a kept page, replacing a page that failed and a page used up", async () => {
    let contexts = 0;
    let closed = 0;
    let fail = false;
    const browser = {
      on: () => browser,
      isConnected: () => true,
      newContext: async () => {
        contexts += 1;
        return {
          newPage: async () => ({
            setContent: async () => undefined,
            pdf: async () => {
              if (fail) throw new Error("page crashed");
              return new Uint8Array([1]);
            },
          }),
          close: async () => {
            closed += 1;
          },
        };
      },
      close: async () => undefined,
    } as unknown as Browser;
    const pdf = chromiumPdf("fake", { concurrency: 2, launch: async () => browser });
    for (let i = 0; i < 3; i += 1) await pdf.render("<p>x</p>");
    await Promise.all([pdf.render("<p>a</p>"), pdf.render("<p>b</p>")]);
    // One page for the three in turn, a second only for the two at once.
    expect(contexts).toBe(2);
    expect(closed).toBe(0);
    fail = true;
    await expect(pdf.render("<p>y</p>")).rejects.toThrow("page crashed");
    expect(closed).toBe(1);
    fail = false;
    await pdf.render("<p>z</p>");
    expect(contexts).toBe(2);
    // The page left has printed 3 + 1 + 1 documents: at PAGE_USES it is closed, and a new one opens.
    for (let i = 0; i < PAGE_USES - 6; i += 1) await pdf.render("<p>n</p>");
    expect(closed).toBe(1);
    await pdf.render("<p>n</p>");
    expect(closed).toBe(2);
    await pdf.render("<p>m</p>");
    expect(contexts).toBe(3);
    await pdf.close();
  });

  it("refuses the pages still waiting when closed, and starts no browser for them", async () => {
    const releases: (() => void)[] = [];
    let launches = 0;
    const { browser } = fakeBrowser(async () => {
      await new Promise<void>((resolve) => releases.push(resolve));
      return new Uint8Array([1]);
    });
    const pdf = chromiumPdf("fake", {
      concurrency: 1,
      launch: async () => {
        launches += 1;
        return browser;
      },
    });
    const first = pdf.render("<p>1</p>");
    const second = pdf.render("<p>2</p>");
    await expect.poll(() => releases.length).toBe(1);
    await pdf.close();
    releases.shift()?.();
    await first;
    await expect(second).rejects.toThrow("closed");
    expect(launches).toBe(1);
  });
});

/** Live Chromium processes started by this process (the browser's main process). */
function chromiumChildren(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const name = stat.slice(stat.indexOf("(") + 1, close);
      const [state, ppid] = stat.slice(close + 2).split(" ");
      if (Number(ppid) === process.pid && state !== "Z" && name.startsWith("chrom")) {
        pids.push(Number(entry));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

describe("chromiumPdf with Debian's Chromium", () => {
  it("prints the second document on the kept page with nothing of the first", async () => {
    const pdf = chromiumPdf(CHROMIUM);
    const dir = mkdtempSync(join(tmpdir(), "jixiao-pdf-"));
    const text = (bytes: Uint8Array, name: string) => {
      writeFileSync(join(dir, name), bytes);
      return execFileSync("pdftotext", [join(dir, name), "-"], { encoding: "utf8" });
    };
    try {
      const first = text(
        await pdf.render("<html><body><h1>驻马店市评分表</h1></body></html>"),
        "1.pdf",
      );
      const second = text(await pdf.render("<html><body><p>上蔡县</p></body></html>"), "2.pdf");
      expect(first).toContain("驻马店市评分表");
      expect(second).toContain("上蔡县");
      expect(second).not.toContain("驻马店市");
      expect(second).toMatch(/—\s*1\s*—/);
    } finally {
      await pdf.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("launches once for several PDFs, again after the browser is killed, and leaves nothing running", async () => {
    const browsers: Browser[] = [];
    const pdf = chromiumPdf(CHROMIUM, {
      launch: async (path) => {
        const browser = await launchChromium(path);
        browsers.push(browser);
        return browser;
      },
    });
    const html = (n: number) => `<html><body><h1>评分表 ${n}</h1></body></html>`;
    const header = (bytes: Uint8Array) => new TextDecoder().decode(bytes.slice(0, 5));
    expect(header(await pdf.render(html(1)))).toBe("%PDF-");
    expect(header(await pdf.render(html(2)))).toBe("%PDF-");
    const together = await Promise.all([3, 4, 5].map((n) => pdf.render(html(n))));
    expect(together.map(header)).toEqual(["%PDF-", "%PDF-", "%PDF-"]);
    expect(browsers).toHaveLength(1);

    const [pid] = chromiumChildren();
    expect(pid).toBeGreaterThan(0);
    process.kill(Number(pid), "SIGKILL");
    await expect.poll(() => browsers[0]?.isConnected()).toBe(false);
    expect(header(await pdf.render(html(6)))).toBe("%PDF-");
    expect(browsers).toHaveLength(2);
    expect(browsers[1]?.isConnected()).toBe(true);

    await pdf.close();
    expect(browsers[1]?.isConnected()).toBe(false);
    await expect.poll(() => chromiumChildren()).toEqual([]);
  });
});
