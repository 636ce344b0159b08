import type { PrismaClient } from "../../generated/prisma/client.ts";

/** What an earlier request with the same Idempotency-Key left behind. */
export type Reservation =
  /** This request holds the key now; `token` proves it when the acceptance completes it. */
  | { readonly kind: "reserved"; readonly token: Date }
  | { readonly kind: "replay"; readonly response: unknown; readonly taskId: string | null }
  | { readonly kind: "mismatch" }
  | { readonly kind: "pending" };

/**
 * Claims an idempotency key for one request, in one statement: a new key, an expired one, or
 * one whose holder vanished (PENDING longer than `abandonAfterMs`, e.g. its process died) is
 * (re)claimed; otherwise the earlier request's state is returned.
 */
export async function reserveIdempotencyKey(
  prisma: PrismaClient,
  args: { keyId: string; key: string; requestHash: string; now: number; ttlMs: number; abandonAfterMs: number },
): Promise<Reservation> {
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
  if (rows[0]) return { kind: "reserved", token: rows[0].created_at };
  const existing = await prisma.idempotencyRecord.findUnique({ where: { keyId_key: { keyId: args.keyId, key: args.key } } });
  if (!existing) return reserveIdempotencyKey(prisma, args); // expired and removed in between
  if (existing.requestHash !== args.requestHash) return { kind: "mismatch" };
  if (existing.state === "DONE") return { kind: "replay", response: existing.response, taskId: existing.taskId };
  return { kind: "pending" };
}

/** Gives the key back after a request that was not accepted, so a retry can run. */
export async function releaseIdempotencyKey(prisma: PrismaClient, keyId: string, key: string, token: Date): Promise<void> {
  await prisma.idempotencyRecord.deleteMany({ where: { keyId, key, state: "PENDING", createdAt: token } });
}

export async function purgeExpiredIdempotencyKeys(prisma: PrismaClient, now: number): Promise<number> {
  const result = await prisma.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  return result.count;
}
