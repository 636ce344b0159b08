/**
 * How much of a pass runs at once: it starts up to STARTS_PER_PASS queued tasks in one call of the
 * repository (a pool of a thousand accounts fills without a thousand round trips), and polls at
 * most DRIVE_CONCURRENCY running tasks at once (a pass never floods the event loop); passes an
 * accepted task asks for only start tasks, so a task is polled once per full pass however many
 * are accepted; while requests feel the driver's work, it drives fewer at once (its pace). Counted at the ports, on PGlite (and PostgreSQL when configured).
 */
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/adapters/postgres/database.ts";
import { createMemoryLimiter } from "../../src/adapters/limits/memory-limiter.ts";
import { createMemoryPubSub } from "../../src/adapters/pubsub/memory-pubsub.ts";
import { createStores, type Stores } from "../../src/adapters/postgres/stores.ts";
import type { GatewayEvents } from "../../src/services/events.ts";
import type { Provider } from "../../src/services/ports/provider.ts";
import type { TaskRepo } from "../../src/services/ports/task-repo.ts";
import { createTaskDriver, DRIVE_CONCURRENCY, DRIVER_PACE, STARTS_PER_PASS, type TaskDriver, type TaskDriverOptions } from "../../src/services/task-driver.ts";
import { timingFor } from "../../src/services/timing.ts";
import { withTestDatabases } from "../support/databases.ts";
import { DISCARDED_RESULTS } from "../support/file-store.ts";
import { newTask } from "../support/new-task.ts";

const targets = await withTestDatabases();
// More accounts than a pass starts, so the bound shows.
const POOL = 80;

/** Counts calls of `run` in flight at once. */
function inFlight() {
  let now = 0;
  const counter = {
    max: 0,
    calls: 0,
    async run<T>(call: () => Promise<T>): Promise<T> {
      counter.calls++;
      counter.max = Math.max(counter.max, ++now);
      try {
        return await call();
      } finally {
        now--;
      }
    },
  };
  return counter;
}

describe.each(targets)("task driver concurrency on $name", (target) => {
  let db: Database;
  let stores: Stores;
  beforeAll(async () => {
    db = await target.open();
    stores = createStores(db);
    await stores.pool.seed(POOL);
  });
  beforeEach(async () => {
    await db.prisma.$executeRaw`UPDATE pool_accounts SET busy_task = NULL, locked_until = NULL`;
    await db.prisma.task.deleteMany({});
  });
  let clock = Date.parse("2026-11-25T12:00:00.000Z");

  const makeDriver = (tasks: TaskRepo, provider: Provider, more: Partial<TaskDriverOptions> = {}) =>
    createTaskDriver({
      tasks, accounts: stores.pool, files: DISCARDED_RESULTS, provider, pubsub: createMemoryPubSub<GatewayEvents>(),
      limiter: createMemoryLimiter({ now: () => clock }), clock: { now: () => clock }, timing: timingFor(1), logger: pino({ level: "silent" }),
      owner: `driver-${randomUUID()}`, poolSize: POOL, relayEveryMs: 0, ...more,
    });
  const counted = (starts: ReturnType<typeof inFlight>): TaskRepo =>
    Object.assign(Object.create(stores.tasks) as TaskRepo, {
      startQueued: (args: Parameters<TaskRepo["startQueued"]>[0]) => starts.run(() => stores.tasks.startQueued(args)),
    });
  // Running for ever; each poll yields to the event loop a few times, as a vendor call would.
  const runningProvider = (polls: ReturnType<typeof inFlight>): Provider => ({
    poll: () =>
      polls.run(async () => {
        for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
        return { state: "running", progress: 0.1 };
      }),
  });

  it(`starts at most ${STARTS_PER_PASS} queued tasks a pass, in one call, and polls at most ${DRIVE_CONCURRENCY} running ones at a time, each once a pass`, async () => {
    const starts = inFlight();
    const polls = inFlight();
    const driver = makeDriver(counted(starts), runningProvider(polls));
    const keyId = randomUUID();

    await driver.tick();
    expect(starts.calls).toBe(1);

    for (let i = 0; i < POOL; i++) await stores.tasks.accept(newTask(keyId, 10, (clock += 1)), 1_000_000_000);
    await driver.tick();
    expect(starts.calls).toBe(2);
    expect((await stores.tasks.active(keyId)).filter((t) => t.status === "PROCESSING")).toHaveLength(STARTS_PER_PASS);

    clock += 10;
    await driver.tick();
    expect(starts.calls).toBe(3);
    expect(polls.calls).toBe(STARTS_PER_PASS);
    expect(polls.max).toBe(DRIVE_CONCURRENCY);
    // The rest started in this pass: every account taken.
    expect((await stores.tasks.active(keyId)).every((t) => t.status === "PROCESSING")).toBe(true);
  });

  it(`drives at most ${DRIVER_PACE.min} running tasks at once while requests feel its work, and ${DRIVE_CONCURRENCY} again once they do not`, async () => {
    const pressure = { delay: 50, delaySinceLastRead: () => pressure.delay };
    let polls = inFlight();
    // Each poll takes a quarter of the pace's interval on the driver's clock: the pace reads the pressure as a pass goes on.
    const provider: Provider = {
      poll: () =>
        polls.run(async () => {
          clock += DRIVER_PACE.everyMs / 4;
          for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
          return { state: "running", progress: 0.1 };
        }),
    };
    const driver = makeDriver(stores.tasks, provider, { pressure });
    const keyId = randomUUID();
    for (let i = 0; i < POOL; i++) await stores.tasks.accept(newTask(keyId, 10, (clock += 1)), 1_000_000_000);
    await driver.tick();
    await driver.tick();
    expect((await stores.tasks.active(keyId)).every((t) => t.status === "PROCESSING")).toBe(true);
    polls = inFlight();
    await driver.tick();
    expect(polls.calls).toBe(POOL);
    expect(polls.max).toBe(DRIVER_PACE.min);
    // No more delay: one more task at once per interval, back to the most within two passes.
    pressure.delay = 0;
    await driver.tick();
    await driver.tick();
    polls = inFlight();
    await driver.tick();
    expect(polls.calls).toBe(POOL);
    expect(polls.max).toBe(DRIVE_CONCURRENCY);
  });

  it("polls no further task of a pass under way once the driver is stopped", async () => {
    let polls = 0;
    let driver: TaskDriver | undefined;
    const stopping: Promise<void>[] = [];
    const provider: Provider = {
      poll: async () => {
        if (polls++ === 0) stopping.push(driver!.stop());
        return { state: "running", progress: 0.1 };
      },
    };
    driver = makeDriver(stores.tasks, provider);
    const keyId = randomUUID();
    for (let i = 0; i < POOL; i++) await stores.tasks.accept(newTask(keyId, 10, (clock += 1)), 1_000_000_000);
    // The first pass starts 64 tasks; the second polls them, and the first poll stops the driver.
    await driver.tick();
    clock += 10;
    await driver.tick();
    await Promise.all(stopping);
    expect(polls).toBe(1);
  });

  /** A started driver whose full passes are an hour apart: the first comes with start(), every other one is asked for. */
  const withRunningDriver = async (test: (driver: TaskDriver, counts: { starts: ReturnType<typeof inFlight>; polls: ReturnType<typeof inFlight> }) => Promise<void>) => {
    const counts = { starts: inFlight(), polls: inFlight() };
    const driver = makeDriver(counted(counts.starts), runningProvider(counts.polls), { tickMs: 3_600_000 });
    driver.start();
    try {
      await driver.settled();
      await test(driver, counts);
    } finally {
      await driver.stop();
    }
  };

  it("runs only start passes for accepted tasks: each running task is still polled once per full pass", () =>
    withRunningDriver(async (driver, { polls }) => {
      const keyId = randomUUID();
      for (let i = 0; i < 10; i++) {
        await stores.tasks.accept(newTask(keyId, 10, (clock += 1)), 1_000_000_000);
        driver.nudge();
        await driver.settled();
      }
      // Every accepted task started at once, and no pass polled.
      expect((await stores.tasks.active(keyId)).every((t) => t.status === "PROCESSING")).toBe(true);
      expect(polls.calls).toBe(0);
      // A vendor's webhook asks for a full pass: every running task (of a provider with no read pace) is polled now.
      driver.wake({ vendor: "fake", requestId: "any" });
      await driver.settled();
      expect(polls.calls).toBe(10);
    }));

  it(`fills the free accounts from a backlog in start passes of ${STARTS_PER_PASS}, one after the other, without waiting for the timer`, () =>
    withRunningDriver(async (driver, { starts, polls }) => {
      const keyId = randomUUID();
      for (let i = 0; i < POOL; i++) await stores.tasks.accept(newTask(keyId, 10, (clock += 1)), 1_000_000_000);
      const before = starts.calls;
      driver.nudge();
      await driver.settled();
      expect((await stores.tasks.active(keyId)).every((t) => t.status === "PROCESSING")).toBe(true);
      // 64, then the 16 left: two start passes, and no poll.
      expect(starts.calls - before).toBe(2);
      expect(polls.calls).toBe(0);
    }));
});
