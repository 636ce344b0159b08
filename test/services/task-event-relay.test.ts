/**
 * Task events from committed state: a process that commits a transition and dies before its
 * publish (here: a driver whose pub/sub swallows every publish) loses no event for subscribers
 * in other processes, because another process's driver republishes the row. Held to PGlite and
 * PostgreSQL, with the in-process pub/sub (two instances on one transport) and Redis (two
 * connections: two processes).
 */
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../src/adapters/postgres/stores.ts";
import { createMemoryLimiter } from "../../src/adapters/limits/memory-limiter.ts";
import { createMemoryPubSub } from "../../src/adapters/pubsub/memory-pubsub.ts";
import { createRedisPubSub } from "../../src/adapters/pubsub/redis-pubsub.ts";
import type { TaskEvent } from "../../src/domain/task-events.ts";
import { isFinal } from "../../src/domain/task.ts";
import type { GatewayEvents, GatewayPubSub } from "../../src/services/events.ts";
import type { Provider } from "../../src/services/ports/provider.ts";
import { createTaskDriver, type TaskDriver } from "../../src/services/task-driver.ts";
import { createTaskEventRelay } from "../../src/services/task-event-relay.ts";
import { timingFor } from "../../src/services/timing.ts";
import { withTestDatabases } from "../support/databases.ts";
import { DISCARDED_RESULTS } from "../support/file-store.ts";
import { newTask } from "../support/new-task.ts";
import { requireService, testRedisUrl, uniquePrefix } from "../support/services.ts";

const targets = await withTestDatabases();
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
const T0 = Date.parse("2026-11-25T12:00:00.000Z");

interface Transport {
  readonly name: string;
  readonly available: boolean;
  /** Pub/subs sharing one transport, each as another process would hold it. */
  open(): { create(): GatewayPubSub; close(): Promise<void> };
}

const transports: Transport[] = [
  {
    name: "in-process pub/sub",
    available: true,
    open() {
      const eventTarget = new EventTarget();
      const all: GatewayPubSub[] = [];
      return {
        create: () => {
          const pubsub = createMemoryPubSub<GatewayEvents>({ eventTarget });
          all.push(pubsub);
          return pubsub;
        },
        close: async () => void (await Promise.all(all.map((p) => p.close()))),
      };
    },
  },
  {
    name: "Redis pub/sub",
    available: requireService("redis"),
    open() {
      const prefix = uniquePrefix();
      const all: GatewayPubSub[] = [];
      return {
        create: () => {
          const pubsub = createRedisPubSub<GatewayEvents>(testRedisUrl as string, { prefix });
          all.push(pubsub);
          return pubsub;
        },
        close: async () => void (await Promise.all(all.map((p) => p.close()))),
      };
    },
  },
];

/**
 * A process that dies right after committing a task's final state: that publish never happens
 * and never returns (so nothing after it runs either); earlier publishes go through.
 */
const killedAfterFinalCommit = (pubsub: GatewayPubSub): GatewayPubSub & { killedAt: string[] } => {
  const killedAt: string[] = [];
  return {
    killedAt,
    publish: ((topic, id, payload) => {
      const task = (payload as Partial<TaskEvent>).task;
      if (topic === "keyTasks" && task && isFinal(task)) {
        killedAt.push(task.id);
        return new Promise<void>(() => undefined);
      }
      return pubsub.publish(topic, id, payload);
    }) as GatewayPubSub["publish"],
    subscribe: pubsub.subscribe.bind(pubsub),
    onGap: pubsub.onGap.bind(pubsub),
    close: () => pubsub.close(),
  };
};

/**
 * A process whose publishes Redis takes but delivers to no one: its subscribers' connections
 * are down (a restart), so the publish succeeds and its mark is cleared, and the event is gone.
 */
const deliveringToNoOne = (pubsub: GatewayPubSub): GatewayPubSub => Object.assign({}, pubsub, { publish: async () => undefined });

/** A pub/sub whose gap the test tells (`gap(since)`), as the Redis adapter does once its subscriptions are back. */
const withGaps = (pubsub: GatewayPubSub): GatewayPubSub & { gap(since: number): void } => {
  const listeners = new Set<(since: number) => void>();
  return Object.assign({}, pubsub, {
    publish: pubsub.publish.bind(pubsub),
    subscribe: pubsub.subscribe.bind(pubsub),
    onGap: (listener: (since: number) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    gap: (since: number) => listeners.forEach((listener) => listener(since)),
  });
};

/** An upstream that finishes every attempt on its first poll. */
const instantProvider: Provider = {
  async poll() {
    return { state: "finished", files: [], result: [], glb: [] };
  },
};

/** What `watch` publishes to know its subscription is live (not a task event: never collected). */
const MARKER = { type: "WATCHING" } as unknown as TaskEvent;

/**
 * Collects a key's task events, from subscription on. Resolves once the subscription is live:
 * a marker published on the watcher's own pub/sub (which waits for its subscription to be
 * acknowledged) has come back, so no event published from now on is missed.
 */
async function watch(pubsub: GatewayPubSub, keyId: string) {
  const events: TaskEvent[] = [];
  const feed = pubsub.subscribe("keyTasks", keyId);
  let live!: () => void;
  const watching = new Promise<void>((resolve) => (live = resolve));
  const done = (async () => {
    for await (const event of feed) {
      if ((event as { type: string }).type === MARKER.type) live();
      else events.push(event);
    }
  })();
  await pubsub.publish("keyTasks", keyId, MARKER);
  await watching;
  return {
    events,
    async stop() {
      await feed.return?.();
      await done;
    },
  };
}

/** A fresh, migrated database's stores, with 4 pool accounts. */
const openStores = async (target: { open(): Promise<Database> }): Promise<Stores> => {
  const stores = createStores(await target.open());
  await stores.pool.seed(4);
  return stores;
};

describe.each(targets)("task events from committed state on $name", (target) => {
  // One database for the whole file (opening one is the slow part); every test leaves no task
  // unfinished, so each finds only its own queued tasks.
  let stores: Stores;
  beforeAll(async () => {
    stores = await openStores(target);
  });
  let now = T0;
  const clock = { now: () => now };

  describe.each(transports.filter((t) => t.available))("with the $name", (transport) => {
    let bus: ReturnType<Transport["open"]>;
    beforeAll(() => {
      bus = transport.open();
    });
    afterAll(async () => bus.close());

    const driver = (pubsub: GatewayPubSub, owner: string): TaskDriver =>
      createTaskDriver({
        tasks: stores.tasks, accounts: stores.pool, files: DISCARDED_RESULTS, provider: instantProvider, pubsub,
        limiter: createMemoryLimiter(clock), clock, timing: timingFor(1), logger, owner, poolSize: 4,
        relayGraceMs: 1_000, relayEveryMs: 0,
      });
    const accept = async (keyId: string) => {
      const accepted = await stores.tasks.accept(newTask(keyId, 10, now), 1_000_000);
      if (!accepted) throw new Error("not accepted");
      return accepted.task;
    };

    it("a subscriber in another process receives the final state a killed process committed but never published", async () => {
      const keyId = randomUUID();
      const subscriber = await watch(bus.create(), keyId);
      const killed = killedAfterFinalCommit(bus.create());
      const dying = driver(killed, `dying-${randomUUID()}`);
      const task = await accept(keyId);
      // The dying process starts the task (that event goes out), and its next pass commits
      // FINISHED, then dies in the publish: the pass never ends.
      await dying.tick();
      await expect.poll(() => subscriber.events.map((e) => e.type)).toEqual(["PROCESSING"]);
      now += 10;
      void dying.tick();
      await expect.poll(async () => (await stores.tasks.find(task.id))?.status).toBe("FINISHED");
      await expect.poll(() => killed.killedAt).toEqual([task.id]);
      expect(subscriber.events.map((e) => e.type)).toEqual(["PROCESSING"]);

      // Another process's driver, once the grace is over, publishes the committed final state.
      now += 1_000;
      const survivor = driver(bus.create(), `survivor-${randomUUID()}`);
      await survivor.tick();
      await expect.poll(() => subscriber.events.map((e) => [e.task.id, e.type, e.task.status])).toEqual([
        [task.id, "PROCESSING", "PROCESSING"],
        [task.id, "FINISHED", "FINISHED"],
      ]);
      // Told once: its row is marked published, so the next pass has nothing to send.
      expect((await stores.tasks.unpublished(now, 100)).map((t) => t.id)).not.toContain(task.id);
      await subscriber.stop();
    });

    it("after a gap in its pub/sub, a process's next pass publishes again the states committed since the gap began: its subscriber sees the end it missed", async () => {
      const keyId = randomUUID();
      const own = withGaps(bus.create());
      const subscriber = await watch(own, keyId);
      const here = driver(own, `here-${randomUUID()}`);
      try {
        const task = await accept(keyId);
        // Another process drives the task to its end while this one's subscriptions are away: its
        // publishes go out (their marks are cleared) and reach no one.
        const elsewhere = driver(deliveringToNoOne(bus.create()), `elsewhere-${randomUUID()}`);
        // A gap dates by the wall clock, as the database dates a published mark.
        const gapFrom = Date.now();
        await elsewhere.tick();
        now += 10;
        await elsewhere.tick();
        expect((await stores.tasks.find(task.id))?.status).toBe("FINISHED");
        expect((await stores.tasks.unpublished(now + 60_000, 1_000)).map((t) => t.id)).not.toContain(task.id);
        expect(subscriber.events).toEqual([]);
        here.start();
        await here.settled();
        expect(subscriber.events).toEqual([]);

        // The subscriptions listen again: the gap is told, and the next pass tells the final state
        // (once the relay's grace is over: a state that new may still be on its way from its own process).
        now += 1_000;
        own.gap(gapFrom);
        await expect.poll(() => subscriber.events.map((e) => [e.task.id, e.task.status]), { timeout: 5_000 }).toContainEqual([task.id, "FINISHED"]);
        // Told, its mark is cleared again: the next passes have nothing more of it to send.
        await here.settled();
        expect((await stores.tasks.unpublished(now + 60_000, 1_000)).map((t) => t.id)).not.toContain(task.id);
      } finally {
        await here.stop();
        await subscriber.stop();
      }
    });

    it("a transition published by its own process is not published again; an unpublished one is told once, after the grace", async () => {
      const keyId = randomUUID();
      const subscriber = await watch(bus.create(), keyId);
      const liveOwner = `live-${randomUUID()}`;
      const live = driver(bus.create(), liveOwner);
      const task = await accept(keyId);
      await live.tick();
      now += 10;
      await live.tick();
      await expect.poll(() => subscriber.events.map((e) => e.type)).toEqual(["PROCESSING", "FINISHED"]);
      // Published as they happened: nothing left for the relay.
      expect((await stores.tasks.unpublished(now + 60_000, 100)).map((t) => t.id)).not.toContain(task.id);

      const relay = createTaskEventRelay({ tasks: stores.tasks, pubsub: bus.create(), logger, graceMs: 1_000 });
      const other = await accept(keyId);
      // Started by a process that dies before publishing: told by the relay once the grace is over.
      const started = await stores.tasks.startNextQueued({ owner: liveOwner, now, leaseUntil: now + 60_000, poolSize: 4 });
      expect(started?.id).toBe(other.id);
      expect(await relay.relay(now + 999)).toBe(0);
      expect(await relay.relay(now + 1_000)).toBe(1);
      await expect.poll(() => subscriber.events.map((e) => `${e.task.id === other.id ? "other" : "first"}:${e.type}`)).toEqual(["first:PROCESSING", "first:FINISHED", "other:PROCESSING"]);
      expect(await relay.relay(now + 1_000)).toBe(0);
      now += 1_000;
      await live.tick();
      expect((await stores.tasks.find(other.id))?.status).toBe("FINISHED");
      await subscriber.stop();
    });
  });

  it("a published mark clears only the state that was published: a later transition stays marked", async () => {
    now += 1_000;
    const t0 = now;
    const task = (await stores.tasks.accept(newTask(randomUUID(), 10, t0), 1_000_000))!.task;
    // The accept leaves a mark (a process killed before its QUEUED publish loses nothing); the start's event supersedes it.
    expect((await stores.tasks.unpublished(t0 + 10, 100)).map((t) => [t.id, t.status])).toContainEqual([task.id, "QUEUED"]);
    const owner = `marks-${randomUUID()}`;
    const started = await stores.tasks.startNextQueued({ owner, now: t0 + 1, leaseUntil: t0 + 5_000, poolSize: 4 });
    expect(started?.id).toBe(task.id);
    // A QUEUED state's publish landing after the start committed leaves the start's event owed.
    await stores.tasks.markPublished([task]);
    expect((await stores.tasks.unpublished(t0 + 10, 100)).map((t) => [t.id, t.status])).toContainEqual([task.id, "PROCESSING"]);
    await stores.tasks.markPublished([started!]);
    expect((await stores.tasks.unpublished(t0 + 10, 100)).map((t) => t.id)).not.toContain(task.id);
    // A refund is a transition too, though it leaves updated_at alone.
    const refunded = await stores.tasks.refund(task.id, t0 + 20);
    expect(refunded?.refunded).toBe(true);
    expect((await stores.tasks.unpublished(t0 + 19, 100)).map((t) => t.id)).not.toContain(task.id);
    expect((await stores.tasks.unpublished(t0 + 20, 100)).map((t) => t.id)).toContain(task.id);
  });

  it("a gap marks again the rows whose event went out from its start, and none before it", async () => {
    // Last in the file: it marks again what the tests before it published.
    now += 60_000;
    const task = (await stores.tasks.accept(newTask(randomUUID(), 10, now), 1_000_000))!.task;
    const stillMarked = (await stores.tasks.accept(newTask(randomUUID(), 10, now), 1_000_000))!.task;
    await stores.tasks.markPublished([task]);
    const marked = async () => new Set((await stores.tasks.unpublished(now, 10_000)).map((t) => t.id));
    expect(await marked()).not.toContain(task.id);
    // Dated by the database's clock when the mark was cleared, whenever the transition was written.
    expect(await stores.tasks.markUnpublishedSince(Date.now() + 60_000)).toBe(0);
    expect(await marked()).not.toContain(task.id);
    expect(await stores.tasks.markUnpublishedSince(Date.now() - 60_000)).toBeGreaterThanOrEqual(1);
    expect(await marked()).toContain(task.id);
    expect(await marked()).toContain(stillMarked.id);
    // Marked again, it is not counted twice.
    expect(await stores.tasks.markUnpublishedSince(Date.now() - 60_000)).toBe(0);
  });
});
