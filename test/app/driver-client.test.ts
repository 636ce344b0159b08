// The task driver's work is no request's: a generate request wakes it, but its passes run for the
// `background` client (src/http/request-client.ts), not for the key whose request woke it. A
// timer keeps the context it was set in, so without `inBackground` the driver would go on with
// that key's turns at the database for good.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { BACKGROUND_CLIENT, currentClient } from "../../src/http/request-client.ts";
import type { Provider } from "../../src/services/ports/provider.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

const polledFor: string[] = [];
const provider: Provider = {
  async poll() {
    polledFor.push(currentClient());
    return { state: "running", progress: 0 };
  },
};

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ provider, driver: { tickMs: 20 } });
});
afterAll(() => gw.close());

it("runs the driver's passes for the background client after a request woke it from its idle pace", async () => {
  // Idle: the driver has passed often enough with nothing to do to slow to its idle pace.
  await vi.waitFor(() => expect(gw.gateway.driver.passes).toBeGreaterThan(12), { timeout: 5_000 });
  const accepted = await fetch(`${gw.url}/api/generate`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}` },
    body: JSON.stringify({ model: "flux-schnell", params: { prompt: "a lighthouse" } }),
  });
  expect(accepted.status).toBe(200);
  await vi.waitFor(() => expect(polledFor.length).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
  expect(new Set(polledFor)).toEqual(new Set([BACKGROUND_CLIENT]));
});
