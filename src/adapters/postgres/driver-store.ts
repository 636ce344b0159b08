import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { toTaskRecord, type TaskRecord } from "./task-store.ts";

/**
 * The statements the task driver runs. Each transition is one guarded statement (status and
 * lease in the WHERE), so however many processes drive tasks, a transition happens once and
 * only the process holding a task's lease moves it. On a QUEUED task the lease is a hold
 * (TaskHold in task-store.ts): the process that queued it starts it first.
 */

type Row = Parameters<typeof toTaskRecord>[0];
interface RawTask {
  id: string;
  key_id: string;
  model: string;
  kind: string;
  status: "QUEUED" | "PROCESSING" | "FINISHED" | "FAILED";
  request_params: unknown;
  params: unknown;
  adjustments: unknown;
  cost_micros: bigint;
  charge_day: Date;
  refunded_at: Date | null;
  result: unknown;
  glb_urls: unknown;
  error: string | null;
  progress: number;
  account: number | null;
  attempts: number;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  slot_release_at: Date;
  refund_at: Date;
  hard_deadline_at: Date;
  lease_owner: string | null;
  lease_until: Date | null;
}

const fromRaw = (r: RawTask): TaskRecord =>
  toTaskRecord({
    id: r.id,
    keyId: r.key_id,
    model: r.model,
    kind: r.kind,
    status: r.status,
    requestParams: r.request_params,
    params: r.params,
    adjustments: r.adjustments,
    costMicros: BigInt(r.cost_micros),
    chargeDay: r.charge_day,
    refundedAt: r.refunded_at,
    result: r.result,
    glbUrls: r.glb_urls,
    error: r.error,
    progress: r.progress,
    account: r.account,
    attempts: r.attempts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    slotReleaseAt: r.slot_release_at,
    refundAt: r.refund_at,
    hardDeadlineAt: r.hard_deadline_at,
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until,
  } as Row);

const at = (ms: number) => new Date(ms);

/**
 * The CTE `credited` that gives back, to the day each was charged to, the cost of the rows of a
 * CTE `target` (id, key_id, charge_day, cost_micros, refund) with `refund` set. Summed per key
 * and day: an UPDATE ... FROM applies only one joined row to each usage row.
 */
const refundCredits = Prisma.sql`credited AS (
      UPDATE daily_usage u SET used_micros = u.used_micros - c.amount
      FROM (SELECT key_id, charge_day, sum(cost_micros)::bigint AS amount FROM target WHERE refund GROUP BY key_id, charge_day) c
      WHERE u.key_id = c.key_id AND u.day = c.charge_day
      RETURNING u.key_id
    )`;

/** Makes sure accounts 1..size exist (a larger pool later adds rows; a smaller one ignores the rest). */
export async function seedPool(prisma: PrismaClient, size: number): Promise<void> {
  await prisma.$executeRaw`INSERT INTO pool_accounts (id) SELECT generate_series(1, ${size}::int) ON CONFLICT (id) DO NOTHING`;
}

export async function poolLockedCount(prisma: PrismaClient, size: number, now: number): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pool_accounts WHERE id <= ${size}::int AND locked_until > ${at(now)}::timestamptz`;
  return rows[0]?.n ?? 0;
}

/**
 * Starts the oldest QUEUED task on a free, unlocked account (for a retry, the next free one after
 * its last attempt's, round the pool), taking the task's lease: one statement. The account row lock and its
 * `busy_task IS NULL` re-check make an account run one task at a time across processes. A task
 * another process holds (TaskHold: it has not yet told its watchers it is QUEUED) waits for its hold to end.
 */
export async function startNextQueued(
  prisma: PrismaClient,
  args: { owner: string; now: number; leaseUntil: number; poolSize: number },
): Promise<TaskRecord | null> {
  const rows = await prisma.$queryRaw<RawTask[]>`
    WITH next AS (
      SELECT id, account FROM tasks
      WHERE status = 'QUEUED'
        AND (lease_owner IS NULL OR lease_owner = ${args.owner} OR lease_until <= ${at(args.now)}::timestamptz)
      ORDER BY created_at, id
      LIMIT 1 FOR UPDATE SKIP LOCKED
    ), account AS (
      SELECT a.id FROM pool_accounts a, next n
      WHERE a.id <= ${args.poolSize}::int AND a.busy_task IS NULL
        AND (a.locked_until IS NULL OR a.locked_until <= ${at(args.now)}::timestamptz)
      -- A retry goes to another account when one is free: the next one after its last attempt's,
      -- round the pool, so successive attempts land on different accounts (not back on the first).
      ORDER BY (a.id IS NOT DISTINCT FROM n.account), (a.id <= coalesce(n.account, 0)), a.id
      LIMIT 1 FOR UPDATE SKIP LOCKED
    ), taken AS (
      UPDATE pool_accounts a SET busy_task = (SELECT id FROM next)
      FROM account WHERE a.id = account.id AND a.busy_task IS NULL
      RETURNING a.id
    )
    UPDATE tasks t SET status = 'PROCESSING', account = taken.id, attempts = t.attempts + 1, progress = 0,
           started_at = ${at(args.now)}::timestamptz, updated_at = ${at(args.now)}::timestamptz,
           lease_owner = ${args.owner}, lease_until = ${at(args.leaseUntil)}::timestamptz
    FROM taken WHERE t.id = (SELECT id FROM next) AND t.status = 'QUEUED'
    RETURNING t.*`;
  return rows[0] ? fromRaw(rows[0]) : null;
}

/** Renews this process's leases and takes over PROCESSING tasks whose driver's lease ran out. */
export async function claimProcessing(
  prisma: PrismaClient,
  args: { owner: string; now: number; leaseUntil: number; limit: number },
): Promise<TaskRecord[]> {
  const rows = await prisma.$queryRaw<RawTask[]>`
    UPDATE tasks SET lease_owner = ${args.owner}, lease_until = ${at(args.leaseUntil)}::timestamptz
    WHERE id IN (
      SELECT id FROM tasks
      WHERE status = 'PROCESSING'
        AND (lease_owner = ${args.owner} OR lease_until IS NULL OR lease_until < ${at(args.now)}::timestamptz)
      ORDER BY started_at
      LIMIT ${args.limit}::int FOR UPDATE SKIP LOCKED)
    RETURNING *`;
  return rows.map(fromRaw);
}

export async function setProgress(prisma: PrismaClient, id: string, owner: string, progress: number, now: number): Promise<TaskRecord | null> {
  const rows = await prisma.$queryRaw<RawTask[]>`
    UPDATE tasks SET progress = ${progress}::int, updated_at = ${at(now)}::timestamptz
    WHERE id = ${id} AND status = 'PROCESSING' AND lease_owner = ${owner} AND progress < ${progress}::int
    RETURNING *`;
  return rows[0] ? fromRaw(rows[0]) : null;
}

/** PROCESSING → FINISHED with its result paths, freeing the account. */
export async function finishTask(
  prisma: PrismaClient,
  args: { id: string; owner: string; now: number; result: readonly string[]; glb: readonly string[] },
): Promise<TaskRecord | null> {
  const rows = await prisma.$queryRaw<RawTask[]>`
    WITH done AS (
      UPDATE tasks SET status = 'FINISHED', result = ${JSON.stringify(args.result)}::jsonb,
             glb_urls = ${args.glb.length ? JSON.stringify(args.glb) : null}::jsonb, progress = 100,
             finished_at = ${at(args.now)}::timestamptz, updated_at = ${at(args.now)}::timestamptz,
             lease_owner = NULL, lease_until = NULL
      WHERE id = ${args.id} AND status = 'PROCESSING' AND lease_owner = ${args.owner}
      RETURNING *
    ), freed AS (
      UPDATE pool_accounts SET busy_task = NULL WHERE busy_task IN (SELECT id FROM done) RETURNING id
    )
    SELECT * FROM done`;
  return rows[0] ? fromRaw(rows[0]) : null;
}

/**
 * PROCESSING → FAILED, freeing the account and refunding the charge in the same statement (unless
 * already refunded): a failed task is never committed unrefunded, so a crash right after the
 * transition cannot lose its refund. The row lock taken first serializes it with refundTask.
 */
export async function failTask(
  prisma: PrismaClient,
  args: { id: string; owner: string; now: number; error: string },
): Promise<TaskRecord | null> {
  const rows = await prisma.$queryRaw<RawTask[]>`
    WITH target AS (
      SELECT id, key_id, charge_day, cost_micros, (refunded_at IS NULL) AS refund FROM tasks
      WHERE id = ${args.id} AND status = 'PROCESSING' AND lease_owner = ${args.owner}
      FOR UPDATE
    ), done AS (
      UPDATE tasks t SET status = 'FAILED', error = ${args.error}, finished_at = ${at(args.now)}::timestamptz,
             updated_at = ${at(args.now)}::timestamptz, lease_owner = NULL, lease_until = NULL,
             refunded_at = coalesce(t.refunded_at, ${at(args.now)}::timestamptz)
      FROM target WHERE t.id = target.id
      RETURNING t.*
    ), ${refundCredits}, freed AS (
      UPDATE pool_accounts SET busy_task = NULL WHERE busy_task IN (SELECT id FROM done) RETURNING id
    )
    SELECT * FROM done`;
  return rows[0] ? fromRaw(rows[0]) : null;
}

/** PROCESSING → QUEUED after a failed attempt that is safe to retry (on another account), held by this process until `holdUntil` (TaskHold). */
export async function requeueTask(prisma: PrismaClient, args: { id: string; owner: string; now: number; holdUntil: number }): Promise<TaskRecord | null> {
  const rows = await prisma.$queryRaw<RawTask[]>`
    WITH back AS (
      UPDATE tasks SET status = 'QUEUED', progress = 0, updated_at = ${at(args.now)}::timestamptz,
             lease_owner = ${args.owner}, lease_until = ${at(args.holdUntil)}::timestamptz
      WHERE id = ${args.id} AND status = 'PROCESSING' AND lease_owner = ${args.owner}
      RETURNING *
    ), freed AS (
      UPDATE pool_accounts SET busy_task = NULL WHERE busy_task IN (SELECT id FROM back) RETURNING id
    )
    SELECT * FROM back`;
  return rows[0] ? fromRaw(rows[0]) : null;
}

/** Counts an account's attempt: a success clears its failures; `threshold` failures in a row lock it until `lockUntil`. */
export async function recordAccountOutcome(
  prisma: PrismaClient,
  args: { account: number; success: boolean; threshold: number; lockUntil: number },
): Promise<{ locked: boolean }> {
  if (args.success) {
    await prisma.$executeRaw`UPDATE pool_accounts SET consecutive_failures = 0 WHERE id = ${args.account}::int`;
    return { locked: false };
  }
  const rows = await prisma.$queryRaw<{ locked: boolean }[]>`
    UPDATE pool_accounts SET
      consecutive_failures = CASE WHEN consecutive_failures + 1 >= ${args.threshold}::int THEN 0 ELSE consecutive_failures + 1 END,
      locked_until = CASE WHEN consecutive_failures + 1 >= ${args.threshold}::int THEN ${at(args.lockUntil)}::timestamptz ELSE locked_until END
    WHERE id = ${args.account}::int
    RETURNING (consecutive_failures = 0) AS locked`;
  return { locked: rows[0]?.locked === true };
}

/**
 * Fails every unfinished task past its hard deadline (any process may run this; each row once),
 * refunding in the same statement those not refunded yet (see failTask).
 */
export async function expireHardDeadlines(prisma: PrismaClient, now: number, error: string): Promise<TaskRecord[]> {
  const rows = await prisma.$queryRaw<RawTask[]>`
    WITH target AS (
      SELECT id, key_id, charge_day, cost_micros, (refunded_at IS NULL) AS refund FROM tasks
      WHERE status IN ('QUEUED', 'PROCESSING') AND hard_deadline_at <= ${at(now)}::timestamptz
      LIMIT 500 FOR UPDATE SKIP LOCKED
    ), done AS (
      UPDATE tasks t SET status = 'FAILED', error = ${error}, finished_at = ${at(now)}::timestamptz,
             updated_at = ${at(now)}::timestamptz, lease_owner = NULL, lease_until = NULL,
             refunded_at = coalesce(t.refunded_at, ${at(now)}::timestamptz)
      FROM target WHERE t.id = target.id
      RETURNING t.*
    ), ${refundCredits}, freed AS (
      UPDATE pool_accounts SET busy_task = NULL WHERE busy_task IN (SELECT id FROM done) RETURNING id
    )
    SELECT * FROM done`;
  return rows.map(fromRaw);
}

/** Unfinished tasks past their refund deadline and not yet refunded. */
export async function dueRefunds(prisma: PrismaClient, now: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM tasks
    WHERE status IN ('QUEUED', 'PROCESSING') AND refunded_at IS NULL AND refund_at <= ${at(now)}::timestamptz
    ORDER BY refund_at LIMIT 500`;
  return rows.map((r) => r.id);
}

export async function storeFiles(
  prisma: PrismaClient,
  ownerId: string,
  files: readonly { name: string; mediaType: string; data: Uint8Array }[],
): Promise<void> {
  if (!files.length) return;
  await prisma.storedFile.createMany({
    data: files.map((f) => ({ ownerId, name: f.name, mediaType: f.mediaType, data: f.data as Uint8Array<ArrayBuffer> })),
    skipDuplicates: true,
  });
}

/** Unfinished tasks whose concurrency slot freed itself in (since, until]: their owners' dashboards change. */
export async function slotsExpiredBetween(prisma: PrismaClient, since: number, until: number): Promise<{ id: string; keyId: string }[]> {
  const rows = await prisma.$queryRaw<{ id: string; key_id: string }[]>`
    SELECT id, key_id FROM tasks
    WHERE status IN ('QUEUED', 'PROCESSING') AND slot_release_at > ${at(since)}::timestamptz AND slot_release_at <= ${at(until)}::timestamptz
    LIMIT 1000`;
  return rows.map((r) => ({ id: r.id, keyId: r.key_id }));
}

/** Gives up this process's leases (on a graceful stop), so another process resumes its tasks at once. */
export async function releaseLeases(prisma: PrismaClient, owner: string): Promise<number> {
  return prisma.$executeRaw`
    UPDATE tasks SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ${owner} AND status IN ('QUEUED', 'PROCESSING')`;
}
