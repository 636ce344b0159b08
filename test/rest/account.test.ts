import { expect, test, vi } from "vitest";
import { describeOnEverySetup, waitForFinalTask } from "./harness.ts";

// No background driver: tasks stay QUEUED until the test ticks it, so the dashboard can be seen
// with generations in flight. Time scale 100: images take 0.1-0.3 s, videos 0.6-3 s.
describeOnEverySetup("GET /credits and GET /api/me", { env: { GATEAI_TIME_SCALE: "100" }, driver: { enabled: false } }, (h) => {
  // Ticks the driver until every task is final: real time must pass for the simulated upstream.
  const driveUntilFinal = (key: string, taskIds: string[]) =>
    vi.waitFor(
      async () => {
        await h.gw.gateway.driver.tick();
        const statuses = await Promise.all(taskIds.map(async (id) => (await h.api.get(`/get/${id}`, { key })).body.status));
        if (!statuses.every((s) => s === "FINISHED" || s === "FAILED")) throw new Error(`tasks still ${statuses.join(", ")}`);
      },
      { timeout: 20_000, interval: 50 },
    );

  test("/credits: the key's own daily limit, used and remaining in dollars, and the pool's health", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 5 });
    const before = await h.api.get("/credits", { key });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ your_budget: { daily_limit: 5, used: 0, remaining: 5 }, pool: { total_accounts: 12, locked: 0 } });

    const generated = await h.api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "spend", quality: "high" } }, { key });
    const after = await h.api.get("/credits", { key });
    expect(after.body.your_budget.used).toBeCloseTo(generated.body.cost, 6);
    expect(after.body.your_budget.remaining).toBeCloseTo(5 - generated.body.cost, 6);
  });

  test("/api/me: budget, concurrency slots, active and recent tasks and today's spending per model, as the spec shows", async () => {
    const { key } = await h.gw.createKey();
    const image = await h.api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "dash", quantity: 3 } }, { key });
    const video = await h.api.post("/api/generate", { model: "seedance-2.0", params: { prompt: "dash", duration: 4 } }, { key });
    expect([image.status, video.status]).toEqual([200, 200]);
    const spent = image.body.cost + video.body.cost;

    const live = await h.api.get(`/api/me?key=${encodeURIComponent(key)}`);
    expect(live.status).toBe(200);
    expect(Object.keys(live.body)).toEqual(expect.arrayContaining(["budget", "concurrency", "active_tasks", "recent_tasks", "today_spending"]));
    expect(live.body.budget).toMatchObject({ daily_limit: 100 });
    expect(live.body.budget.used).toBeCloseTo(spent, 6);
    expect(live.body.budget.remaining).toBeCloseTo(100 - spent, 6);
    expect(live.body.concurrency).toMatchObject({ used: 2, max: 5, available: 3 });
    expect(live.body.concurrency.active_slots).toEqual(
      expect.arrayContaining([
        { taskId: image.body.task_id, model: "gpt-image-2", elapsed: expect.any(Number) },
        { taskId: video.body.task_id, model: "seedance-2.0", elapsed: expect.any(Number) },
      ]),
    );
    expect(live.body.active_tasks).toHaveLength(2);
    expect(live.body.active_tasks).toEqual(
      expect.arrayContaining([
        { task_id: image.body.task_id, model: "gpt-image-2", status: "QUEUED", cost: image.body.cost, elapsed: expect.stringMatching(/^\d+s$/) },
        { task_id: video.body.task_id, model: "seedance-2.0", status: "QUEUED", cost: video.body.cost, elapsed: expect.stringMatching(/^\d+s$/) },
      ]),
    );
    expect(live.body.recent_tasks).toEqual([]);
    expect(live.body.today_spending).toEqual({
      "gpt-image-2": { requests: 1, cost: image.body.cost },
      "seedance-2.0": { requests: 1, cost: video.body.cost },
    });

    await driveUntilFinal(key, [image.body.task_id, video.body.task_id]);
    const done = await h.api.get(`/api/me?key=${key}`);
    expect(done.body.active_tasks).toEqual([]);
    expect(done.body.concurrency).toMatchObject({ used: 0, available: 5, active_slots: [] });
    expect(done.body.recent_tasks).toEqual(
      expect.arrayContaining([
        { task_id: image.body.task_id, model: "gpt-image-2", status: "FINISHED", cost: image.body.cost, result_count: 3 },
        { task_id: video.body.task_id, model: "seedance-2.0", status: "FINISHED", cost: video.body.cost, result_count: 1 },
      ]),
    );
    expect(done.body.today_spending).toEqual(live.body.today_spending);
    const task = await waitForFinalTask(h.api, key, image.body.task_id);
    expect(task.result).toHaveLength(3);
  });

  test("/api/me also accepts the key as a Bearer header when the query has none", async () => {
    const reply = await h.api.get("/api/me", { key: h.gw.key });
    expect(reply.status).toBe(200);
    expect(reply.body.budget.daily_limit).toBe(100);
  });
});
