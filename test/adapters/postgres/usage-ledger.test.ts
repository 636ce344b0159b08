import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import { refundTask, tryCharge, usedOn, utcDay } from "../../../src/adapters/postgres/usage-ledger.ts";
import type { LedgerDb } from "../../../src/adapters/postgres/usage-ledger.ts";
import { withTestDatabases } from "../../support/databases.ts";

const USD = 1_000_000n;
const DAY = new Date("2026-11-25T00:00:00.000Z");

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

/** A task row carrying the cost a refund must give back (only the ledger fields matter). */
async function insertTask(db: LedgerDb, keyId: string, costMicros: bigint, chargeDay: Date = DAY): Promise<string> {
  const task = await db.task.create({
    data: {
      keyId,
      model: "model-x",
      kind: "text-to-3d",
      requestParams: {},
      params: {},
      adjustments: [],
      costMicros,
      chargeDay,
      slotReleaseAt: chargeDay,
      refundAt: chargeDay,
      hardDeadlineAt: chargeDay,
    },
  });
  return task.id;
}

describe.each(targets)("usage ledger on $name", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });

  it("accepts charges up to the limit exactly and refuses the first micro-dollar beyond it", async () => {
    const key = randomUUID();
    expect(await tryCharge(db.prisma, key, DAY, 600_000n, USD)).toBe(600_000n);
    expect(await tryCharge(db.prisma, key, DAY, 400_001n, USD)).toBeNull();
    expect(await tryCharge(db.prisma, key, DAY, 400_000n, USD)).toBe(USD);
    expect(await tryCharge(db.prisma, key, DAY, 1n, USD)).toBeNull();
    // A zero charge still fits exactly at the limit.
    expect(await tryCharge(db.prisma, key, DAY, 0n, USD)).toBe(USD);
    expect(await usedOn(db.prisma, key, DAY)).toBe(USD);
  });

  it("refuses a first charge above the limit without creating any usage", async () => {
    const key = randomUUID();
    expect(await tryCharge(db.prisma, key, DAY, USD + 1n, USD)).toBeNull();
    expect(await usedOn(db.prisma, key, DAY)).toBe(0n);
    expect(await db.prisma.dailyUsage.count({ where: { keyId: key } })).toBe(0);
  });

  it("refuses negative amounts instead of treating them as credit", async () => {
    await expect(tryCharge(db.prisma, randomUUID(), DAY, -1n, USD)).rejects.toThrow(RangeError);
  });

  it("keeps separate totals per key and per UTC day, whatever the time of day passed", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(await tryCharge(db.prisma, a, new Date("2026-11-25T00:00:00.000Z"), 700_000n, USD)).toBe(700_000n);
    // Same UTC day, late in the evening: same bucket.
    expect(await tryCharge(db.prisma, a, new Date("2026-11-25T23:59:59.999Z"), 300_000n, USD)).toBe(USD);
    // Next UTC day and another key start from zero.
    expect(await tryCharge(db.prisma, a, new Date("2026-11-26T00:00:00.000Z"), 700_000n, USD)).toBe(700_000n);
    expect(await tryCharge(db.prisma, b, DAY, 700_000n, USD)).toBe(700_000n);
    expect(await usedOn(db.prisma, a, new Date("2026-11-25T12:00:00Z"))).toBe(USD);
    const row = await db.prisma.dailyUsage.findUniqueOrThrow({ where: { keyId_day: { keyId: a, day: DAY } } });
    expect(row.usedMicros).toBe(USD);
  });

  it("handles totals beyond Number.MAX_SAFE_INTEGER exactly (bigint end to end)", async () => {
    const key = randomUUID();
    const big = 2n ** 53n + 1n;
    const limit = 2n ** 62n;
    expect(await tryCharge(db.prisma, key, DAY, big, limit)).toBe(big);
    expect(await tryCharge(db.prisma, key, DAY, big, limit)).toBe(2n * big);
    expect(await usedOn(db.prisma, key, DAY)).toBe(2n * big);
  });

  it("never exceeds the limit under 100 concurrent charges, and the accepted ones sum to the usage", async () => {
    const key = randomUUID();
    // 100 charges of 7 cents against $1.00: exactly 14 fit (0.98), the 15th would be 1.05.
    const results = await Promise.all(
      Array.from({ length: 100 }, () => tryCharge(db.prisma, key, DAY, 70_000n, USD)),
    );
    const accepted = results.filter((r): r is bigint => r !== null);
    expect(accepted).toHaveLength(14);
    // Each accepted charge saw a distinct running total: they were serialized, not lost.
    expect([...accepted].sort((x, y) => (x < y ? -1 : 1))).toEqual(
      Array.from({ length: 14 }, (_, i) => BigInt(i + 1) * 70_000n),
    );
    expect(await usedOn(db.prisma, key, DAY)).toBe(70_000n * BigInt(accepted.length));
  });

  it("refunds a task exactly once even when refunds race, crediting the day it was charged to", async () => {
    const key = randomUUID();
    const chargeDay = new Date("2026-11-24T00:00:00.000Z");
    expect(await tryCharge(db.prisma, key, chargeDay, 250_000n, USD)).toBe(250_000n);
    expect(await tryCharge(db.prisma, key, chargeDay, 100_000n, USD)).toBe(350_000n);
    const taskId = await insertTask(db.prisma, key, 250_000n, chargeDay);
    expect(await tryCharge(db.prisma, key, DAY, 50_000n, USD)).toBe(50_000n);

    const outcomes = await Promise.all(Array.from({ length: 10 }, () => refundTask(db.prisma, taskId)));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await usedOn(db.prisma, key, chargeDay)).toBe(100_000n);
    expect(await usedOn(db.prisma, key, DAY)).toBe(50_000n);
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.refundedAt).toBeInstanceOf(Date);

    expect(await refundTask(db.prisma, taskId)).toBe(false);
    expect(await refundTask(db.prisma, randomUUID())).toBe(false);
  });

  it("composes into an interactive transaction: a rolled-back charge leaves no usage and no task", async () => {
    const key = randomUUID();
    await expect(
      db.prisma.$transaction(async (tx) => {
        expect(await tryCharge(tx, key, DAY, 300_000n, USD)).toBe(300_000n);
        await insertTask(tx, key, 300_000n);
        throw new Error("provider rejected the task");
      }),
    ).rejects.toThrow("provider rejected the task");
    expect(await usedOn(db.prisma, key, DAY)).toBe(0n);
    expect(await db.prisma.task.count({ where: { keyId: key } })).toBe(0);

    const taskId = await db.prisma.$transaction(async (tx) => {
      expect(await tryCharge(tx, key, DAY, 300_000n, USD)).toBe(300_000n);
      return insertTask(tx, key, 300_000n);
    });
    expect(await usedOn(db.prisma, key, DAY)).toBe(300_000n);
    expect(await db.prisma.$transaction((tx) => refundTask(tx, taskId))).toBe(true);
    expect(await usedOn(db.prisma, key, DAY)).toBe(0n);
  });

  it("keeps usage equal to accepted charges minus refunds, never above the limit (property)", async () => {
    type Op = { kind: "charge"; amount: bigint } | { kind: "refund"; pick: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant("charge" as const), amount: fc.bigInt({ min: 0n, max: 400_000n }) }),
      fc.record({ kind: fc.constant("refund" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: 0n, max: USD }), fc.array(op, { maxLength: 20 }), async (limit, ops) => {
        const key = randomUUID();
        const tasks: Array<{ id: string; cost: bigint; refunded: boolean }> = [];
        let accepted = 0n;
        let refunded = 0n;
        for (const step of ops) {
          if (step.kind === "charge") {
            const used = accepted - refunded;
            const fits = used + step.amount <= limit;
            const result = await tryCharge(db.prisma, key, DAY, step.amount, limit);
            expect(result).toBe(fits ? used + step.amount : null);
            if (result !== null) {
              accepted += step.amount;
              tasks.push({ id: await insertTask(db.prisma, key, step.amount), cost: step.amount, refunded: false });
            }
          } else {
            const task = tasks[step.pick % Math.max(tasks.length, 1)];
            if (!task) continue;
            expect(await refundTask(db.prisma, task.id)).toBe(!task.refunded);
            if (!task.refunded) refunded += task.cost;
            task.refunded = true;
          }
          const used = await usedOn(db.prisma, key, DAY);
          expect(used).toBe(accepted - refunded);
          expect(used <= limit).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
