// The statements a task runs on its way, from its acceptance to its final state, go to the database
// driver (sql.ts), not through Prisma; and recording an account's success writes no row when the
// account has no failures to clear. Held to both databases.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import type { PrismaClient } from "../../../src/generated/prisma/client.ts";
import { createStores, type Stores } from "../../../src/adapters/postgres/stores.ts";
import { withTestDatabases } from "../../support/databases.ts";
import { newTask } from "../../support/new-task.ts";

const T0 = Date.parse("2026-11-25T10:00:00.000Z");
const USD = 1_000_000;
const targets = await withTestDatabases();

/** `prisma` as the stores see it, counting every call they make on it (raw statements and models alike). */
function countingPrisma(prisma: PrismaClient): { client: PrismaClient; calls: string[] } {
  const calls: string[] = [];
  const wrap = (target: object, path: string): object =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as unknown;
        const name = `${path}.${String(property)}`;
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            calls.push(name);
            return (value as (...a: unknown[]) => unknown).apply(object, args);
          };
        }
        return value !== null && typeof value === "object" ? wrap(value, name) : value;
      },
    });
  return { client: wrap(prisma, "prisma") as PrismaClient, calls };
}

describe.each(targets)("a task's statements on $name", (target) => {
  let db: Database;
  let stores: Stores;
  let prismaCalls: string[];
  beforeAll(async () => {
    db = await target.open();
    const counted = countingPrisma(db.prisma);
    prismaCalls = counted.calls;
    stores = createStores({ prisma: counted.client, sql: db.sql });
    await createStores(db).pool.seed(2);
  });

  it("runs every one on the driver: accept, start, claim, upstream, progress, result file, success, finish, and the reads of the task", async () => {
    const owner = `driver-${randomUUID()}`;
    const accepted = await stores.tasks.accept(newTask(randomUUID(), 10_000, T0), USD);
    expect(accepted).not.toBeNull();
    const id = accepted!.task.id;
    const started = await stores.tasks.startQueued({ owner, now: T0 + 1, leaseUntil: T0 + 5_000, poolSize: 2, max: 1 });
    expect(started.map((t) => t.id)).toEqual([id]);
    const [claimed] = await stores.tasks.claimProcessing({ owner, now: T0 + 2, leaseUntil: T0 + 5_002, limit: 4 });
    expect(claimed?.id).toBe(id);
    expect(await stores.tasks.renewLeases({ owner, ids: [id], leaseUntil: T0 + 6_000 })).toBe(1);
    expect(await stores.tasks.setUpstream({ id, owner, attempt: 1, ref: "vendor-request-1", now: T0 + 3 })).toMatchObject({ upstream: { ref: "vendor-request-1", attempt: 1 } });
    expect(await stores.tasks.setProgress({ id, owner, progress: 50, now: T0 + 4 })).toMatchObject({ progress: 50 });
    expect(
      await stores.files.addResult({ ownerId: id, name: "0.png", mediaType: "image/png", sizeBytes: 3, sha256: "ab".repeat(32), blobKey: `results/${randomUUID()}`, now: T0 + 5, expiresAt: T0 + 86_400_000 }),
    ).toBe(true);
    expect(await stores.pool.recordOutcome({ account: claimed!.account!, success: true, threshold: 3, lockUntil: T0 + 60_000 })).toEqual({ locked: false });
    const finished = await stores.tasks.finish({ id, owner, now: T0 + 6, result: [`/files/${id}/0.png`], glb: [], vendorCost: { amount: 0.003, currency: "USD" } });
    expect(finished).toMatchObject({ status: "FINISHED", result: [`/files/${id}/0.png`], vendorCost: { amount: 0.003, currency: "USD" } });
    expect(await stores.tasks.find(id)).toMatchObject({ status: "FINISHED", progress: 100 });
    expect(await stores.tasks.dueRefunds(T0 + 86_400_000)).toEqual([]);
    expect(await stores.tasks.slotsExpiredBetween(T0, T0 + 86_400_000)).toEqual([]);
    expect(await stores.tasks.releaseClaims(owner)).toBe(0);
    expect(prismaCalls).toEqual([]);
  });

  it("runs the failure paths, the sweeps and the reads of tasks on the driver too, each answering from real rows", async () => {
    prismaCalls.length = 0;
    const owner = `driver-${randomUUID()}`;
    const key = randomUUID();
    // Accepted 1 ms apart: started oldest first.
    const accept = async (at: number) => (await stores.tasks.accept(newTask(key, 20_000, at), USD))!.task.id;
    const [a, b, c] = [await accept(T0), await accept(T0 + 1), await accept(T0 + 2)];
    expect(await stores.tasks.usedOn(key, "2026-11-25")).toBe(60_000);
    const started = await stores.tasks.startQueued({ owner, now: T0 + 3, leaseUntil: T0 + 5_000, poolSize: 2, max: 2 });
    expect(started.map((t) => t.id)).toEqual([a, b]);
    expect((await stores.tasks.liveCounts()).processing).toBeGreaterThanOrEqual(2);
    expect(await stores.tasks.requeue({ id: a, owner, now: T0 + 4, holdUntil: T0 + 60_000 })).toMatchObject({ id: a, status: "QUEUED" });
    expect(await stores.tasks.fail({ id: b, owner, now: T0 + 5, error: `vendor said "no"` })).toMatchObject({ id: b, status: "FAILED", error: `vendor said "no"`, refunded: true, refundedNow: true });
    expect((await stores.tasks.active(key)).map((t) => t.id).sort()).toEqual([a, c].sort());
    expect(await stores.tasks.releaseClaims(owner)).toBe(1);
    expect((await stores.tasks.dueRefunds(T0 + 1_200_002)).filter((id) => id === a || id === c).sort()).toEqual([a, c].sort());
    expect(await stores.tasks.refund(c, T0 + 1_200_002)).toMatchObject({ id: c, refunded: true });
    const expired = await stores.tasks.slotsExpiredBetween(T0, T0 + 600_002);
    expect(expired.filter((slot) => slot.keyId === key).map((slot) => [slot.id, slot.at])).toEqual([[a, T0 + 600_000], [c, T0 + 600_002]]);
    const timedOut = await stores.tasks.expireHardDeadlines(T0 + 2_400_002, "timed out");
    expect(timedOut.filter((t) => t.keyId === key).map((t) => t.id).sort()).toEqual([a, c].sort());
    expect((await stores.tasks.recent(key, 10)).map((t) => t.status)).toEqual(["FAILED", "FAILED", "FAILED"]);
    expect((await stores.tasks.list({ keyId: key, first: 2 })).hasMore).toBe(true);
    expect((await stores.tasks.unpublished(T0 + 3_000_000, 1_000)).filter((t) => t.keyId === key)).toHaveLength(3);
    // Every task failed and was refunded once: the day's charge is back to nothing.
    expect(await stores.tasks.usedOn(key, "2026-11-25")).toBe(0);
    expect(prismaCalls).toEqual([]);
  });

  it("fails a task its refund deadline refunded without giving the charge back again, and says so (refundedNow)", async () => {
    const owner = `driver-${randomUUID()}`;
    const key = randomUUID();
    const id = (await stores.tasks.accept(newTask(key, 20_000, T0), USD))!.task.id;
    expect((await stores.tasks.startQueued({ owner, now: T0 + 1, leaseUntil: T0 + 5_000, poolSize: 1_000, max: 1_000 })).map((t) => t.id)).toContain(id);
    expect(await stores.tasks.refund(id, T0 + 1_200_000)).toMatchObject({ id, refunded: true });
    expect(await stores.tasks.usedOn(key, "2026-11-25")).toBe(0);
    expect(await stores.tasks.fail({ id, owner, now: T0 + 1_200_001, error: "result refused" })).toMatchObject({ id, status: "FAILED", refunded: true, refundedNow: false });
    expect(await stores.tasks.usedOn(key, "2026-11-25")).toBe(0);
  });

  it("leaves an account without failures as it is when it records a success, and clears failures when there are some", async () => {
    const xmin = async (account: number) =>
      (await db.sql.query<{ xmin: string; failures: number }>(`SELECT xmin::text AS xmin, consecutive_failures AS failures FROM pool_accounts WHERE id = $1::int`, [account]))[0]!;
    const before = await xmin(2);
    await stores.pool.recordOutcome({ account: 2, success: true, threshold: 3, lockUntil: T0 });
    expect(await xmin(2)).toEqual(before);
    await stores.pool.recordOutcome({ account: 2, success: false, threshold: 3, lockUntil: T0 });
    expect((await xmin(2)).failures).toBe(1);
    await stores.pool.recordOutcome({ account: 2, success: true, threshold: 3, lockUntil: T0 });
    expect((await xmin(2)).failures).toBe(0);
  });
});
