// Failed upstream attempts (GATEAI_SIM_FAILURE_RATE=1, every attempt fails retryably): a task is
// retried on other pool accounts up to 3 attempts, then FAILED, charged once and refunded once;
// an account failing 3 times in a row is locked for 5 min ÷ time scale (/credits pool.locked).
import { afterAll, beforeAll, describe, test } from "vitest";
import { SIMULATED_FAILURE } from "../../src/adapters/providers/simulated-provider.ts";
import type { TaskEvent } from "../../src/domain/task-events.ts";
import {
  Cleanup,
  auditViolations,
  describeEvents,
  installAudit,
  readAudit,
  generate,
  get,
  launch,
  micros,
  postgresDatabase,
  setups,
  usedMicros,
  waitFor,
  waitForFinal,
  watchTask,
  type Launched,
} from "./support.ts";


/** Scale 100: an image attempt takes 100-300 ms; the account cool-down is 5 min / 100 = 3 s. */
const SCALE = 100;
const COOLDOWN_MS = (5 * 60_000) / SCALE;

/** Collects every task event of one key in this process (the driver's own view: accounts included). */
function recordKeyEvents(cleanup: Cleanup, gw: Launched, keyId: string): TaskEvent[] {
  const seen: TaskEvent[] = [];
  const events = gw.services.pubsub.subscribe("keyTasks", keyId);
  void (async () => {
    for await (const event of events) seen.push(event);
  })().catch(() => undefined);
  cleanup.add(async () => events.return?.());
  return seen;
}

for (const setup of setups()) {
  describe.skipIf(!setup.available)(`failed attempts and account locks [${setup.name}]`, { concurrent: true }, () => {
    // Per setup: its gateways stop (and databases go) before the next setup starts.
    const cleanup = new Cleanup();
    afterAll(() => cleanup.run(), 60_000);
    let wide: Launched;
    let single: Launched;

    beforeAll(async () => {
      const base = async () => ({ ...(setup.postgres ? { databaseUrl: await postgresDatabase(cleanup) } : {}), redis: setup.redis });
      [wide, single] = await Promise.all([
        launch(cleanup, { ...(await base()), env: { GATEAI_TIME_SCALE: String(SCALE), GATEAI_SIM_FAILURE_RATE: "1" } }),
        // One account: every attempt lands on it, so three failures in a row lock it.
        launch(cleanup, { ...(await base()), env: { GATEAI_TIME_SCALE: String(SCALE), GATEAI_SIM_FAILURE_RATE: "1", GATEAI_POOL_SIZE: "1" } }),
      ]);
      await Promise.all([installAudit(wide.prisma), installAudit(single.prisma)]);
    });

    /** The committed history of these tasks (trigger-recorded) breaks no invariant. */
    const expectCleanHistory = async (gw: Launched, taskIds: readonly string[]) => {
      const rows = (await readAudit(gw.prisma)).filter((r) => taskIds.includes(r.taskId));
      if (auditViolations(rows).length) throw new Error(`committed history violates invariants:\n${auditViolations(rows).join("\n")}`);
      return rows;
    };

    test("a failing task is tried 3 times on 3 different accounts, then FAILED, charged once and refunded once", async ({ expect }) => {
      const { key, id: keyId } = await wide.createKey();
      const events = recordKeyEvents(cleanup, wide, keyId);
      const accepted = await generate(wide.url, key, "gpt-image-2", { prompt: "never works" });
      expect(accepted.remaining).toBe(micros(100) - accepted.cost); // charged once, at acceptance
      const watch = watchTask(cleanup, wide.url, key, accepted.taskId);

      const failed = await watch.until((e) => e.type === "FAILED", 15_000, "FAILED event");
      expect(failed).toMatchObject({ status: "FAILED", refunded: true, error: SIMULATED_FAILURE, attempts: 3 });
      await watch.completed;
      const row = await wide.prisma.task.findUniqueOrThrow({ where: { id: accepted.taskId } });
      expect(row.attempts).toBe(3);
      expect(row.status).toBe("FAILED");
      expect(row.refundedAt).not.toBeNull();

      const mine = events.filter((e) => e.task.id === accepted.taskId);
      const starts = mine.filter((e) => e.type === "PROCESSING");
      expect(starts.map((e) => e.task.attempts), describeKinds(mine)).toEqual([1, 2, 3]);
      const accounts = starts.map((e) => e.task.account);
      expect(accounts.every((a) => typeof a === "number" && a >= 1 && a <= 12)).toBe(true);
      expect(new Set(accounts).size, `accounts of the 3 attempts: ${accounts.join(", ")}`).toBe(3);
      // Initial QUEUED, then back to QUEUED after each of the first two failures; one FAILED, no REFUNDED event
      // (the final failure is refunded before FAILED is published, so FAILED says refunded).
      expect(mine.map((e) => e.type).filter((t) => t !== "PROGRESS")).toEqual(["QUEUED", "PROCESSING", "QUEUED", "PROCESSING", "QUEUED", "PROCESSING", "FAILED"]);

      expect(await usedMicros(wide.url, key)).toBe(0);
      const task = (await get(wide.url, `/get/${accepted.taskId}`, key)).body;
      expect(task).toMatchObject({ status: "FAILED", refunded: true, error: SIMULATED_FAILURE, cost: accepted.cost / 1e6, result: [] });
      const me = (await get(wide.url, `/api/me?key=${key}`)).body;
      expect(me.today_spending["gpt-image-2"]).toEqual({ requests: 1, cost: 0 });
      const usage = await wide.prisma.dailyUsage.findMany({ where: { keyId } });
      expect(usage.map((u) => Number(u.usedMicros))).toEqual([0]);
      const history = await expectCleanHistory(wide, [accepted.taskId]);
      expect(history.map((r) => r.newStatus)).toEqual(["QUEUED", "PROCESSING", "QUEUED", "PROCESSING", "QUEUED", "PROCESSING", "FAILED"]);
    }, 30_000);

    test("an account failing 3 times in a row is locked, then unlocked after the cool-down", async ({ expect }) => {
      const { key, id: keyId } = await single.createKey();
      const events = recordKeyEvents(cleanup, single, keyId);
      expect((await get(single.url, "/credits", key)).body.pool).toEqual({ total_accounts: 1, locked: 0 });
      const first = await generate(single.url, key, "gpt-image-2", { prompt: "fails three times" });
      const final = await waitForFinal(single.url, key, first.taskId, 15_000);
      expect(final).toMatchObject({ status: "FAILED", refunded: true, error: SIMULATED_FAILURE });
      const failedAt = Date.now();
      // All three attempts ran on the only account; the third failure locked it.
      const credits = (await get(single.url, "/credits", key)).body;
      expect(credits.pool).toEqual({ total_accounts: 1, locked: 1 });
      expect(credits.your_budget.used).toBe(0);
      const account = await single.prisma.poolAccount.findUniqueOrThrow({ where: { id: 1 } });
      expect(account.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
      expect(account.lockedUntil!.getTime()).toBeLessThanOrEqual(failedAt + COOLDOWN_MS);

      // While it is locked, a new task waits QUEUED: no account can take it.
      const second = await generate(single.url, key, "gpt-image-2", { prompt: "waits for the cool-down" });
      const queuedUntil = account.lockedUntil!.getTime() - 1_000;
      while (Date.now() < queuedUntil) {
        expect((await get(single.url, `/get/${second.taskId}`, key)).body.status).toBe("QUEUED");
        await new Promise((r) => setTimeout(r, 200));
      }
      // After the cool-down the account is unlocked and the queued task starts on it.
      await waitFor("the account to unlock", async () => (await get(single.url, "/credits", key)).body.pool.locked === 0, COOLDOWN_MS + 3_000);
      const started = await waitFor(
        "the queued task to start",
        async () => events.find((e) => e.task.id === second.taskId && e.type === "PROCESSING"),
        5_000,
      );
      expect(started.task.account).toBe(1);
      expect(started.task.attempts).toBe(1);
      expect(started.task.startedAt!).toBeGreaterThanOrEqual(account.lockedUntil!.getTime());
      const secondFinal = await waitForFinal(single.url, key, second.taskId, 15_000);
      expect(secondFinal).toMatchObject({ status: "FAILED", refunded: true });
      expect(await usedMicros(single.url, key)).toBe(0);
      await expectCleanHistory(single, [first.taskId, second.taskId]);
    }, 40_000);
  });
}

const describeKinds = (events: readonly TaskEvent[]) => events.map((e) => `${e.type}@${e.task.account ?? "-"}#${e.task.attempts}`).join(", ");
