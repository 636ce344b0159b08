import { microsToUsd } from "../../kernel/money.ts";
import type { BudgetStatus, Dashboard, PoolStatus } from "../../services/account.ts";

/** `{daily_limit, used, remaining}` in dollars, plus when the day resets. */
export const presentBudget = (budget: BudgetStatus): Record<string, unknown> => ({
  daily_limit: microsToUsd(budget.dailyLimit),
  used: microsToUsd(budget.used),
  remaining: microsToUsd(budget.remaining),
  resets_at: new Date(budget.resetsAt).toISOString(),
});

/** GET /credits. */
export const presentCredits = (budget: BudgetStatus, pool: PoolStatus): Record<string, unknown> => ({
  your_budget: presentBudget(budget),
  pool: {
    total_accounts: pool.totalAccounts,
    locked: pool.locked,
    // Additive: the spec's two fields stay as they are.
    ...(pool.vendors ? { vendors: Object.fromEntries(pool.vendors.map((v) => [v.vendor, { total_accounts: v.totalAccounts, locked: v.locked }])) } : {}),
  },
});

/**
 * GET /api/me, field for field as the spec prints it (including its camelCase `taskId` in
 * `active_slots`). `now` dates the active tasks' "12s" elapsed times.
 */
export function presentDashboard(dashboard: Dashboard, now: number): Record<string, unknown> {
  const todaySpending: Record<string, { requests: number; cost: number }> = {};
  for (const row of dashboard.todaySpending) todaySpending[row.model] = { requests: row.requests, cost: microsToUsd(row.cost) };
  return {
    budget: presentBudget(dashboard.budget),
    concurrency: {
      used: dashboard.concurrency.used,
      max: dashboard.concurrency.max,
      available: dashboard.concurrency.available,
      active_slots: dashboard.concurrency.activeSlots.map((slot) => ({ taskId: slot.taskId, model: slot.model, elapsed: slot.elapsed })),
    },
    active_tasks: dashboard.activeTasks.map((task) => ({
      task_id: task.id,
      model: task.model,
      status: task.status,
      cost: microsToUsd(task.cost),
      elapsed: `${Math.max(0, Math.floor((now - task.createdAt) / 1000))}s`,
    })),
    recent_tasks: dashboard.recentTasks.map((task) => ({
      task_id: task.id,
      model: task.model,
      status: task.status,
      cost: microsToUsd(task.cost),
      result_count: task.result.length,
    })),
    today_spending: todaySpending,
  };
}
