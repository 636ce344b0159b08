import { randomUUID } from "node:crypto";
import type { SqlClient } from "./sql.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import type { Micros } from "../../kernel/money.ts";
import { utcDay } from "./usage-ledger.ts";

export type TaskStatus = "QUEUED" | "PROCESSING" | "FINISHED" | "FAILED";

/** A generation task as stored. Money in micro-dollars, times as epoch milliseconds. */
export interface TaskRecord {
  readonly id: string;
  readonly keyId: string;
  readonly model: string;
  readonly kind: string;
  readonly status: TaskStatus;
  readonly requestParams: unknown;
  readonly params: Record<string, unknown>;
  readonly adjustments: readonly unknown[];
  readonly cost: Micros;
  readonly refunded: boolean;
  readonly result: readonly string[];
  readonly glbUrls: readonly string[];
  readonly error: string | null;
  readonly progress: number;
  readonly account: number | null;
  readonly attempts: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly slotReleaseAt: number;
  readonly refundAt: number;
  readonly hardDeadlineAt: number;
}

type TaskRow = Prisma.TaskGetPayload<object>;

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);

export function toTaskRecord(row: TaskRow): TaskRecord {
  return {
    id: row.id,
    keyId: row.keyId,
    model: row.model,
    kind: row.kind,
    status: row.status,
    requestParams: row.requestParams,
    params: (row.params ?? {}) as Record<string, unknown>,
    adjustments: (row.adjustments ?? []) as unknown[],
    cost: Number(row.costMicros),
    refunded: row.refundedAt !== null,
    result: (row.result ?? []) as string[],
    glbUrls: (row.glbUrls ?? []) as string[],
    error: row.error,
    progress: row.progress,
    account: row.account,
    attempts: row.attempts,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
    startedAt: ms(row.startedAt),
    finishedAt: ms(row.finishedAt),
    slotReleaseAt: row.slotReleaseAt.getTime(),
    refundAt: row.refundAt.getTime(),
    hardDeadlineAt: row.hardDeadlineAt.getTime(),
  };
}

export interface NewTask {
  readonly id?: string;
  readonly keyId: string;
  readonly model: string;
  readonly kind: string;
  readonly requestParams: unknown;
  readonly params: Readonly<Record<string, unknown>>;
  readonly adjustments: readonly unknown[];
  readonly cost: Micros;
  readonly now: number;
  readonly slotReleaseAt: number;
  readonly refundAt: number;
  readonly hardDeadlineAt: number;
  /** Only this process may start the task until then (see TaskHold). */
  readonly hold?: TaskHold;
}

/**
 * A new or requeued task is held by the process that made it until that process has published
 * its QUEUED event: another process's driver could otherwise start it first, and watchers would
 * see PROCESSING before QUEUED. The holder starts it as soon as it has an account free; any
 * process may once the hold expires (its holder is busy, stalled or gone).
 */
export interface TaskHold {
  readonly owner: string;
  readonly until: number;
}

export interface Acceptance {
  readonly taskId: string;
  /** The task as the statement wrote it (no second read). */
  readonly task: TaskRecord;
  /** The key's usage for the day after this charge. */
  readonly used: Micros;
}

/** The idempotency record to complete in the same statement as the charge. */
export interface IdempotencyCompletion {
  readonly key: string;
  /** The reservation's token: the task is created only while this request still holds the key. */
  readonly token: Date;
  /** The answer to replay; `remaining` (micros, after this charge) is added by the statement. */
  readonly response: Readonly<Record<string, unknown>>;
}

/**
 * Charge under the limit and create the task, atomically: the usage row is raised only if the
 * day stays within `limit` ($6), the task exists only if the charge happened, and an
 * idempotency reservation ($1, held since $3) must still be ours and is completed with the answer.
 */
const CHARGE_AND_CREATE_TASK = `
  WITH held AS (
    SELECT 1 WHERE $1::text IS NULL OR EXISTS (
      SELECT 1 FROM idempotency_records
      WHERE key_id = $2::text AND key = coalesce($1::text, '') AND state = 'PENDING' AND created_at = $3::timestamptz
      FOR UPDATE)
  ), charge AS (
    INSERT INTO daily_usage AS u (key_id, day, used_micros)
    SELECT $2::text, $4::text::date, $5::bigint FROM held
    WHERE $5::bigint <= $6::bigint
    ON CONFLICT (key_id, day) DO UPDATE
      SET used_micros = u.used_micros + EXCLUDED.used_micros
      WHERE u.used_micros + EXCLUDED.used_micros <= $6::bigint
    RETURNING u.used_micros
  ), created AS (
    INSERT INTO tasks (id, key_id, model, kind, status, request_params, params, adjustments, cost_micros, charge_day,
                       created_at, updated_at, slot_release_at, refund_at, hard_deadline_at, lease_owner, lease_until)
    SELECT $7::text, $2::text, $8::text, $9::text, 'QUEUED'::task_status,
           $10::text::jsonb, $11::text::jsonb, $12::text::jsonb, $5::bigint, $4::text::date,
           $13::timestamptz, $13::timestamptz, $14::timestamptz, $15::timestamptz, $16::timestamptz, $18::text, $19::timestamptz
    FROM charge
    RETURNING id
  ), completed AS (
    UPDATE idempotency_records SET state = 'DONE', task_id = $7::text, response_status = 200,
           response = $17::text::jsonb || jsonb_build_object('remaining', $6::bigint - (SELECT used_micros FROM charge))
    WHERE $1::text IS NOT NULL AND key_id = $2::text AND key = coalesce($1::text, '')
      AND EXISTS (SELECT 1 FROM created)
    RETURNING key
  )
  SELECT used_micros FROM charge, created`;

/**
 * Charges the day's usage and creates the task in ONE statement: the task row exists if and
 * only if the charge fitted under the limit (and, with an idempotency key, its record is
 * completed in the same statement). Returns null, changing nothing, when it would overspend.
 */
export async function chargeAndCreateTask(
  sql: SqlClient,
  task: NewTask,
  limit: Micros,
  idempotency?: IdempotencyCompletion,
): Promise<Acceptance | null> {
  const id = task.id ?? randomUUID();
  const day = utcDay(new Date(task.now));
  const now = new Date(task.now);
  // One statement, on the driver (sql.ts: the hot path skips Prisma's runtime).
  const rows = await sql.query<{ used_micros: bigint | string }>(CHARGE_AND_CREATE_TASK, [
    idempotency?.key ?? null, // $1
    task.keyId, // $2
    idempotency?.token ?? now, // $3
    day, // $4
    task.cost, // $5
    limit, // $6
    id, // $7
    task.model, // $8
    task.kind, // $9
    JSON.stringify(task.requestParams ?? {}), // $10
    JSON.stringify(task.params), // $11
    JSON.stringify(task.adjustments), // $12
    now, // $13
    new Date(task.slotReleaseAt), // $14
    new Date(task.refundAt), // $15
    new Date(task.hardDeadlineAt), // $16
    JSON.stringify(idempotency?.response ?? {}), // $17
    task.hold?.owner ?? null, // $18
    task.hold ? new Date(task.hold.until) : null, // $19
  ]);
  const row = rows[0];
  if (!row) return null;
  const record: TaskRecord = {
    id,
    keyId: task.keyId,
    model: task.model,
    kind: task.kind,
    status: "QUEUED",
    requestParams: task.requestParams ?? {},
    params: { ...task.params },
    adjustments: [...task.adjustments],
    cost: task.cost,
    refunded: false,
    result: [],
    glbUrls: [],
    error: null,
    progress: 0,
    account: null,
    attempts: 0,
    createdAt: task.now,
    updatedAt: task.now,
    startedAt: null,
    finishedAt: null,
    slotReleaseAt: task.slotReleaseAt,
    refundAt: task.refundAt,
    hardDeadlineAt: task.hardDeadlineAt,
  };
  return { taskId: id, task: record, used: Number(row.used_micros) };
}

export async function findTask(prisma: PrismaClient, id: string): Promise<TaskRecord | null> {
  const row = await prisma.task.findUnique({ where: { id } });
  return row ? toTaskRecord(row) : null;
}

export interface TaskPageQuery {
  readonly keyId: string;
  readonly first: number;
  /** The task id to continue after (newest first). */
  readonly after?: string;
  readonly status?: readonly TaskStatus[];
  readonly model?: string;
}

/** A page of a key's tasks, newest first (ties by id), plus whether more follow. */
export async function listTasks(prisma: PrismaClient, query: TaskPageQuery): Promise<{ tasks: TaskRecord[]; hasMore: boolean }> {
  const where: Prisma.TaskWhereInput = {
    keyId: query.keyId,
    ...(query.status?.length ? { status: { in: [...query.status] } } : {}),
    ...(query.model ? { model: query.model } : {}),
  };
  if (query.after) {
    const anchor = await prisma.task.findFirst({ where: { id: query.after, keyId: query.keyId }, select: { createdAt: true, id: true } });
    if (!anchor) return { tasks: [], hasMore: false };
    where.OR = [{ createdAt: { lt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { lt: anchor.id } }];
  }
  const rows = await prisma.task.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.first + 1 });
  return { tasks: rows.slice(0, query.first).map(toTaskRecord), hasMore: rows.length > query.first };
}
