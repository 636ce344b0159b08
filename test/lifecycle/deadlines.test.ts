// The spec's generation clocks, run for real at a time scale ("Personal Dashboard" → "Generation
// timeouts" and the rate-limit paragraph): 10 min frees the concurrency slot while the generation
// goes on, 20 min refunds an unfinished generation (which keeps running, and whose result is kept
// for free if it finishes), 40 min fails it with "Generation timed out (40 min hard limit)".
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Provider } from "../../src/services/ports/provider.ts";
import { renderOutputs } from "../../src/adapters/providers/render/index.ts";
import { HARD_LIMIT_ERROR } from "../../src/services/task-driver.ts";
import {
  Cleanup,
  auditViolations,
  call,
  describeEvents,
  fetchBytes,
  generate,
  get,
  installAudit,
  launch,
  micros,
  pngSize,
  postgresDatabase,
  readAudit,
  setups,
  sleep,
  usedMicros,
  waitFor,
  watchTask,
  type Launched,
} from "./support.ts";


/** 10 / 20 / 40 minutes at time scale 300: 2 s, 4 s, 8 s. */
const SCALE = 300;
const SLOT_MS = (10 * 60_000) / SCALE;
const REFUND_MS = (20 * 60_000) / SCALE;
const HARD_MS = (40 * 60_000) / SCALE;
/** How late a tick-driven transition may be on a loaded 2-core machine. */
const SLACK_MS = 4_000;

/**
 * A scripted upstream for exact control. "late …" prompts finish 400 ms after the refund deadline,
 * "quick …" prompts after 200 ms (both with real rendered files). A "slow poll" task makes every
 * poll of it take 600 ms (so every driver tick) during its first 4 s, then finishes with no files.
 */
const pollStarts = new Set<() => void>();
const scriptedProvider: Provider = {
  async poll(job, now) {
    const prompt = typeof job.params.prompt === "string" ? job.params.prompt : "";
    if (prompt === "slow poll") {
      if (now >= job.startedAt + 4_000) return { state: "finished", files: [], result: [], glb: [] };
      for (const notify of pollStarts) notify();
      await sleep(600);
      return { state: "running", progress: 0.1 };
    }
    const finishAfter = prompt.startsWith("quick") ? 200 : prompt.startsWith("late") ? REFUND_MS + 400 : Number.POSITIVE_INFINITY;
    if (now < job.startedAt + finishAfter) return { state: "running", progress: Math.min(0.99, Math.max(0, (now - job.startedAt) / finishAfter)) };
    const { files, result, glb } = await renderOutputs(job.model, job.output, job.params);
    return { state: "finished", files, result, glb };
  },
};
const nextSlowPoll = () =>
  new Promise<void>((resolvePoll) => {
    const notify = () => {
      pollStarts.delete(notify);
      resolvePoll();
    };
    pollStarts.add(notify);
  });

for (const setup of setups()) {
  describe.skipIf(!setup.available)(`generation clocks [${setup.name}]`, { concurrent: true }, () => {
    // Per setup: its gateways stop (and databases go) before the next setup starts.
    const cleanup = new Cleanup();
    afterAll(() => cleanup.run(), 60_000);
    let stalled: Launched;
    let late: Launched;
    let shifted: Launched;
    /** The third gateway's clock runs `offset` ms ahead of the real one. */
    let offset = 0;

    beforeAll(async () => {
      const base = async () => ({
        ...(setup.postgres ? { databaseUrl: await postgresDatabase(cleanup) } : {}),
        redis: setup.redis,
      });
      [stalled, late, shifted] = await Promise.all([
        launch(cleanup, { ...(await base()), env: { GATEAI_TIME_SCALE: String(SCALE), GATEAI_SIM_STALL_RATE: "1" } }),
        launch(cleanup, { ...(await base()), env: { GATEAI_TIME_SCALE: String(SCALE) }, options: { provider: scriptedProvider, driver: { leaseMs: 1_000 } } }),
        // Scale 15: the slot frees at 40 s, after the unscaled 30-s request window (see the test).
        launch(cleanup, {
          ...(await base()),
          env: { GATEAI_TIME_SCALE: "15", GATEAI_SIM_STALL_RATE: "1" },
          options: { clock: { now: () => Date.now() + offset } },
        }),
      ]);
      await Promise.all([installAudit(stalled.prisma), installAudit(late.prisma)]);
    });

    test("a stalled generation is refunded at 20 min (still PROCESSING), then FAILED at 40 min, refunded once", async ({ expect }) => {
      const { key, id: keyId } = await stalled.createKey();
      const before1 = Date.now();
      const t1 = await generate(stalled.url, key, "gpt-image-2", { prompt: "stalls forever, first" });
      const after1 = Date.now();
      expect(t1.remaining).toBe(micros(100) - t1.cost);
      const watch1 = watchTask(cleanup, stalled.url, key, t1.taskId);
      await sleep(1_000);
      // A second task of the same key, one second later: its charge must survive T1's refund and hard deadline.
      const t2 = await generate(stalled.url, key, "gpt-image-2", { prompt: "stalls forever, second" });
      const watch2 = watchTask(cleanup, stalled.url, key, t2.taskId);
      expect(await usedMicros(stalled.url, key)).toBe(t1.cost + t2.cost);

      const row = await stalled.prisma.task.findUniqueOrThrow({ where: { id: t1.taskId } });
      expect(row.refundAt.getTime() - row.createdAt.getTime()).toBe(REFUND_MS);
      expect(row.hardDeadlineAt.getTime() - row.createdAt.getTime()).toBe(HARD_MS);
      expect(row.slotReleaseAt.getTime() - row.createdAt.getTime()).toBe(SLOT_MS);

      // 20 min: REFUNDED, the generation goes on.
      const refunded = await watch1.until((e) => e.type === "REFUNDED", REFUND_MS + SLACK_MS + 1_000, "REFUNDED event");
      expect(refunded.at - before1).toBeGreaterThanOrEqual(REFUND_MS - 5);
      expect(refunded.at - after1).toBeLessThanOrEqual(REFUND_MS + SLACK_MS);
      expect(refunded).toMatchObject({ status: "PROCESSING", refunded: true, error: null });
      const during = await get(stalled.url, `/get/${t1.taskId}`, key);
      expect(during.body).toMatchObject({ status: "PROCESSING", refunded: true, cost: t1.cost / 1e6 });
      expect(await usedMicros(stalled.url, key)).toBe(t2.cost);
      const me = await get(stalled.url, `/api/me?key=${key}`);
      expect(me.body.active_tasks.map((t: any) => t.task_id)).toContain(t1.taskId);
      expect(me.body.today_spending["gpt-image-2"]).toEqual({ requests: 2, cost: t2.cost / 1e6 });

      // 40 min: FAILED with exactly the spec's error; no second refund.
      const failed = await watch1.until((e) => e.type === "FAILED", HARD_MS - REFUND_MS + SLACK_MS + 1_000, "FAILED event");
      expect(failed.at - before1).toBeGreaterThanOrEqual(HARD_MS - 5);
      expect(failed.at - after1).toBeLessThanOrEqual(HARD_MS + SLACK_MS);
      expect(failed).toMatchObject({ status: "FAILED", refunded: true, error: HARD_LIMIT_ERROR });
      expect(failed.error).toBe("Generation timed out (40 min hard limit)");
      await watch1.completed;
      const types = watch1.events.map((e) => e.type);
      expect(types.filter((t) => t === "REFUNDED"), describeEvents(watch1.events)).toHaveLength(1);
      expect(types.filter((t) => t === "FAILED")).toHaveLength(1);
      expect(types).not.toContain("FINISHED");
      expect(types.indexOf("REFUNDED")).toBeLessThan(types.indexOf("FAILED"));
      // Every event between accept and 40 min says PROCESSING (or the initial QUEUED), the refund does not end it.
      expect(watch1.events.slice(0, -1).every((e) => e.status === "PROCESSING" || e.status === "QUEUED")).toBe(true);
      const final = await get(stalled.url, `/get/${t1.taskId}`, key);
      expect(final.body).toMatchObject({ status: "FAILED", error: HARD_LIMIT_ERROR, refunded: true, result: [] });

      // By now T2 was refunded too (at 1 s + 20 min): used is exactly 0, never below.
      expect(await usedMicros(stalled.url, key)).toBe(0);
      const t2failed = await watch2.until((e) => e.type === "FAILED", HARD_MS + SLACK_MS, "FAILED event of the second task");
      expect(t2failed).toMatchObject({ error: HARD_LIMIT_ERROR, refunded: true });
      expect(watch2.events.filter((e) => e.type === "REFUNDED")).toHaveLength(1);
      expect(await usedMicros(stalled.url, key)).toBe(0);
      const usage = await stalled.prisma.dailyUsage.findMany({ where: { keyId } });
      expect(usage.map((u) => Number(u.usedMicros))).toEqual([0]);
      // What was committed: refunded once at 20 min while PROCESSING, then FAILED (already refunded).
      const history = (await readAudit(stalled.prisma)).filter((r) => r.taskId === t1.taskId || r.taskId === t2.taskId);
      expect(auditViolations(history)).toEqual([]);
      for (const id of [t1.taskId, t2.taskId]) {
        expect(history.filter((r) => r.taskId === id).map((r) => `${r.newStatus}${r.refunded ? "+refunded" : ""}`)).toEqual([
          "QUEUED",
          "PROCESSING",
          "PROCESSING+refunded",
          "FAILED+refunded",
        ]);
      }
    }, 30_000);

    test("5 stalled tasks hold all 5 slots: the 6th is 429 until 10 min, then admitted while the 5 are still PROCESSING", async ({ expect }) => {
      // Time scale 15 (slot 40 s, refund 80 s, hard limit 160 s of gateway time) with a clock that can
      // jump ahead: past the 30-s window (only concurrency still refuses), then past the 40-s slot.
      const { key } = await shifted.createKey();
      const tasks: string[] = [];
      for (let i = 0; i < 5; i++) tasks.push((await generate(shifted.url, key, "gpt-image-2", { prompt: `stall ${i}` })).taskId);
      await waitFor(
        "all five to be PROCESSING",
        async () => (await Promise.all(tasks.map((id) => get(shifted.url, `/get/${id}`, key)))).every((r) => r.body.status === "PROCESSING"),
        5_000,
      );
      const sixth = () => call(shifted.url, "POST", "/api/generate", { key, body: { model: "gpt-image-2", params: { prompt: "the sixth" } } });
      const refused = await sixth();
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: "RATE_LIMITED", reason: "CONCURRENCY" });
      expect((await get(shifted.url, `/api/me?key=${key}`)).body.concurrency).toMatchObject({ used: 5, available: 0 });

      offset += 31_000; // the request window has passed, the slots (40 s) have not
      const stillRefused = await sixth();
      expect(stillRefused.status).toBe(429);
      expect(stillRefused.body).toMatchObject({ code: "RATE_LIMITED", reason: "CONCURRENCY" });
      expect(stillRefused.body.retry_after).toBeGreaterThan(0);
      expect(stillRefused.body.retry_after).toBeLessThanOrEqual(10);

      offset += 10_000; // 41 s: every slot has freed itself (10 min at scale 15)
      // The driver notices too (it releases expired slots explicitly and tells the dashboard).
      const freed = await waitFor(
        "the dashboard to show the five slots free",
        async () => {
          const body = (await get(shifted.url, `/api/me?key=${key}`)).body;
          return body.concurrency.used === 0 ? body : undefined;
        },
        SLACK_MS,
      );
      expect(freed.concurrency).toMatchObject({ used: 0, available: 5, active_slots: [] });
      expect(freed.active_tasks.map((t: any) => t.task_id).sort()).toEqual([...tasks].sort());
      expect(freed.active_tasks.every((t: any) => t.status === "PROCESSING")).toBe(true);
      // (At a time scale above 20, 10 min would end before the 30-s request window, which does not scale:
      // the sixth would then still be refused, for WINDOW. The jumping clock keeps the two apart.)
      const admitted = await sixth();
      expect(admitted.status, admitted.text).toBe(200);
      for (const id of tasks) expect((await get(shifted.url, `/get/${id}`, key)).body).toMatchObject({ status: "PROCESSING", refunded: false });
      const me = await get(shifted.url, `/api/me?key=${key}`);
      expect(me.body.concurrency.used).toBe(1);
      expect(me.body.concurrency.active_slots.map((s: any) => s.taskId)).toEqual([admitted.body.task_id]);
      expect(me.body.active_tasks).toHaveLength(6);
    }, 20_000);

    test("a generation that finishes just after 20 min keeps its result for free", async ({ expect }) => {
      const { key } = await late.createKey();
      const quick = await generate(late.url, key, "gpt-image-2", { prompt: "quick one, paid for", width: 1024, height: 1024 });
      const slow = await generate(late.url, key, "gpt-image-2", { prompt: "late one", width: 1536, height: 1024, output_format: "png" });
      const watch = watchTask(cleanup, late.url, key, slow.taskId);
      expect(await usedMicros(late.url, key)).toBe(quick.cost + slow.cost);

      const refunded = await watch.until((e) => e.type === "REFUNDED", REFUND_MS + SLACK_MS + 1_000, "REFUNDED event");
      expect(refunded).toMatchObject({ status: "PROCESSING", refunded: true });
      const finished = await watch.until((e) => e.type === "FINISHED", 400 + SLACK_MS + 1_000, "FINISHED event");
      expect(finished).toMatchObject({ status: "FINISHED", refunded: true, error: null, progress: 1 });
      expect(finished.result).toHaveLength(1);
      await watch.completed;
      expect(watch.events.filter((e) => e.type === "REFUNDED")).toHaveLength(1);
      expect(watch.events.map((e) => e.type).indexOf("REFUNDED")).toBeLessThan(watch.events.map((e) => e.type).indexOf("FINISHED"));

      // The 20 minutes run from acceptance, and the generation cannot have started before it.
      const row = await late.prisma.task.findUniqueOrThrow({ where: { id: slow.taskId } });
      expect(row.startedAt!.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
      expect(row.finishedAt!.getTime()).toBeGreaterThan(row.refundAt.getTime());
      expect(row.refundedAt!.getTime()).toBeLessThanOrEqual(row.finishedAt!.getTime());
      const task = (await get(late.url, `/get/${slow.taskId}`, key)).body;
      expect(task).toMatchObject({ status: "FINISHED", refunded: true, result: finished.result });
      expect(task).not.toHaveProperty("error");
      const file = await fetchBytes(task.result[0]);
      expect(file.status).toBe(200);
      // The size that ran (the engine snaps 1536×1024 to one of the model's sizes).
      expect(pngSize(file.bytes)).toEqual({ width: slow.body.params.width, height: slow.body.params.height });
      // Free: only the quick task is charged, and the dashboard agrees.
      expect((await get(late.url, `/get/${quick.taskId}`, key)).body).toMatchObject({ status: "FINISHED", refunded: false });
      expect(await usedMicros(late.url, key)).toBe(quick.cost);
      const me = (await get(late.url, `/api/me?key=${key}`)).body;
      expect(me.today_spending["gpt-image-2"]).toEqual({ requests: 2, cost: quick.cost / 1e6 });
      expect(me.recent_tasks.map((t: any) => t.task_id)).toContain(slow.taskId);
      const history = (await readAudit(late.prisma)).filter((r) => r.taskId === slow.taskId || r.taskId === quick.taskId);
      expect(auditViolations(history)).toEqual([]);
      expect(history.filter((r) => r.taskId === slow.taskId).map((r) => `${r.newStatus}${r.refunded ? "+refunded" : ""}`)).toEqual([
        "QUEUED",
        "PROCESSING",
        "PROCESSING+refunded",
        "FINISHED+refunded",
      ]);
    }, 20_000);

    test("a task accepted during a slow driver tick starts no earlier than its acceptance", async ({ expect }) => {
      // Regression: the driver used the instant its tick began for start times, so a task accepted
      // while the tick was polling started "before" it was accepted (its 10/20/40-minute clocks run
      // from acceptance, the provider's latency from the start).
      const { key } = await late.createKey();
      const blocker = await generate(late.url, key, "gpt-image-2", { prompt: "slow poll" });
      await waitFor("the slow task to be PROCESSING", async () => (await get(late.url, `/get/${blocker.taskId}`, key)).body.status === "PROCESSING", 5_000);
      for (let i = 0; i < 2; i++) {
        await nextSlowPoll(); // a tick is now inside its 600-ms poll
        const accepted = await generate(late.url, key, "gpt-image-2", { prompt: `accepted mid-tick ${i}` });
        const row = await waitFor(
          "the new task to start",
          async () => {
            const found = await late.prisma.task.findUniqueOrThrow({ where: { id: accepted.taskId } });
            return found.startedAt ? found : undefined;
          },
          5_000,
          20,
        );
        expect(row.startedAt!.getTime() - row.createdAt.getTime()).toBeGreaterThanOrEqual(0);
      }
    }, 20_000);
  });
}
