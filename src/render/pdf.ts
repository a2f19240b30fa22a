/**
 * HTML to PDF in Debian's Chromium (playwright-core): A4 as the page's CSS says (a landscape section
 * on turned pages), "— n —" page numbers at the foot, fonts embedded as CID TrueType subsets (see
 * html.ts for why the faces are TrueType ones).
 * One browser per renderer, started on the first PDF and kept; its pages are kept too and print
 * one document after another (a fresh page costs a renderer process: about 1 s of CPU for a sheet);
 * at most `concurrency` pages printing at once.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";

export interface PdfRenderer {
  render(html: string): Promise<Uint8Array>;
  /** Closes the browser (server stop, CLI exit, end of a test); a later render starts another. */
  close(): Promise<void>;
}

export interface ChromiumPdfOptions {
  /** Pages printing at once; the others wait their turn (default 2). */
  concurrency?: number;
  /** The browser is closed after this long without a PDF (default 5 minutes), to give its memory back. */
  idleMs?: number;
  /** Starts the browser; tests count launches through it. */
  launch?: (executablePath: string) => Promise<Browser>;
}

/** A kept page prints this many documents, then is closed and replaced (bounds its memory). */
export const PAGE_USES = 100;

interface KeptPage {
  context: BrowserContext;
  page: Page;
  uses: number;
}

/**
 * "— 1 —" in 4号 (14 pt) Times New Roman (Liberation Serif, its TrueType twin, on Debian), as GB/T
 * 9704 sets page numbers; Chromium prints the template inside the bottom margin.
 */
const FOOTER =
  "<div style=\"width:100%;text-align:center;font-size:14pt;font-family:'Times New Roman','Liberation Serif',serif;margin-bottom:8mm;\">— <span class=\"pageNumber\"></span> —</div>";

/** Starts Debian's Chromium headless; the process's signals stay with the server's own shutdown. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  // Loaded on first use: the CLI and server start without the browser driver.
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    // Playwright would otherwise exit the process on Ctrl-C before the server has stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** At most `size` tasks at once, the rest in order of arrival. */
export function semaphore(size: number) {
  let free = Math.max(1, size);
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (free > 0) free -= 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        // The slot passes straight to the next in line, so a newcomer cannot overtake it.
        if (next) next();
        else free += 1;
      }
    },
    get waiting() {
      return waiting.length;
    },
  };
}

/** A renderer over one reused Chromium, started again when it has crashed or been closed. */
export function chromiumPdf(executablePath: string, options: ChromiumPdfOptions = {}): PdfRenderer {
  const launch = options.launch ?? launchChromium;
  const idleMs = options.idleMs ?? 5 * 60_000;
  const slots = semaphore(options.concurrency ?? 2);
  let browser: Promise<Browser> | null = null;
  let printing = 0;
  let idleTimer: NodeJS.Timeout | null = null;
  /** Counts close() calls: a PDF asked for before one neither retries nor starts a browser after it. */
  let generation = 0;
  /** Pages not printing, per browser: at most `concurrency` of them, gone with their browser. */
  const spare = new Map<Browser, KeptPage[]>();

  const current = (): Promise<Browser> => {
    if (browser) return browser;
    const starting = launch(executablePath).then((started) => {
      started.on("disconnected", () => {
        spare.delete(started);
        if (browser === starting) browser = null;
      });
      return started;
    });
    // A failed start is not kept: the next PDF tries again.
    starting.catch(() => {
      if (browser === starting) browser = null;
    });
    browser = starting;
    return starting;
  };

  const shut = async () => {
    const closing = browser;
    browser = null;
    const started = await closing?.catch(() => null);
    if (started) spare.delete(started);
    await started?.close().catch(() => undefined);
  };

  const openPage = async (instance: Browser): Promise<KeptPage> => {
    const kept = spare.get(instance)?.pop();
    if (kept) return kept;
    // A context per page: documents printing at once share nothing.
    const context = await instance.newContext();
    try {
      return { context, page: await context.newPage(), uses: 0 };
    } catch (err) {
      await context.close().catch(() => undefined);
      throw err;
    }
  };

  const print = async (instance: Browser, html: string) => {
    const kept = await openPage(instance);
    let pdf: Buffer;
    try {
      // The whole document is replaced: nothing of the previous one stays in the page.
      await kept.page.setContent(html, { waitUntil: "load" });
      pdf = await kept.page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<div></div>",
        footerTemplate: FOOTER,
      });
    } catch (err) {
      // A page that failed is not trusted with another document.
      await kept.context.close().catch(() => undefined);
      throw err;
    }
    kept.uses += 1;
    const alive = (await browser?.catch(() => null)) === instance && instance.isConnected();
    if (alive && kept.uses < PAGE_USES) {
      const pages = spare.get(instance) ?? [];
      spare.set(instance, pages);
      pages.push(kept);
    } else {
      await kept.context.close().catch(() => undefined);
    }
    return new Uint8Array(pdf);
  };

  const once = async (html: string, asked: number) => {
    if (asked !== generation) throw new Error("the PDF renderer was closed");
    const instance = await current();
    try {
      return await print(instance, html);
    } catch (err) {
      if (instance.isConnected() || asked !== generation) throw err;
      // The browser died under the page (killed, crashed): the document gets one fresh browser.
      if (browser && (await browser.catch(() => null)) === instance) browser = null;
      return print(await current(), html);
    }
  };

  return {
    render: (html) => {
      const asked = generation;
      return slots.run(async () => {
        printing += 1;
        if (idleTimer) clearTimeout(idleTimer);
        idleTimer = null;
        try {
          return await once(html, asked);
        } finally {
          printing -= 1;
          if (printing === 0 && slots.waiting === 0) {
            idleTimer = setTimeout(() => {
              idleTimer = null;
              if (printing === 0) void shut();
            }, idleMs);
            idleTimer.unref();
          }
        }
      });
    },
    close: async () => {
      generation += 1;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      await shut();
    },
  };
}
