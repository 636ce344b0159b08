// The gateway wires its task driver to the delay its requests feel, at the threshold configured
// (GATEAI_DRIVER_YIELD_MS): its driver slows down under the load below at the default, and
// not at all when the threshold is off or above what the load makes them feel. Read from /metrics
// (gateai_driver_concurrency), as an operator would.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Provider } from "../../src/services/ports/provider.ts";
import { DRIVE_CONCURRENCY, DRIVER_PACE } from "../../src/services/task-driver.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

/** Each poll holds the event loop this long, as a vendor's answer, its statements and its files do in a burst. */
const POLL_HOLDS_MS = 5;
/** Polls seen before a threshold that never trips is read: several passes, several readings of the pace. */
const POLLS_BEFORE_READING = 40;

/** A gateway whose vendor runs every task for ever, its polls counted. */
async function gatewayUnderLoad(env: Record<string, string>) {
  const seen = { polls: 0 };
  const provider: Provider = {
    async poll() {
      seen.polls++;
      const until = performance.now() + POLL_HOLDS_MS;
      while (performance.now() < until);
      return { state: "running", progress: 0 };
    },
  };
  const gw = await startGateway({ provider, driver: { tickMs: 20 }, env });
  // Five running tasks: each pass holds the loop about 25 ms.
  for (let i = 0; i < 5; i++) {
    const accepted = await fetch(`${gw.url}/api/generate`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}` },
      body: JSON.stringify({ model: "flux-schnell", params: { prompt: `a lighthouse ${i}` } }),
    });
    expect(accepted.status).toBe(200);
  }
  return { gw, seen };
}

/** The gauge as /metrics renders it (a rendering serves the scrapes of the next second). */
const concurrency = async (gw: TestGateway): Promise<number | undefined> => {
  const body = await (await fetch(`${gw.url}/metrics`)).text();
  const line = body.split("\n").find((l) => l.startsWith("gateai_driver_concurrency "));
  return line === undefined ? undefined : Number(line.split(" ")[1]);
};

describe("the driver yielding to requests, as wired by the gateway", () => {
  let gw: TestGateway | undefined;
  afterEach(() => gw?.close());

  it(`drives fewer tasks at once under load at the default threshold (${DRIVER_PACE.targetDelayMs} ms)`, async () => {
    ({ gw } = await gatewayUnderLoad({}));
    const running = gw;
    await vi.waitFor(async () => expect(await concurrency(running)).toBeLessThan(DRIVE_CONCURRENCY / 2), { timeout: 10_000, interval: 20 });
    expect(await concurrency(running)).toBeGreaterThanOrEqual(DRIVER_PACE.min);
  });

  it.each([
    ["off (0)", "0"],
    ["at 10 s, above the delay the load makes", "10000"],
  ])("keeps driving the most tasks at once under the same load with the threshold %s", async (_name, threshold) => {
    const underLoad = await gatewayUnderLoad({ GATEAI_DRIVER_YIELD_MS: threshold });
    gw = underLoad.gw;
    // Requests keep arriving while the driver polls (a threshold is only read when they do).
    const running = gw;
    await vi.waitFor(
      async () => {
        await fetch(`${running.url}/healthz`);
        expect(underLoad.seen.polls).toBeGreaterThanOrEqual(POLLS_BEFORE_READING);
      },
      { timeout: 10_000, interval: 20 },
    );
    // The first scrape of this gateway: rendered now, not a second ago.
    expect(await concurrency(running)).toBe(DRIVE_CONCURRENCY);
  });
});
