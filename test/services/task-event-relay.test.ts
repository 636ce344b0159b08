/**
 * Task events from committed state: a process that commits a transition and dies before its
 * publish (here: a driver whose pub/sub swallows every publish) loses no event for subscribers
 * in other processes, because another process's driver republishes the row. Held to PGlite and
 * PostgreSQL, with the in-process pub/sub (two instances on one transport) and Redis (two
 * connections: two processes).
 */
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../src/adapters/postgres/stores.ts";
import { createMemoryLimiter } from "../../src/adapters/limits/memory-limiter.ts";
import { createMemoryPubSub } from "../../src/adapters/pubsub/memory-pubsub.ts";
import { createRedisPubSub } from "../../src/adapters/pubsub/redis-pubsub.ts";
import { EVENT_PARAMS_MAX, liveTask, type TaskEvent } from "../../src/domain/task-events.ts";
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

    it.each(["before the repair begins", "once the repair is over"] as const)(
      "a state another process published into a gap reaches the gapped process's subscribers when that process clears its mark %s",
      async (when) => {
        const keyId = randomUUID();
        const own = bus.create();
        const subscriber = await watch(own, keyId);
        const here = createTaskEventRelay({ tasks: stores.tasks, pubsub: own, logger });
        // The publisher's PROCESSING goes out (Redis takes it) while this process's subscriptions are away.
        const elsewhere = createTaskEventRelay({ tasks: stores.tasks, pubsub: deliveringToNoOne(bus.create()), logger });
        const task = await accept(keyId);
        const gapFrom = Date.now();
        const owner = `elsewhere-${randomUUID()}`;
        const started = await stores.tasks.startNextQueued({ owner, now, leaseUntil: now + 60_000, poolSize: 4 });
        expect(started?.id).toBe(task.id);
        await elsewhere.publish("PROCESSING", started!);
        if (when === "before the repair begins") await elsewhere.flush();
        // The subscriptions listen again and the gap is told: the repair runs a page at a time.
        here.gap(gapFrom, now);
        for (let pages = 0; here.repairing() && pages < 100; pages++) await here.repairGap();
        expect(here.repairing()).toBe(false);
        // The publisher's flush lands after the whole repair: a mark cleared then is no loss.
        if (when === "once the repair is over") await elsewhere.flush();
        await expect.poll(() => subscriber.events.map((e) => [e.task.id, e.task.status])).toContainEqual([task.id, "PROCESSING"]);
        // Nothing of it is owed any more: both marks are cleared.
        expect((await stores.tasks.unpublished(now + 60_000, 10_000)).map((t) => t.id)).not.toContain(task.id);
        await stores.tasks.markPublished([(await stores.tasks.fail({ id: task.id, owner, now, error: "test over" }))!]);
        await subscriber.stop();
      },
    );

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

  it("unpublished pages by (updatedAt, id): the pages after a cursor hold every marked row once, in that order", async () => {
    now += 60_000;
    const mine = [];
    // Two rows at one instant: the id decides their order.
    for (const offset of [0, 0, 1, 2]) mine.push((await stores.tasks.accept(newTask(randomUUID(), 10, now + offset), 1_000_000))!.task);
    const ids = new Set(mine.map((t) => t.id));
    const read: string[] = [];
    let after: { at: number; id: string } | undefined = { at: now - 1, id: "" };
    while (after) {
      const page = await stores.tasks.unpublished(now + 2, 2, after);
      read.push(...page.map((t) => t.id).filter((id) => ids.has(id)));
      const last = page.at(-1);
      after = page.length === 2 && last ? { at: last.updatedAt, id: last.id } : undefined;
    }
    const expected = [...mine].sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1)).map((t) => t.id);
    expect(read).toEqual(expected);
    await stores.tasks.markPublished(mine);
  });

  it("reads rows to publish as their events carry them: unpublished and publishedSince leave params over the event's bound out, and keep a small task's whole", async () => {
    now += 60_000;
    const large = { prompt: "a cat", note: "x".repeat(EVENT_PARAMS_MAX) };
    const small = { prompt: "a cat" };
    const big = (await stores.tasks.accept(newTask(randomUUID(), 10, now, { params: large, requestParams: large }), 1_000_000))!.task;
    const little = (await stores.tasks.accept(newTask(randomUUID(), 10, now, { params: small, requestParams: small }), 1_000_000))!.task;
    const pending = new Map((await stores.tasks.unpublished(now, 10_000)).map((t) => [t.id, t]));
    expect(pending.get(big.id)).toEqual(liveTask(big));
    expect(pending.get(big.id)).not.toHaveProperty("params");
    expect(pending.get(little.id)).toEqual(little);
    const since = Date.now() - 1;
    await stores.tasks.markPublished([big, little]);
    const cleared = new Map((await stores.tasks.publishedSince(since, 10_000)).map((row) => [row.task.id, row.task]));
    expect(cleared.get(big.id)).toEqual(liveTask(big));
    expect(cleared.get(little.id)).toEqual(little);
  });

  it("publishedSince pages through the rows cleared since an instant in clearing order, one clearing's rows across pages, and leaves out a row cleared after its first read", async () => {
    now += 60_000;
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push((await stores.tasks.accept(newTask(randomUUID(), 10, now), 1_000_000))!.task);
    const late = (await stores.tasks.accept(newTask(randomUUID(), 10, now), 1_000_000))!.task;
    // Dated by the database's clock when a mark is cleared, whenever the transition was written.
    const since = Date.now() - 1;
    // One statement clears all five: one instant, so the pages split a run of equal instants.
    await stores.tasks.markPublished(mine);
    const ids = new Set([...mine, late].map((t) => t.id));
    const read: string[] = [];
    let page = await stores.tasks.publishedSince(since, 2);
    // Cleared a few milliseconds after the first read began (the bound's precision is 1 ms).
    const bound = Number(page[0]!.cursor.until) / 1000;
    await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(bound + 2), { interval: 1 });
    await stores.tasks.markPublished([late]);
    for (;;) {
      read.push(...page.map((row) => row.task.id).filter((id) => ids.has(id)));
      if (page.length < 2) break;
      page = await stores.tasks.publishedSince(since, 2, page.at(-1)!.cursor);
    }
    expect(read).toEqual(mine.map((t) => t.id).sort());
    // Read again from the start, the later clearing is there; a start in the future finds nothing.
    expect((await stores.tasks.publishedSince(since, 1_000)).map((row) => row.task.id)).toContain(late.id);
    expect(await stores.tasks.publishedSince(Date.now() + 60_000, 1_000)).toEqual([]);
  });
});
