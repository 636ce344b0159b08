// The gateway wires its task driver to the delay its requests feel (GATEAI_DRIVER_YIELD_MS): when
// driving tasks holds the event loop while requests arrive, the driver drives fewer at once, as
// /metrics shows (gateai_driver_concurrency).
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { Provider } from "../../src/services/ports/provider.ts";
import { DRIVE_CONCURRENCY, DRIVER_PACE } from "../../src/services/task-driver.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

/** Each poll holds the event loop this long, as a vendor's answer, its statements and its files do in a burst. */
const POLL_HOLDS_MS = 5;
const provider: Provider = {
  async poll() {
    const until = performance.now() + POLL_HOLDS_MS;
    while (performance.now() < until);
    return { state: "running", progress: 0 };
  },
};

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ provider, driver: { tickMs: 20 } });
});
afterAll(() => gw.close());

const concurrency = async (): Promise<number | undefined> => {
  const body = await (await fetch(`${gw.url}/metrics`)).text();
  const line = body.split("\n").find((l) => l.startsWith("gateai_driver_concurrency "));
  return line === undefined ? undefined : Number(line.split(" ")[1]);
};

it("drives fewer tasks at once while its requests feel the driver's work", async () => {
  expect(await concurrency()).toBe(DRIVE_CONCURRENCY);
  // Five running tasks: each pass holds the loop about 25 ms, well past the default 2 ms.
  for (let i = 0; i < 5; i++) {
    const accepted = await fetch(`${gw.url}/api/generate`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}` },
      body: JSON.stringify({ model: "flux-schnell", params: { prompt: `a lighthouse ${i}` } }),
    });
    expect(accepted.status).toBe(200);
  }
  await vi.waitFor(async () => expect(await concurrency()).toBeLessThan(DRIVE_CONCURRENCY / 2), { timeout: 10_000, interval: 20 });
  expect(await concurrency()).toBeGreaterThanOrEqual(DRIVER_PACE.min);
});
