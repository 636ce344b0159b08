import { afterEach, describe, expect, it } from "vitest";
import type { Provider } from "../../src/services/ports/provider.ts";
import { generate, get } from "../lifecycle/support.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

/** An upstream whose generations never end, counting the driver's polls (one per running task per pass). */
function countingProvider(): Provider & { polls: number } {
  const provider = {
    polls: 0,
    async poll() {
      provider.polls++;
      return { state: "running" as const, progress: 0.1 };
    },
  };
  return provider;
}

const accept = async (gw: TestGateway, prompt: string): Promise<string> =>
  (await generate(gw.url, gw.key, "gpt-image-2", { prompt, quality: "low" })).taskId;

const statusOf = async (gw: TestGateway, taskId: string): Promise<string> => (await get(gw.url, `/get/${taskId}`, gw.key)).body.status;

const processing = (gw: TestGateway, taskId: string) =>
  expect.poll(() => statusOf(gw, taskId), { timeout: 5_000, interval: 20 }).toBe("PROCESSING");

describe("task driver: passes on acceptance", () => {
  let gw: TestGateway | undefined;
  afterEach(async () => gw?.close());

  // Regular passes an hour apart: every pass in these tests is one an accepted task asked for.
  const start = async (poolSize: number, provider: Provider) =>
    (gw = await startGateway({ env: { GATEAI_POOL_SIZE: String(poolSize) }, provider, driver: { tickMs: 3_600_000 } }));

  it("starts an accepted task at once while an account is free", async () => {
    const g = await start(2, countingProvider());
    const first = await accept(g, "first");
    await processing(g, first);
    const second = await accept(g, "second");
    await processing(g, second);
  });

  it("runs no pass for a task accepted while every account is busy: it waits for the next regular pass", async () => {
    const provider = countingProvider();
    const g = await start(1, provider);
    const { driver } = g.gateway;
    const first = await accept(g, "holds the only account");
    await processing(g, first);
    await driver.settled();
    const passes = driver.passes;
    const polls = provider.polls;
    const queued = [await accept(g, "waits 1"), await accept(g, "waits 2"), await accept(g, "waits 3")];
    await driver.settled();
    expect(driver.passes).toBe(passes);
    expect(provider.polls).toBe(polls);
    for (const id of queued) expect(await statusOf(g, id)).toBe("QUEUED");
    // The next regular pass (here asked for) starts none of them either: the account is still busy.
    await driver.tick();
    expect(provider.polls).toBe(polls + 1);
    for (const id of queued) expect(await statusOf(g, id)).toBe("QUEUED");
  });
});
