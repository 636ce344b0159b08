// The money of TaskRepo: the ONE charge statement production runs (accept: charge and create
// the task together) and the refund, held to both databases.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import { createTaskRepo } from "../../../src/adapters/postgres/task-repo.ts";
import { utcDay } from "../../../src/kernel/utc-day.ts";
import type { TaskRepo } from "../../../src/services/ports/task-repo.ts";
import { withTestDatabases } from "../../support/databases.ts";
import { newTask } from "../../support/new-task.ts";

const USD = 1_000_000;
const DAY = Date.parse("2026-11-25T00:00:00.000Z");
const DAY_TEXT = "2026-11-25";

const targets = await withTestDatabases();

describe("utcDay", () => {
  it("is the UTC calendar day of any instant from year 0 to 9999, as toISOString spells it", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("0000-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }), (date) => {
        expect(utcDay(date)).toBe(date.toISOString().slice(0, 10));
      }),
      { numRuns: 2_000 },
    );
    expect(utcDay(new Date("2026-11-25T23:59:59.999-05:00"))).toBe("2026-11-26");
    expect(() => utcDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});


describe("a charge statement that fails", () => {
  const failing = (error: unknown) => createTaskRepo({} as never, { query: async () => Promise.reject(error) });
  const pgError = (severity: string, code: string) => Object.assign(new Error(`${severity} ${code}`), { severity, code });

  it("is ChargeNotMade, with the database's error, only when it is known to have done nothing: refused by PostgreSQL (a SQLSTATE, in any language), or never sent", async () => {
    const nothing = [
      pgError("ERROR", "40001"),
      pgError("FEHLER", "40P01"),
      pgError("ERROR", "57014"),
      pgError("FATAL", "53300"),
      pgError("FATAL", "28P01"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("timeout exceeded when trying to connect"),
    ];
    for (const error of nothing) await expect(failing(error).accept(newTask("k", 1, DAY), USD)).rejects.toMatchObject({ name: "ChargeNotMade", cause: error });
  });

  it("is the error as it came when the outcome is unknown: a connection lost while the statement ran, a FATAL, a socket's error", async () => {
    const unknown = [
      new Error("Connection terminated unexpectedly"),
      pgError("FATAL", "57P01"),
      pgError("FATAL", "08006"),
      pgError("PANIC", "XX000"),
      Object.assign(new Error("write EPIPE"), { code: "EPIPE" }),
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
    ];
    for (const error of unknown) await expect(failing(error).accept(newTask("k", 1, DAY), USD)).rejects.toBe(error);
  });
});

describe.each(targets)("the charge and the refund on $name", (target) => {
  let db: Database;
  let tasks: TaskRepo;
  /** The key's usage after charging `cost` against `limit`, or null when it was refused. */
  const charge = async (keyId: string, cost: number, limit: number, now: number = DAY) => (await tasks.accept(newTask(keyId, cost, now), limit))?.used ?? null;
  beforeAll(async () => {
    db = await target.open();
    tasks = createTaskRepo(db.prisma, db.sql);
  });

  it("accepts charges up to the limit exactly and refuses the first micro-dollar beyond it, creating the task only with its charge", async () => {
    const key = randomUUID();
    expect(await charge(key, 600_000, USD)).toBe(600_000);
    expect(await charge(key, 400_001, USD)).toBeNull();
    expect(await charge(key, 400_000, USD)).toBe(USD);
    expect(await charge(key, 1, USD)).toBeNull();
    // A zero charge still fits exactly at the limit.
    expect(await charge(key, 0, USD)).toBe(USD);
    expect(await tasks.usedOn(key, DAY_TEXT)).toBe(USD);
    expect(await db.prisma.task.count({ where: { keyId: key } })).toBe(3);
  });

  it("holds the key as stored: its lower limit binds whatever the caller's, and a key stored revoked is not charged", async () => {
    const key = await db.prisma.apiKey.create({ data: { hash: randomUUID(), prefix: "sk-test", dailyLimitMicros: 500_000n } });
    expect(await charge(key.id, 400_000, USD)).toBe(400_000);
    expect(await charge(key.id, 200_000, USD)).toBeNull();
    // A higher stored limit does not raise the caller's.
    await db.prisma.apiKey.update({ where: { id: key.id }, data: { dailyLimitMicros: 10n * BigInt(USD) } });
    expect(await charge(key.id, 700_000, USD)).toBeNull();
    expect(await charge(key.id, 600_000, USD)).toBe(USD);
    const revoked = await db.prisma.apiKey.create({ data: { hash: randomUUID(), prefix: "sk-test", revokedAt: new Date(DAY) } });
    expect(await charge(revoked.id, 1, USD)).toBeNull();
    expect(await db.prisma.task.count({ where: { keyId: revoked.id } })).toBe(0);
    expect(await tasks.usedOn(revoked.id, DAY_TEXT)).toBe(0);
  });

  it("holds a key stored with no limit to the default it is given, below the caller's (a reset to the default binds at once)", async () => {
    const key = await db.prisma.apiKey.create({ data: { hash: randomUUID(), prefix: "sk-test" } });
    const limits = { read: 2 * USD, unset: 500_000 };
    expect((await tasks.accept(newTask(key.id, 400_000, DAY), limits))?.used).toBe(400_000);
    expect(await tasks.accept(newTask(key.id, 200_000, DAY), limits)).toBeNull();
    // A default above the caller's does not raise it; a stored limit wins over the default.
    expect(await tasks.accept(newTask(key.id, 200_000, DAY), { read: 500_000, unset: 2 * USD })).toBeNull();
    await db.prisma.apiKey.update({ where: { id: key.id }, data: { dailyLimitMicros: BigInt(USD) } });
    expect((await tasks.accept(newTask(key.id, 200_000, DAY), limits))?.used).toBe(600_000);
    expect(await tasks.usedOn(key.id, DAY_TEXT)).toBe(600_000);
  });

  it("returns the task as stored, read back the same way", async () => {
    const task = newTask(randomUUID(), 123_456, DAY);
    const accepted = await tasks.accept(Object.assign(task, { hold: { owner: "me", until: DAY + 1_000 } }), USD);
    expect(accepted?.task).toMatchObject({ id: task.id, status: "QUEUED", cost: 123_456, output: "image", createdAt: DAY, refunded: false });
    expect(await tasks.find(task.id)).toEqual(accepted?.task);
  });

  it("refuses a first charge above the limit without creating any usage or task", async () => {
    const key = randomUUID();
    expect(await charge(key, USD + 1, USD)).toBeNull();
    expect(await tasks.usedOn(key, DAY_TEXT)).toBe(0);
    expect(await db.prisma.dailyUsage.count({ where: { keyId: key } })).toBe(0);
    expect(await db.prisma.task.count({ where: { keyId: key } })).toBe(0);
  });

  it("refuses negative, fractional and unsafe amounts and limits instead of treating them as money", async () => {
    const key = randomUUID();
    const refused = { name: "ChargeNotMade", cause: expect.any(RangeError) };
    for (const cost of [-1, 0.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity]) await expect(charge(key, cost, USD)).rejects.toMatchObject(refused);
    for (const limit of [-1, 0.5, 2 ** 60, Number.NaN]) await expect(charge(key, 1, limit)).rejects.toMatchObject(refused);
    expect(await db.prisma.dailyUsage.count({ where: { keyId: key } })).toBe(0);
  });

  it("keeps separate totals per key and per UTC day, whatever the time of day", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(await charge(a, 700_000, USD, Date.parse("2026-11-25T00:00:00.000Z"))).toBe(700_000);
    // Same UTC day, late in the evening: same bucket.
    expect(await charge(a, 300_000, USD, Date.parse("2026-11-25T23:59:59.999Z"))).toBe(USD);
    // Next UTC day and another key start from zero.
    expect(await charge(a, 700_000, USD, Date.parse("2026-11-26T00:00:00.000Z"))).toBe(700_000);
    expect(await charge(b, 700_000, USD)).toBe(700_000);
    expect(await tasks.usedOn(a, DAY_TEXT)).toBe(USD);
    expect(await tasks.usedOn(a, "2026-11-26")).toBe(700_000);
  });

  it("is exact up to the largest safe total (Number.MAX_SAFE_INTEGER micro-dollars)", async () => {
    const key = randomUUID();
    const limit = Number.MAX_SAFE_INTEGER;
    const half = Math.floor(limit / 2);
    expect(await charge(key, half, limit)).toBe(half);
    expect(await charge(key, half + 1, limit)).toBe(limit);
    expect(await charge(key, 1, limit)).toBeNull();
    expect(await tasks.usedOn(key, DAY_TEXT)).toBe(limit);
    const row = await db.prisma.dailyUsage.findFirstOrThrow({ where: { keyId: key } });
    expect(row.usedMicros).toBe(BigInt(limit));
  });

  it("never exceeds the limit under 100 concurrent charges, and the accepted ones sum to the usage", async () => {
    const key = randomUUID();
    // 100 charges of 7 cents against $1.00: exactly 14 fit (0.98), the 15th would be 1.05.
    const results = await Promise.all(Array.from({ length: 100 }, () => charge(key, 70_000, USD)));
    const accepted = results.filter((r): r is number => r !== null);
    expect(accepted).toHaveLength(14);
    // Each accepted charge saw a distinct running total: they were serialized, not lost.
    expect([...accepted].sort((x, y) => x - y)).toEqual(Array.from({ length: 14 }, (_, i) => (i + 1) * 70_000));
    expect(await tasks.usedOn(key, DAY_TEXT)).toBe(70_000 * 14);
    expect(await db.prisma.task.count({ where: { keyId: key } })).toBe(14);
  });

  it("refunds a task exactly once even when refunds race, crediting the day it was charged to", async () => {
    const key = randomUUID();
    const chargeDay = Date.parse("2026-11-24T10:00:00.000Z");
    const refunded = await tasks.accept(newTask(key, 250_000, chargeDay), USD);
    expect(await charge(key, 100_000, USD, chargeDay)).toBe(350_000);
    expect(await charge(key, 50_000, USD)).toBe(50_000);

    const outcomes = await Promise.all(Array.from({ length: 10 }, () => tasks.refund(refunded!.task.id, DAY + 5)));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(outcomes.find(Boolean)).toMatchObject({ id: refunded!.task.id, refunded: true });
    expect(await tasks.usedOn(key, "2026-11-24")).toBe(100_000);
    expect(await tasks.usedOn(key, DAY_TEXT)).toBe(50_000);

    expect(await tasks.refund(refunded!.task.id, DAY + 6)).toBeNull();
    expect(await tasks.refund(randomUUID(), DAY + 6)).toBeNull();
  });

  it("keeps usage equal to accepted charges minus refunds, never above the limit (property)", async () => {
    type Op = { kind: "charge"; amount: number } | { kind: "refund"; pick: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant("charge" as const), amount: fc.integer({ min: 0, max: 400_000 }) }),
      fc.record({ kind: fc.constant("refund" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: USD }), fc.array(op, { maxLength: 20 }), async (limit, ops) => {
        const key = randomUUID();
        const made: Array<{ id: string; cost: number; refunded: boolean }> = [];
        let accepted = 0;
        let refunded = 0;
        for (const step of ops) {
          if (step.kind === "charge") {
            const used = accepted - refunded;
            const fits = used + step.amount <= limit;
            const task = newTask(key, step.amount, DAY);
            const result = await tasks.accept(task, limit);
            expect(result?.used ?? null).toBe(fits ? used + step.amount : null);
            if (result) {
              accepted += step.amount;
              made.push({ id: task.id, cost: step.amount, refunded: false });
            }
          } else {
            const task = made[step.pick % Math.max(made.length, 1)];
            if (!task) continue;
            expect((await tasks.refund(task.id, DAY + 1)) !== null).toBe(!task.refunded);
            if (!task.refunded) refunded += task.cost;
            task.refunded = true;
          }
          const used = await tasks.usedOn(key, DAY_TEXT);
          expect(used).toBe(accepted - refunded);
          expect(used <= limit).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
