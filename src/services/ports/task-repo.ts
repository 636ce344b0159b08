import type { OutputKind } from "../../catalog/types.ts";
import type { Micros } from "../../kernel/money.ts";
import type { NewTask, TaskRecord, TaskStatus } from "../../domain/task.ts";
import type { AccountRange } from "../../domain/account-assignment.ts";
import type { LiveTask, TaskState } from "../../domain/task-events.ts";

/**
 * TaskRepo.accept's failure when the database says its statement did nothing: it never reached
 * the database (no connection could be had), or the database refused it and rolled it back. The
 * cause is the database's error. Any other failure of accept (a connection lost while the
 * statement ran) leaves the charge's outcome unknown: the statement may still commit.
 */
export class ChargeNotMade extends Error {
  override readonly name = "ChargeNotMade";
  constructor(cause: unknown) {
    super("The charge statement did nothing", { cause });
  }
}

/** A place in the order of `unpublished`: a row's `updatedAt` and id. */
export interface UpdatedCursor {
  readonly at: number;
  readonly id: string;
}

/**
 * A place in the order of `publishedSince`, as the adapter keeps it: the clearing's instant at its
 * full precision, the row's id, and the read's bound. Opaque to the caller.
 */
export interface PublishedCursor {
  readonly publishedAt: string;
  readonly id: string;
  readonly until: string;
}

/** The idempotency record to complete in the same statement as the charge. */
export interface IdempotencyCompletion {
  readonly key: string;
  /** The reservation's token: the task is created only while this request still holds the key. */
  readonly token: number;
  /** The answer to replay; `remaining` (after this charge) is added by the statement. */
  readonly response: Readonly<Record<string, unknown>>;
}

export interface Acceptance {
  /** The task as the statement wrote it. */
  readonly task: TaskRecord;
  /** The key's usage for the day after this charge. */
  readonly used: Micros;
  /** The daily limit the charge was held to (the caller's, or the key's stored one when lower). */
  readonly limit: Micros;
}

export interface TaskPageQuery {
  readonly keyId: string;
  readonly first: number;
  /** The task id to continue after (newest first). */
  readonly after?: string;
  readonly status?: readonly TaskStatus[];
  readonly model?: string;
}

/** Today's accepted requests and net cost (refunds deducted) of one model. */
export interface ModelSpend {
  readonly model: string;
  readonly requests: number;
  readonly cost: Micros;
}

/** How long one output kind's recent FINISHED tasks took. */
export interface FinishedLatency {
  readonly output: OutputKind;
  /** How many tasks the quantiles are of (at most `perOutput`). */
  readonly tasks: number;
  /** Seconds at each of the asked probabilities; empty when `tasks` is 0. */
  readonly seconds: readonly number[];
}

export interface FinishedLatencyQuery {
  readonly outputs: readonly OutputKind[];
  /** Epoch ms: tasks accepted in (since, until]. */
  readonly since: number;
  readonly until: number;
  /** The newest this many FINISHED tasks of each kind (1 to FINISHED_LATENCY_MAX_TASKS). */
  readonly perOutput: number;
  /** Each in [0, 1]; at most 101 of them. */
  readonly probabilities: readonly number[];
}

/** The most tasks of one kind a latency query looks at: the quantiles are computed over them in the database. */
export const FINISHED_LATENCY_MAX_TASKS = 10_000;

/**
 * Every read and every transition of tasks, and the money that moves with them. Each method is
 * one atomic step: a transition is guarded by the task's status and claim (TaskClaim), so
 * however many processes drive tasks it happens once, and money moves in the same step as the
 * transition that causes it (a charge with its task, a refund with its failure).
 */
/** Pool accounts `first .. first + count − 1`: one vendor's accounts (its keys, in order). */
export type { AccountRange } from "../../domain/account-assignment.ts";

export interface StartArgs {
  readonly owner: string;
  readonly now: number;
  readonly leaseUntil: number;
  readonly poolSize: number;
  /** The accounts a model may run on (its vendor's, a range of ids); a model absent runs on any. Absent: every model on any account. */
  readonly accountsByModel?: Readonly<Record<string, AccountRange>>;
}

/** The limits a charge is held to (TaskRepo.accept). */
export interface ChargeLimit {
  /** The key's daily limit as the caller read it (and quoted against). */
  readonly read: Micros;
  /** The daily limit of a key stored with none: the deployment's default. */
  readonly unset: Micros;
}

/** Slots a sweep releases at most (TaskRepo.slotsExpiredBetween); the next sweep goes on from the last. */
export const SLOTS_PER_SWEEP = 1_000;

export interface TaskRepo {
  /**
   * Charges `task.cost` to the key's usage of the UTC day of `task.now` and creates the task,
   * only if the day's usage stays within the limit the caller read (`limit`, or `limit.read`) and
   * within the key's daily limit as stored when lower: its own, or `limit.unset` (the deployment's
   * default) when it has none (a change made since the caller read the key binds at once, a reset
   * to the default too); only if the key is not stored revoked, and, with `idempotency`, only
   * while that reservation is still held (completing it). Null, changing nothing, otherwise.
   * `task.cost` and the limits are non-negative safe integers (ChargeNotMade with a RangeError
   * otherwise). Throws ChargeNotMade when the statement is known to have done nothing; any other
   * error leaves the outcome unknown.
   */
  accept(task: NewTask, limit: Micros | ChargeLimit, idempotency?: IdempotencyCompletion): Promise<Acceptance | null>;
  /** A key's usage on a UTC day ('YYYY-MM-DD'); 0 when nothing was charged. */
  usedOn(keyId: string, day: string): Promise<Micros>;

  find(id: string): Promise<TaskRecord | null>;
  /** A page of a key's tasks, newest first (ties by id), plus whether more follow. */
  list(query: TaskPageQuery): Promise<{ tasks: TaskRecord[]; hasMore: boolean }>;
  /** QUEUED or PROCESSING, newest first. */
  active(keyId: string): Promise<TaskRecord[]>;
  /** The last `limit` FINISHED or FAILED, newest first. */
  recent(keyId: string, limit: number): Promise<TaskRecord[]>;
  /** The model of each task id that exists. */
  modelsOf(ids: readonly string[]): Promise<Map<string, string>>;
  /** Requests and net cost per model charged to a UTC day ('YYYY-MM-DD'). */
  spendByModel(keyId: string, day: string): Promise<ModelSpend[]>;
  /**
   * For each of `outputs`, over every key: the quantiles of the seconds from the last attempt's
   * start (PROCESSING) to FINISHED of the newest `perOutput` FINISHED tasks of that kind accepted
   * in (since, until]. One row per kind, computed in the database. RangeError on a query out of
   * its bounds.
   */
  finishedLatency(query: FinishedLatencyQuery): Promise<FinishedLatency[]>;

  /**
   * Starts the oldest startable QUEUED task on a free, unlocked pool account (a retry on the
   * next account after its last one), taking its lease. A task another process holds waits.
   */
  startNextQueued(args: StartArgs): Promise<TaskRecord | null>;
  /**
   * Starts up to `max` of the oldest startable QUEUED tasks at once, each on its own free account
   * as domain/account-assignment.ts assigns them, looking at the `window` oldest startable tasks
   * of the models that have a free account (the adapter's default: 256). Three statements
   * whatever `max` is; one when no account is free.
   */
  startQueued(args: StartArgs & { readonly max: number; readonly window?: number }): Promise<TaskRecord[]>;
  /**
   * This process's PROCESSING tasks and those whose lease ran out (taken over), each leased to
   * `owner` until at least a part of `leaseUntil` away: a lease is rewritten (to `leaseUntil`)
   * once a share of it has passed, not on every claim (the adapter's RENEW_AFTER). Read at every
   * pass, so without what the driver has already: see ClaimedTask.
   */
  claimProcessing(args: { owner: string; now: number; leaseUntil: number; limit: number }): Promise<ClaimedTask[]>;
  /** The params of tasks `ids` (those that exist): for a claimed task whose params its process does not have. */
  paramsOf(ids: readonly string[]): Promise<Map<string, TaskRecord["params"]>>;
  /**
   * Extends `owner`'s leases on running tasks `ids` to `leaseUntil` (those it still holds): the
   * driver keeps the tasks of a pass held while their vendor calls take longer than a lease.
   * Returns how many were extended.
   */
  renewLeases(args: { owner: string; ids: readonly string[]; leaseUntil: number }): Promise<number>;
  setProgress(args: { id: string; owner: string; progress: number; now: number }): Promise<TaskRecord | null>;
  /** Stores the vendor's handle on the running attempt (only while this process holds the lease). */
  setUpstream(args: { id: string; owner: string; attempt: number; ref: string; now: number }): Promise<TaskRecord | null>;
  /** PROCESSING → FINISHED with its result paths, freeing the account. */
  finish(args: { id: string; owner: string; now: number; result: readonly string[]; glb: readonly string[]; vendorCost?: unknown }): Promise<TaskRecord | null>;
  /**
   * PROCESSING → FAILED, freeing the account and refunding (unless already refunded); `refundedNow`:
   * this statement gave the charge back (false when the refund deadline's had, even one committed
   * after the caller read the task).
   */
  fail(args: { id: string; owner: string; now: number; error: string }): Promise<(TaskRecord & { readonly refundedNow: boolean }) | null>;
  /** PROCESSING → QUEUED for another attempt, freeing the account, held by `owner` until `holdUntil`. */
  requeue(args: { id: string; owner: string; now: number; holdUntil: number }): Promise<TaskRecord | null>;
  /**
   * Gives an unfinished task's cost back to the day it was charged to, at most once: the task
   * after it, or null when it was refunded already or has ended meanwhile (a FAILED task was
   * refunded as it failed; a FINISHED one keeps its charge).
   */
  refund(id: string, now: number): Promise<TaskRecord | null>;
  /** Fails (and refunds) every unfinished task past its hard deadline; each row once; `refundedNow` as for `fail`. */
  expireHardDeadlines(now: number, error: string): Promise<(TaskRecord & { readonly refundedNow: boolean })[]>;
  /** Unfinished tasks past their refund deadline and not yet refunded. */
  dueRefunds(now: number): Promise<string[]>;
  /**
   * Unfinished tasks whose concurrency slot freed itself in (since, until], earliest first, at
   * most SLOTS_PER_SWEEP of them, each with the instant it freed (`at`).
   */
  slotsExpiredBetween(since: number, until: number): Promise<{ id: string; keyId: string; at: number }[]>;
  /**
   * Every transition above, `accept` included, marks its row as having an event to publish, in
   * its own statement. This clears the mark of each given state once its event is out, unless
   * the row has moved on to a later state since (that state's event is still to come).
   */
  markPublished(states: readonly TaskState[]): Promise<void>;
  /**
   * Up to `limit` rows still marked whose last transition is at or before `before`, oldest first
   * (by `updatedAt`, then id); with `after`, only the rows past it in that order (the next page).
   * Read to be published: a row's params are left out as its event leaves them (liveTask; the
   * adapter may leave out a little more), so the relay never holds large params.
   */
  unpublished(before: number, limit: number, after?: UpdatedCursor): Promise<LiveTask[]>;
  /**
   * Up to `limit` rows whose event mark was cleared from `since` (wall-clock ms; markPublished
   * dates a clearing by the database's clock) until the first page's read (the database's instant
   * then, kept in the cursor), in the order they were cleared, each with its place in that order;
   * with `after`, the rows past it (the next page). A row cleared again later moves on in the
   * order: a reader paging through meets it again, never loses it. Params left out as by `unpublished`.
   */
  publishedSince(since: number, limit: number, after?: PublishedCursor): Promise<{ task: LiveTask; cursor: PublishedCursor }[]>;
  /** Gives up this process's claims (graceful stop), so another process resumes its tasks at once. */
  releaseClaims(owner: string): Promise<number>;
  /** How many tasks wait (QUEUED) and run (PROCESSING) now, for operations (/metrics). */
  liveCounts(): Promise<{ queued: number; processing: number }>;
}

/**
 * A running task as a claim reads it at each pass: never its request as sent (the driver has no
 * use for it), and its params (which never change) only when the task was not `owner`'s before
 * this claim; otherwise undefined: the driver keeps them from the claim that brought the task, or
 * from a start (TaskRepo.startQueued), and reads them with `paramsOf` when it has not. A pass
 * reads every running task, and a task's params may be up to 512 KiB (kernel/bounds.ts): what a
 * pass reads must not grow with what one client sent.
 */
export type ClaimedTask = Omit<TaskRecord, "requestParams" | "params"> & { readonly params: TaskRecord["params"] | undefined };
