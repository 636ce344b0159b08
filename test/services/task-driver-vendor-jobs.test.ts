// The task driver and the jobs a vendor holds: a job whose attempt is given up is cancelled at the
// vendor, and a submit that takes longer than a lease keeps its task's lease, so no other process
// takes the task over and submits it a second time. A request the vendor refuses does not count
// against the account it ran on; an account the vendor rate limits rests. And a finished task's slot goes back to its key before anything
// else can fail.
import { afterEach, describe, expect, it } from "vitest";
import { renderOutputs } from "../../src/adapters/providers/render/index.ts";
import type { Provider, ProviderJob, ProviderStatus } from "../../src/services/ports/provider.ts";
import type { TaskDriver } from "../../src/services/task-driver.ts";
import { timingFor } from "../../src/services/timing.ts";
import { driverBeside } from "../support/driver-beside.ts";
import { generate, waitForFinal } from "../lifecycle/support.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

const LEASE_MS = 300;

/** A vendor that records every submit and cancel; `answer` says how a job it holds stands. */
function recordingVendor(options: { submitMs?: number; answer: (job: ProviderJob & { upstream: string }) => ProviderStatus | Promise<ProviderStatus> }) {
  const submits: string[] = [];
  const cancels: string[] = [];
  let onSubmit: (() => void) | undefined;
  const provider: Provider = {
    async poll(job) {
      if (job.upstream) return options.answer(job as ProviderJob & { upstream: string });
      const ref = `job-${submits.length + 1}`;
      submits.push(ref);
      onSubmit?.();
      if (options.submitMs) await new Promise((resolve) => setTimeout(resolve, options.submitMs));
      return { state: "running", progress: 0, upstream: ref };
    },
    async cancel(job) {
      cancels.push(job.upstream!);
    },
  };
  return { provider, submits, cancels, submitted: () => new Promise<void>((resolve) => (onSubmit = resolve)) };
}

const finished = async (job: ProviderJob): Promise<ProviderStatus> => {
  const { files, result, glb } = await renderOutputs(job.model, job.output, job.params);
  return { state: "finished", files, result, glb };
};

let gw: TestGateway | undefined;
/** Another process's driver, or the one driving instead of the gateway's. */
let other: TaskDriver | undefined;
afterEach(async () => {
  await other?.stop();
  other = undefined;
  await gw?.close();
});

describe("task driver: the jobs a vendor holds", () => {

  it("cancels a job at the vendor before requeueing its task after a retryable failure; the next attempt is submitted once", async () => {
    const vendor = recordingVendor({
      answer: (job) => (job.upstream === "job-1" ? { state: "failed", error: "this account lost the job", retryable: true } : finished(job)),
    });
    gw = await startGateway({ provider: vendor.provider, driver: { tickMs: 20 } });
    const { taskId } = await generate(gw.url, gw.key, "gpt-image-2", { prompt: "p", quality: "low" });
    expect(await waitForFinal(gw.url, gw.key, taskId, 10_000)).toMatchObject({ status: "FINISHED" });
    expect(vendor.submits).toEqual(["job-1", "job-2"]);
    expect(vendor.cancels).toEqual(["job-1"]);
    expect((await gw.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).attempts).toBe(2);
  });

  it("does not cancel a job whose task it could not requeue (another process holds it now)", async () => {
    let takenOver = false;
    const vendor = recordingVendor({
      answer: async (job) => {
        if (takenOver) return { state: "running", progress: 0.5 };
        // Another process took the task over before this poll's answer is acted on.
        takenOver = true;
        await gw!.prisma.$executeRaw`UPDATE tasks SET lease_owner = 'another-process', lease_until = now() + interval '1 hour' WHERE id = ${job.taskId}`;
        return { state: "failed", error: "a status this account could not read", retryable: true };
      },
    });
    gw = await startGateway({ provider: vendor.provider, driver: { tickMs: 20 } });
    const { taskId } = await generate(gw.url, gw.key, "gpt-image-2", { prompt: "p", quality: "low" });
    await expect.poll(() => takenOver, { timeout: 10_000, interval: 20 }).toBe(true);
    // The failure's requeue is refused (the lease is another's): the task stays PROCESSING on its job.
    await expect.poll(async () => (await gw!.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).leaseOwner, { timeout: 5_000, interval: 20 }).toBe("another-process");
    await gw.gateway.driver.settled();
    expect(vendor.cancels).toEqual([]);
    expect((await gw.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("PROCESSING");
  });

  it("keeps a task's lease while its submit takes longer than a lease: another process's driver does not submit it again", async () => {
    const vendor = recordingVendor({ submitMs: 4 * LEASE_MS, answer: finished });
    gw = await startGateway({ provider: vendor.provider, driver: { tickMs: 20, leaseMs: LEASE_MS } });
    // A second gateway process's driver on the same database.
    other = driverBeside(gw, { provider: vendor.provider, owner: "another-process", leaseMs: LEASE_MS });
    other.start();
    const { taskId } = await generate(gw.url, gw.key, "gpt-image-2", { prompt: "p", quality: "low" });
    expect(await waitForFinal(gw.url, gw.key, taskId, 10_000)).toMatchObject({ status: "FINISHED" });
    expect(vendor.submits).toEqual(["job-1"]);
    expect(vendor.cancels).toEqual([]);
  });

  it("cancels the job it just submitted when the task was taken over meanwhile (its handle could not be stored)", async () => {
    const vendor = recordingVendor({ submitMs: 200, answer: finished });
    gw = await startGateway({ provider: vendor.provider, driver: { tickMs: 20, leaseMs: 60_000 } });
    const submitted = vendor.submitted();
    const { taskId } = await generate(gw.url, gw.key, "gpt-image-2", { prompt: "p", quality: "low" });
    await submitted;
    // Another process holds the task now, as after a takeover.
    await gw.prisma.$executeRaw`UPDATE tasks SET lease_owner = 'another-process' WHERE id = ${taskId}`;
    await expect.poll(() => vendor.cancels, { timeout: 5_000, interval: 20 }).toEqual(["job-1"]);
    const row = await gw.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(row).toMatchObject({ status: "PROCESSING", upstreamRef: null, leaseOwner: "another-process" });
  });
});

describe("task driver: the pool's accounts", () => {
  it("counts only failures that may be the account's towards locking it: requests the vendor refuses, refunded each time, leave the account to the next task", async () => {
    const vendor = recordingVendor({
      answer: (job) => (job.params.prompt === "refused" ? { state: "failed", error: "the vendor refused the prompt", retryable: false } : finished(job)),
    });
    gw = await startGateway({ provider: vendor.provider, driver: { tickMs: 20 }, env: { GATEAI_POOL_SIZE: "1" } });
    for (let i = 0; i < 3; i++) {
      const { taskId } = await generate(gw.url, gw.key, "gpt-image-2", { prompt: "refused", quality: "low" });
      expect(await waitForFinal(gw.url, gw.key, taskId, 10_000)).toMatchObject({ status: "FAILED", error: "the vendor refused the prompt" });
    }
    // Three failures in a row of the one account, none its own: it is not locked.
    expect(await gw.prisma.poolAccount.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ consecutiveFailures: 0, lockedUntil: null });
    const { taskId } = await generate(gw.url, gw.key, "gpt-image-2", { prompt: "p", quality: "low" });
    expect(await waitForFinal(gw.url, gw.key, taskId, 10_000)).toMatchObject({ status: "FINISHED" });
  });
});

describe("task driver: a vendor rate limiting an account (429)", () => {
  /** A vendor that answers the first submit 429 (asking for `retryAfterMs`), then runs every job; submits recorded with their account and time. */
  function limitingVendor(retryAfterMs: number) {
    const submits: { account: number; at: number }[] = [];
    const provider: Provider = {
      async poll(job) {
        if (job.upstream) return finished(job);
        submits.push({ account: job.account, at: Date.now() });
        if (submits.length === 1) return { state: "failed", error: "test is rate limiting this account (429)", retryable: true, rateLimited: { retryAfterMs } };
        return { state: "running", progress: 0, upstream: `job-${submits.length}` };
      },
    };
    return { provider, submits };
  }

  it("rests the account for the vendor's Retry-After and runs the task on another account at once", async () => {
    const vendor = limitingVendor(60_000);
    gw = await startGateway({ provider: vendor.provider, driver: { tickMs: 20 }, env: { GATEAI_POOL_SIZE: "2" } });
    const sentAt = Date.now();
    const { taskId } = await generate(gw.url, gw.key, "gpt-image-2", { prompt: "p", quality: "low" });
    expect(await waitForFinal(gw.url, gw.key, taskId, 10_000)).toMatchObject({ status: "FINISHED" });
    const [first, second] = vendor.submits;
    expect(second!.account).not.toBe(first!.account);
    // A minute from the pass that read the 429, which began after the request was sent.
    const rested = await gw.prisma.poolAccount.findUniqueOrThrow({ where: { id: first!.account } });
    expect(rested.lockedUntil!.getTime()).toBeGreaterThanOrEqual(sentAt + 60_000);
  });

  it("with no other account, waits for the rest before the next attempt instead of spending its attempts at once", async () => {
    const vendor = limitingVendor(10);
    gw = await startGateway({ provider: vendor.provider, driver: { tickMs: 20 }, env: { GATEAI_POOL_SIZE: "1" } });
    const { taskId } = await generate(gw.url, gw.key, "gpt-image-2", { prompt: "p", quality: "low" });
    expect(await waitForFinal(gw.url, gw.key, taskId, 10_000)).toMatchObject({ status: "FINISHED" });
    // The vendor asked for 10 ms: an account rests at least a second.
    expect(vendor.submits[1]!.at - vendor.submits[0]!.at).toBeGreaterThanOrEqual(1_000);
    expect((await gw.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).attempts).toBe(2);
  });
});

describe("task driver: a task's end", () => {

  it("gives the slot back when the account's bookkeeping fails after the task finished", async () => {
    const vendor = recordingVendor({ answer: finished });
    gw = await startGateway({ provider: vendor.provider, driver: { enabled: false } });
    const accounts = Object.assign({}, gw.gateway.infrastructure.stores.pool, { recordOutcome: async () => Promise.reject(new Error("the database went away")) });
    other = driverBeside(gw, { provider: vendor.provider, owner: "this-process", accounts });
    other.start();
    const { taskId } = await generate(gw.url, gw.key, "gpt-image-2", { prompt: "p", quality: "low" });
    expect(await waitForFinal(gw.url, gw.key, taskId, 10_000)).toMatchObject({ status: "FINISHED" });
    const keyId = (await gw.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).keyId;
    await expect.poll(async () => (await gw!.gateway.infrastructure.limiter.snapshot(keyId, timingFor(gw!.config.timeScale).limits)).slots, { timeout: 5_000, interval: 20 }).toEqual([]);
  });
});
