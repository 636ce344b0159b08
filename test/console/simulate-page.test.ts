// The console's Simulate page in Chromium against a whole gateway: the prefilled workload runs and
// the page shows the totals and budget exhaustion the GraphQL API answers for the same workload,
// draws the time series, and shows a refused workload's error code with the field and bound.
// Skipped without Chromium (/usr/bin/chromium or CHROMIUM_PATH), except in CI.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { chromiumAvailable, launchBrowser, leftOrigin, SCREENSHOTS, type Browser } from "./browser.ts";

const builtConsole = fileURLToPath(new URL("../../dist/console/index.html", import.meta.url));

/** The same question the page asks, written independently of the console's document. */
const SIMULATE = `
  query ($workload: WorkloadInput!) {
    simulate(workload: $workload) {
      __typename
      ... on SimulationReport {
        totals { requests calls accepted downgraded savedUsd refusedConcurrency refusedWindow refusedBudget rateLimitedCalls finished failed timedOut retriedAttempts refunded refundedUsd spendUsd }
        keyDays { key day exhaustedAt }
        series { points { at } }
      }
      ... on Error { code message }
    }
  }
`;

interface Answer {
  __typename: string;
  totals: Record<string, number>;
  keyDays: { key: string; day: string; exhaustedAt: string | null }[];
  series: { points: { at: string }[] };
}

describe.skipIf(!chromiumAvailable())("the console's Simulate page in Chromium", () => {
  let gw: TestGateway;
  let browser: Browser;
  let page: Page;

  const simulateDirectly = async (workload: unknown): Promise<Answer> => {
    const response = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}` },
      body: JSON.stringify({ query: SIMULATE, variables: { workload } }),
    });
    const body = (await response.json()) as { data: { simulate: Answer } };
    return body.data.simulate;
  };

  beforeAll(async () => {
    expect(existsSync(builtConsole), "dist/console is not built: run `node scripts/build.mjs`").toBe(true);
    [gw, browser] = await Promise.all([startGateway(), launchBrowser()]);
    page = await browser.newPage();
    await page.goto(`${gw.url}/console/`);
    await page.getByLabel("API key").fill(gw.key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("dashboard").waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it("runs the prefilled workload and shows the totals and budget exhaustion the API answers for it, and its time series as a chart", async () => {
    await page.getByRole("link", { name: "Simulate" }).click();
    await page.getByTestId("workload-form").waitFor();
    expect(new URL(page.url()).hash).toBe("#/simulate");
    await page.getByRole("button", { name: "Run simulation" }).click();
    const report = page.getByTestId("simulation-report");
    await report.waitFor({ timeout: 30_000 });

    const workload = JSON.parse(await page.getByTestId("workload-json").inputValue()) as { streams: unknown[]; keys: { id: string; dailyLimitUsd: number }[] };
    expect(workload.streams).toHaveLength(2);
    const answer = await simulateDirectly(workload);
    expect(answer.__typename).toBe("SimulationReport");

    const shown: Record<string, number> = {};
    for (const name of Object.keys(answer.totals)) shown[name] = Number(await report.getByTestId(`total-${name}`).getAttribute("data-value"));
    expect(shown).toEqual(answer.totals);
    // The example's one key runs out of budget: the page names the moment the API does.
    const exhausted = answer.keyDays.map((d) => d.exhaustedAt);
    expect(exhausted.some((at) => at !== null)).toBe(true);
    expect(await report.getByTestId("exhausted-at").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-value") || null))).toEqual(exhausted);
    expect(await report.getByTestId("headline").textContent()).toContain(`ran out at ${answer.keyDays.find((d) => d.exhaustedAt)!.exhaustedAt!.slice(11, 19)} UTC`);
    expect(await report.getByTestId("total-spendUsd").textContent()).toBe(`$${answer.totals.spendUsd!.toFixed(2)}`);

    // Five series (spend, accepted, refused, in flight, queued), each a line of every point.
    const lines = report.getByTestId("series-chart").getByTestId("series-line");
    const drawn = await lines.evaluateAll((els) => els.map((el) => [el.getAttribute("data-series"), (el.getAttribute("points") ?? "").trim().split(/\s+/).length] as const));
    expect(drawn.map(([name]) => name)).toEqual(["spend", "accepted", "refused", "inFlight", "queueDepth"]);
    for (const [, points] of drawn) expect(points).toBe(answer.series.points.length);
    expect(answer.series.points.length).toBeGreaterThan(1);
    // Pointing at the chart reads out the step under the pointer.
    const chart = report.getByTestId("series-chart");
    await chart.hover();
    expect(await chart.getByTestId("series-readout").textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC — spent \$[\d.]+ so far, \d+ accepted, \d+ refused, \d+ in flight, \d+ queued$/);
    // And the keyboard: focused, the chart reads the step the arrow keys move to, and tells it as a slider's value.
    const stepAt = (i: number) => answer.series.points[i]!.at.slice(0, 16).replace("T", " ");
    const last = answer.series.points.length - 1;
    await page.mouse.move(0, 0);
    await chart.focus();
    await page.keyboard.press("End");
    const atEnd = (await chart.getByTestId("series-readout").textContent()) ?? "";
    expect(atEnd.startsWith(`${stepAt(last)} UTC — spent $`)).toBe(true);
    // The spend read at the last step is the day's (cumulative, refunds taken off), to the cent shown.
    expect(Math.abs(Number(/spent \$([\d.]+)/.exec(atEnd)![1]) - answer.totals.spendUsd!)).toBeLessThan(0.01);
    await page.keyboard.press("ArrowLeft");
    expect(await chart.getByTestId("series-readout").textContent()).toContain(`${stepAt(last - 1)} UTC`);
    expect(await chart.getAttribute("aria-valuenow")).toBe(String(last - 1));
    expect(await chart.getAttribute("aria-valuetext")).toBe(await chart.getByTestId("series-readout").textContent());
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowLeft");
    expect(await chart.getByTestId("series-readout").textContent()).toContain(`${stepAt(0)} UTC`);
    await chart.screenshot({ path: join(SCREENSHOTS, "simulate-chart.png") });
    await page.screenshot({ path: "/tmp/simulate-page.png", fullPage: true });
    await browser.screenshot(page, "simulate");
    expect(leftOrigin(browser.requests, gw.url)).toEqual([]);
  }, 60_000);

  it("shows INVALID_PARAMS with the field and its bound for a workload over a bound, and a JSON editor that does not parse blocks the run", async () => {
    await page.goto(`${gw.url}/console/#/simulate`);
    await page.getByTestId("workload-form").waitFor();
    await page.locator('input[name="horizon-hours"]').fill("500");
    await page.getByRole("button", { name: "Run simulation" }).click();
    const error = page.getByTestId("simulate-error");
    await error.waitFor();
    expect(await error.getByTestId("error-code").textContent()).toBe("INVALID_PARAMS");
    const issues = (await error.getByTestId("error-issues").textContent()) ?? "";
    expect(issues).toContain("horizonHours");
    expect(issues).toContain("168");
    expect(await page.getByTestId("simulation-report").count()).toBe(0);
    // The form wrote the change into the JSON editor: one workload, two views.
    expect(JSON.parse(await page.getByTestId("workload-json").inputValue())).toMatchObject({ horizonHours: 500 });
    await browser.screenshot(page, "simulate-invalid");

    await page.getByText("The whole workload as JSON").click();
    await page.getByTestId("workload-json").fill('{ "keys": [');
    expect(await page.getByTestId("json-problem").textContent()).toContain("does not parse");
    expect(await page.getByRole("button", { name: "Run simulation" }).isDisabled()).toBe(true);
  }, 60_000);
});
