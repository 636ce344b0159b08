import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usdToMicros } from "../../src/kernel/money.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ driver: { enabled: false } });
}, 60_000);
afterAll(async () => gw?.close());

const IMAGE = { model: "gpt-image-2", params: { prompt: "A serene mountain lake at sunrise", quality: "high" } };

describe("estimate", () => {
  it("reads today's usage once, then answers at once (no promise) from the cache", async () => {
    const { record } = await gw.createKey({ dailyLimitUsd: 5 });
    const first = gw.services.generation.estimate(record, IMAGE);
    expect(first).toBeInstanceOf(Promise); // today's usage comes from the database
    const read = await first;
    const cached = gw.services.generation.estimate(record, IMAGE);
    expect(cached).not.toBeInstanceOf(Promise);
    expect(cached).toEqual(read);
    expect(read).toMatchObject({ ok: true, value: { remaining: usdToMicros(5), fitsInBudget: true } });
  });

  it("answers a request it cannot price at once, without reading usage", () => {
    const answer = gw.services.generation.estimate(anyKey, { model: "no-such-model", params: {} });
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toMatchObject({ ok: false, error: { code: "MODEL_NOT_FOUND" } });
  });
});

describe("generate", () => {
  it("holds the accepted task for this process's driver until its QUEUED event is out, for a second at most", async () => {
    const { record } = await gw.createKey();
    const events = gw.services.pubsub.subscribe("keyTasks", record.id);
    const accepted = await gw.services.generation.generate(record, IMAGE);
    if (!accepted.ok) throw new Error(accepted.error.code);
    const { task } = accepted.value;
    const row = await gw.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.leaseOwner).toBe(gw.gateway.driver.hold(0).owner);
    expect(row.leaseUntil?.getTime()).toBe(task.createdAt + 1_000);
    // The QUEUED event was published before generate answered (and so before the driver was nudged).
    const first = await events.next();
    expect(first.value).toMatchObject({ type: "QUEUED", task: { id: task.id, status: "QUEUED" } });
    await events.return?.();
  });
});

// Any record will do for a request that fails before the budget is read.
const anyKey = { id: "none", prefix: "sk-none", label: null, dailyLimitOverride: null, dailyLimit: 0, createdAt: new Date(0), revokedAt: null };
