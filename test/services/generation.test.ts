import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usdToMicros } from "../../src/kernel/money.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { newTask } from "../support/new-task.ts";

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

  it("charges nothing to a key revoked after its request was authenticated: UNAUTHORIZED", async () => {
    const { record } = await gw.createKey();
    await gw.services.keys.revoke(record.id);
    const refused = await gw.services.generation.generate(record, IMAGE);
    expect(refused).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    expect(await gw.prisma.task.count({ where: { keyId: record.id } })).toBe(0);
  });

  it("charges within a limit lowered after the request was authenticated, and answers what is left under it", async () => {
    const { record } = await gw.createKey({ dailyLimitUsd: 100 });
    const estimate = await gw.services.generation.estimate(record, IMAGE);
    if (!estimate.ok) throw new Error(estimate.error.code);
    const lowered = estimate.value.cost + 1;
    await gw.services.keys.setDailyLimit(record.id, lowered);
    const first = await gw.services.generation.generate(record, IMAGE);
    expect(first).toMatchObject({ ok: true, value: { cost: estimate.value.cost, remaining: 1 } });
    // The stale record says $100 is left; the key as stored says 1 micro-dollar.
    const second = await gw.services.generation.generate(record, IMAGE);
    expect(second).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_BUDGET" } });
    const usage = await gw.prisma.dailyUsage.findMany({ where: { keyId: record.id } });
    expect(usage.map((u) => Number(u.usedMicros))).toEqual([estimate.value.cost]);
  });

  it("charges within the default limit when the key's own was reset to it after the request was authenticated", async () => {
    const { record } = await gw.createKey({ dailyLimitUsd: 1_000 });
    const byDefault = gw.config.dailyLimitMicros;
    // Earlier today, under the key's own $1,000: all but 2 micro-dollars of the default spent.
    await gw.gateway.infrastructure.stores.tasks.accept(newTask(record.id, byDefault - 2, Date.now()), record.dailyLimit);
    await gw.services.keys.setDailyLimit(record.id, null);
    // The stale record still says $1,000; the key as stored has the default.
    const refused = await gw.services.generation.generate(record, IMAGE);
    expect(refused).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_BUDGET" } });
    const usage = await gw.prisma.dailyUsage.findMany({ where: { keyId: record.id } });
    expect(usage.map((u) => Number(u.usedMicros))).toEqual([byDefault - 2]);
  });
});

// Any record will do for a request that fails before the budget is read.
const anyKey = { id: "none", prefix: "sk-none", label: null, dailyLimitOverride: null, dailyLimit: 0, createdAt: new Date(0), revokedAt: null };
