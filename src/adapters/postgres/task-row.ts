import type { OutputKind } from "../../catalog/types.ts";
import type { NewTask, TaskRecord, TaskStatus } from "../../domain/task.ts";
import { withoutParams, type LiveTask } from "../../domain/task-events.ts";
import type { ClaimedTask } from "../../services/ports/task-repo.ts";

/**
 * A `tasks` row as SQL returns it (snake_case). Every statement that returns tasks selects their
 * columns by name and maps them here: one mapping from table to TaskRecord. The accept statement
 * returns none: `acceptedTask` says what the row it inserts holds.
 * bigint columns arrive as a bigint (Prisma, PGlite) or a string (node-postgres): Number() reads
 * both, exactly, because money is bounded by a daily limit that is a safe integer.
 */
export interface TaskRow {
  id: string;
  key_id: string;
  model: string;
  kind: string;
  status: TaskStatus;
  request_params: unknown;
  params: unknown;
  adjustments: unknown;
  cost_micros: bigint | string | number;
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
  upstream_ref?: string | null;
  upstream_attempt?: number | null;
  vendor_cost?: unknown;
}

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);
/** An instant as the Date a statement sends it holds it: whole milliseconds, the fraction dropped. */
const sentMs = (instant: number): number => new Date(instant).getTime();

export function taskFromRow(row: TaskRow): TaskRecord {
  return {
    id: row.id,
    keyId: row.key_id,
    model: row.model,
    output: row.kind as OutputKind,
    status: row.status,
    requestParams: row.request_params,
    params: (row.params ?? {}) as Record<string, unknown>,
    adjustments: (row.adjustments ?? []) as unknown[],
    cost: Number(row.cost_micros),
    refunded: row.refunded_at !== null,
    result: (row.result ?? []) as string[],
    glbUrls: (row.glb_urls ?? []) as string[],
    error: row.error,
    progress: row.progress,
    account: row.account,
    attempts: row.attempts,
    createdAt: row.created_at.getTime(),
    updatedAt: row.updated_at.getTime(),
    startedAt: ms(row.started_at),
    finishedAt: ms(row.finished_at),
    slotReleaseAt: row.slot_release_at.getTime(),
    refundAt: row.refund_at.getTime(),
    hardDeadlineAt: row.hard_deadline_at.getTime(),
    upstream: row.upstream_ref != null && row.upstream_attempt != null ? { attempt: row.upstream_attempt, ref: row.upstream_ref } : null,
    vendorCost: row.vendor_cost ?? null,
  };
}

/**
 * The task the accept statement inserts, as taskFromRow would read its row back: the values it
 * sends, QUEUED, and the table's defaults for the rest (progress and attempts 0, nothing else
 * set). Its instants are the Dates sent, whole milliseconds (a deadline computed at a time scale
 * may have a fraction; the row keeps none). Its JSON is the text sent, parsed again: what jsonb
 * keeps of it, but for the order of an object's keys, which stays the sender's (jsonb's is the
 * shortest key first; putting them in that order would cost more than the row's parse saved on
 * the largest params a request may send). test/adapters/postgres/task-accept.test.ts holds it
 * equal to the stored row.
 */
export function acceptedTask(task: NewTask, json: { readonly requestParams: string; readonly params: string; readonly adjustments: string }): TaskRecord {
  return {
    id: task.id,
    keyId: task.keyId,
    model: task.model,
    output: task.output,
    status: "QUEUED",
    requestParams: JSON.parse(json.requestParams) as unknown,
    params: JSON.parse(json.params) as Record<string, unknown>,
    adjustments: JSON.parse(json.adjustments) as unknown[],
    cost: task.cost,
    refunded: false,
    result: [],
    glbUrls: [],
    error: null,
    progress: 0,
    account: null,
    attempts: 0,
    createdAt: sentMs(task.now),
    updatedAt: sentMs(task.now),
    startedAt: null,
    finishedAt: null,
    slotReleaseAt: sentMs(task.slotReleaseAt),
    refundAt: sentMs(task.refundAt),
    hardDeadlineAt: sentMs(task.hardDeadlineAt),
    upstream: null,
    vendorCost: null,
  };
}

/** A row read to be published: its params left out in the statement when over the event's bound. */
export type LiveTaskRow = TaskRow & { params_left_out: boolean };

export function liveTaskFromRow(row: LiveTaskRow): LiveTask {
  return row.params_left_out ? withoutParams(taskFromRow(row)) : taskFromRow(row);
}

/** A claimed task's row: no request_params, and params null when the claim does not send them (ClaimedTask). */
export type ClaimedTaskRow = Omit<TaskRow, "request_params">;

export function claimedTaskFromRow(row: ClaimedTaskRow): ClaimedTask {
  const params = row.params === null || row.params === undefined ? undefined : (row.params as TaskRecord["params"]);
  return Object.assign(taskFromRow(row as TaskRow), { params });
}
