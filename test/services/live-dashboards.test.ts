// The dashboard model meUpdated keeps (src/services/live-dashboards.ts): transitions of tasks it
// knows applied without a read, everything else a "reload"; and a key's feed across a UTC
// midnight no event marks. The whole feed against a fresh read is in
// test/services/live-dashboards-gateway.test.ts.
import type { Logger } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TaskRecord } from "../../src/domain/task.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { utcDay } from "../../src/kernel/utc-day.ts";
import type { AccountService, Dashboard } from "../../src/services/account.ts";
import type { GatewayPubSub } from "../../src/services/events.ts";
import type { ApiKeyRecord } from "../../src/services/keys.ts";
import { isServiceUnavailable } from "../../src/http/unavailable.ts";
import { createDashboardFeeds, DASHBOARD_READ_TIMEOUT_MS, DashboardModel } from "../../src/services/live-dashboards.ts";

const DAY = Date.UTC(2030, 0, 1, 12);
const TTL = 600_000;

const task = (id: string, more: Partial<TaskRecord> = {}): TaskRecord =>
  Object.assign(
    {
      id, keyId: "k1", model: "gpt-image-2", output: "image", status: "QUEUED", requestParams: {}, params: {}, adjustments: [], cost: 40_000,
      refunded: false, result: [], glbUrls: [], error: null, progress: 0, account: null, attempts: 0, createdAt: DAY, updatedAt: DAY,
      startedAt: null, finishedAt: null, slotReleaseAt: DAY + TTL, refundAt: DAY + 2 * TTL, hardDeadlineAt: DAY + 4 * TTL,
    } satisfies TaskRecord,
    more,
  ) as TaskRecord;

const running = (t: TaskRecord, progress: number) => Object.assign({}, t, { status: "PROCESSING", attempts: 1, progress }) as TaskRecord;
const finished = (t: TaskRecord, at: number, more: Partial<TaskRecord> = {}) =>
  Object.assign({}, t, { status: "FINISHED", attempts: 1, progress: 1, finishedAt: at }, more) as TaskRecord;

/** A read with `active` in flight (each holding its slot) and `recent` finished. */
function read(active: TaskRecord[], recent: TaskRecord[] = [], used = 0): Dashboard {
  const spend = new Map<string, { model: string; requests: number; cost: number }>();
  for (const t of [...active, ...recent]) {
    const s = spend.get(t.model) ?? { model: t.model, requests: 0, cost: 0 };
    s.requests++;
    s.cost += t.refunded ? 0 : t.cost;
    spend.set(t.model, s);
  }
  return {
    budget: { dailyLimit: 1_000_000, used, remaining: 1_000_000 - used, resetsAt: DAY + 43_200_000 },
    concurrency: {
      used: active.length, max: 5, available: 5 - active.length,
      activeSlots: active.map((t) => ({ taskId: t.id, model: t.model, takenAt: t.createdAt, elapsed: 0 })),
    },
    activeTasks: active,
    recentTasks: recent,
    todaySpending: [...spend.values()],
  };
}

describe("DashboardModel", () => {
  it("applies progress of a task in flight without a read, and takes a repeated or late state as no change", () => {
    const a = task("a");
    const model = new DashboardModel(read([a], [], a.cost), DAY, TTL);
    expect(model.apply({ type: "PROCESSING", task: running(a, 0) })).toBe("changed");
    expect(model.apply({ type: "PROGRESS", task: running(a, 0.5) })).toBe("changed");
    expect(model.apply({ type: "PROGRESS", task: running(a, 0.5) })).toBe("same");
    expect(model.apply({ type: "QUEUED", task: a })).toBe("same");
    expect(model.at(DAY + 1_000).activeTasks).toEqual([running(a, 0.5)]);
  });

  it("moves a finished task to the recent ones, newest first, frees its slot and keeps at most 20", () => {
    const old = Array.from({ length: 20 }, (_, i) => finished(task(`old${i}`, { createdAt: DAY - 100_000 }), DAY - 50_000 + i));
    const [a, b] = [task("a"), task("b", { createdAt: DAY + 1 })];
    const model = new DashboardModel(read([b, a], old, 2 * a.cost), DAY, TTL);
    expect(model.apply({ type: "FINISHED", task: finished(a, DAY + 10) })).toBe("changed");
    const after = model.at(DAY + 20);
    expect(after.activeTasks.map((t) => t.id)).toEqual(["b"]);
    expect(after.recentTasks).toHaveLength(20);
    expect(after.recentTasks[0]!.id).toBe("a");
    expect(after.recentTasks.map((t) => t.id)).not.toContain("old0");
    expect(after.concurrency).toMatchObject({ used: 1, available: 4, activeSlots: [{ taskId: "b" }] });
    expect(after.budget.used).toBe(2 * a.cost);
  });

  it("reads the budget again for a refund of today's charge (the first read may or may not count it), and changes none for another day's", () => {
    const a = task("a");
    const yesterday = finished(task("y", { createdAt: DAY - 86_400_000 }), DAY - 1_000);
    const model = new DashboardModel(read([a], [yesterday], a.cost), DAY, TTL);
    const failed = Object.assign({}, a, { status: "FAILED", attempts: 1, finishedAt: DAY + 5, refunded: true }) as TaskRecord;
    expect(model.apply({ type: "FAILED", task: failed })).toBe("reload");
    expect(model.apply({ type: "REFUNDED", task: Object.assign({}, yesterday, { refunded: true }) })).toBe("changed");
    const after = model.at(DAY + 10);
    expect(after.budget).toMatchObject({ used: a.cost });
    expect(after.todaySpending).toEqual([{ model: "gpt-image-2", requests: 2, cost: a.cost + yesterday.cost }]);
  });

  it("answers reload for a task it does not know: its charge may or may not be in the read", () => {
    const model = new DashboardModel(read([]), DAY, TTL);
    expect(model.apply({ type: "QUEUED", task: task("new") })).toBe("reload");
    expect(model.apply({ type: "FINISHED", task: finished(task("gone"), DAY) })).toBe("reload");
  });

  it("applies an event that left its task's params out with the params of the task it knows (they never change), and reads again for a task it does not know", () => {
    const a = task("a", { params: { prompt: "a cat" }, requestParams: { prompt: "a cat" } });
    const model = new DashboardModel(read([a], [], a.cost), DAY, TTL);
    const withoutParams = ({ params: _params, requestParams: _requestParams, ...rest }: TaskRecord) => rest;
    expect(model.apply({ type: "PROCESSING", task: withoutParams(running(a, 0)) })).toBe("changed");
    expect(model.at(DAY + 1_000).activeTasks).toEqual([running(a, 0)]);
    expect(model.apply({ type: "QUEUED", task: withoutParams(task("new")) })).toBe("reload");
  });

  it("drops a slot past its lifetime and applies a new daily limit", () => {
    const a = task("a");
    const model = new DashboardModel(read([a], [], a.cost), DAY, TTL);
    model.setDailyLimit(30_000);
    expect(model.at(DAY + TTL - 1).concurrency.used).toBe(1);
    const later = model.at(DAY + TTL);
    expect(later.concurrency).toMatchObject({ used: 0, available: 5, activeSlots: [] });
    expect(later.budget).toMatchObject({ dailyLimit: 30_000, used: a.cost, remaining: 0 });
  });
});

describe("a key's feed across a UTC midnight with no event", () => {
  const LIMIT = 100_000_000;
  /** An account service that reads as the real one does (today's usage by the clock), a key that spent its whole limit on 1 January, and a pub/sub on which nothing comes. */
  function feedsAt(start: number) {
    const clock = manualClock(start);
    let reads = 0;
    const account = {
      dashboard: async () => {
        reads++;
        const used = utcDay(new Date(clock.now())) === "2030-01-01" ? LIMIT : 0;
        return { budget: { dailyLimit: LIMIT, used, remaining: LIMIT - used, resetsAt: 0 }, concurrency: { used: 0, max: 5, available: 5, activeSlots: [] }, activeTasks: [], recentTasks: [], todaySpending: [] } satisfies Dashboard;
      },
    } as unknown as AccountService;
    const silent = () => ({ next: () => new Promise<never>(() => undefined), return: async () => ({ done: true as const, value: undefined }), [Symbol.asyncIterator]() { return this; } });
    const pubsub = { subscribe: silent, publish: async () => undefined } as unknown as GatewayPubSub;
    const feeds = createDashboardFeeds({ account, pubsub, clock, slotTtlMs: TTL, midnightSpreadMs: 0 });
    return { feeds, clock, reads: () => reads, key: { id: "k1", dailyLimit: LIMIT } as ApiKeyRecord };
  }

  it("gives a subscriber joining after midnight today's budget, not the day before's its feed holds", async () => {
    const { feeds, clock, key } = feedsAt(Date.UTC(2030, 0, 1, 23, 50));
    const first = feeds.subscribe(key);
    expect((await first.next()).value.budget.remaining).toBe(0);
    clock.set(Date.UTC(2030, 0, 2, 0, 5));
    const second = feeds.subscribe(key);
    expect((await second.next()).value.budget).toMatchObject({ used: 0, remaining: LIMIT });
    // The open one is told the new day too.
    expect((await first.next()).value.budget.remaining).toBe(LIMIT);
    await first.return?.();
    await second.return?.();
  });

  it("reads an open dashboard again just after midnight, no event needed", async () => {
    const { feeds, clock, key, reads } = feedsAt(Date.UTC(2030, 0, 1, 23, 59, 59, 800));
    const open = feeds.subscribe(key);
    expect((await open.next()).value.budget.remaining).toBe(0);
    // Midnight passes (the timer fires by the process's time, 0.2 s and a margin later).
    clock.set(Date.UTC(2030, 0, 2, 0, 0, 1));
    expect((await open.next()).value.budget.remaining).toBe(LIMIT);
    expect(reads()).toBe(2);
    await open.return?.();
  });
});

describe("a key's feed when a read fails", () => {
  afterEach(() => vi.useRealTimers());

  /**
   * A feed whose reads answer `outcomes` in turn (a dashboard, or an error thrown), and a pub/sub
   * whose keyTasks and keyState channels the test pushes events into.
   */
  function feedReading(outcomes: (Dashboard | Error | Promise<Dashboard>)[], readRetriesMs: readonly number[]) {
    const clock = manualClock(DAY);
    let reads = 0;
    const account = {
      dashboard: async () => {
        const outcome = outcomes[reads++];
        if (!outcome) throw new Error("no read left in this test");
        if (outcome instanceof Error) throw outcome;
        return outcome;
      },
    } as unknown as AccountService;
    const channels = new Map<string, (value: unknown) => void>();
    const channel = (name: string) => {
      const waiting: ((result: IteratorResult<unknown>) => void)[] = [];
      const queued: unknown[] = [];
      channels.set(name, (value) => (waiting.length > 0 ? waiting.shift()!({ done: false, value }) : queued.push(value)));
      return {
        next: () => (queued.length > 0 ? Promise.resolve({ done: false, value: queued.shift() }) : new Promise((resolve) => waiting.push(resolve))),
        return: async () => ({ done: true as const, value: undefined }),
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    };
    const pubsub = { subscribe: (name: string) => channel(name), publish: async () => undefined } as unknown as GatewayPubSub;
    const warnings: string[] = [];
    const logger = { warn: (...args: unknown[]) => void warnings.push(String(args[1])) } as unknown as Pick<Logger, "warn">;
    const feeds = createDashboardFeeds({ account, pubsub, clock, slotTtlMs: TTL, readRetriesMs, logger });
    return {
      feeds,
      reads: () => reads,
      warnings,
      /** A slot expired by itself, or another change only a read can tell: the feed reads again. */
      stateChanged: () => channels.get("keyState")!({ keyId: "k1", reason: "SLOT_RELEASED" }),
      taskEvent: (task: TaskRecord) => channels.get("keyTasks")!({ type: "PROGRESS", task }),
      key: { id: "k1", dailyLimit: 1_000_000 } as ApiKeyRecord,
    };
  }

  it("keeps its subscribers through a failed read and gives them the next read's dashboard", async () => {
    const a = task("a");
    const feed = feedReading([read([a]), new Error("connection reset"), read([], [finished(a, DAY + 5)], 40_000)], [0]);
    const open = feed.feeds.subscribe(feed.key);
    expect((await open.next()).value.activeTasks).toHaveLength(1);
    feed.stateChanged();
    const after = (await open.next()).value;
    expect(after.activeTasks).toHaveLength(0);
    expect(after.budget.used).toBe(40_000);
    expect(feed.reads()).toBe(3);
    expect(feed.feeds.open()).toBe(1);
    expect(feed.warnings).toEqual(["reading a live dashboard failed: read again shortly"]);
    await open.return?.();
  });

  it("reads nothing while a retry is due, applies the events that come meanwhile, then reads once", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const a = task("a");
    const feed = feedReading([read([a]), new Error("pool timeout"), read([running(a, 0.9)])], [1_000]);
    const open = feed.feeds.subscribe(feed.key);
    expect((await open.next()).value.activeTasks[0].progress).toBe(0);
    feed.stateChanged();
    await vi.advanceTimersByTimeAsync(0);
    expect(feed.reads()).toBe(2);
    // A new task (the model does not know it) and more slot changes: each would read, none does yet.
    feed.taskEvent(task("b"));
    feed.stateChanged();
    feed.stateChanged();
    // A task the dashboard knows still moves on it.
    feed.taskEvent(running(a, 0.5));
    expect((await open.next()).value.activeTasks[0].progress).toBe(0.5);
    expect(feed.reads()).toBe(2);
    // The retry comes 1 s later, and up to half as long again (by key).
    await vi.advanceTimersByTimeAsync(1_500);
    expect(feed.reads()).toBe(3);
    expect((await open.next()).value.activeTasks[0].progress).toBe(0.9);
    await open.return?.();
  });

  it("ends its subscribers with the error once the read and each retry have failed", async () => {
    const lost = new Error("database down");
    const feed = feedReading([read([]), lost, lost, lost], [0, 0]);
    const open = feed.feeds.subscribe(feed.key);
    await open.next();
    feed.stateChanged();
    await expect(open.next()).rejects.toBe(lost);
    expect(feed.reads()).toBe(4);
    expect(feed.feeds.open()).toBe(0);
    expect(feed.warnings.at(-1)).toBe("reading a live dashboard failed: its subscribers end");
  });

  it("counts the failures in a row only: a read that works gives the next failure every retry again", async () => {
    const feed = feedReading([read([]), new Error("1"), read([], [], 1), new Error("2"), read([], [], 2)], [0]);
    const open = feed.feeds.subscribe(feed.key);
    await open.next();
    feed.stateChanged();
    expect((await open.next()).value.budget.used).toBe(1);
    feed.stateChanged();
    expect((await open.next()).value.budget.used).toBe(2);
    expect(feed.reads()).toBe(5);
    await open.return?.();
  });

  it("applies the events that came during a read that failed to the dashboard its subscribers keep", async () => {
    const a = task("a");
    let fail!: (error: Error) => void;
    const failing = new Promise<Dashboard>((_, reject) => (fail = reject));
    const feed = feedReading([read([a]), failing], [60_000]);
    const open = feed.feeds.subscribe(feed.key);
    await open.next();
    feed.stateChanged();
    await vi.waitFor(() => expect(feed.reads()).toBe(2));
    feed.taskEvent(running(a, 0.5));
    fail(new Error("connection reset"));
    expect((await open.next()).value.activeTasks[0].progress).toBe(0.5);
    await open.return?.();
  });

  it("counts a read that hangs as failed after its timeout, and reads again once the hung read has settled (one read at a time)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let settle!: (dashboard: Dashboard) => void;
    const hung = new Promise<Dashboard>((resolve) => (settle = resolve));
    const feed = feedReading([read([]), hung, read([], [], 7)], [1_000]);
    const open = feed.feeds.subscribe(feed.key);
    await open.next();
    feed.stateChanged();
    await vi.advanceTimersByTimeAsync(DASHBOARD_READ_TIMEOUT_MS);
    expect(feed.warnings).toEqual(["reading a live dashboard failed: read again shortly"]);
    // The retry is due, but the hung read's statements still hold the database: no second read.
    await vi.advanceTimersByTimeAsync(1_500);
    expect(feed.reads()).toBe(2);
    settle(read([], [], 999));
    await vi.advanceTimersByTimeAsync(0);
    expect(feed.reads()).toBe(3);
    expect((await open.next()).value.budget.used).toBe(7);
    await open.return?.();
  });

  it("ends at once when its first read hangs past its timeout, with an error told as a backing service unavailable", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const feed = feedReading([new Promise<Dashboard>(() => undefined)], [1_000]);
    const open = feed.feeds.subscribe(feed.key);
    const ended = open.next().then(() => undefined, (error: unknown) => error);
    await vi.advanceTimersByTimeAsync(DASHBOARD_READ_TIMEOUT_MS);
    const error = await ended;
    expect(error).toMatchObject({ code: "ETIMEDOUT" });
    expect(isServiceUnavailable(error)).toBe(true);
  });

  it("shows a limit changed while a read was in flight, not the read's older one", async () => {
    let answer!: (dashboard: Dashboard) => void;
    const feed = feedReading([new Promise<Dashboard>((resolve) => (answer = resolve))], [0]);
    const open = feed.feeds.subscribe(feed.key);
    await vi.waitFor(() => expect(feed.reads()).toBe(1));
    feed.feeds.follow((async function* () {
      yield { keyId: "k1", dailyLimit: 2_000_000 };
    })());
    await new Promise<void>((resolve) => setImmediate(resolve));
    // The read was made with the key as it was: its limit is the old one.
    answer(read([]));
    expect((await open.next()).value.budget).toMatchObject({ dailyLimit: 2_000_000, remaining: 2_000_000 });
    await open.return?.();
  });

  it("ends at once when its first read fails: its subscribers have no dashboard to keep", async () => {
    const lost = new Error("database down");
    const feed = feedReading([lost], [0, 0]);
    const open = feed.feeds.subscribe(feed.key);
    await expect(open.next()).rejects.toBe(lost);
    expect(feed.reads()).toBe(1);
    expect(feed.feeds.open()).toBe(0);
  });
});
