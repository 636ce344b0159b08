// The pace of the driver's status reads: an attempt a vendor holds is read again only once its
// provider's statusReadGapMs (divided by the time scale) has passed since the last read, however
// often passes come; a submit is never held back; a verified webhook (wake) has it read at the
// next pass; a provider with no gap (the simulation) is read at every pass.
import { afterEach, describe, expect, it } from "vitest";
import type { Provider, ProviderStatus } from "../../src/services/ports/provider.ts";
import type { TaskDriver } from "../../src/services/task-driver.ts";
import { timingFor } from "../../src/services/timing.ts";
import { driverBeside } from "../support/driver-beside.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

/** A vendor whose attempts run forever; it counts submits and status reads. `gapMs`: its statusReadGapMs. */
function countingVendor(options: { gapMs?: number; firstSubmitUnanswered?: boolean } = {}) {
  const counts = { submits: 0, reads: 0 };
  const provider: Provider = {
    async poll(job): Promise<ProviderStatus> {
      if (job.upstream) {
        counts.reads++;
        return { state: "running", progress: 0.5 };
      }
      counts.submits++;
      // A submit that reached no one (VendorUnreachable): running, with no handle to read.
      if (options.firstSubmitUnanswered && counts.submits === 1) return { state: "running", progress: 0 };
      return { state: "running", progress: 0, upstream: `job-${counts.submits}` };
    },
    ...(options.gapMs !== undefined ? { statusReadGapMs: () => options.gapMs! } : {}),
  };
  return { provider, counts };
}

let gw: TestGateway | undefined;
let driver: TaskDriver | undefined;
afterEach(async () => {
  await driver?.stop();
  driver = undefined;
  await gw?.close();
});

/**
 * A gateway whose own driver is off, one generation accepted, and a driver beside it on a clock
 * the test moves (`at(ms)`: ms after the start). Its first pass starts the task, its second
 * submits it at 0 ms.
 */
async function submitted(provider: Provider, timeScale = 1) {
  gw = await startGateway({ provider, driver: { enabled: false } });
  const accepted = await fetch(`${gw.url}/api/generate`, {
    method: "POST",
    headers: { authorization: `Bearer ${gw.key}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "p", quality: "low" } }),
  });
  expect(accepted.status).toBe(200);
  // Past the accepting process's hold on the task.
  const T0 = Date.now() + 5_000;
  let now = T0;
  driver = driverBeside(gw, { provider, owner: "reader", clock: { now: () => now }, timing: timingFor(timeScale), tickMs: 60_000 });
  const pass = async (atMs: number) => {
    now = T0 + atMs;
    await driver!.tick();
  };
  await pass(0);
  await pass(0);
  return { pass, driver };
}

describe("task driver: the pace of status reads at a vendor", () => {
  it("reads an attempt the vendor holds again only once its gap has passed since the last read, passes every 100 ms", async () => {
    const vendor = countingVendor({ gapMs: 500 });
    const { pass } = await submitted(vendor.provider);
    expect(vendor.counts).toEqual({ submits: 1, reads: 0 });
    for (const at of [100, 200, 300, 400]) await pass(at);
    expect(vendor.counts.reads).toBe(0);
    await pass(500);
    expect(vendor.counts.reads).toBe(1);
    for (const at of [600, 700, 800, 900]) await pass(at);
    expect(vendor.counts.reads).toBe(1);
    await pass(1_000);
    expect(vendor.counts).toEqual({ submits: 1, reads: 2 });
  });

  it("divides the gap by the time scale, as every generation clock is", async () => {
    const vendor = countingVendor({ gapMs: 500 });
    const { pass } = await submitted(vendor.provider, 10);
    await pass(40);
    expect(vendor.counts.reads).toBe(0);
    await pass(50);
    expect(vendor.counts.reads).toBe(1);
  });

  it("never holds back a submit: one that reached no one is sent again at the next pass", async () => {
    const vendor = countingVendor({ gapMs: 500, firstSubmitUnanswered: true });
    const { pass } = await submitted(vendor.provider);
    expect(vendor.counts.submits).toBe(1);
    await pass(1);
    expect(vendor.counts).toEqual({ submits: 2, reads: 0 });
  });

  it("reads every attempt at the next pass once a verified webhook wakes the driver", async () => {
    const vendor = countingVendor({ gapMs: 500 });
    const { pass, driver } = await submitted(vendor.provider);
    await pass(100);
    expect(vendor.counts.reads).toBe(0);
    // Started, its regular passes a minute apart: only the pass the webhook asks for comes.
    driver.start();
    await driver.settled();
    expect(vendor.counts.reads).toBe(0);
    driver.wake();
    await expect.poll(() => vendor.counts.reads, { timeout: 5_000, interval: 10 }).toBe(1);
  });

  it("reads at every pass the attempts of a provider that sets no gap (the simulation)", async () => {
    const vendor = countingVendor();
    const { pass } = await submitted(vendor.provider);
    for (const at of [100, 200, 300]) await pass(at);
    expect(vendor.counts).toEqual({ submits: 1, reads: 3 });
  });
});
