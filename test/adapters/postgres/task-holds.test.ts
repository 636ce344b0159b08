// A task accepted (or requeued) by one process is held for it until that process has published
// its QUEUED event: another process's driver may not start it first, or watchers would see
// PROCESSING before QUEUED. Held to both databases.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../../src/adapters/postgres/stores.ts";
import type { TaskClaim } from "../../../src/domain/task.ts";
import { withTestDatabases } from "../../support/databases.ts";
import { newTask } from "../../support/new-task.ts";

const targets = await withTestDatabases();

const T0 = Date.parse("2026-11-25T12:00:00.000Z");
const LEASE_MS = 5_000;

describe.each(targets)("task holds on $name", (target) => {
  let db: Database;
  let stores: Stores;
  let keyId: string;
  beforeAll(async () => {
    db = await target.open();
    stores = createStores(db);
    await stores.pool.seed(4);
  });
  beforeEach(async () => {
    // Each test starts with no QUEUED task and every account free.
    await db.prisma.$executeRaw`UPDATE pool_accounts SET busy_task = NULL`;
    await db.prisma.task.deleteMany({});
    keyId = (await db.prisma.apiKey.create({ data: { hash: randomUUID(), prefix: "sk-test" } })).id;
  });

  const accept = async (hold?: TaskClaim): Promise<string> => {
    const accepted = await stores.tasks.accept(newTask(keyId, 10_000, T0, hold ? { hold } : {}), 100_000_000);
    return accepted!.task.id;
  };
  const start = (owner: string, now: number) => stores.tasks.startNextQueued({ owner, now, leaseUntil: now + LEASE_MS, poolSize: 4 });

  it("another process cannot start a held task before its hold ends; it can at the end", async () => {
    const id = await accept({ owner: "acceptor", until: T0 + 1_000 });
    expect(await start("other", T0 + 999)).toBeNull();
    const started = await start("other", T0 + 1_000);
    expect(started).toMatchObject({ id, status: "PROCESSING", attempts: 1 });
  });

  it("the holder starts its task at once", async () => {
    const id = await accept({ owner: "acceptor", until: T0 + 1_000 });
    expect(await start("acceptor", T0 + 1)).toMatchObject({ id, status: "PROCESSING" });
  });

  it("a task accepted without a hold is anyone's, and another process starts the next unheld task past a held older one", async () => {
    const held = await accept({ owner: "acceptor", until: T0 + 1_000 });
    const free = await accept();
    expect(await start("other", T0 + 1)).toMatchObject({ id: free });
    expect(await start("other", T0 + 2)).toBeNull();
    expect(await start("acceptor", T0 + 3)).toMatchObject({ id: held });
  });

  it("a requeued task is held by the process that requeued it", async () => {
    const id = await accept();
    const first = await start("driver", T0 + 1);
    expect(first).toMatchObject({ id, attempts: 1 });
    const requeued = await stores.tasks.requeue({ id, owner: "driver", now: T0 + 10, holdUntil: T0 + 1_010 });
    expect(requeued).toMatchObject({ id, status: "QUEUED", attempts: 1 });
    expect(await start("other", T0 + 1_009)).toBeNull();
    expect(await start("driver", T0 + 20)).toMatchObject({ id, status: "PROCESSING", attempts: 2 });
  });
});
