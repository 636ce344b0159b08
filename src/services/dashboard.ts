import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Micros } from "../kernel/money.ts";
import type { LimitPolicy, Limiter } from "./ports/limiter.ts";
import { toTaskRecord, type TaskRecord } from "../adapters/postgres/task-store.ts";
import { utcDay } from "../adapters/postgres/usage-ledger.ts";
import { budgetStatus, type BudgetStatus } from "./budget.ts";
import type { Clock } from "../kernel/clock.ts";
import type { ApiKeyRecord } from "./keys.ts";

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
  readonly todaySpending: readonly { readonly model: string; readonly requests: number; readonly cost: Micros }[];
}

const RECENT = 20;

/** The personal dashboard: budget, slots, active and recent generations, today's spend by model. */
export async function dashboard(
  deps: { prisma: PrismaClient; clock: Clock; limiter: Limiter; limits: LimitPolicy },
  key: ApiKeyRecord,
): Promise<Dashboard> {
  const { prisma, clock, limiter, limits } = deps;
  const now = clock.now();
  const [budget, snapshot, active, recent, spending] = await Promise.all([
    budgetStatus(prisma, clock, key),
    limiter.snapshot(key.id, limits),
    prisma.task.findMany({ where: { keyId: key.id, status: { in: ["QUEUED", "PROCESSING"] } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    prisma.task.findMany({ where: { keyId: key.id, status: { in: ["FINISHED", "FAILED"] } }, orderBy: [{ finishedAt: "desc" }, { id: "desc" }], take: RECENT }),
    prisma.$queryRaw<{ model: string; requests: bigint; cost: bigint }[]>`
      SELECT model, count(*) AS requests, coalesce(sum(CASE WHEN refunded_at IS NULL THEN cost_micros ELSE 0 END), 0) AS cost
      FROM tasks WHERE key_id = ${key.id} AND charge_day = ${utcDay(new Date(now))}::date
      GROUP BY model ORDER BY model`,
  ]);
  const models = new Map<string, string>();
  for (const row of active) models.set(row.id, row.model);
  const missing = snapshot.slots.map((s) => s.slotId).filter((id) => !models.has(id));
  if (missing.length) {
    for (const row of await prisma.task.findMany({ where: { id: { in: missing } }, select: { id: true, model: true } })) models.set(row.id, row.model);
  }
  const activeSlots = snapshot.slots.map((slot) => ({
    taskId: slot.slotId,
    model: models.get(slot.slotId) ?? null,
    takenAt: slot.takenAt,
    elapsed: Math.max(0, Math.floor((now - slot.takenAt) / 1000)),
  }));
  return {
    budget,
    concurrency: {
      used: activeSlots.length,
      max: limits.maxConcurrent,
      available: Math.max(0, limits.maxConcurrent - activeSlots.length),
      activeSlots,
    },
    activeTasks: active.map(toTaskRecord),
    recentTasks: recent.map(toTaskRecord),
    todaySpending: spending.map((row) => ({ model: row.model, requests: Number(row.requests), cost: Number(row.cost) })),
  };
}
