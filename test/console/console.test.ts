// The web console in a real browser (Debian's Chromium through playwright-core) against a whole
// gateway: sign in, generate an image and watch it run to FINISHED, see the picture; the cost
// explorer's chart and tables; GraphiQL running a query. No request may leave the gateway's host.
// Screenshots go to test-results/console/ (printed at the start). Skipped without Chromium
// (/usr/bin/chromium or CHROMIUM_PATH), except in CI.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { chromiumAvailable, launchBrowser, leftOrigin, SCREENSHOTS, type Browser } from "./browser.ts";

const ADMIN_TOKEN = "console-test-admin-token";
const builtConsole = fileURLToPath(new URL("../../dist/console/index.html", import.meta.url));

/** Every value a <progress> element of the page took, recorded in the page as it changes. */
const RECORD_PROGRESS = `
  window.__progressSeen = [];
  new MutationObserver((changes) => {
    for (const change of changes) {
      const el = change.type === "attributes" ? change.target : null;
      if (el && el.tagName === "PROGRESS") window.__progressSeen.push(Number(el.value));
      for (const node of change.addedNodes ?? []) {
        if (node.querySelectorAll) for (const p of node.querySelectorAll("progress")) window.__progressSeen.push(Number(p.value));
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["value"] });
`;

describe.skipIf(!chromiumAvailable())("the web console in Chromium", () => {
  let gw: TestGateway;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Built by the e2e project's global setup (scripts/build.mjs --if-stale builds the console too).
    expect(existsSync(builtConsole), "dist/console is not built: run `npm run build`").toBe(true);
    console.info(`console screenshots: ${SCREENSHOTS}`);
    // Images take 10-30 s at time scale 1: 1.25-3.75 s here, long enough to see progress.
    [gw, browser] = await Promise.all([startGateway({ env: { GATEAI_TIME_SCALE: "8", GATEAI_ADMIN_TOKEN: ADMIN_TOKEN } }), launchBrowser()]);
    page = await browser.newPage();
    await page.addInitScript(RECORD_PROGRESS);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it("redirects / to the console and signs in with an API key kept in sessionStorage, never in a URL", async () => {
    await page.goto(`${gw.url}/`);
    expect(new URL(page.url()).pathname).toBe("/console/");
    await page.getByLabel("API key").fill(gw.key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("dashboard").waitFor();
    await page.getByTestId("budget").waitFor();
    expect(await page.evaluate(() => Object.values(window.sessionStorage))).toContain(gw.key);
    expect(await page.evaluate(() => Object.values(window.localStorage))).not.toContain(gw.key);
    expect(await page.getByTestId("slots").textContent()).toContain("0 of 5");
    expect(browser.requests.filter((url) => url.includes(gw.key))).toEqual([]);
    await browser.screenshot(page, "signed-in");
  });

  it("generates an image from the model's form, shows its progress live until FINISHED, the picture loads, and the dashboard counts it", async () => {
    await page.goto(`${gw.url}/console/#/generate`);
    await page.getByTestId("estimate-cost").waitFor();
    await page.locator('textarea[name="prompt"]').fill("a lighthouse at dusk, oil on canvas");
    await page.getByRole("button", { name: "Generate" }).click();

    const task = page.getByTestId("generated-task").getByTestId("task");
    await task.waitFor();
    await page.waitForSelector('[data-testid="generated-task"] [data-status="FINISHED"]', { timeout: 20_000 });
    const seen = await page.evaluate(() => (window as unknown as { __progressSeen: number[] }).__progressSeen);
    expect(seen.some((p) => p > 0 && p < 1), `progress values seen: ${seen.join(", ")}`).toBe(true);
    expect(await task.locator("progress").evaluate((p: HTMLProgressElement) => p.value)).toBe(1);

    const image = page.getByTestId("generated-task").getByTestId("result-image").first();
    await image.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="generated-task"] [data-testid="result-image"]');
      return img !== null && img.complete;
    });
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await browser.screenshot(page, "generate");

    // The dashboard counts it: in today's spending and in the 30-second window.
    await page.goto(`${gw.url}/console/#/dashboard`);
    await expect.poll(() => page.getByTestId("window").textContent()).toContain("1 of 5");
    await expect.poll(() => page.getByTestId("dashboard").locator("table").textContent()).toContain("gpt-image-2");
    await browser.screenshot(page, "dashboard");

    await page.goto(`${gw.url}/console/#/gallery`);
    await page.getByTestId("gallery").getByTestId("result-image").first().waitFor();
    await browser.screenshot(page, "gallery");
    expect(leftOrigin(browser.requests, gw.url)).toEqual([]);
  }, 45_000);

  it("prices the form as it changes and previews the downgrade generate would apply over budget", async () => {
    const small = await gw.createKey({ dailyLimitUsd: 1, label: "small" });
    await page.goto(`${gw.url}/console/#/dashboard`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("API key").fill(small.key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("dashboard").waitFor();

    await page.goto(`${gw.url}/console/#/generate`);
    await page.locator('select[name="model"]').selectOption("seedance-2.0");
    await page.locator('select[name="mode"]').waitFor();
    await page.locator('select[name="mode"]').selectOption("RESOLUTION_1080");
    await page.locator('select[name="duration"]').selectOption("15");
    const downgrade = page.getByTestId("downgrade");
    await downgrade.waitFor();
    expect(await page.getByTestId("estimate").textContent()).toContain("over budget");
    expect(await downgrade.textContent()).toContain("BUDGET_DOWNGRADE");
    await browser.screenshot(page, "downgrade");

    await page.locator('select[name="duration"]').selectOption("4");
    await page.locator('select[name="mode"]').selectOption("RESOLUTION_720");
    await expect.poll(() => downgrade.count()).toBe(0);
    expect(await page.getByTestId("estimate").textContent()).not.toContain("over budget");
  });

  it("draws priceAcross as a chart and fills the cheapestModels and planBudget tables", async () => {
    await page.goto(`${gw.url}/console/#/costs`);
    const chart = page.getByTestId("price-chart");
    await chart.waitFor();
    const lines = chart.locator("polyline");
    await expect.poll(() => lines.count()).toBeGreaterThan(0);
    const points = await lines.first().getAttribute("points");
    expect(points?.trim().split(/\s+/).length).toBeGreaterThan(1);
    await page.getByTestId("cheapest-models").locator("tbody tr").first().waitFor();
    await page.getByTestId("budget-plan").locator("tbody tr").first().waitFor();
    expect(await page.getByTestId("budget-plan").locator("tbody tr").count()).toBe(3);
    await browser.screenshot(page, "costs");
    expect(leftOrigin(browser.requests, gw.url)).toEqual([]);
  });

  it("tells the charts' lines apart by a coloured swatch beside legend text that keeps the page's text colour", async () => {
    await page.goto(`${gw.url}/console/#/costs`);
    const series = page.getByTestId("price-chart").getByTestId("price-series");
    await expect.poll(() => series.count()).toBeGreaterThan(1);
    const legends = await series.evaluateAll((groups) =>
      groups.map((g) => ({
        line: g.querySelector("polyline")!.getAttribute("stroke"),
        swatch: g.querySelector('[data-testid="legend-swatch"]')!.getAttribute("stroke"),
        text: getComputedStyle(g.querySelector("text")!).fill,
      })),
    );
    for (const legend of legends) expect(legend.swatch).toBe(legend.line);
    expect(new Set(legends.map((l) => l.swatch)).size).toBe(legends.length);
    // The page's text colour (#374151), 10:1 on white.
    expect(new Set(legends.map((l) => l.text))).toEqual(new Set(["rgb(55, 65, 81)"]));
  });

  it("says why a model's prices cannot be drawn, and shows a failed question's error instead of the last answer", async () => {
    await page.goto(`${gw.url}/console/#/costs`);
    await page.getByTestId("price-chart").waitFor();
    // Hailuo 2.3 Fast needs a start frame, whatever the values priced: the question is refused, and the page says why.
    await page.locator('select[name="model"]').first().selectOption("hailuo-2_3-fast");
    const priceCard = page.locator(".card", { has: page.locator('select[name="across"]') });
    await priceCard.locator(".problem", { hasText: "start_frame" }).waitFor();
    expect(await priceCard.getByTestId("price-chart").count()).toBe(0);

    const cheapest = page.getByTestId("cheapest-models");
    await cheapest.locator("tbody tr").first().waitFor();
    // Past GraphQL's Int: the gateway answers an error, not a table.
    await page.getByLabel("Min short side (px)").fill("99999999999");
    await page.locator(".card", { has: page.getByLabel("Min short side (px)") }).locator(".problem").waitFor();
    expect(await cheapest.count()).toBe(0);
    await browser.screenshot(page, "costs-errors");
  });

  it("creates a key, sets its daily limit and revokes it with the admin token, once the revoking is confirmed", async () => {
    await page.goto(`${gw.url}/console/#/admin`);
    await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Continue" }).click();
    const admin = page.getByTestId("admin");
    await admin.getByLabel("Label").fill("from the console");
    await admin.getByLabel(/Daily limit/).fill("2.5");
    await admin.getByRole("button", { name: "Create key" }).click();
    const created = (await admin.getByTestId("created-key").textContent()) ?? "";
    expect(created).toMatch(/^sk-/);
    const row = admin.locator("tbody tr", { hasText: "from the console" });
    expect(await row.textContent()).toContain("$2.50");

    await admin.getByLabel(/Daily limit/).fill("7");
    await row.getByRole("button", { name: "Set limit to $7.00" }).click();
    await expect.poll(() => row.textContent()).toContain("$7.00");
    expect((await gw.services.keys.authenticate(created))?.dailyLimit).toBe(7_000_000);
    // A Revoke button only asks: kept, the key still works.
    const confirm = admin.getByRole("alertdialog", { name: "Confirm revoking" });
    await row.getByRole("button", { name: "Revoke" }).click();
    expect(await confirm.textContent()).toContain(created.slice(0, 8));
    await confirm.getByRole("button", { name: "Keep it" }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await gw.services.keys.authenticate(created)).not.toBeNull();
    await row.getByRole("button", { name: "Revoke" }).click();
    await confirm.getByRole("button", { name: "Revoke the key" }).click();
    await expect.poll(() => row.getByRole("button", { name: "Revoke" }).count()).toBe(0);
    expect(await confirm.count()).toBe(0);
    expect(await gw.services.keys.authenticate(created)).toBeNull();
    await browser.screenshot(page, "admin");
    expect(browser.requests.filter((url) => url.includes(ADMIN_TOKEN) || url.includes(created))).toEqual([]);
  });

  it("loads GraphiQL from the gateway alone and runs a query in it", async () => {
    const graphiql = await browser.newPage();
    const before = browser.requests.length;
    // GraphiQL takes its first query from the page URL's `query` parameter.
    const query = '{ model(id: "gpt-image-2") { __typename } }';
    await graphiql.goto(`${gw.url}/graphql?query=${encodeURIComponent(query)}`);
    await graphiql.locator(".graphiql-query-editor, .graphiql-editor").first().waitFor({ timeout: 20_000 });
    await expect.poll(() => graphiql.locator(".graphiql-query-editor").first().textContent(), { timeout: 15_000 }).toContain("gpt-image-2");
    await graphiql.getByRole("button", { name: /execute/i }).first().click();
    await expect.poll(() => graphiql.locator(".graphiql-response").textContent(), { timeout: 15_000 }).toContain("ImageModel");
    await browser.screenshot(graphiql, "graphiql");
    const made = browser.requests.slice(before);
    expect(made.some((url) => url.startsWith(`${gw.url}/graphql`))).toBe(true);
    expect(leftOrigin(made, gw.url)).toEqual([]);
    await graphiql.close();
  }, 45_000);

  it("counts the 30-second window by the gateway's clock when the browser's clock is ten minutes ahead", async () => {
    // A browser of its own: its clock runs ten minutes ahead of the gateway's from the start.
    const skewed = await launchBrowser();
    try {
      const view = await skewed.newPage();
      await view.clock.install({ time: Date.now() + 10 * 60_000 });
      const { key } = await gw.createKey({ label: "skewed clock" });
      for (const prompt of ["first", "second"]) {
        const answer = await fetch(`${gw.url}/api/generate`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify({ model: "gpt-image-2", params: { prompt, quality: "low" } }),
        });
        expect(answer.status).toBe(200);
      }
      await view.goto(`${gw.url}/console/`);
      await view.getByLabel("API key").fill(key);
      await view.getByRole("button", { name: "Sign in" }).click();
      await view.getByTestId("dashboard").waitFor();
      // By the browser's clock the two requests were ten minutes ago, outside any 30-s window.
      await expect.poll(() => view.getByTestId("window").textContent(), { timeout: 10_000 }).toContain("2 of 5");
    } finally {
      await skewed.close();
    }
  }, 45_000);
});
