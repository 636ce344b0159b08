import type { Clock } from "../kernel/clock.ts";
import type { AccountPool } from "./ports/account-pool.ts";
import type { OperationsSnapshot } from "./ports/metrics.ts";
import type { TaskRepo } from "./ports/task-repo.ts";

/** What operations read at scrape time (/metrics): the pool's and the queue's state, from storage. */
export function createOperationsProbe(deps: {
  readonly tasks: Pick<TaskRepo, "liveCounts">;
  readonly pool: Pick<AccountPool, "occupancy">;
  readonly poolSize: number;
  readonly clock: Clock;
}): { snapshot(): Promise<OperationsSnapshot> } {
  return {
    async snapshot() {
      const [live, pool] = await Promise.all([deps.tasks.liveCounts(), deps.pool.occupancy(deps.poolSize, deps.clock.now())]);
      return { poolAccounts: deps.poolSize, poolBusy: pool.busy, poolLocked: pool.locked, tasksQueued: live.queued, tasksProcessing: live.processing };
    },
  };
}
