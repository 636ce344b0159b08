import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { describeOnEverySetup, expectErrorBody, FAST } from "./harness.ts";

const REQUEST = { model: "gpt-image-2", params: { prompt: "once only", quality: "high" } };

describeOnEverySetup("Idempotency-Key on POST /api/generate", { env: FAST }, (h) => {
  test("the same key and body twice return the same task and charge once", async () => {
    const { key } = await h.gw.createKey();
    const headers = { "idempotency-key": randomUUID() };
    const first = await h.api.post("/api/generate", REQUEST, { key, headers });
    expect(first.status).toBe(200);
    const usedAfterFirst = (await h.api.get("/credits", { key })).body.your_budget.used;
    expect(usedAfterFirst).toBeCloseTo(first.body.cost, 6);

    const retry = await h.api.post("/api/generate", REQUEST, { key, headers });
    expect(retry.status).toBe(200);
    expect(retry.body.task_id).toBe(first.body.task_id);
    expect(retry.body).toMatchObject({ url: first.body.url, cost: first.body.cost, remaining: first.body.remaining, adjustments: first.body.adjustments });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect((await h.api.get("/credits", { key })).body.your_budget.used).toBe(usedAfterFirst);
  });

  test("the same body with its keys in another order is the same request", async () => {
    const { key } = await h.gw.createKey();
    const headers = { "idempotency-key": randomUUID() };
    const first = await h.api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "order", quality: "low", width: 1024 } }, { key, headers });
    const again = await h.api.post("/api/generate", JSON.stringify({ params: { width: 1024, quality: "low", prompt: "order" }, model: "gpt-image-2" }), { key, headers });
    expect(again.status).toBe(200);
    expect(again.body.task_id).toBe(first.body.task_id);
  });

  test("the same key with another body is 422 IDEMPOTENCY_KEY_REUSED and charges nothing", async () => {
    const { key } = await h.gw.createKey();
    const headers = { "idempotency-key": randomUUID() };
    const first = await h.api.post("/api/generate", REQUEST, { key, headers });
    expect(first.status).toBe(200);
    const reused = await h.api.post("/api/generate", { ...REQUEST, params: { ...REQUEST.params, prompt: "something else" } }, { key, headers });
    expect(reused.status).toBe(422);
    expectErrorBody(reused.body, "IDEMPOTENCY_KEY_REUSED");
    expect((await h.api.get("/credits", { key })).body.your_budget.used).toBeCloseTo(first.body.cost, 6);
  });

  test("Idempotency-Keys are per API key: another API key with the same header gets its own task", async () => {
    const a = await h.gw.createKey();
    const b = await h.gw.createKey();
    const headers = { "idempotency-key": randomUUID() };
    const first = await h.api.post("/api/generate", REQUEST, { key: a.key, headers });
    const second = await h.api.post("/api/generate", REQUEST, { key: b.key, headers });
    expect(second.status).toBe(200);
    expect(second.body.task_id).not.toBe(first.body.task_id);
  });

  test("two simultaneous requests with the same key and body create exactly one task (same task_id, or one 409)", async () => {
    for (let round = 0; round < 3; round++) {
      const { key } = await h.gw.createKey();
      const headers = { "idempotency-key": randomUUID() };
      const replies = await Promise.all([h.api.post("/api/generate", REQUEST, { key, headers }), h.api.post("/api/generate", REQUEST, { key, headers })]);
      const accepted = replies.filter((r) => r.status === 200);
      const inProgress = replies.filter((r) => r.status === 409);
      expect(accepted.length + inProgress.length).toBe(2);
      expect(accepted.length).toBeGreaterThanOrEqual(1);
      expect(new Set(accepted.map((r) => r.body.task_id)).size).toBe(1);
      for (const reply of inProgress) expectErrorBody(reply.body, "IDEMPOTENCY_IN_PROGRESS");

      const cost = accepted[0]!.body.cost as number;
      expect((await h.api.get("/credits", { key })).body.your_budget.used).toBeCloseTo(cost, 6);
      const me = await h.api.get(`/api/me?key=${key}`);
      expect(me.body.today_spending["gpt-image-2"]).toEqual({ requests: 1, cost });
    }
  });

  test("a refused request gives its Idempotency-Key back: a retry after the refusal can succeed", async () => {
    const { key, record } = await h.gw.createKey({ dailyLimitUsd: 0.000001 });
    const headers = { "idempotency-key": randomUUID() };
    expect((await h.api.post("/api/generate", REQUEST, { key, headers })).status).toBe(402);
    await h.gw.services.keys.setDailyLimit(record.id, 100_000_000);
    const retry = await h.api.post("/api/generate", REQUEST, { key, headers });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
  });
});
