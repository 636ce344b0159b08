// The pace of the driver's calls to a vendor: an attempt the vendor holds is asked about again
// only once its provider's statusReadGapMs (divided by the time scale), or a longer Retry-After,
// has passed since the last call's answer, however often passes come; so is a submit that got no
// handle, and a call that threw; a new attempt is submitted at once; a verified webhook (wake) has
// the attempt it names read at the next pass, even one it names while that attempt is being read
// or submitted; a provider with no gap (the simulation) is read at every pass.
import { afterEach, describe, expect, it } from "vitest";
import type { Provider, ProviderStatus } from "../../src/services/ports/provider.ts";
import type { TaskDriver } from "../../src/services/task-driver.ts";
import { timingFor } from "../../src/services/timing.ts";
import { driverBeside } from "../support/driver-beside.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

/**
 * A vendor whose attempts run forever; it counts submits and status reads (by handle in `readsOf`).
 * `gapMs`: its statusReadGapMs; `read`: how a read answers (default: running); a webhook's notice
 * names an attempt by its handle.
 */
function countingVendor(options: { gapMs?: number; firstSubmitUnanswered?: boolean; submit?: (submits: number) => Promise<void>; read?: (upstream: string, reads: number) => ProviderStatus | Promise<ProviderStatus> } = {}) {
  const counts = { submits: 0, reads: 0 };
  const readsOf = new Map<string, number>();
  const provider: Provider = {
    async poll(job): Promise<ProviderStatus> {
      if (job.upstream) {
        counts.reads++;
        readsOf.set(job.upstream, (readsOf.get(job.upstream) ?? 0) + 1);
        return options.read ? options.read(job.upstream, counts.reads) : { state: "running", progress: 0.5 };
      }
      const n = ++counts.submits;
      await options.submit?.(n);
      // A submit that reached no one (VendorUnreachable): running, with no handle to read.
      if (options.firstSubmitUnanswered && n === 1) return { state: "running", progress: 0 };
      return { state: "running", progress: 0, upstream: `job-${n}` };
    },
    // A notice may be about any submit whose handle is not known yet.
    isAttemptOf: (job, notice) => notice.vendor === "fake" && (!job.upstream || job.upstream === notice.requestId),
    ...(options.gapMs !== undefined ? { statusReadGapMs: () => options.gapMs! } : {}),
  };
  return { provider, counts, readsOf };
}

/** A vendor call held open: `hold()` (from inside the call) says it began and waits for `open()`; `held` resolves once it began. */
function callGate() {
  let began!: () => void;
  let open!: () => void;
  const held = new Promise<void>((resolve) => (began = resolve));
  return {
    held,
    hold: () => {
      began();
      return new Promise<void>((resolve) => (open = resolve));
    },
    open: () => open(),
  };
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
async function submitted(provider: Provider, options: { timeScale?: number; tasks?: number } = {}) {
  gw = await startGateway({ provider, driver: { enabled: false } });
  for (let i = 0; i < (options.tasks ?? 1); i++) {
    const accepted = await fetch(`${gw.url}/api/generate`, {
      method: "POST",
      headers: { authorization: `Bearer ${gw.key}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-image-2", params: { prompt: `p${i}`, quality: "low" } }),
    });
    expect(accepted.status).toBe(200);
  }
  // Past the accepting process's hold on the task.
  const T0 = Date.now() + 5_000;
  let now = T0;
  driver = driverBeside(gw, { provider, owner: "reader", clock: { now: () => now }, timing: timingFor(options.timeScale ?? 1), tickMs: 60_000 });
  const pass = async (atMs: number) => {
    now = T0 + atMs;
    await driver!.tick();
  };
  await pass(0);
  await pass(0);
  /** Moves the clock without a pass (for the driver's own passes, once started). */
  const at = (atMs: number) => {
    now = T0 + atMs;
  };
  /** Moves the clock within a pass (a vendor's call taking time). */
  const clock = { advance: (ms: number) => (now += ms) };
  return { pass, at, clock, driver };
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
    const { pass } = await submitted(vendor.provider, { timeScale: 10 });
    await pass(40);
    expect(vendor.counts.reads).toBe(0);
    await pass(50);
    expect(vendor.counts.reads).toBe(1);
  });

  it("sends a submit that got no handle (it reached no one) again once the gap has passed, not at every pass", async () => {
    const vendor = countingVendor({ gapMs: 500, firstSubmitUnanswered: true });
    const { pass } = await submitted(vendor.provider);
    expect(vendor.counts.submits).toBe(1);
    await pass(400);
    expect(vendor.counts.submits).toBe(1);
    await pass(500);
    expect(vendor.counts).toEqual({ submits: 2, reads: 0 });
  });

  it("submits a new attempt at once: a task requeued after a failed read and started again is not held to the last attempt's pace", async () => {
    const vendor = countingVendor({ gapMs: 500, read: (_upstream, reads) => (reads === 2 ? { state: "failed", error: "this account lost the job", retryable: true } : { state: "running", progress: 0.5 }) });
    const { pass } = await submitted(vendor.provider);
    await pass(500);
    // The second read fails: the task is requeued, and the same pass starts it again.
    await pass(1_000);
    expect(vendor.counts).toEqual({ submits: 1, reads: 2 });
    await pass(1_000);
    expect(vendor.counts.submits).toBe(2);
  });

  it("submits at once an attempt started elsewhere since its last read (another process requeued and started the task again)", async () => {
    const vendor = countingVendor({ gapMs: 500 });
    const { pass } = await submitted(vendor.provider);
    await pass(500);
    expect(vendor.counts).toEqual({ submits: 1, reads: 1 });
    await gw!.prisma.$executeRaw`UPDATE tasks SET attempts = attempts + 1, upstream_ref = NULL`;
    await pass(600);
    expect(vendor.counts).toEqual({ submits: 2, reads: 1 });
  });

  it("reads the attempt a verified webhook names at the next pass, and only that one", async () => {
    const vendor = countingVendor({ gapMs: 500 });
    const { pass, driver } = await submitted(vendor.provider, { tasks: 2 });
    await pass(0);
    expect(vendor.counts).toEqual({ submits: 2, reads: 0 });
    await pass(100);
    expect(vendor.counts.reads).toBe(0);
    // Started, its regular passes a minute apart: only the passes the webhooks ask for come.
    driver.start();
    await driver.settled();
    expect(vendor.counts.reads).toBe(0);
    driver.wake({ vendor: "fake", requestId: "job-2" });
    await expect.poll(() => vendor.counts.reads, { timeout: 5_000, interval: 10 }).toBe(1);
    await driver.settled();
    expect([...vendor.readsOf]).toEqual([["job-2", 1]]);
    driver.wake({ vendor: "another", requestId: "job-1" });
    await driver.settled();
    expect(vendor.counts.reads).toBe(1);
    driver.wake({ vendor: "fake", requestId: "job-1" });
    await expect.poll(() => vendor.counts.reads, { timeout: 5_000, interval: 10 }).toBe(2);
    await driver.settled();
    expect([...vendor.readsOf].sort()).toEqual([["job-1", 1], ["job-2", 1]]);
  });

  it("reads at the next pass an attempt a webhook names while it is being submitted (its handle not known yet)", async () => {
    const submit = callGate();
    const vendor = countingVendor({ gapMs: 500, firstSubmitUnanswered: true, submit: async (n) => (n === 2 ? submit.hold() : undefined) });
    const { at, driver } = await submitted(vendor.provider);
    // The first submit got no handle; the driver's own pass sends it again once its pace allows.
    at(500);
    driver.start();
    await submit.held;
    driver.wake({ vendor: "fake", requestId: "job-2" });
    submit.open();
    await expect.poll(() => vendor.readsOf.get("job-2") ?? 0, { timeout: 5_000, interval: 10 }).toBe(1);
  });

  it("counts the gap from the call's answer, as the vendors' clients wait: a read that took 300 ms is followed by the next 500 ms after it ended", async () => {
    let advance = (_ms: number) => {};
    const vendor = countingVendor({
      gapMs: 500,
      read: (_upstream, reads) => {
        if (reads === 1) advance(300);
        return { state: "running", progress: 0.5 };
      },
    });
    const { pass, clock } = await submitted(vendor.provider);
    advance = clock.advance;
    await pass(500);
    expect(vendor.counts.reads).toBe(1);
    await pass(1_200);
    expect(vendor.counts.reads).toBe(1);
    await pass(1_300);
    expect(vendor.counts.reads).toBe(2);
  });

  it("paces a call that threw, and holds the next read back for a 429's Retry-After when it is longer than the gap", async () => {
    const vendor = countingVendor({
      gapMs: 500,
      read: (_upstream, reads) => {
        if (reads === 1) throw new Error("the vendor's answer broke something");
        return reads === 2 ? { state: "running", progress: 0, readAfterMs: 2_000 } : { state: "running", progress: 0.5 };
      },
    });
    const { pass } = await submitted(vendor.provider);
    await pass(500);
    await pass(900);
    expect(vendor.counts.reads).toBe(1);
    await pass(1_000);
    expect(vendor.counts.reads).toBe(2);
    await pass(2_900);
    expect(vendor.counts.reads).toBe(2);
    await pass(3_000);
    expect(vendor.counts.reads).toBe(3);
  });

  it("reads an attempt again at the next pass when a webhook names it while its status is being read (that answer may predate the notice)", async () => {
    const read = callGate();
    const vendor = countingVendor({
      gapMs: 500,
      read: async (_upstream, reads) => {
        if (reads === 1) await read.hold();
        return { state: "running", progress: 0.5 };
      },
    });
    const { at, driver } = await submitted(vendor.provider);
    at(500);
    driver.start();
    await read.held;
    driver.wake({ vendor: "fake", requestId: "job-1" });
    read.open();
    // The pass the webhook asked for reads it again, though the read it overtook was 0 ms ago.
    await expect.poll(() => vendor.counts.reads, { timeout: 5_000, interval: 10 }).toBe(2);
  });

  it("reads at every pass the attempts of a provider that sets no gap (the simulation)", async () => {
    const vendor = countingVendor();
    const { pass } = await submitted(vendor.provider);
    for (const at of [100, 200, 300]) await pass(at);
    expect(vendor.counts).toEqual({ submits: 1, reads: 3 });
  });
});
