/**
 * The Redis pub/sub's gaps beyond a closed connection: a subscribing connection that goes silent
 * (a half-open TCP connection, here a proxy that stops forwarding) delivers nothing, and would be
 * noticed by the system's keepalive only hours later. Its heartbeat drops it, a new connection
 * listens, and the gap is told dated from the last thing heard, before the payload it lost.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRedisPubSub } from "../../../src/adapters/pubsub/redis-pubsub.ts";
import { freezableProxy, type FreezableProxy } from "../../support/redis-proxy.ts";
import { requireService, testRedisUrl, uniquePrefix } from "../../support/services.ts";

type Events = { status: number };

describe.skipIf(!requireService("redis"))("Redis pub/sub gaps", () => {
  let proxy: FreezableProxy;
  beforeAll(async () => {
    proxy = await freezableProxy(new URL(testRedisUrl as string));
  });
  afterAll(async () => proxy?.close());

  it("keeps a subscribing connection that answers its heartbeat: the same connection, PINGed, outlives many timeouts and tells no gap", async () => {
    const clientName = `test-${randomUUID()}`;
    const pubsub = createRedisPubSub<Events>(testRedisUrl as string, { prefix: uniquePrefix(), clientName, heartbeat: { everyMs: 50, timeoutMs: 200 } });
    const admin = new Redis(testRedisUrl as string);
    try {
      const id = randomUUID();
      const updates = pubsub.subscribe("status", id);
      await pubsub.publish("status", id, 0);
      expect((await updates.next()).value).toBe(0);
      const gaps: number[] = [];
      pubsub.onGap((since) => gaps.push(since));
      // Redis's own view of the subscribing connection: its id, age in seconds, last command.
      const seen = async () => {
        const line = String(await admin.call("CLIENT", "LIST")).split("\n").find((l) => l.includes(` name=${clientName}-subscriber `)) ?? "";
        return { id: line.match(/^id=(\d+) /)?.[1], age: Number(line.match(/ age=(\d+) /)?.[1] ?? 0), cmd: line.match(/ cmd=(\S+)/)?.[1] };
      };
      const first = await seen();
      // At least a second old (Redis counts whole seconds: age 2), five heartbeat timeouts, PINGed in subscriber mode, never replaced.
      await vi.waitFor(async () => expect(await seen()).toMatchObject({ id: first.id, cmd: "ping", age: expect.toSatisfy((age: number) => age >= 2) }), { timeout: 5_000, interval: 100 });
      expect(gaps).toEqual([]);
      await pubsub.publish("status", id, 1);
      expect((await updates.next()).value).toBe(1);
      await updates.return?.();
    } finally {
      await admin.quit();
      await pubsub.close();
    }
  });

  it("drops a subscribing connection that stops answering its heartbeat, and tells the gap from the last thing it heard, before the payload it lost", async () => {
    const prefix = uniquePrefix();
    const subscriberSide = createRedisPubSub<Events>(proxy.url, { prefix, heartbeat: { everyMs: 100, timeoutMs: 300 } });
    const publisherSide = createRedisPubSub<Events>(testRedisUrl as string, { prefix });
    try {
      const id = randomUUID();
      const updates = subscriberSide.subscribe("status", id);
      const beforeLastHeard = Date.now();
      await subscriberSide.publish("status", id, 0);
      expect((await updates.next()).value).toBe(0);
      const gaps: number[] = [];
      subscriberSide.onGap((since) => gaps.push(since));

      proxy.freeze();
      const frozenAt = Date.now();
      // Redis sends it to the silent connection: it never arrives.
      await publisherSide.publish("status", id, 1);
      await vi.waitFor(() => expect(gaps).toHaveLength(1), { timeout: 5_000 });
      expect(gaps[0]).toBeGreaterThanOrEqual(beforeLastHeard);
      expect(gaps[0]).toBeLessThanOrEqual(frozenAt);
      // The new connection listens: the next payload arrives, the lost one never does.
      await publisherSide.publish("status", id, 2);
      expect((await updates.next()).value).toBe(2);
      await updates.return?.();
    } finally {
      await Promise.all([subscriberSide.close(), publisherSide.close()]);
    }
  });
});
