// POST /api/simulate: a workload in, its simulated day out; failures with their codes and statuses.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATIONS_PER_KEY } from "../../src/services/simulation.ts";
import { startFakeFal, type FakeFal } from "../fakes/fal.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { expectErrorBody, type Harness } from "./harness.ts";
import { client } from "./http.ts";

const workload = {
  start: "2026-12-07T09:00:00Z",
  horizonHours: 1,
  keys: [{ id: "app", dailyLimitUsd: 1 }],
  streams: [{ key: "app", request: { model: "gpt-image-2", params: { prompt: "a fox" } }, arrival: { kind: "BURST", atHour: 0, count: 8 } }],
  provider: { latencySeconds: { image: { min: 20, max: 20 } } },
};

/** A million requests in an hour on one key, twice: long enough (hundreds of ms) that simultaneous ones overlap. */
const million = {
  ...workload,
  replications: 2,
  streams: [{ key: "app", request: { model: "gpt-image-2", params: { prompt: "a fox" } }, arrival: { kind: "FIXED", perHour: 1_000_000 } }],
};

// A simulation reads storage only for observed latencies (a query held to both databases in
// test/adapters/postgres/task-latency.test.ts): one gateway on its embedded defaults (PGlite) covers it.
describe("POST /api/simulate", () => {
  const h = {} as Harness;
  beforeAll(async () => {
    h.gw = await startGateway({ driver: { enabled: false } });
    h.api = client(h.gw.url);
  });
  afterAll(() => h.gw?.close());

  it("answers totals, each key's day, the series in dollars and ISO instants, and charges nothing", async () => {
    const reply = await h.api.post("/api/simulate", workload, { key: h.gw.key });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ start: "2026-12-07T09:00:00.000Z", replications: 1, totals: { requests: 8, accepted: 5, refusedConcurrency: 3 } });
    expect(reply.body.keyDays).toEqual([expect.objectContaining({ key: "app", day: "2026-12-07", dailyLimitUsd: 1 })]);
    expect(reply.body.series.points[0]).toMatchObject({ at: "2026-12-07T09:00:00.000Z", accepted: 5, refused: 3 });
    const credits = await h.api.get("/credits", { key: h.gw.key });
    expect(credits.body.your_budget.used).toBe(0);
  });

  it("draws latencies from this gateway's finished tasks with provider.latencyFrom OBSERVED, and says which kinds did and from how many", async () => {
    // 25 images finished in the last hour, each 40 s from its attempt's start; no video or 3D.
    const now = Date.now();
    await h.gw.prisma.task.createMany({
      data: Array.from({ length: 25 }, (_, i) => {
        const created = new Date(now - 3_600_000 + i * 60_000);
        return {
          keyId: randomUUID(), model: "gpt-image-2", kind: "image", status: "FINISHED" as const, requestParams: {}, params: {}, adjustments: [], costMicros: 0n,
          chargeDay: created, createdAt: created, startedAt: new Date(created.getTime() + 1_000), finishedAt: new Date(created.getTime() + 41_000),
          slotReleaseAt: created, refundAt: created, hardDeadlineAt: created,
        };
      }),
    });
    const observed = { ...workload, provider: { latencyFrom: "OBSERVED" } };
    const reply = await h.api.post("/api/simulate", observed, { key: h.gw.key });
    expect(reply.status).toBe(200);
    expect(reply.body.latency).toEqual([
      { output: "image", source: "OBSERVED", observedTasks: 25, minSeconds: 40, medianSeconds: 40, maxSeconds: 40 },
      { output: "video", source: "RANGE", observedTasks: 0, minSeconds: 60, medianSeconds: 180, maxSeconds: 300 },
      { output: "3d", source: "RANGE", observedTasks: 0, minSeconds: 30, medianSeconds: 75, maxSeconds: 120 },
    ]);
    expect(reply.body.completionSeconds).toMatchObject({ count: 5, p5: 40, p99: 40 });
    const wrong = await h.api.post("/api/simulate", { ...workload, provider: { latencyFrom: "SOMETIMES" } }, { key: h.gw.key });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toContain("provider.latencyFrom");
  });

  it("refuses a key's third simultaneous simulation with 429 RATE_LIMITED (CONCURRENCY) and Retry-After, and answers the two it runs", async () => {
    const { key } = await h.gw.createKey();
    expect(SIMULATIONS_PER_KEY).toBe(2);
    const replies = await Promise.all(Array.from({ length: SIMULATIONS_PER_KEY + 1 }, () => h.api.post("/api/simulate", million, { key })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 429]);
    const limited = replies.find((r) => r.status === 429)!;
    expectErrorBody(limited.body, "RATE_LIMITED");
    expect(limited.body).toMatchObject({ code: "RATE_LIMITED", reason: "CONCURRENCY", retry_after: 1 });
    expect(limited.headers.get("retry-after")).toBe("1");
    // Once they are over, the key simulates again.
    expect((await h.api.post("/api/simulate", workload, { key })).status).toBe(200);
  });

  it("refuses a bound broken (400 INVALID_PARAMS naming it), a request over the params bounds, and no key (401)", async () => {
    const over = await h.api.post("/api/simulate", { ...workload, replications: 101 }, { key: h.gw.key });
    expect(over.status).toBe(400);
    expectErrorBody(over.body, "INVALID_PARAMS");
    expect(over.body.error).toContain("replications");
    const longModel = { ...workload, streams: [{ ...workload.streams[0], request: { model: "x".repeat(101), params: {} } }] };
    const refused = await h.api.post("/api/simulate", longModel, { key: h.gw.key });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain("streams[0].request.model");
    expect((await h.api.post("/api/simulate", workload)).status).toBe(401);
  });
});

// A model this gateway's configuration runs nowhere (vendor accounts for fal only, the simulation of
// other models off) is refused for a simulation as generate refuses it.
describe("POST /api/simulate on a gateway that runs some models nowhere", () => {
  const h = {} as { fal: FakeFal; gw: TestGateway };
  beforeAll(async () => {
    h.fal = await startFakeFal({ keys: ["fal-a"] });
    h.gw = await startGateway({ env: { FAL_KEYS: "fal-a", GATEAI_FAL_URL: h.fal.url, GATEAI_SIMULATE_UNROUTED: "false" }, driver: { enabled: false } });
  }, 60_000);
  afterAll(async () => {
    await h.gw?.close();
    await h.fal?.close();
  });

  it("refuses a stream of a model nothing here runs with 422 MODEL_UNAVAILABLE naming the model", async () => {
    const unrouted = { ...workload, streams: [{ ...workload.streams[0], request: { model: "kino-xl", params: { prompt: "a fox" } } }] };
    const reply = await client(h.gw.url).post("/api/simulate", unrouted, { key: h.gw.key });
    expect(reply.status).toBe(422);
    expectErrorBody(reply.body, "MODEL_UNAVAILABLE");
    expect(reply.body).toMatchObject({ code: "MODEL_UNAVAILABLE", model: "kino-xl", error: expect.stringContaining("kino-xl") });
  });
});
