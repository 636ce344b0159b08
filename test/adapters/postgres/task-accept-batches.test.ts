// Accepted generations of one tick share one statement (task-repo.ts, batch-per-tick.ts), held to
// both databases: how many statements go out, and that each generation's outcome is its own, as
// if it had gone alone (limits, revoked keys, idempotency reservations, a row the database refuses).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import type { SqlClient } from "../../../src/adapters/postgres/sql.ts";
import { createStores, type Stores } from "../../../src/adapters/postgres/stores.ts";
import { createTaskRepo } from "../../../src/adapters/postgres/task-repo.ts";
import { utcDay } from "../../../src/kernel/utc-day.ts";
import { withTestDatabases } from "../../support/databases.ts";
import { newTask } from "../../support/new-task.ts";

const T0 = Date.parse("2026-11-25T10:00:00.000Z");
const DAY = utcDay(new Date(T0));
const USD = 1_000_000;
const targets = await withTestDatabases();

describe.each(targets)("accepted generations of one tick on $name", (target) => {
  let db: Database;
  let stores: Stores;
  /** The accept statements sent, each as the number of generations it carried. */
  const acceptStatements: number[] = [];

  beforeAll(async () => {
    db = await target.open();
    const sql: SqlClient = {
      async query<Row extends object>(text: string, values: readonly unknown[]) {
        if (text.includes("INSERT INTO tasks")) acceptStatements.push((JSON.parse(values[0] as string) as unknown[]).length);
        return db.sql.query<Row>(text, values);
      },
    };
    stores = createStores({ prisma: db.prisma, sql });
  });

  it("go to the database as one statement, each answered with its own task and its key's usage", async () => {
    acceptStatements.length = 0;
    const tasks = [100, 200, 300, 400, 500].map((cost) => newTask(randomUUID(), cost, T0));
    const accepted = await Promise.all(tasks.map((task) => stores.tasks.accept(task, USD)));
    expect(acceptStatements).toEqual([5]);
    expect(accepted.map((a) => [a?.task.id, a?.used, a?.limit])).toEqual(tasks.map((task) => [task.id, task.cost, USD]));
    for (const task of tasks) {
      expect(await stores.tasks.find(task.id)).toStrictEqual(accepted.find((a) => a?.task.id === task.id)?.task);
      expect(await stores.tasks.usedOn(task.keyId, DAY)).toBe(task.cost);
    }
  });

  // PostgreSQL only: PGlite is one session, where no statement waits on another's lock.
  it.runIf(target.name === "postgres")("take their keys' usage rows in key order, as refunds do, so a batch and a refund cannot deadlock", async () => {
    const low = `a-${randomUUID()}`;
    const high = `b-${randomUUID()}`;
    for (const keyId of [low, high]) expect(await stores.tasks.accept(newTask(keyId, 1, T0), USD)).not.toBeNull();
    /** Whether another session can take `keyId`'s usage row of the day at once. */
    const free = (keyId: string) =>
      db.sql.query(`SELECT 1 FROM daily_usage WHERE key_id = $1 AND day = $2::date FOR UPDATE NOWAIT`, [keyId, DAY]).then(
        () => true,
        (error: { code?: string }) => (error.code === "55P03" ? false : Promise.reject(error)),
      );
    const waitingOn = async (statement: string) => {
      for (let i = 0; i < 500; i++) {
        const rows = await db.sql.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`, [`%${statement}%`]);
        if (rows.length > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no statement with ${statement} came to wait on a lock`);
    };
    /** Runs `work` while another session holds `high`'s usage row; what `low`'s row was meanwhile. */
    const withHighHeld = async (statement: string, work: () => Promise<unknown>) => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      const holder = db.prisma.$transaction(
        async (tx) => {
          await tx.$queryRawUnsafe(`SELECT 1 FROM daily_usage WHERE key_id = $1 FOR UPDATE`, high);
          held();
          await released;
        },
        { timeout: 20_000 },
      );
      await holding;
      const done = work();
      await waitingOn(statement);
      const lowWasFree = await free(low);
      release();
      await holder;
      await done;
      return lowWasFree;
    };
    // Asked high first: the statement still takes low's row first, then waits for high's.
    const accepts = withHighHeld("jsonb_to_recordset", () => Promise.all([high, low].map((keyId) => stores.tasks.accept(newTask(keyId, 1, T0 + 1), USD))));
    expect(await accepts).toBe(false);
    expect(await stores.tasks.usedOn(low, DAY)).toBe(2);
    expect(await stores.tasks.usedOn(high, DAY)).toBe(2);
    // A refund of both keys' tasks at the hard deadline: the same order.
    const expired = await withHighHeld("hard_deadline_at <=", () => stores.tasks.expireHardDeadlines(T0 + 3_000_000, "hard deadline"));
    expect(expired).toBe(false);
    expect(await stores.tasks.usedOn(low, DAY)).toBe(0);
    expect(await stores.tasks.usedOn(high, DAY)).toBe(0);
  });

  it("carry at most 64 generations a statement", async () => {
    acceptStatements.length = 0;
    const tasks = Array.from({ length: 70 }, () => newTask(randomUUID(), 1, T0));
    const accepted = await Promise.all(tasks.map((task) => stores.tasks.accept(task, USD)));
    expect(acceptStatements).toEqual([64, 6]);
    expect(accepted.every((a) => a !== null)).toBe(true);
  });

  it("of one key go in separate statements, and the day's limit holds across them", async () => {
    acceptStatements.length = 0;
    const keyId = randomUUID();
    // Room for two of the three.
    const tasks = [0, 1, 2].map((i) => newTask(keyId, 400_000, T0 + i));
    const accepted = await Promise.all(tasks.map((task) => stores.tasks.accept(task, USD)));
    expect(acceptStatements).toEqual([1, 1, 1]);
    expect(accepted.filter((a) => a !== null)).toHaveLength(2);
    expect(accepted.filter((a) => a !== null).map((a) => a!.used).sort()).toEqual([400_000, 800_000]);
    expect(await stores.tasks.usedOn(keyId, DAY)).toBe(800_000);
    for (const [i, task] of tasks.entries()) expect((await stores.tasks.find(task.id)) !== null).toBe(accepted[i] !== null);
  });

  it("answer null for each one over its limit or of a revoked key, changing nothing of it, and accept the others of the statement", async () => {
    acceptStatements.length = 0;
    const revoked = await stores.keys.create({ hash: randomUUID(), prefix: "sk-test", label: "revoked", dailyLimit: USD });
    await stores.keys.revoke(revoked.id, T0);
    const over = newTask(randomUUID(), USD + 1, T0);
    const ofRevoked = newTask(revoked.id, 1, T0);
    const fine = newTask(randomUUID(), 7, T0);
    const accepted = await Promise.all([over, ofRevoked, fine].map((task) => stores.tasks.accept(task, USD)));
    expect(acceptStatements).toEqual([3]);
    expect(accepted.map((a) => a?.task.id ?? null)).toEqual([null, null, fine.id]);
    expect(await stores.tasks.find(over.id)).toBeNull();
    expect(await stores.tasks.find(ofRevoked.id)).toBeNull();
    expect(await stores.tasks.usedOn(over.keyId, DAY)).toBe(0);
    expect(await stores.tasks.usedOn(revoked.id, DAY)).toBe(0);
    expect(await stores.tasks.usedOn(fine.keyId, DAY)).toBe(7);
  });

  it("hold each one to its own key's limit, on a day its key already spent", async () => {
    const tight = randomUUID();
    const loose = randomUUID();
    expect(await stores.tasks.accept(newTask(tight, 900_000, T0), USD)).not.toBeNull();
    expect(await stores.tasks.accept(newTask(loose, 900_000, T0), 5 * USD)).not.toBeNull();
    acceptStatements.length = 0;
    const accepted = await Promise.all([
      stores.tasks.accept(newTask(tight, 200_000, T0 + 1), USD),
      stores.tasks.accept(newTask(loose, 200_000, T0 + 1), 5 * USD),
    ]);
    expect(acceptStatements).toEqual([2]);
    expect(accepted.map((a) => a && [a.used, a.limit])).toEqual([null, [1_100_000, 5 * USD]]);
    expect(await stores.tasks.usedOn(tight, DAY)).toBe(900_000);
    expect(await stores.tasks.usedOn(loose, DAY)).toBe(1_100_000);
  });

  it("complete each one's idempotency reservation with its own answer, only while that reservation is held", async () => {
    acceptStatements.length = 0;
    const reserve = async (keyId: string) => {
      const reservation = await stores.idempotency.reserve({ keyId, key: "same-key", requestHash: "h", now: T0, ttlMs: 86_400_000, abandonAfterMs: 60_000 });
      if (reservation.kind !== "reserved") throw new Error(`not reserved: ${reservation.kind}`);
      return reservation.token;
    };
    const held = newTask(randomUUID(), 250_000, T0);
    const lost = newTask(randomUUID(), 250_000, T0);
    const heldToken = await reserve(held.keyId);
    const lostToken = await reserve(lost.keyId);
    await stores.idempotency.release(lost.keyId, "same-key", lostToken);
    const accepted = await Promise.all([
      stores.tasks.accept(held, USD, { key: "same-key", token: heldToken, response: { id: held.id, status: "QUEUED" } }),
      stores.tasks.accept(lost, USD, { key: "same-key", token: lostToken, response: { id: lost.id, status: "QUEUED" } }),
    ]);
    expect(acceptStatements).toEqual([2]);
    expect(accepted.map((a) => a?.task.id ?? null)).toEqual([held.id, null]);
    expect(await stores.idempotency.reserve({ keyId: held.keyId, key: "same-key", requestHash: "h", now: T0 + 1, ttlMs: 86_400_000, abandonAfterMs: 60_000 })).toEqual({
      kind: "replay",
      response: { id: held.id, status: "QUEUED", remaining: 750_000 },
      taskId: held.id,
    });
    expect(await stores.tasks.usedOn(lost.keyId, DAY)).toBe(0);
    expect(await stores.tasks.find(lost.id)).toBeNull();
  });

  it("leave a reservation taken over by a newer request to it: the older holder's generation is not charged, the newer one's is", async () => {
    const keyId = randomUUID();
    const other = newTask(randomUUID(), 5, T0);
    const reserve = async (now: number) => {
      const reservation = await stores.idempotency.reserve({ keyId, key: "retry", requestHash: "h", now, ttlMs: 86_400_000, abandonAfterMs: 60_000 });
      if (reservation.kind !== "reserved") throw new Error(`not reserved: ${reservation.kind}`);
      return reservation.token;
    };
    const older = await reserve(T0);
    const newer = await reserve(T0 + 60_001);
    const late = newTask(keyId, 100_000, T0 + 60_002);
    const accepted = await Promise.all([
      stores.tasks.accept(late, USD, { key: "retry", token: older, response: { id: late.id } }),
      stores.tasks.accept(other, USD),
    ]);
    expect(accepted.map((a) => a?.task.id ?? null)).toEqual([null, other.id]);
    expect(await stores.tasks.usedOn(keyId, DAY)).toBe(0);
    expect(await stores.idempotency.isHeld(keyId, "retry", newer)).toBe(true);
    const current = newTask(keyId, 100_000, T0 + 60_003);
    expect(await stores.tasks.accept(current, USD, { key: "retry", token: newer, response: { id: current.id } })).toMatchObject({ used: 100_000 });
    expect(await stores.idempotency.reserve({ keyId, key: "retry", requestHash: "h", now: T0 + 60_004, ttlMs: 86_400_000, abandonAfterMs: 60_000 })).toEqual({
      kind: "replay",
      response: { id: current.id, remaining: 900_000 },
      taskId: current.id,
    });
  });

  it("fail alone when the database refuses one of them: ChargeNotMade for it, the others of its statement accepted", async () => {
    const existing = newTask(randomUUID(), 10, T0);
    expect(await stores.tasks.accept(existing, USD)).not.toBeNull();
    acceptStatements.length = 0;
    // A task id already taken: the whole statement is refused, then each generation goes alone.
    const clash = newTask(randomUUID(), 10, T0, { id: existing.id });
    const others = [newTask(randomUUID(), 20, T0), newTask(randomUUID(), 30, T0)];
    const outcomes = await Promise.allSettled([others[0]!, clash, others[1]!].map((task) => stores.tasks.accept(task, USD)));
    expect(acceptStatements).toEqual([3, 1, 1, 1]);
    expect(outcomes[1]).toMatchObject({ status: "rejected", reason: { name: "ChargeNotMade" } });
    expect(outcomes[0]).toMatchObject({ status: "fulfilled", value: { used: 20 } });
    expect(outcomes[2]).toMatchObject({ status: "fulfilled", value: { used: 30 } });
    expect(await stores.tasks.usedOn(clash.keyId, DAY)).toBe(0);
    expect(await stores.tasks.usedOn(others[0]!.keyId, DAY)).toBe(20);
    expect(await stores.tasks.usedOn(others[1]!.keyId, DAY)).toBe(30);
  });

  it("charge as some serial order of the same charges would, key by key, whatever a tick's mix of keys and amounts (property)", async () => {
    const charges = fc.array(fc.record({ key: fc.nat({ max: 3 }), amount: fc.integer({ min: 0, max: 400_000 }) }), { maxLength: 24 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: USD }), { minLength: 4, maxLength: 4 }), charges, async (limits, tick) => {
        const keys = limits.map(() => randomUUID());
        const tasks = tick.map((c) => newTask(keys[c.key]!, c.amount, T0));
        const outcomes = await Promise.all(tasks.map((task, i) => stores.tasks.accept(task, limits[tick[i]!.key]!)));
        for (const [k, keyId] of keys.entries()) {
          const mine = tick.map((c, i) => ({ cost: c.amount, outcome: outcomes[i]!, id: tasks[i]!.id })).filter((_, i) => tick[i]!.key === k);
          const accepted = mine.filter((m) => m.outcome !== null);
          const used = await stores.tasks.usedOn(keyId, DAY);
          // Accepted ones one after the other: each saw the total before it plus its own cost.
          const chain = accepted.map((m) => ({ cost: m.cost, used: m.outcome!.used })).sort((a, b) => a.used - b.used || b.cost - a.cost);
          let total = 0;
          for (const step of chain) {
            total += step.cost;
            expect(step.used).toBe(total);
          }
          expect(used).toBe(total);
          expect(used).toBeLessThanOrEqual(limits[k]!);
          // A refused one did not fit when it was charged, nor after: usage only grew.
          for (const m of mine) if (m.outcome === null) expect(used + m.cost).toBeGreaterThan(limits[k]!);
          for (const m of mine) expect((await stores.tasks.find(m.id)) !== null).toBe(m.outcome !== null);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe("a batch of accepts the database refuses", () => {
  const pgError = (code: string) => Object.assign(new Error(`ERROR ${code}`), { severity: "ERROR", code });
  /** A task repo whose statements all fail with `error`, counting the accept statements. */
  const failing = (error: unknown) => {
    const sent: number[] = [];
    const tasks = createTaskRepo({} as never, {
      query: async (_text: string, values: readonly unknown[]) => {
        sent.push((JSON.parse(values[0] as string) as unknown[]).length);
        throw error;
      },
    });
    return { sent, tasks };
  };

  it("for one of its rows (data, a constraint, a deadlock) is sent again generation by generation, each ChargeNotMade", async () => {
    for (const code of ["22P02", "23505", "21000", "40P01", "40001"]) {
      const { sent, tasks } = failing(pgError(code));
      const outcomes = await Promise.allSettled([1, 2, 3].map(() => tasks.accept(newTask(randomUUID(), 1, T0), USD)));
      expect(sent).toEqual([3, 1, 1, 1]);
      for (const outcome of outcomes) expect(outcome).toMatchObject({ status: "rejected", reason: { name: "ChargeNotMade" } });
    }
  });

  it("for anything else (out of connections, shutting down, a statement cancelled) is every generation's, sent once", async () => {
    for (const code of ["53300", "57014", "57P03", "42P01"]) {
      const { sent, tasks } = failing(pgError(code));
      const outcomes = await Promise.allSettled([1, 2, 3].map(() => tasks.accept(newTask(randomUUID(), 1, T0), USD)));
      expect(sent).toEqual([3]);
      for (const outcome of outcomes) expect(outcome).toMatchObject({ status: "rejected", reason: { name: "ChargeNotMade" } });
    }
    const lost = new Error("Connection terminated unexpectedly");
    const { sent, tasks } = failing(lost);
    const outcomes = await Promise.allSettled([1, 2].map(() => tasks.accept(newTask(randomUUID(), 1, T0), USD)));
    expect(sent).toEqual([2]);
    expect(outcomes).toEqual([
      { status: "rejected", reason: lost },
      { status: "rejected", reason: lost },
    ]);
  });
});
