// Starting queued tasks (TaskRepo.startQueued): a generation never starts before it was accepted,
// even when the driver's pass read its clock before the task was accepted. Held to both databases.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../../src/adapters/postgres/stores.ts";
import { withTestDatabases } from "../../support/databases.ts";
import { newTask } from "../../support/new-task.ts";

const targets = await withTestDatabases();
const T0 = Date.parse("2026-11-25T12:00:00.000Z");

describe.each(targets)("task starts on $name", (target) => {
  let db: Database;
  let stores: Stores;
  beforeAll(async () => {
    db = await target.open();
    stores = createStores(db);
    await stores.pool.seed(2);
  });

  it("starts a task accepted after the pass read its clock at its acceptance, and one accepted before at the pass's instant", async () => {
    const keyId = (await db.prisma.apiKey.create({ data: { hash: randomUUID(), prefix: "sk-test" } })).id;
    const earlier = (await stores.tasks.accept(newTask(keyId, 10, T0 - 5), 1_000_000))!.task.id;
    const later = (await stores.tasks.accept(newTask(keyId, 10, T0 + 7), 1_000_000))!.task.id;
    // The pass read its clock at T0, then found both queued.
    const started = await stores.tasks.startQueued({ owner: "driver", now: T0, leaseUntil: T0 + 5_000, poolSize: 2, max: 2 });
    const startedAt = new Map(started.map((t) => [t.id, t.startedAt]));
    expect(startedAt.get(earlier)).toBe(T0);
    expect(startedAt.get(later)).toBe(T0 + 7);
    const row = await db.prisma.task.findUniqueOrThrow({ where: { id: later } });
    expect(row.startedAt!.getTime()).toBe(row.createdAt.getTime());
  });
});
