/**
 * HTML to PDF in Debian's Chromium (playwright-core): A4 as the page's CSS says, "— n —" page
 * numbers at the foot, fonts embedded (Noto CJK from fonts-noto-cjk when the official faces are absent).
 */

export interface PdfRenderer {
  render(html: string): Promise<Uint8Array>;
}

const FOOTER =
  '<div style="width:100%;text-align:center;font-size:10pt;font-family:serif;">— <span class="pageNumber"></span> —</div>';

/** A renderer that starts Chromium for each document (a report is seconds of work for people, not a hot path). */
export function chromiumPdf(executablePath: string): PdfRenderer {
  return {
    async render(html) {
      // Loaded on first use: the CLI and server start without the browser driver.
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({
        executablePath,
        headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
      });
      try {
        const page = await browser.newPage();
        await page.setContent(html, { waitUntil: "load" });
        const pdf = await page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: "<div></div>",
          footerTemplate: FOOTER,
        });
        return new Uint8Array(pdf);
      } finally {
        await browser.close();
      }
    },
  };
}
