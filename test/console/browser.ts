// Debian's Chromium driven by playwright-core, for the browser tests of the web console. Every
// request the page makes is logged, so a test can assert that nothing left localhost.
//   https://playwright.dev/docs/api/class-browsertype#browser-type-launch-persistent-context
//   https://playwright.dev/docs/api/class-page#page-event-request
import { existsSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Where Debian installs Chromium (`.ci/run` installs it with apt when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * True when Chromium is installed; use with `describe.skipIf(!chromiumAvailable())`. Throws in CI
 * when it is not (`.ci/run` installs it; the tests must not skip there), like the database tests.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true") throw new Error(`Chromium is required in CI: install it (apt-get install chromium) or set CHROMIUM_PATH; ${CHROMIUM} is missing.`);
  return false;
}

/**
 * Without the background-networking flags Chromium's own connections (updates, sync, field
 * trials) are refused on a closed network and slow every page down.
 */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Screenshots of the run (git-ignored). */
export const SCREENSHOTS = fileURLToPath(new URL("../../test-results/console/", import.meta.url));

export interface Browser {
  readonly context: BrowserContext;
  /** Every URL a page of this browser requested (HTTP and WebSocket), in order. */
  readonly requests: string[];
  newPage(): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "gateai-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1100, height: 900 },
  });
  const requests: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    requests,
    async newPage() {
      const page = await context.newPage();
      page.on("websocket", (socket) => requests.push(socket.url()));
      return page;
    },
    async screenshot(page, name) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The requests (HTTP or WebSocket) that went to another host than `origin`'s; data: and blob: URLs stay in the page. */
export function leftOrigin(requests: readonly string[], origin: string): string[] {
  const host = new URL(origin).host;
  return requests.filter((url) => {
    const target = new URL(url);
    if (target.protocol === "data:" || target.protocol === "blob:") return false;
    return !["http:", "https:", "ws:", "wss:"].includes(target.protocol) || target.host !== host;
  });
}
