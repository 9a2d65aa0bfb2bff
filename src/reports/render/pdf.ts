// HTML → PDF with Debian's Chromium through playwright-core. One browser per process, launched on the
// first render and closed after a minute idle (or by closePdfBrowser at shutdown). The page may load
// nothing from the network: JavaScript is off and every request but data: URLs is aborted, so
// collected content can never fetch or beacon. Chromium keeps <a href> as PDF link annotations.
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium (never a downloaded browser). */
export const CHROMIUM_PATH = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const IDLE_MS = 60_000;
/** Longest a single render may take before it is abandoned. */
export const PDF_TIMEOUT_MS = 30_000;
const TEMPLATE_STYLE = "width:100%;font-size:10pt;font-family:'Noto Sans CJK SC',sans-serif;margin:0 28mm";
const FOOTER = `<div style="${TEMPLATE_STYLE};text-align:center">— <span class="pageNumber"></span> —</div>`;
// Every page of a draft says so, in the top margin where it covers nothing.
const DRAFT_HEADER = `<div style="${TEMPLATE_STYLE};text-align:right;color:#c00000">草稿</div>`;

let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let active = 0;

function getBrowser(): Promise<Browser> {
  if (!browser) {
    const launching = chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, timeout: PDF_TIMEOUT_MS });
    browser = launching;
    launching.then((b) => b.on("disconnected", () => { if (browser === launching) browser = null; }), () => { if (browser === launching) browser = null; });
  }
  return browser;
}

function scheduleIdleClose(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => { if (active === 0) void closePdfBrowser(); }, IDLE_MS);
  idleTimer.unref();
}

/** Closes the shared browser (at shutdown; the next render launches a new one). */
export async function closePdfBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const b = browser;
  browser = null;
  if (b) await b.then((x) => x.close(), () => undefined);
}

/** How a PDF is printed. */
export interface PdfOptions {
  /** Print 草稿 at the top of every page. */
  draft?: boolean;
  timeoutMs?: number;
}

/** The PDF bytes of a self-contained HTML document (A4, backgrounds printed, page numbers in the footer). */
export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? PDF_TIMEOUT_MS;
  active += 1;
  if (idleTimer) clearTimeout(idleTimer);
  let timer: NodeJS.Timeout | undefined;
  const context = await getBrowser().then((b) => b.newContext({ javaScriptEnabled: false, offline: true })).catch((cause: unknown) => {
    active -= 1;
    throw new Error(`pdf: unable to start Chromium at ${CHROMIUM_PATH}`, { cause });
  });
  try {
    const render = (async () => {
      const page = await context.newPage();
      await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: "load", timeout: timeoutMs });
      return page.pdf({
        format: "A4", printBackground: true, displayHeaderFooter: true, headerTemplate: opts.draft ? DRAFT_HEADER : "<span></span>", footerTemplate: FOOTER,
        margin: { top: "37mm", bottom: "35mm", left: "28mm", right: "28mm" },
      });
    })();
    // After a timeout the abandoned render fails when its context closes; that failure is expected.
    render.catch(() => undefined);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`pdf: rendering took longer than ${timeoutMs} ms`)), timeoutMs);
    });
    return await Promise.race([render, timeout]);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
    active -= 1;
    scheduleIdleClose();
  }
}
