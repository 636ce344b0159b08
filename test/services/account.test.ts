// The dashboard AccountService reads (GET /api/me, GraphQL `me`, and each `meUpdated` feed's
// reads): its tasks come from two statements, so a task that ended between them is found both in
// flight and among the recent ones; it is listed once, ended.
import { describe, expect, it } from "vitest";
import type { TaskRecord } from "../../src/domain/task.ts";
import { createMemoryLimiter } from "../../src/adapters/limits/memory-limiter.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { createAccountService } from "../../src/services/account.ts";
import type { ApiKeyRecord } from "../../src/services/keys.ts";
import type { AccountPool } from "../../src/services/ports/account-pool.ts";
import type { TaskRepo } from "../../src/services/ports/task-repo.ts";
import { timingFor } from "../../src/services/timing.ts";

const T0 = Date.UTC(2030, 0, 1, 12);

const task = (id: string, status: TaskRecord["status"]): TaskRecord =>
  ({
    id, keyId: "k1", model: "gpt-image-2", output: "image", status, requestParams: {}, params: {}, adjustments: [], cost: 40_000,
    refunded: false, result: [], glbUrls: [], error: null, progress: status === "FINISHED" ? 100 : 50, account: null, attempts: 1,
    createdAt: T0, updatedAt: T0, startedAt: T0, finishedAt: status === "FINISHED" ? T0 + 5 : null, slotReleaseAt: T0 + 600_000,
    refundAt: T0 + 1_200_000, hardDeadlineAt: T0 + 2_400_000,
  }) as TaskRecord;

describe("AccountService.dashboard", () => {
  it("lists a task found both in flight and ended (it ended between the two statements) once, as ended", async () => {
    const clock = manualClock(T0);
    // `active` was read before the task finished, `recent` after.
    const tasks = {
      usedOn: async () => 40_000,
      active: async () => [task("a", "PROCESSING"), task("b", "PROCESSING")],
      recent: async () => [task("a", "FINISHED")],
      spendByModel: async () => [],
      modelsOf: async () => new Map(),
    } as unknown as TaskRepo;
    const account = createAccountService({ tasks, pool: {} as AccountPool, poolSize: 1, limiter: createMemoryLimiter(clock), limits: timingFor(1).limits, clock });
    const dashboard = await account.dashboard({ id: "k1", dailyLimit: 1_000_000 } as ApiKeyRecord);
    expect(dashboard.activeTasks.map((t) => t.id)).toEqual(["b"]);
    expect(dashboard.recentTasks.map((t) => [t.id, t.status])).toEqual([["a", "FINISHED"]]);
  });
});
