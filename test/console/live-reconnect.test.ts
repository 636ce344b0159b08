// The console's live dashboard in Chromium when the gateway goes away and comes back, and when its
// key is revoked: it says it is reconnecting, resumes by itself with what happened meanwhile, and
// a revoked key goes back to sign-in. Skipped without Chromium (/usr/bin/chromium or
// CHROMIUM_PATH), except in CI.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { chromiumAvailable, launchBrowser, type Browser } from "./browser.ts";
import { startOutageProxy, type OutageProxy } from "./outage-proxy.ts";

const builtConsole = fileURLToPath(new URL("../../dist/console/index.html", import.meta.url));
const ADMIN_TOKEN = "live-reconnect-admin-token";
const RECONNECTING = "The live connection was lost; reconnecting…";

async function signIn(page: Page, origin: string, key: string): Promise<void> {
  await page.goto(`${origin}/console/`);
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("dashboard").waitFor();
  await page.getByTestId("budget").waitFor();
}

const generate = async (gw: TestGateway, key: string): Promise<string> => {
  const response = await fetch(`${gw.url}/api/generate`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "flux-schnell", params: { prompt: "a harbour at night" } }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { task_id: string }).task_id;
};

describe.skipIf(!chromiumAvailable())("the console's live connection in Chromium", () => {
  let gw: TestGateway;
  let proxy: OutageProxy;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    expect(existsSync(builtConsole), "dist/console is not built: run `npm run build`").toBe(true);
    [gw, browser] = await Promise.all([startGateway({ env: { GATEAI_TIME_SCALE: "8", GATEAI_ADMIN_TOKEN: ADMIN_TOKEN } }), launchBrowser()]);
    proxy = await startOutageProxy(gw.url);
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await gw?.close();
  });

  it("says it is reconnecting while the gateway cannot be reached, then resumes by itself and shows the task run meanwhile", async () => {
    const { key } = await gw.createKey();
    await signIn(page, proxy.url, key);

    // Connections refused, not only closed: graphql-ws' default gives up on those.
    await proxy.cut();
    await page.getByText(RECONNECTING).waitFor({ timeout: 15_000 });
    const taskId = await generate(gw, key);
    // Longer than the first retries' waits: the page must keep trying.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await proxy.restore();

    await page.getByText(RECONNECTING).waitFor({ state: "detached", timeout: 30_000 });
    // The task accepted while the page was cut off, then its end, arrive live.
    await page.waitForSelector(`[data-task-id="${taskId}"][data-status="FINISHED"]`, { timeout: 30_000 });
  }, 90_000);

  it("goes back to sign-in when its key is revoked while the dashboard is open", async () => {
    const { key, record } = await gw.createKey();
    await signIn(page, gw.url, key);
    const response = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ query: "mutation ($id: ID!) { revokeApiKey(id: $id) { __typename } }", variables: { id: record.id } }),
    });
    expect(((await response.json()) as { data: { revokeApiKey: { __typename: string } } }).data.revokeApiKey.__typename).toBe("ApiKey");
    await page.getByLabel("API key").waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => Object.values(window.sessionStorage))).not.toContain(key);
  }, 60_000);
});
