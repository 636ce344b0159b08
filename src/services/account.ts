import type { Micros } from "../kernel/money.ts";
import type { Clock } from "../kernel/clock.ts";
import { utcDay } from "../kernel/utc-day.ts";
import type { TaskRecord } from "../domain/task.ts";
import type { ApiKeyRecord } from "./keys.ts";
import type { AccountPool } from "./ports/account-pool.ts";
import type { LimitPolicy, Limiter } from "./ports/limiter.ts";
import type { ModelSpend, TaskRepo } from "./ports/task-repo.ts";

export interface BudgetStatus {
  readonly dailyLimit: Micros;
  readonly used: Micros;
  readonly remaining: Micros;
  /** When the day's budget resets (next midnight UTC), epoch ms. */
  readonly resetsAt: number;
}

/** Pool health as /credits reports it. */
export interface PoolStatus {
  readonly totalAccounts: number;
  readonly locked: number;
  /** The same per vendor, when the accounts are at vendors. */
  readonly vendors?: readonly { readonly vendor: string; readonly totalAccounts: number; readonly locked: number }[];
}

export interface Credits {
  readonly budget: BudgetStatus;
  readonly pool: PoolStatus;
}

export interface ActiveSlot {
  readonly taskId: string;
  readonly model: string | null;
  readonly takenAt: number;
  /** Seconds since the slot was taken. */
  readonly elapsed: number;
}

export interface Dashboard {
  readonly budget: BudgetStatus;
  readonly concurrency: { readonly used: number; readonly max: number; readonly available: number; readonly activeSlots: readonly ActiveSlot[] };
  /** PROCESSING or QUEUED, newest first. */
  readonly activeTasks: readonly TaskRecord[];
  /** The last 20 FINISHED or FAILED. */
  readonly recentTasks: readonly TaskRecord[];
  /** Today's (UTC) accepted requests and net cost (refunds deducted) per model. */
  readonly todaySpending: readonly ModelSpend[];
}

/** A key's account: its budget today, the pool's health, and the personal dashboard. Both faces answer from here. */
export interface AccountService {
  budget(key: ApiKeyRecord): Promise<BudgetStatus>;
  credits(key: ApiKeyRecord): Promise<Credits>;
  dashboard(key: ApiKeyRecord): Promise<Dashboard>;
}

const RECENT = 20;

/** Budgets reset at midnight UTC (03:00 Turkey time). */
const nextUtcMidnight = (now: number): number => {
  const midnight = new Date(now);
  midnight.setUTCHours(24, 0, 0, 0);
  return midnight.getTime();
};

export function createAccountService(deps: {
  tasks: TaskRepo;
  pool: AccountPool;
  poolSize: number;
  /** Where each vendor's accounts sit in the pool (ids first..first+count−1). */
  vendorRanges?: readonly { readonly vendor: string; readonly first: number; readonly count: number }[];
  limiter: Limiter;
  limits: LimitPolicy;
  clock: Clock;
}): AccountService {
  const { tasks, limiter, limits, clock } = deps;

  const budgetAt = async (key: ApiKeyRecord, now: number): Promise<BudgetStatus> => {
    const used = await tasks.usedOn(key.id, utcDay(new Date(now)));
    return { dailyLimit: key.dailyLimit, used, remaining: Math.max(0, key.dailyLimit - used), resetsAt: nextUtcMidnight(now) };
  };
  const pool = async (): Promise<PoolStatus> => {
    const now = clock.now();
    const locked = await deps.pool.lockedCount(deps.poolSize, now);
    if (!deps.vendorRanges?.length) return { totalAccounts: deps.poolSize, locked };
    // Locked accounts of a range: those up to its last id less those before its first.
    const vendors = await Promise.all(
      deps.vendorRanges.map(async (r) => ({
        vendor: r.vendor,
        totalAccounts: r.count,
        locked: (await deps.pool.lockedCount(r.first + r.count - 1, now)) - (await deps.pool.lockedCount(r.first - 1, now)),
      })),
    );
    return { totalAccounts: deps.poolSize, locked, vendors };
  };

  return {
    budget: (key) => budgetAt(key, clock.now()),
    async credits(key) {
      const [budget, poolStatus] = await Promise.all([budgetAt(key, clock.now()), pool()]);
      return { budget, pool: poolStatus };
    },
    async dashboard(key) {
      const now = clock.now();
      const [budget, snapshot, inFlight, recentTasks, todaySpending] = await Promise.all([
        budgetAt(key, now),
        limiter.snapshot(key.id, limits),
        tasks.active(key.id),
        tasks.recent(key.id, RECENT),
        tasks.spendByModel(key.id, utcDay(new Date(now))),
      ]);
      // Two statements: a task that ended between them is in both, and its final state (in the
      // recent ones) is the newer.
      const ended = new Set(recentTasks.map((task) => task.id));
      const activeTasks = inFlight.filter((task) => !ended.has(task.id));
      const models = new Map(activeTasks.map((task) => [task.id, task.model]));
      const missing = snapshot.slots.map((s) => s.slotId).filter((id) => !models.has(id));
      if (missing.length) for (const [id, model] of await tasks.modelsOf(missing)) models.set(id, model);
      const activeSlots = snapshot.slots.map((slot) => ({
        taskId: slot.slotId,
        model: models.get(slot.slotId) ?? null,
        takenAt: slot.takenAt,
        elapsed: Math.max(0, Math.floor((now - slot.takenAt) / 1000)),
      }));
      return {
        budget,
        concurrency: { used: activeSlots.length, max: limits.maxConcurrent, available: Math.max(0, limits.maxConcurrent - activeSlots.length), activeSlots },
        activeTasks,
        recentTasks,
        todaySpending,
      };
    },
  };
}
