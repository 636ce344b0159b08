// POST /api/simulate: a workload in, its simulated day out; failures with their codes and statuses.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway } from "../support/gateway.ts";
import { expectErrorBody, type Harness } from "./harness.ts";
import { client } from "./http.ts";

const workload = {
  start: "2026-12-07T09:00:00Z",
  horizonHours: 1,
  keys: [{ id: "app", dailyLimitUsd: 1 }],
  streams: [{ key: "app", request: { model: "gpt-image-2", params: { prompt: "a fox" } }, arrival: { kind: "BURST", atHour: 0, count: 8 } }],
  provider: { latencySeconds: { image: { min: 20, max: 20 } } },
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
