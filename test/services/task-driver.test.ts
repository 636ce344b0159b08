import { afterEach, describe, expect, it } from "vitest";
import type { Provider } from "../../src/providers/provider.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

async function generate(gw: TestGateway, prompt: string): Promise<string> {
  const response = await fetch(`${gw.url}/api/generate`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}` },
    body: JSON.stringify({ model: "gpt-image-2", type: "text-to-image", params: { prompt, quality: "low" } }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { task_id: string }).task_id;
}

async function statusOf(gw: TestGateway, taskId: string): Promise<string> {
  const response = await fetch(`${gw.url}/get/${taskId}`, { headers: { authorization: `Bearer ${gw.key}` } });
  return ((await response.json()) as { status: string }).status;
}

async function waitForStatus(gw: TestGateway, taskId: string, status: string, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while ((await statusOf(gw, taskId)) !== status) {
    if (Date.now() > deadline) throw new Error(`task ${taskId} did not reach ${status} within ${withinMs} ms`);
    await sleep(20);
  }
}

describe("task driver: passes on acceptance", () => {
  let gw: TestGateway | undefined;
  afterEach(async () => gw?.close());

  // Regular passes an hour apart: every pass in these tests is one an accepted task asked for.
  const start = async (poolSize: number, provider: Provider) =>
    (gw = await startGateway({ env: { GATEAI_POOL_SIZE: String(poolSize) }, provider, driver: { tickMs: 3_600_000 } }));

  it("starts an accepted task at once while an account is free", async () => {
    const g = await start(2, countingProvider());
    const first = await generate(g, "first");
    await waitForStatus(g, first, "PROCESSING", 5_000);
    const second = await generate(g, "second");
    await waitForStatus(g, second, "PROCESSING", 5_000);
  });

  it("runs no pass for a task accepted while every account is busy: it waits for the next regular pass", async () => {
    const provider = countingProvider();
    const g = await start(1, provider);
    const first = await generate(g, "holds the only account");
    await waitForStatus(g, first, "PROCESSING", 5_000);
    // The pass that started it may still be finishing; after it, passes would poll the running task.
    await sleep(200);
    const polls = provider.polls;
    const queued = [await generate(g, "waits 1"), await generate(g, "waits 2"), await generate(g, "waits 3")];
    await sleep(500);
    expect(provider.polls).toBe(polls);
    for (const id of queued) expect(await statusOf(g, id)).toBe("QUEUED");
  });
});
