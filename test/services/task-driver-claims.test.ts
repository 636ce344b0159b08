// What a pass reads of its running tasks: a claim sends a task's params only to a process the task
// is new to (TaskRepo.claimProcessing), so the driver keeps them from the start or the claim that
// brought the task; a driver that holds a task without them in memory (another instance under the
// same owner, or a pass that could not claim it) reads them once, and the vendor still gets them.
import { afterEach, describe, expect, it } from "vitest";
import type { Provider, ProviderJob } from "../../src/services/ports/provider.ts";
import type { TaskRepo } from "../../src/services/ports/task-repo.ts";
import type { TaskDriver } from "../../src/services/task-driver.ts";
import { driverBeside } from "../support/driver-beside.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

let gw: TestGateway | undefined;
const drivers: TaskDriver[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) await driver.stop();
  await gw?.close();
});

describe("task driver: the params of the tasks it drives", () => {
  it("gives the vendor the task's params whether they came with the start or a takeover's claim, or are read for a task held without them", async () => {
    const submitted: unknown[] = [];
    const provider: Provider = {
      async poll(job: ProviderJob) {
        if (!job.upstream) submitted.push(job.params.prompt);
        return { state: "running", progress: 0.5, upstream: "job-1" };
      },
    };
    gw = await startGateway({ provider, driver: { enabled: false } });
    const accepted = await fetch(`${gw.url}/api/generate`, {
      method: "POST",
      headers: { authorization: `Bearer ${gw.key}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "a lighthouse at dusk", quality: "low" } }),
    });
    expect(accepted.status).toBe(200);
    const { stores } = gw.gateway.infrastructure;
    let paramsReads = 0;
    const tasks: TaskRepo = Object.assign(Object.create(stores.tasks) as TaskRepo, {
      paramsOf: (ids: readonly string[]) => (paramsReads++, stores.tasks.paramsOf(ids)),
    });
    const now = Date.now() + 5_000;
    // One instance starts the task (its params come with the start) and submits it.
    const first = driverBeside(gw, { provider, owner: "same-owner", tasks, clock: { now: () => now }, tickMs: 60_000 });
    drivers.push(first);
    await first.tick();
    await first.tick();
    expect(submitted).toEqual(["a lighthouse at dusk"]);
    expect(paramsReads).toBe(0);
    // Another instance under the same owner holds the task, its params not in memory: the claim
    // does not send them (the task is not new to the owner), so they are read, once.
    await gw.prisma.task.updateMany({ data: { upstreamRef: null } });
    const second = driverBeside(gw, { provider, owner: "same-owner", tasks, clock: { now: () => now }, tickMs: 60_000 });
    drivers.push(second);
    await second.tick();
    await second.tick();
    expect(submitted).toEqual(["a lighthouse at dusk", "a lighthouse at dusk"]);
    expect(paramsReads).toBe(1);
    // A third process takes the task over once its lease has run out: the claim sends the params.
    await gw.prisma.task.updateMany({ data: { upstreamRef: null } });
    const later = now + 60_000;
    const third = driverBeside(gw, { provider, owner: "another-owner", tasks, clock: { now: () => later }, tickMs: 60_000 });
    drivers.push(third);
    await third.tick();
    expect(submitted).toEqual(["a lighthouse at dusk", "a lighthouse at dusk", "a lighthouse at dusk"]);
    expect(paramsReads).toBe(1);
  });
});
