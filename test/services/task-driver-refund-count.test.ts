// The refunds the driver reports (MetricsPort.refunded, gateai_refunded_dollars_total) are the
// charges it gives back, each once: a task its refund deadline refunded while its result was
// still being stored, then failed by that result (refused: too large), is not counted again by
// the failure, whose statement finds the charge already given back; and a task its hard limit
// fails and refunds (its refund deadline's sweep never ran: the gateway was down between the two)
// is counted by that failure.
import { afterEach, describe, expect, it } from "vitest";
import { ResultRefused, type Provider, type ProviderStatus } from "../../src/services/ports/provider.ts";
import type { TaskDriver } from "../../src/services/task-driver.ts";
import { driverBeside } from "../support/driver-beside.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

let gw: TestGateway | undefined;
let driver: TaskDriver | undefined;
let letGo: () => void = () => undefined;
afterEach(async () => {
  letGo();
  await driver?.stop();
  driver = undefined;
  await gw?.close();
});

/**
 * A gateway whose own driver is off, with `provider` behind it and one generation accepted; the
 * refunds a driver beside it reports are collected in `refunds`.
 */
async function oneTask(provider: Provider, prompt: string) {
  gw = await startGateway({ provider, driver: { enabled: false } });
  const accepted = await fetch(`${gw.url}/api/generate`, {
    method: "POST",
    headers: { authorization: `Bearer ${gw.key}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-image-2", params: { prompt, quality: "low" } }),
  });
  expect(accepted.status).toBe(200);
  const { task_id: taskId } = (await accepted.json()) as { task_id: string };
  const cost = Number((await gw.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).costMicros);
  const refunds: number[] = [];
  const metrics = { refunded: (amount: number) => void refunds.push(amount), taskEnded: () => undefined, driverPass: () => undefined, driverConcurrency: () => undefined };
  const status = async () => (await gw!.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).status;
  return { gw, taskId, cost, refunds, metrics, status };
}

describe("task driver: the refunds it reports", () => {
  it("counts a refund once when the refund deadline gave it back while the result was being stored, and the result then failed the task", async () => {
    // A result whose one streamed file is held until `letGo`, then refused.
    let begun!: () => void;
    const inStore = new Promise<void>((resolve) => (begun = resolve));
    const held = new Promise<void>((resolve) => (letGo = resolve));
    const finished: ProviderStatus = {
      state: "finished",
      files: [],
      result: ["a.png"],
      glb: [],
      streamed: {
        names: ["a.png"],
        read: async () => {
          begun();
          await held;
          throw new ResultRefused("test result refused: larger than the cap");
        },
      },
    };
    const provider: Provider = { poll: async (job) => (job.upstream ? finished : { state: "running", progress: 0, upstream: "job-1" }) };
    const { gw, taskId, cost, refunds, metrics, status } = await oneTask(provider, "a refused result");
    // Past the accepting process's hold on the task.
    let now = Date.now() + 5_000;
    driver = driverBeside(gw, { provider, owner: "storing", clock: { now: () => now }, metrics });
    driver.start();
    // Started, submitted, read finished: the result's read is held, and goes on beside the passes.
    await inStore;
    // Its refund deadline passes (20 minutes), its hard limit not yet (40): a pass refunds it.
    now += 25 * 60_000;
    await expect.poll(() => refunds, { timeout: 5_000, interval: 20 }).toEqual([cost]);
    expect(await status()).toBe("PROCESSING");

    letGo();
    await expect.poll(status, { timeout: 5_000, interval: 20 }).toBe("FAILED");
    await driver.settled();
    expect(refunds).toEqual([cost]);
    const usage = await gw.prisma.dailyUsage.findMany({ where: { keyId: (await gw.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).keyId } });
    expect(usage.map((u) => Number(u.usedMicros))).toEqual([0]);
  });

  it("counts the refund of a task its hard limit fails when no pass swept its refund deadline before", async () => {
    const provider: Provider = { poll: async (job) => ({ state: "running", progress: 0.5, ...(job.upstream ? {} : { upstream: "job-1" }) }) };
    const { gw, cost, refunds, metrics, status } = await oneTask(provider, "a task that never ends");
    let now = Date.now() + 5_000;
    driver = driverBeside(gw, { provider, owner: "down-a-while", clock: { now: () => now }, tickMs: 60_000, metrics });
    await driver.tick(); // starts it
    await driver.tick(); // submits it
    expect(refunds).toEqual([]);
    // The next pass comes after the hard limit (40 minutes): the task fails, refunded by that statement.
    now += 41 * 60_000;
    await driver.tick();
    expect(await status()).toBe("FAILED");
    expect(refunds).toEqual([cost]);
  });
});
