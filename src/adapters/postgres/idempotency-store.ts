import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { IdempotencyStore, Reservation } from "../../services/ports/idempotency-store.ts";

/** Idempotency records in `idempotency_records`; a reservation's token is its created_at. */
export function createIdempotencyStore(prisma: PrismaClient): IdempotencyStore {
  const reserve: IdempotencyStore["reserve"] = async (args): Promise<Reservation> => {
    const now = new Date(args.now);
    const rows = await prisma.$queryRaw<{ created_at: Date }[]>`
      INSERT INTO idempotency_records AS r (key_id, key, request_hash, state, created_at, expires_at)
      VALUES (${args.keyId}, ${args.key}, ${args.requestHash}, 'PENDING', ${now}::timestamptz, ${new Date(args.now + args.ttlMs)}::timestamptz)
      ON CONFLICT (key_id, key) DO UPDATE
        SET request_hash = EXCLUDED.request_hash, state = 'PENDING', task_id = NULL, response_status = NULL, response = NULL,
            created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
        WHERE r.expires_at <= ${now}::timestamptz
           OR (r.state = 'PENDING' AND r.created_at <= ${new Date(args.now - args.abandonAfterMs)}::timestamptz)
      RETURNING r.created_at`;
    if (rows[0]) return { kind: "reserved", token: rows[0].created_at.getTime() };
    const existing = await prisma.idempotencyRecord.findUnique({ where: { keyId_key: { keyId: args.keyId, key: args.key } } });
    if (!existing) return reserve(args); // expired and purged in between
    if (existing.requestHash !== args.requestHash) return { kind: "mismatch" };
    if (existing.state === "DONE") return { kind: "replay", response: existing.response, taskId: existing.taskId };
    return { kind: "pending" };
  };

  return {
    reserve,
    async release(keyId, key, token) {
      await prisma.idempotencyRecord.deleteMany({ where: { keyId, key, state: "PENDING", createdAt: new Date(token) } });
    },
    async isHeld(keyId, key, token) {
      return (await prisma.idempotencyRecord.count({ where: { keyId, key, state: "PENDING", createdAt: new Date(token) } })) > 0;
    },
    purgeExpired: (now, limit) =>
      prisma.$executeRaw`
        DELETE FROM idempotency_records WHERE (key_id, key) IN (
          SELECT key_id, key FROM idempotency_records WHERE expires_at <= ${new Date(now)}::timestamptz LIMIT ${limit}::int)`,
  };
}
