/**
 * One contract, both adapters: the in-process PubSub and the Redis PubSub deliver the same way.
 * The Redis suite needs TEST_REDIS_URL.
 */
import { randomUUID } from "node:crypto";
import { getEventListeners } from "node:events";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMemoryPubSub } from "../../../src/adapters/pubsub/memory-pubsub.ts";
import { PendingOverflow, type PubSub } from "../../../src/services/ports/pubsub.ts";
import { createRedisPubSub } from "../../../src/adapters/pubsub/redis-pubsub.ts";
import { requireService, testRedisUrl, uniquePrefix } from "../../support/services.ts";

type Events = {
  status: { readonly state: string; readonly n: number } | null;
  progress: number;
};

interface PubSubFactory {
  readonly name: string;
  readonly available: boolean;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A PubSub; with `peer`, one that shares the other's transport (another "process"). */
  create(peer?: PubSub<Events>): PubSub<Events>;
  /** How many listeners the transport holds for topic/id of `pubsub`. */
  listeners(pubsub: PubSub<Events>, topic: string, id: string): Promise<number>;
  readonly crossesProcesses: boolean;
  /** Closes the connection `pubsub` listens on, as a transport restart would (undefined: it has none). */
  readonly dropSubscriberConnection?: (pubsub: PubSub<Events>) => Promise<void>;
}

function memoryFactory(): PubSubFactory {
  const targets = new Map<PubSub<Events>, EventTarget>();
  return {
    name: "memory",
    available: true,
    crossesProcesses: false,
    async setUp() {},
    async tearDown() {},
    create() {
      const eventTarget = new EventTarget();
      const pubsub = createMemoryPubSub<Events>({ eventTarget });
      targets.set(pubsub, eventTarget);
      return pubsub;
    },
    async listeners(pubsub, topic, id) {
      return getEventListeners(targets.get(pubsub) as EventTarget, `${topic}:${id}`).length;
    },
  };
}

function redisFactory(): PubSubFactory {
  const prefixes = new Map<PubSub<Events>, string>();
  const clientNames = new Map<PubSub<Events>, string>();
  let admin: Redis | undefined;
  return {
    name: "redis",
    available: requireService("redis"),
    crossesProcesses: true,
    async setUp() {
      admin = new Redis(testRedisUrl as string);
    },
    async tearDown() {
      await admin?.quit();
    },
    create(peer) {
      const prefix = (peer && prefixes.get(peer)) ?? uniquePrefix();
      const clientName = `test-${randomUUID()}`;
      const pubsub = createRedisPubSub<Events>(testRedisUrl as string, { prefix, clientName });
      prefixes.set(pubsub, prefix);
      clientNames.set(pubsub, clientName);
      return pubsub;
    },
    async dropSubscriberConnection(pubsub) {
      const name = `${clientNames.get(pubsub)}-subscriber`;
      const list = String(await (admin as Redis).call("CLIENT", "LIST"));
      const id = list.split("\n").find((line) => line.includes(` name=${name} `))?.match(/^id=(\d+) /)?.[1];
      if (!id) throw new Error(`no Redis connection named ${name}`);
      await (admin as Redis).call("CLIENT", "KILL", "ID", id);
    },
    async listeners(pubsub, topic, id) {
      const channel = `${prefixes.get(pubsub)}${topic}:${id}`;
      const reply = (await (admin as Redis).call("PUBSUB", "NUMSUB", channel)) as [string, number];
      return Number(reply[1]);
    },
  };
}

/** Fails fast instead of hanging until the test timeout when a payload never comes. */
async function nextOf<T>(iterator: AsyncIterator<T>, ms = 3_000): Promise<IteratorResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no payload within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([iterator.next(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function take<T>(iterator: AsyncIterator<T>, count: number): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < count; i++) {
    const result = await nextOf(iterator);
    if (result.done === true) throw new Error("iterator ended early");
    values.push(result.value);
  }
  return values;
}

const status = (n: number) => ({ state: "RUNNING", n });

describe.each([memoryFactory(), redisFactory()])("$name pubsub", (factory) => {
  describe.skipIf(!factory.available)("contract", () => {
    let pubsub: PubSub<Events>;
    beforeAll(async () => {
      await factory.setUp();
      pubsub = factory.create();
    });
    afterAll(async () => {
      await pubsub?.close();
      await factory.tearDown();
    });

    it("delivers payloads published after subscribing, in publish order", async () => {
      const id = randomUUID();
      const updates = pubsub.subscribe("status", id);
      await pubsub.publish("status", id, status(1));
      await pubsub.publish("status", id, status(2));
      // Not awaited one by one: order must hold for a burst too.
      await Promise.all([3, 4, 5].map((n) => pubsub.publish("status", id, status(n))));
      expect(await take(updates, 5)).toEqual([1, 2, 3, 4, 5].map(status));
      await updates.return?.();
    });

    it("keeps payloads published before the consumer's first next()", async () => {
      const id = randomUUID();
      const updates = pubsub.subscribe("progress", id);
      // A second subscriber of the same channel, already waiting: one dispatch reaches both, so
      // once it has the payload, `updates` holds it too, with no next() asked of it yet.
      const witness = pubsub.subscribe("progress", id);
      const witnessed = nextOf(witness);
      await pubsub.publish("progress", id, 10);
      expect(await witnessed).toEqual({ done: false, value: 10 });
      expect(await take(updates, 1)).toEqual([10]);
      await Promise.all([updates.return?.(), witness.return?.()]);
    });

    it("does not deliver payloads published before subscribing", async () => {
      const id = randomUUID();
      await pubsub.publish("progress", id, 1);
      const updates = pubsub.subscribe("progress", id);
      await pubsub.publish("progress", id, 2);
      expect(await take(updates, 1)).toEqual([2]);
      await updates.return?.();
    });

    it("delivers only its own topic and id", async () => {
      const id = randomUUID();
      const other = randomUUID();
      const updates = pubsub.subscribe("status", id);
      await pubsub.publish("status", other, status(-1));
      await pubsub.publish("progress", id, -1);
      await pubsub.publish("status", id, status(1));
      await pubsub.publish("progress", id, -2);
      await pubsub.publish("status", id, status(2));
      expect(await take(updates, 2)).toEqual([status(1), status(2)]);
      await updates.return?.();
    });

    it("delivers null payloads as null", async () => {
      const id = randomUUID();
      const updates = pubsub.subscribe("status", id);
      await pubsub.publish("status", id, null);
      expect(await take(updates, 1)).toEqual([null]);
      await updates.return?.();
    });

    it("delivers every payload to each of two subscribers", async () => {
      const id = randomUUID();
      const first = pubsub.subscribe("progress", id);
      const second = pubsub.subscribe("progress", id);
      await pubsub.publish("progress", id, 1);
      await pubsub.publish("progress", id, 2);
      expect(await take(first, 2)).toEqual([1, 2]);
      expect(await take(second, 2)).toEqual([1, 2]);
      await first.return?.();
      // The other subscriber still receives after one has left.
      await pubsub.publish("progress", id, 3);
      expect(await take(second, 1)).toEqual([3]);
      await second.return?.();
    });

    it("stops a subscription whose reader left maxPending payloads unread: the reader gets them in order, then PendingOverflow, and no later payload", async () => {
      const id = randomUUID();
      const bounded = pubsub.subscribe("progress", id, { maxPending: 3 });
      // An unbounded subscriber of the same channel, read as it goes: once it has a payload, so has `bounded`.
      const witness = pubsub.subscribe("progress", id);
      for (const n of [1, 2, 3, 4, 5]) await pubsub.publish("progress", id, n);
      expect(await take(witness, 5)).toEqual([1, 2, 3, 4, 5]);
      await vi.waitFor(async () => expect(await factory.listeners(pubsub, "progress", id)).toBe(1));
      await pubsub.publish("progress", id, 6);
      expect(await take(witness, 1)).toEqual([6]);
      expect(await take(bounded, 3)).toEqual([1, 2, 3]);
      const overflow = await nextOf(bounded).catch((error: unknown) => error);
      expect(overflow).toBeInstanceOf(PendingOverflow);
      expect(overflow).toMatchObject({ maxPending: 3 });
      expect(await bounded.next()).toEqual({ done: true, value: undefined });
      await witness.return?.();
    });

    it("bounds only the payloads unread: a reader that keeps up gets every one", async () => {
      const id = randomUUID();
      const bounded = pubsub.subscribe("progress", id, { maxPending: 1 });
      for (const n of [1, 2, 3, 4]) {
        const next = nextOf(bounded);
        await pubsub.publish("progress", id, n);
        expect(await next).toEqual({ done: false, value: n });
      }
      await bounded.return?.();
    });

    it("ends the iterator on return() and removes its listener", async () => {
      const id = randomUUID();
      const updates = pubsub.subscribe("progress", id);
      await pubsub.publish("progress", id, 1);
      await vi.waitFor(async () => expect(await factory.listeners(pubsub, "progress", id)).toBe(1));
      const pending = take(updates, 1);
      expect(await pending).toEqual([1]);
      const waiting = updates.next();
      await updates.return?.();
      expect(await waiting).toEqual({ done: true, value: undefined });
      expect(await updates.next()).toEqual({ done: true, value: undefined });
      await vi.waitFor(async () => expect(await factory.listeners(pubsub, "progress", id)).toBe(0));
    });

    it("removes the listener of a subscription returned before any next()", async () => {
      const id = randomUUID();
      const updates = pubsub.subscribe("progress", id);
      await updates.return?.();
      await pubsub.publish("progress", id, 1);
      expect(await updates.next()).toEqual({ done: true, value: undefined });
      await vi.waitFor(async () => expect(await factory.listeners(pubsub, "progress", id)).toBe(0));
    });

    it("ends open subscriptions on close()", async () => {
      const own = factory.create();
      const id = randomUUID();
      const updates = own.subscribe("progress", id);
      const waiting = updates.next();
      await own.close();
      expect(await waiting).toEqual({ done: true, value: undefined });
    });

    it.runIf(factory.dropSubscriberConnection)("tells a gap, dated from the last thing heard before the connection was lost, once its subscriptions listen again; later payloads arrive", async () => {
      const subscriberSide = factory.create();
      const publisherSide = factory.create(subscriberSide);
      try {
        const id = randomUUID();
        const updates = subscriberSide.subscribe("status", id);
        const beforeLastHeard = Date.now();
        await subscriberSide.publish("status", id, status(0));
        expect(await take(updates, 1)).toEqual([status(0)]);
        const gaps: number[] = [];
        subscriberSide.onGap((since) => gaps.push(since));
        const lostFrom = Date.now();
        await factory.dropSubscriberConnection!(subscriberSide);
        await vi.waitFor(() => expect(gaps).toHaveLength(1), { timeout: 5_000 });
        expect(gaps[0]).toBeGreaterThanOrEqual(beforeLastHeard);
        expect(gaps[0]).toBeLessThanOrEqual(lostFrom);
        // Told once the channel listens again: a payload published from now on is delivered.
        await publisherSide.publish("status", id, status(1));
        expect(await take(updates, 1)).toEqual([status(1)]);
        expect(gaps).toHaveLength(1);
        await updates.return?.();
      } finally {
        await Promise.all([subscriberSide.close(), publisherSide.close()]);
      }
    });

    it.runIf(factory.crossesProcesses)("carries a payload from a publisher instance to a subscriber instance", async () => {
      const subscriberSide = factory.create();
      const publisherSide = factory.create(subscriberSide);
      try {
        const id = randomUUID();
        const updates = subscriberSide.subscribe("status", id);
        // A publish from the subscriber's own instance returns once its SUBSCRIBE is confirmed.
        await subscriberSide.publish("status", id, status(0));
        await publisherSide.publish("status", id, status(1));
        await publisherSide.publish("status", id, status(2));
        expect(await take(updates, 3)).toEqual([0, 1, 2].map(status));
        await updates.return?.();
      } finally {
        await Promise.all([subscriberSide.close(), publisherSide.close()]);
      }
    });
  });
});
