import type { OutputKind } from "../catalog/types.ts";
import type { Micros } from "../kernel/money.ts";

export type TaskStatus = "QUEUED" | "PROCESSING" | "FINISHED" | "FAILED";

/** A generation task. Money in micro-dollars, times as epoch milliseconds. */
export interface TaskRecord {
  readonly id: string;
  readonly keyId: string;
  readonly model: string;
  /** What the model makes: the kind of result the task's files hold. */
  readonly output: OutputKind;
  readonly status: TaskStatus;
  /** The params as the client sent them. */
  readonly requestParams: unknown;
  /** The params that run: normalized, then downgraded if the budget required it. */
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
  /** The vendor's handle on an attempt (its request id) once submitted: `attempt` says which. */
  readonly upstream?: { readonly attempt: number; readonly ref: string } | null;
  /** What the vendor said the last attempt cost, when it said (beside our `cost`). */
  readonly vendorCost?: unknown;
}

/** A task to accept: charged and created together, or neither. */
export interface NewTask {
  readonly id: string;
  readonly keyId: string;
  readonly model: string;
  readonly output: OutputKind;
  readonly requestParams: unknown;
  readonly params: Readonly<Record<string, unknown>>;
  readonly adjustments: readonly unknown[];
  readonly cost: Micros;
  readonly now: number;
  readonly slotReleaseAt: number;
  readonly refundAt: number;
  readonly hardDeadlineAt: number;
  /** Only this process may start the task until then (see TaskClaim). */
  readonly hold?: TaskClaim;
}

/**
 * Which process may move a task, and until when. On a PROCESSING task it is the driver's lease:
 * only its owner polls and transitions the task, and another process takes it over once it
 * expires. On a QUEUED task it is a hold: the process that queued the task publishes its QUEUED
 * event before any process starts it (watchers would otherwise see PROCESSING first); any
 * process may start it once the hold expires.
 */
export interface TaskClaim {
  readonly owner: string;
  readonly until: number;
}

/** FINISHED or FAILED: nothing follows but, at most, a refund. */
export const isFinal = (task: Pick<TaskRecord, "status">): boolean => task.status === "FINISHED" || task.status === "FAILED";

/** Relative URL path of a stored file (a task's result or an upload). */
export const filePath = (ownerId: string, name: string): string => `/files/${ownerId}/${encodeURIComponent(name)}`;
