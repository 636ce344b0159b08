import { expect, test } from "vitest";
import { catalog } from "../../src/catalog/index.ts";
import { microsToUsd } from "../../src/kernel/money.ts";
import { describeOnEverySetup, expectErrorBody, FAST, type Harness } from "./harness.ts";

/** The two spec examples that omit the start_frame their model requires. */
const EXAMPLES_MISSING_START_FRAME = new Set(["hailuo-2_3-fast", "kling-2.5-turbo-standard"]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the engine says the request costs and runs as (normalized, before any budget downgrade). */
function enginePrice(h: Harness, request: { model: string; params?: unknown }) {
  const { engine } = h.gw.services;
  const normalized = engine.normalize(request);
  if (!normalized.ok) throw new Error(`engine refused ${request.model}: ${normalized.error.message}`);
  return { cost: microsToUsd(engine.price(normalized.value.profile, normalized.value.params)), params: normalized.value.params };
}

const adjustmentShape = { param: expect.any(String), from: expect.anything(), to: expect.anything(), reason: expect.any(String) };

describeOnEverySetup("POST /api/generate and /api/estimate", { env: FAST }, (h) => {
  const accepted = catalog.filter((m) => !EXAMPLES_MISSING_START_FRAME.has(m.id));
  const refused = catalog.filter((m) => EXAMPLES_MISSING_START_FRAME.has(m.id));

  test.each(accepted.map((m) => [m.id, m.example] as const))("%s: the spec example is estimated and accepted at the engine's price", async (_id, example) => {
    // A fresh key per example: 5 requests per 30 s and 5 in flight are per key.
    const { key } = await h.gw.createKey();
    const { cost, params } = enginePrice(h, example);

    const estimate = await h.api.post("/api/estimate", example, { key });
    expect(estimate.status).toBe(200);
    expect(estimate.body).toMatchObject({ cost, daily_remaining: 100, fits_in_budget: true, model: example.model, params });
    expect(estimate.body.adjustments).toEqual(expect.any(Array));
    expect(estimate.body).not.toHaveProperty("suggested");

    const generated = await h.api.post("/api/generate", example, { key });
    expect(generated.status).toBe(200);
    expect(generated.body).toMatchObject({ task_id: expect.stringMatching(UUID), cost, model: example.model });
    expect(generated.body.url).toBe(`/get/${generated.body.task_id}`);
    expect(["QUEUED", "PROCESSING"]).toContain(generated.body.status);
    expect(generated.body.remaining).toBeCloseTo(100 - cost, 6);
    expect(generated.body.adjustments).toEqual(estimate.body.adjustments);
    for (const adjustment of generated.body.adjustments) expect(adjustment).toMatchObject(adjustmentShape);
  });

  test.each(refused.map((m) => [m.id, m.example] as const))("%s: the spec example lacks its required start_frame: 400 INVALID_PARAMS", async (_id, example) => {
    const { key } = await h.gw.createKey();
    for (const path of ["/api/estimate", "/api/generate"]) {
      const reply = await h.api.post(path, example, { key });
      expect(reply.status, path).toBe(400);
      expectErrorBody(reply.body, "INVALID_PARAMS");
      expect(reply.body.error).toContain("start_frame");
      expect(reply.body.issues).toContainEqual(expect.objectContaining({ field: "start_frame" }));
    }
    const credits = await h.api.get("/credits", { key });
    expect(credits.body.your_budget.used).toBe(0);
  });

  test("the spec's generate response: task_id, url, status, cost and remaining in dollars", async () => {
    const { key } = await h.gw.createKey();
    const reply = await h.api.post("/api/generate", { model: "gpt-image-2", type: "text-to-image", params: { prompt: "A serene mountain lake at sunrise", width: 1024, height: 1024 } }, { key });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.keys(reply.body)).toEqual(expect.arrayContaining(["task_id", "url", "status", "cost", "remaining", "adjustments"]));
    expect(typeof reply.body.cost).toBe("number");
    expect(reply.body.remaining).toBeCloseTo(100 - reply.body.cost, 6);
  });

  test("normalization changes are reported as adjustments {param, from, to, reason}", async () => {
    const { key } = await h.gw.createKey();
    // 1000×1000 is not a gpt-image-2 size: snapped to the nearest valid pair.
    const reply = await h.api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "snap me", width: 1000, height: 1000 } }, { key });
    expect(reply.status).toBe(200);
    expect(reply.body.adjustments.length).toBeGreaterThan(0);
    for (const adjustment of reply.body.adjustments) expect(adjustment).toMatchObject(adjustmentShape);
    expect(reply.body.adjustments).toContainEqual(expect.objectContaining({ param: "width", from: 1000 }));
  });

  test("estimate over budget suggests what generate then runs: the same downgraded params and cost", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 2 });
    const request = { model: "seedance-2.0", params: { prompt: "A cat walking", width: 1920, height: 1080, duration: 15 } };
    const estimate = await h.api.post("/api/estimate", request, { key });
    expect(estimate.status).toBe(200);
    expect(estimate.body).toMatchObject({ fits_in_budget: false, daily_remaining: 2, cost: enginePrice(h, request).cost });
    expect(estimate.body.cost).toBeGreaterThan(2);
    const suggested = estimate.body.suggested;
    expect(suggested).toMatchObject({ params: expect.any(Object), cost: expect.any(Number), adjustments: expect.any(Array) });
    expect(suggested.cost).toBeLessThanOrEqual(2);
    expect(suggested.adjustments).toContainEqual(expect.objectContaining({ reason: "BUDGET_DOWNGRADE" }));

    const credits = await h.api.get("/credits", { key });
    expect(credits.body.your_budget.used).toBe(0);

    const generated = await h.api.post("/api/generate", request, { key });
    expect(generated.status).toBe(200);
    expect(generated.body.cost).toBe(suggested.cost);
    expect(generated.body.params).toEqual(suggested.params);
    expect(generated.body.adjustments).toEqual(suggested.adjustments);
    expect(generated.body.remaining).toBeCloseTo(2 - suggested.cost, 6);
  });

  test("when nothing fits, estimate says suggested: null with cheapest_cost, and generate is 402 INSUFFICIENT_BUDGET", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 0.000001 });
    const request = { model: "seedance-2.0", params: { prompt: "A cat walking" } };
    const estimate = await h.api.post("/api/estimate", request, { key });
    expect(estimate.status).toBe(200);
    expect(estimate.body).toMatchObject({ fits_in_budget: false, suggested: null, cheapest_cost: expect.any(Number) });
    expect(estimate.body.cheapest_cost).toBeGreaterThan(0.000001);

    const generated = await h.api.post("/api/generate", request, { key });
    expect(generated.status).toBe(402);
    expectErrorBody(generated.body, "INSUFFICIENT_BUDGET");
    expect(generated.body).toMatchObject({ cheapest_cost: estimate.body.cheapest_cost, remaining: 0.000001 });
  });

  test("estimate never charges and never counts against the request window", async () => {
    const { key } = await h.gw.createKey();
    const request = { model: "gpt-image-2", params: { prompt: "just asking", quality: "high" } };
    for (let i = 0; i < 8; i++) expect((await h.api.post("/api/estimate", request, { key })).status).toBe(200);
    const credits = await h.api.get("/credits", { key });
    expect(credits.body.your_budget).toMatchObject({ used: 0, remaining: 100 });
    expect((await h.api.post("/api/generate", request, { key })).status).toBe(200);
  });
});
