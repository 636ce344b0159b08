// Claiming running tasks (TaskRepo.claimProcessing): this process's leases are rewritten only once
// a quarter of them has passed (a pass every 100 ms would otherwise write every running row each
// time), tasks whose lease ran out are taken over, and a live lease of another process is left
// alone; a claim sends a task's params only to a process the task is new to, and never its
// request as sent (a pass reads every running task). Held to both databases.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../../src/adapters/postgres/stores.ts";
import { withTestDatabases } from "../../support/databases.ts";
import { newTask } from "../../support/new-task.ts";

const targets = await withTestDatabases();
const T0 = Date.parse("2026-11-25T12:00:00.000Z");
const LEASE = 4_000;

describe.each(targets)("task leases on $name", (target) => {
  let db: Database;
  let stores: Stores;
  beforeAll(async () => {
    db = await target.open();
    stores = createStores(db);
    await stores.pool.seed(4);
  });
  beforeEach(async () => {
    await db.prisma.$executeRaw`UPDATE pool_accounts SET busy_task = NULL, locked_until = NULL`;
    await db.prisma.task.deleteMany({});
  });

  const leaseOf = async (id: string) => (await db.prisma.$queryRaw<{ lease_owner: string | null; lease_until: Date | null }[]>`SELECT lease_owner, lease_until FROM tasks WHERE id = ${id}`)[0]!;
  const running = async (owner: string, now: number) => {
    const keyId = (await db.prisma.apiKey.create({ data: { hash: randomUUID(), prefix: "sk-test" } })).id;
    const accepted = await stores.tasks.accept(newTask(keyId, 10, now), 1_000_000);
    const [task] = await stores.tasks.startQueued({ owner, now, leaseUntil: now + LEASE, poolSize: 4, max: 1 });
    expect(task?.id).toBe(accepted!.task.id);
    return task!.id;
  };
  const claim = (owner: string, now: number) => stores.tasks.claimProcessing({ owner, now, leaseUntil: now + LEASE, limit: 10 });

  it("returns this process's running tasks without rewriting a lease until a quarter of it has passed, then renews it", async () => {
    const id = await running("a", T0);
    expect((await claim("a", T0 + 500)).map((t) => t.id)).toEqual([id]);
    expect((await leaseOf(id)).lease_until!.getTime()).toBe(T0 + LEASE);
    expect((await claim("a", T0 + 999)).map((t) => t.id)).toEqual([id]);
    expect((await leaseOf(id)).lease_until!.getTime()).toBe(T0 + LEASE);
    expect((await claim("a", T0 + 1_001)).map((t) => t.id)).toEqual([id]);
    expect((await leaseOf(id)).lease_until!.getTime()).toBe(T0 + 1_001 + LEASE);
  });

  it("takes over a task whose lease ran out, and leaves another process's live lease alone", async () => {
    const id = await running("a", T0);
    expect(await claim("b", T0 + LEASE - 1)).toEqual([]);
    expect(await leaseOf(id)).toMatchObject({ lease_owner: "a" });
    expect((await claim("b", T0 + LEASE + 1)).map((t) => t.id)).toEqual([id]);
    expect(await leaseOf(id)).toMatchObject({ lease_owner: "b" });
    expect(await claim("a", T0 + LEASE + 2)).toEqual([]);
  });

  it("extends only this process's leases on running tasks (renewLeases), however far the lease had got", async () => {
    const mine = await running("a", T0);
    const theirs = await running("b", T0);
    expect(await stores.tasks.renewLeases({ owner: "a", ids: [mine, theirs], leaseUntil: T0 + 3 * LEASE })).toBe(1);
    expect(await leaseOf(mine)).toMatchObject({ lease_owner: "a", lease_until: new Date(T0 + 3 * LEASE) });
    expect(await leaseOf(theirs)).toMatchObject({ lease_owner: "b", lease_until: new Date(T0 + LEASE) });
    // Held past the lease it was claimed with: another process does not take it over.
    expect(await claim("b", T0 + LEASE + 1)).toMatchObject([{ id: theirs }]);
    expect(await stores.tasks.renewLeases({ owner: "a", ids: [], leaseUntil: T0 })).toBe(0);
  });

  it("sends a task's params only to a process it is new to (taken over, or its lease run out), never its request as sent; paramsOf reads them", async () => {
    const id = await running("a", T0);
    const params = (await stores.tasks.find(id))!.params;
    // "a" started it (it has the params from the start): neither a claim nor a renewal sends them.
    const [held] = await claim("a", T0 + 500);
    expect(held).toMatchObject({ id, params: undefined });
    expect(held).not.toHaveProperty("requestParams", expect.anything());
    expect((await claim("a", T0 + 1_001))[0]).toMatchObject({ id, params: undefined });
    // Its lease runs out: "b" takes it over and gets them, once.
    const [taken] = await claim("b", T0 + 1_001 + LEASE + 1);
    expect(taken).toMatchObject({ id, params });
    expect((await claim("b", T0 + 1_001 + LEASE + 2))[0]).toMatchObject({ id, params: undefined });
    expect(await stores.tasks.paramsOf([id, randomUUID()])).toEqual(new Map([[id, params]]));
    expect(await stores.tasks.paramsOf([])).toEqual(new Map());
  });

  it("returns each task once, renewed or not", async () => {
    const first = await running("a", T0);
    const second = await running("a", T0 + 2_000);
    const claimed = await claim("a", T0 + 2_500);
    expect(claimed.map((t) => t.id).sort()).toEqual([first, second].sort());
    expect((await leaseOf(first)).lease_until!.getTime()).toBe(T0 + 2_500 + LEASE);
    expect((await leaseOf(second)).lease_until!.getTime()).toBe(T0 + 2_000 + LEASE);
  });
});
