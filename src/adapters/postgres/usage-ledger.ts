// The money primitives. Each is ONE SQL statement, so concurrent requests (any number of
// processes) can never overspend or double-refund: the row lock taken by the statement is the
// whole protocol, there is no read-then-write window. Amounts are integer micro-dollars (bigint).
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

/** A client or an interactive-transaction client: the primitives compose into larger transactions. */
export type LedgerDb = PrismaClient | Prisma.TransactionClient;

/**
 * Adds amountMicros to the key's usage for the UTC day of `day` if the total stays within
 * limitMicros. Returns the new total, or null (and changes nothing) if it would exceed the limit.
 */
export async function tryCharge(
  db: LedgerDb,
  keyId: string,
  day: Date,
  amountMicros: bigint,
  limitMicros: bigint,
): Promise<bigint | null> {
  if (amountMicros < 0n) throw new RangeError(`tryCharge: negative amount ${amountMicros}`);
  // The SELECT ... WHERE refuses a first charge above the limit; DO UPDATE ... WHERE refuses the
  // rest. The row lock of ON CONFLICT serializes concurrent charges of one key and day.
  const rows = await db.$queryRaw<{ used_micros: bigint }[]>`
    INSERT INTO daily_usage AS u (key_id, day, used_micros)
    SELECT ${keyId}::text, ${utcDay(day)}::date, ${amountMicros}::bigint
    WHERE ${amountMicros}::bigint <= ${limitMicros}::bigint
    ON CONFLICT (key_id, day) DO UPDATE
      SET used_micros = u.used_micros + EXCLUDED.used_micros
      WHERE u.used_micros + EXCLUDED.used_micros <= ${limitMicros}::bigint
    RETURNING u.used_micros`;
  return rows[0] === undefined ? null : BigInt(rows[0].used_micros);
}

/** The key's usage on the UTC day of `day` (0 when nothing was charged). */
export async function usedOn(db: LedgerDb, keyId: string, day: Date): Promise<bigint> {
  const rows = await db.$queryRaw<{ used_micros: bigint }[]>`
    SELECT used_micros FROM daily_usage WHERE key_id = ${keyId} AND day = ${utcDay(day)}::date`;
  return rows[0] === undefined ? 0n : BigInt(rows[0].used_micros);
}

/**
 * Gives a task's cost back to the day it was charged to, at most once: marking the task refunded
 * and crediting the usage happen in one statement, guarded by `refunded_at IS NULL`. A concurrent
 * second call waits for the first's row lock, then finds refunded_at set and does nothing.
 * Returns true only for the call that refunded. `at` is the refund time (the caller's clock, so it
 * orders correctly with the other times the driver writes).
 */
export async function refundTask(db: LedgerDb, taskId: string, at: Date = new Date()): Promise<boolean> {
  // Data-modifying CTEs always run to completion, even though `credited` is not selected from.
  const rows = await db.$queryRaw<{ refunded: boolean }[]>`
    WITH refunded AS (
      UPDATE tasks SET refunded_at = ${at}::timestamptz
      WHERE id = ${taskId} AND refunded_at IS NULL
      RETURNING key_id, charge_day, cost_micros
    ), credited AS (
      UPDATE daily_usage AS u SET used_micros = u.used_micros - r.cost_micros
      FROM refunded AS r
      WHERE u.key_id = r.key_id AND u.day = r.charge_day
      RETURNING u.key_id
    )
    SELECT EXISTS (SELECT 1 FROM refunded) AS refunded`;
  return rows[0]?.refunded === true;
}

const digits = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * 'YYYY-MM-DD' of the UTC day: explicit, so the database's session time zone cannot shift it.
 * Built from its parts (every estimate asks; `toISOString` costs four times as much).
 */
export function utcDay(day: Date): string {
  if (Number.isNaN(day.getTime())) throw new RangeError("usage ledger: invalid Date");
  return `${digits(day.getUTCFullYear(), 4)}-${digits(day.getUTCMonth() + 1, 2)}-${digits(day.getUTCDate(), 2)}`;
}
