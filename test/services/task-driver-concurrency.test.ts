/**
 * How much of a pass runs at once: starts START_CONCURRENCY statements at a time (a pool of a
 * thousand accounts fills without a thousand round trips one after another), and polls at most
 * DRIVE_CONCURRENCY running tasks at once (a pass never floods the event loop). Both counted at
 * the ports, on PGlite (and PostgreSQL when configured).
 */
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { createMemoryLimiter } from "../../src/adapters/limits/memory-limiter.ts";
import { createMemoryPubSub } from "../../src/adapters/pubsub/memory-pubsub.ts";
import { createStores, type Stores } from "../../src/adapters/postgres/stores.ts";
import type { GatewayEvents } from "../../src/services/events.ts";
import type { Provider } from "../../src/services/ports/provider.ts";
import type { TaskRepo } from "../../src/services/ports/task-repo.ts";
import { createTaskDriver, DRIVE_CONCURRENCY, START_CONCURRENCY } from "../../src/services/task-driver.ts";
import { timingFor } from "../../src/services/timing.ts";
import { withTestDatabases } from "../support/databases.ts";
import { newTask } from "../support/new-task.ts";

const targets = await withTestDatabases();
const POOL = 40;

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
  let stores: Stores;
  beforeAll(async () => {
    stores = createStores(await target.open());
    await stores.pool.seed(POOL);
  });
  let clock = Date.parse("2026-11-25T12:00:00.000Z");

  it(`starts ${START_CONCURRENCY} queued tasks at a time (one statement when none waits) and polls at most ${DRIVE_CONCURRENCY} running ones at a time, each once a pass`, async () => {
    const starts = inFlight();
    const polls = inFlight();
    const tasks: TaskRepo = Object.assign(Object.create(stores.tasks) as TaskRepo, {
      startNextQueued: (args: Parameters<TaskRepo["startNextQueued"]>[0]) => starts.run(() => stores.tasks.startNextQueued(args)),
    });
    // Running for ever; each poll yields to the event loop a few times, as a vendor call would.
    const provider: Provider = {
      poll: () =>
        polls.run(async () => {
          for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
          return { state: "running", progress: 0.1 };
        }),
    };
    const driver = createTaskDriver({
      tasks, accounts: stores.pool, files: { putResults: async () => undefined }, provider, pubsub: createMemoryPubSub<GatewayEvents>(),
      limiter: createMemoryLimiter({ now: () => clock }), clock: { now: () => clock }, timing: timingFor(1), logger: pino({ level: "silent" }),
      owner: `driver-${randomUUID()}`, poolSize: POOL, relayEveryMs: 0,
    });
    const keyId = randomUUID();

    // A pass with nothing to start costs one statement.
    await driver.tick();
    expect(starts).toMatchObject({ calls: 1, max: 1 });

    for (let i = 0; i < POOL; i++) await stores.tasks.accept(newTask(keyId, 10, (clock += 1)), 1_000_000_000);
    await driver.tick();
    expect(starts.max).toBe(START_CONCURRENCY);
    // Every account taken; the last statement of each starter finds nothing more.
    expect((await stores.tasks.active(keyId)).every((t) => t.status === "PROCESSING")).toBe(true);

    clock += 10;
    await driver.tick();
    expect(polls.calls).toBe(POOL);
    expect(polls.max).toBe(DRIVE_CONCURRENCY);
  });
});
