import { isFinal, type TaskRecord } from "../domain/task.ts";
import { carriesParams, isNewerState, type TaskEvent } from "../domain/task-events.ts";
import type { Logger } from "pino";
import type { Micros } from "../kernel/money.ts";
import type { Clock } from "../kernel/clock.ts";
import { utcDay } from "../kernel/utc-day.ts";
import type { AccountService, ActiveSlot, Dashboard } from "./account.ts";
import type { GatewayPubSub, KeyStateEvent } from "./events.ts";
import type { ApiKeyRecord } from "./keys.ts";
import type { ModelSpend } from "./ports/task-repo.ts";

/** Recent tasks a dashboard lists (as AccountService.dashboard reads them). */
const RECENT = 20;
const DAY = 86_400_000;
/** How long after midnight a feed reads the new day at the soonest: a read at midnight itself could still be the day before's by a clock a little behind. */
const MIDNIGHT_MARGIN_MS = 1_000;
/** Over how long after it the feeds read the new day, each key at an instant of its own. */
const MIDNIGHT_SPREAD_MS = 30_000;
/**
 * After a read fails, a feed that has delivered a dashboard keeps its subscribers and reads again
 * after each of these waits, each lengthened by up to half by key (31–47 s in all: a database
 * restart or a pool timeout, not an outage);
 * when the last one fails too, its subscribers end with the error. A feed whose first read fails
 * ends at once: its subscribers have nothing to keep.
 */
export const DASHBOARD_READ_RETRIES_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 16_000];
/**
 * A read not answered within this long counts as failed (and is retried as one): a connection
 * that hangs must not leave a feed waiting, its subscribers with nothing, for ever. Its answer, if
 * it comes later, is not used.
 */
export const DASHBOARD_READ_TIMEOUT_MS = 10_000;
/** A key's own number (the same at every midnight), spreading the feeds' reads. */
const spreadOf = (keyId: string): number => {
  let h = 0;
  for (let i = 0; i < keyId.length; i++) h = (Math.imul(h, 31) + keyId.charCodeAt(i)) >>> 0;
  return h;
};

const byNewest = (a: TaskRecord, b: TaskRecord) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const byLatestFinished = (a: TaskRecord, b: TaskRecord) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * A key's dashboard kept current by its task events, from one read: a transition of a task the
 * dashboard knows (in flight or among the recent ones) is applied to it, without a query.
 * Only what events cannot tell needs a new read (`apply` answers "reload"): a task it does not
 * know (a new one, whose charge the read may or may not have counted), a refund of today's charge
 * (likewise), a slot that expired by itself, a new UTC day. Pure: no I/O, no clock (times are parameters).
 */
export class DashboardModel {
  private active: TaskRecord[];
  private recent: TaskRecord[];
  /** Today's spending and budget as read: events never change them (a refund of today's charge is read again). */
  private readonly spending: readonly ModelSpend[];
  private slots: ActiveSlot[];
  private readonly used: Micros;
  private dailyLimit: Micros;
  private readonly resetsAt: number;
  private readonly maxConcurrent: number;
  /** The UTC day the budget and spending are of. */
  readonly day: string;

  constructor(
    read: Dashboard,
    /** When the read was made (its day is the budget's). */
    readAt: number,
    /** How long a slot lives at most (LimitPolicy.slotTtlMs). */
    private readonly slotTtlMs: number,
  ) {
    // A task is in one list or the other (AccountService.dashboard).
    this.active = [...read.activeTasks];
    this.recent = [...read.recentTasks];
    this.spending = read.todaySpending;
    this.slots = [...read.concurrency.activeSlots];
    this.used = read.budget.used;
    this.dailyLimit = read.budget.dailyLimit;
    this.resetsAt = read.budget.resetsAt;
    this.maxConcurrent = read.concurrency.max;
    this.day = utcDay(new Date(readAt));
  }

  /**
   * Applies one transition: "changed" (the dashboard is new), "same" (the event told nothing
   * newer: a repeat or a late one) or "reload" (it concerns a task the dashboard does not know).
   */
  apply(event: TaskEvent): "changed" | "same" | "reload" {
    const inFlight = this.active.findIndex((t) => t.id === event.task.id);
    const inRecent = inFlight === -1 ? this.recent.findIndex((t) => t.id === event.task.id) : -1;
    const known = inFlight !== -1 ? this.active[inFlight]! : inRecent !== -1 ? this.recent[inRecent]! : undefined;
    if (!known) return "reload";
    // An event that left its task's params out (liveTask): they are the known task's (a task's
    // params never change), so the dashboard keeps whole tasks without a read.
    const task = carriesParams(event.task) ? event.task : Object.assign({}, event.task, { params: known.params, requestParams: known.requestParams });
    if (!isNewerState(task, known)) return "same";
    // A refund gives the charge back to the day it was made (the task's creation day). The read's
    // budget and its tasks are separate statements: a refund committed between them is in one
    // and not the other, so subtracting here could give it back twice, or never. A refund of
    // today's charge is read again instead (refunds are rare: failures and the 20-minute clock).
    if (task.refunded && !known.refunded && utcDay(new Date(task.createdAt)) === this.day) return "reload";
    if (inFlight !== -1) this.active.splice(inFlight, 1);
    else this.recent.splice(inRecent, 1);
    if (isFinal(task)) {
      // The driver frees the slot before it publishes the final state.
      this.slots = this.slots.filter((slot) => slot.taskId !== task.id);
      this.recent.push(task);
      this.recent.sort(byLatestFinished);
      if (this.recent.length > RECENT) this.recent.length = RECENT;
    } else {
      this.active.push(task);
      this.active.sort(byNewest);
    }
    return "changed";
  }

  /** The key's limit changed. */
  setDailyLimit(dailyLimit: Micros): void {
    this.dailyLimit = dailyLimit;
  }

  /** The dashboard at `now` (slots past their lifetime are gone, as the limiter would say). */
  at(now: number): Dashboard {
    const slots = this.slots.filter((slot) => slot.takenAt + this.slotTtlMs > now);
    const activeSlots = slots.map((slot) => ({ taskId: slot.taskId, model: slot.model, takenAt: slot.takenAt, elapsed: Math.max(0, Math.floor((now - slot.takenAt) / 1000)) }));
    return {
      budget: { dailyLimit: this.dailyLimit, used: this.used, remaining: Math.max(0, this.dailyLimit - this.used), resetsAt: this.resetsAt },
      concurrency: { used: activeSlots.length, max: this.maxConcurrent, available: Math.max(0, this.maxConcurrent - activeSlots.length), activeSlots },
      activeTasks: [...this.active],
      recentTasks: [...this.recent],
      todaySpending: this.spending.map((s) => Object.assign({}, s)),
    };
  }
}

/** A key change as the `keyChanged` channel carries it. */
interface KeyChange {
  readonly keyId: string;
  readonly revoked?: boolean;
  readonly dailyLimit?: Micros;
}

export interface DashboardFeeds {
  /**
   * The key's dashboard now, then after every change. One feed per key and process, shared by
   * all its subscribers: they get the same Dashboard objects. A subscriber that reads slowly
   * gets the latest dashboard, not every one in between.
   */
  subscribe(key: ApiKeyRecord): AsyncIterableIterator<Dashboard>;
  /** Applies each limit change the feed tells, until it ends. */
  follow(changes: AsyncIterable<KeyChange>): void;
  /** Keys with a feed open (for tests and metrics). */
  open(): number;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** One subscriber: the newest dashboard it has not had yet, or the error that ended the feed. */
class LatestDashboard implements AsyncIterableIterator<Dashboard> {
  private pending: Dashboard | undefined;
  private failure: { error: unknown } | undefined;
  private waiting: ((result: Promise<IteratorResult<Dashboard>>) => void) | undefined;
  private done = false;

  constructor(private readonly leave: (subscriber: LatestDashboard) => void) {}

  offer(dashboard: Dashboard): void {
    if (this.done) return;
    if (this.waiting) this.settle(Promise.resolve({ done: false, value: dashboard }));
    else this.pending = dashboard;
  }

  fail(error: unknown): void {
    if (this.done) return;
    this.done = true;
    this.leave(this);
    if (this.waiting) this.settle(Promise.reject(error));
    else this.failure = { error };
  }

  private settle(result: Promise<IteratorResult<Dashboard>>): void {
    const waiting = this.waiting!;
    this.waiting = undefined;
    waiting(result);
  }

  next(): Promise<IteratorResult<Dashboard>> {
    const pending = this.pending;
    if (pending) {
      this.pending = undefined;
      return Promise.resolve({ done: false, value: pending });
    }
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.done) return Promise.resolve(DONE);
    return new Promise<IteratorResult<Dashboard>>((resolve) => (this.waiting = resolve));
  }

  async return(): Promise<IteratorResult<Dashboard>> {
    if (!this.done) {
      this.done = true;
      this.pending = undefined;
      this.leave(this);
      if (this.waiting) this.settle(Promise.resolve(DONE));
    }
    return DONE;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

export interface DashboardFeedDeps {
  readonly account: AccountService;
  readonly pubsub: GatewayPubSub;
  readonly clock: Clock;
  readonly slotTtlMs: number;
  /** Over how long after UTC midnight the open feeds read the new day (default MIDNIGHT_SPREAD_MS). */
  readonly midnightSpreadMs?: number;
  /** The waits before reading again after a failed read (default DASHBOARD_READ_RETRIES_MS), each lengthened by up to half for each key by a share of its own. */
  readonly readRetriesMs?: readonly number[];
  /** How long a read may take before it counts as failed (default DASHBOARD_READ_TIMEOUT_MS). */
  readonly readTimeoutMs?: number;
  /** Where a failed read is told (it is retried, or ends the feed). */
  readonly logger?: Pick<Logger, "warn">;
}

/** A key's feed: its events, its model, its subscribers. */
class KeyFeed {
  readonly subscribers = new Set<LatestDashboard>();
  private model: DashboardModel | undefined;
  private latest: Dashboard | undefined;
  /** A read in flight; `again`: another is due when it ends (something it may not have seen happened). */
  private reading = false;
  private again = false;
  /** Events that came while a read was in flight: applied to what it read. */
  private buffered: TaskEvent[] = [];
  private readonly tasks: AsyncIterableIterator<TaskEvent>;
  private readonly state: AsyncIterableIterator<KeyStateEvent>;
  private closed = false;
  private midnight: NodeJS.Timeout | undefined;
  /** After a failed read: the read again to come (every other read waits for it), and the failures in a row. */
  private retry: NodeJS.Timeout | undefined;
  private failedReads = 0;
  /** The read in flight's number: a read that timed out (or another's answer) is not used. */
  private readNumber = 0;
  /**
   * A read that timed out is still running (its statements queued or under way): no other read
   * starts before it settles, so that a slow database is not sent a read per timeout.
   */
  private abandoned = false;

  constructor(
    private key: ApiKeyRecord,
    private readonly deps: DashboardFeedDeps,
    private readonly onClosed: (feed: KeyFeed) => void,
  ) {
    // Listen before reading, so nothing between the read and the first event is missed.
    this.tasks = deps.pubsub.subscribe("keyTasks", key.id);
    this.state = deps.pubsub.subscribe("keyState", key.id);
    void this.consume(this.tasks, (event) => this.onTaskEvent(event));
    void this.consume(this.state, () => this.reload());
    this.reload();
  }

  private async consume<T>(events: AsyncIterableIterator<T>, handle: (event: T) => void): Promise<void> {
    try {
      for await (const event of events) handle(event);
    } catch (error) {
      this.fail(error);
    }
  }

  join(subscriber: LatestDashboard): void {
    this.subscribers.add(subscriber);
    // A dashboard of an earlier UTC day is no one's first: the feed reads today's, for all.
    if (this.model && this.model.day !== this.today()) this.reload();
    else if (this.latest) subscriber.offer(this.latest);
  }

  private today(): string {
    return utcDay(new Date(this.deps.clock.now()));
  }

  /**
   * Reads again just after the next UTC midnight: a new day resets the budget and the day's
   * spending whether or not an event comes. A timer of the process (the clock says when), unref'd
   * and cleared with the feed; each key at its own instant within `midnightSpreadMs` after it, so
   * that every open feed does not read the database in the same second.
   */
  private untilTomorrow(): void {
    clearTimeout(this.midnight);
    const tomorrow = Date.parse(`${this.model!.day}T00:00:00Z`) + DAY;
    const spread = this.deps.midnightSpreadMs ?? MIDNIGHT_SPREAD_MS;
    const offset = spread > 0 ? spreadOf(this.key.id) % spread : 0;
    this.midnight = setTimeout(() => this.reload(), Math.max(0, tomorrow - this.deps.clock.now()) + MIDNIGHT_MARGIN_MS + offset);
    this.midnight.unref();
  }

  leave(subscriber: LatestDashboard): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.close();
  }

  setDailyLimit(dailyLimit: Micros): void {
    this.key = Object.assign({}, this.key, { dailyLimit });
    if (!this.model) return;
    this.model.setDailyLimit(dailyLimit);
    this.publish();
  }

  private onTaskEvent(event: TaskEvent): void {
    if (this.reading || !this.model) {
      this.buffered.push(event);
      return;
    }
    if (this.model.day !== this.today()) return this.reload();
    const outcome = this.model.apply(event);
    if (outcome === "reload") this.reload();
    else if (outcome === "changed") this.publish();
  }

  /**
   * Reads the dashboard: at most one read in flight per key; a read asked for meanwhile runs once
   * after it. After a failed read, none runs before its retry (the retry reads everything anyway).
   */
  private reload(): void {
    if (this.closed || this.retry) return;
    if (this.reading || this.abandoned) {
      this.again = true;
      return;
    }
    this.reading = true;
    this.again = false;
    this.buffered = [];
    const readAt = this.deps.clock.now();
    const number = ++this.readNumber;
    const timeout = setTimeout(() => {
      if (number !== this.readNumber || !this.reading) return;
      this.readNumber++;
      this.reading = false;
      this.abandoned = true;
      // ETIMEDOUT: a backing service too slow to answer, as a socket's timeout says (http/unavailable.ts).
      this.readFailed(Object.assign(new Error(`reading the dashboard took more than ${this.deps.readTimeoutMs ?? DASHBOARD_READ_TIMEOUT_MS} ms`), { code: "ETIMEDOUT" }));
    }, this.deps.readTimeoutMs ?? DASHBOARD_READ_TIMEOUT_MS);
    timeout.unref();
    /** An abandoned read has settled: a read asked for meanwhile (its retry) may run now. */
    const settledLate = () => {
      this.abandoned = false;
      if (this.again) this.reload();
    };
    this.deps.account.dashboard(this.key).then(
      (read) => {
        clearTimeout(timeout);
        if (number !== this.readNumber) return settledLate();
        this.reading = false;
        this.failedReads = 0;
        if (this.closed) return;
        const model = new DashboardModel(read, readAt, this.deps.slotTtlMs);
        // The limit as the feed last heard it: a change told during the read is newer than the read's.
        model.setDailyLimit(this.key.dailyLimit);
        this.model = model;
        this.untilTomorrow();
        // What came during the read: a task the read knows is applied (or found already
        // there); one it does not know needs another read, as does a change it may have missed.
        const buffered = this.buffered;
        this.buffered = [];
        for (const event of buffered) if (model.apply(event) === "reload") this.again = true;
        if (this.again) this.reload();
        else this.publish();
      },
      (error: unknown) => {
        clearTimeout(timeout);
        if (number !== this.readNumber) return settledLate();
        this.reading = false;
        this.readFailed(error);
      },
    );
  }

  /**
   * A failed read (DASHBOARD_READ_RETRIES_MS): the subscribers keep the last dashboard, and the
   * events that come still change it, while the feed waits to read again.
   */
  private readFailed(error: unknown): void {
    // What came during the failed read still moves the tasks the dashboard knows.
    const buffered = this.buffered;
    this.buffered = [];
    if (this.closed) return;
    const model = this.model;
    if (model) {
      let changed = false;
      for (const event of buffered) if (model.apply(event) === "changed") changed = true;
      if (changed) this.publish();
    }
    const waits = this.deps.readRetriesMs ?? DASHBOARD_READ_RETRIES_MS;
    const base = model ? waits[this.failedReads] : undefined;
    this.failedReads++;
    // Lengthened by a share of the key's own, so that the feeds a database outage failed together
    // do not all read again at the same instant when it is back.
    const wait = base === undefined ? undefined : base + (spreadOf(this.key.id) % Math.max(1, Math.floor(base / 2)));
    if (wait === undefined) {
      this.deps.logger?.warn({ err: error, keyId: this.key.id, failedReads: this.failedReads }, "reading a live dashboard failed: its subscribers end");
      return this.fail(error);
    }
    this.deps.logger?.warn({ err: error, keyId: this.key.id, failedReads: this.failedReads, retryInMs: wait }, "reading a live dashboard failed: read again shortly");
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.reload();
    }, wait);
    this.retry.unref();
  }

  private publish(): void {
    if (!this.model || this.closed) return;
    const dashboard = this.model.at(this.deps.clock.now());
    this.latest = dashboard;
    for (const subscriber of this.subscribers) subscriber.offer(dashboard);
  }

  /** The feed cannot go on (its first read, a read and its retries, or the pub/sub failed): its subscribers end with the error; the next subscriber starts afresh. */
  private fail(error: unknown): void {
    if (this.closed) return;
    for (const subscriber of [...this.subscribers]) subscriber.fail(error);
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.midnight);
    clearTimeout(this.retry);
    this.onClosed(this);
    void this.tasks.return?.();
    void this.state.return?.();
  }
}

/**
 * Live dashboards (`meUpdated`) derived from the key's events: one feed per key and process,
 * whatever the number of its subscribers; a read only where events cannot tell
 * (DashboardModel), never per progress step; and at most one read in flight per key.
 */
export function createDashboardFeeds(deps: DashboardFeedDeps): DashboardFeeds {
  const feeds = new Map<string, KeyFeed>();
  return {
    subscribe(key) {
      let feed = feeds.get(key.id);
      if (!feed) {
        const created = new KeyFeed(key, deps, (closed) => {
          if (feeds.get(key.id) === closed) feeds.delete(key.id);
        });
        feeds.set(key.id, created);
        feed = created;
      }
      const joined = feed;
      const subscriber = new LatestDashboard((left) => joined.leave(left));
      joined.join(subscriber);
      return subscriber;
    },
    follow(changes) {
      void (async () => {
        for await (const change of changes) if (change.revoked !== true && change.dailyLimit !== undefined) feeds.get(change.keyId)?.setDailyLimit(change.dailyLimit);
      })().catch(() => undefined);
    },
    open: () => feeds.size,
  };
}
