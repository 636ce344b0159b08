// `simulate(workload:)` over GraphQL: typed input (each stream's request a GenerateInput), the
// same answer as POST /api/simulate for the same workload, and expected failures as union members.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATIONS_PER_KEY } from "../../src/services/simulation.ts";
import { startFakeFal, type FakeFal } from "../fakes/fal.ts";
import { SimulateDocument, type SimulateQueryVariables } from "../generated/graphql.ts";
import { client } from "../rest/http.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { graphqlHttp, type GraphQLHttp } from "./support/client.ts";

const START = "2026-12-07T00:00:00.000Z";

/** The refusals' own fields, beside the report's type. */
const SIMULATE_REFUSED = /* GraphQL */ `
  query SimulateRefused($workload: WorkloadInput!) {
    simulate(workload: $workload) {
      __typename
      ... on RateLimited { code reason retryAfterSeconds }
      ... on ModelUnavailable { code model message }
    }
  }
`;
/** A million requests in an hour on one key, twice: long enough (hundreds of ms) that simultaneous ones overlap. */
const MILLION = {
  start: START,
  horizonHours: 1,
  replications: 2,
  keys: [{ id: "app" }],
  streams: [{ key: "app", request: { raw: { model: "gpt-image-2", params: { prompt: "a fox" } } }, arrival: { kind: "FIXED", perHour: 1_000_000 } }],
};

// A simulation reads storage only for observed latencies (a query held to both databases in
// test/adapters/postgres/task-latency.test.ts): one gateway on its embedded defaults (PGlite) covers it.
describe("simulate", () => {
  const h = {} as { gw: TestGateway; gql: GraphQLHttp };
  beforeAll(async () => {
    h.gw = await startGateway({ driver: { enabled: false } });
    h.gql = graphqlHttp(h.gw.url);
  });
  afterAll(() => h.gw?.close());

  const typed: SimulateQueryVariables["workload"] = {
    start: START,
    horizonHours: 6,
    seed: 3,
    keys: [{ id: "video", dailyLimitUsd: 4 }, { id: "images" }],
    streams: [
      { key: "video", request: { seedance20: { prompt: "a cat", width: 1280, height: 720, duration: 8 } }, arrival: { kind: "FIXED", perHour: 2 } },
      { key: "images", request: { raw: { model: "gpt-image-2", params: { prompt: "a fox" } } }, arrival: { kind: "POISSON", perHour: 120 }, onRefusal: "RETRY" },
    ],
    provider: { poolSize: 4, failureRate: 0.1, latency: [{ output: "IMAGE", minSeconds: 5, maxSeconds: 15 }] },
  };
  // The same workload as POST /api/simulate takes it.
  const json = {
    start: START,
    horizonHours: 6,
    seed: 3,
    keys: [{ id: "video", dailyLimitUsd: 4 }, { id: "images" }],
    streams: [
      { key: "video", request: { model: "seedance-2.0", params: { prompt: "a cat", width: 1280, height: 720, duration: 8 } }, arrival: { kind: "FIXED", perHour: 2 } },
      { key: "images", request: { model: "gpt-image-2", params: { prompt: "a fox" } }, arrival: { kind: "POISSON", perHour: 120 }, onRefusal: "RETRY" },
    ],
    provider: { poolSize: 4, failureRate: 0.1, latencySeconds: { image: { min: 5, max: 15 } } },
  };

  it("answers a typed workload with the report POST /api/simulate gives for the same JSON", async () => {
    const { key } = await h.gw.createKey();
    const { simulate } = await h.gql.data(SimulateDocument, { workload: typed }, { key });
    if (simulate.__typename !== "SimulationReport") throw new Error(`expected SimulationReport, got ${JSON.stringify(simulate)}`);
    expect(simulate.totals.requests).toBeGreaterThan(0);
    expect(simulate.keyDays.map((d) => d.key).sort()).toEqual(["images", "video"]);
    const rest = await client(h.gw.url).post("/api/simulate", json, { key });
    expect(rest.status).toBe(200);
    expect(rest.body.totals).toMatchObject(simulate.totals);
    expect(rest.body.keyDays).toEqual(simulate.keyDays);
    expect(rest.body.models).toEqual(simulate.models);
    expect(rest.body.series).toEqual(simulate.series);
    expect(rest.body.bands).toEqual(simulate.bands);
  });

  it("takes latencyFrom OBSERVED and answers each kind's latency source: the ranges while this gateway has finished nothing", async () => {
    const { key } = await h.gw.createKey();
    const workload = { ...typed, provider: { latencyFrom: "OBSERVED" as const, latency: [{ output: "IMAGE" as const, minSeconds: 5, maxSeconds: 15 }] } };
    const { simulate } = await h.gql.data(SimulateDocument, { workload }, { key });
    if (simulate.__typename !== "SimulationReport") throw new Error(`expected SimulationReport, got ${JSON.stringify(simulate)}`);
    expect(simulate.latency).toEqual([
      { output: "IMAGE", source: "RANGE", observedTasks: 0, minSeconds: 5, medianSeconds: 10, maxSeconds: 15 },
      { output: "VIDEO", source: "RANGE", observedTasks: 0, minSeconds: 60, medianSeconds: 180, maxSeconds: 300 },
      { output: "THREE_D", source: "RANGE", observedTasks: 0, minSeconds: 30, medianSeconds: 75, maxSeconds: 120 },
    ]);
  });

  it("answers InvalidParams naming the bound, ModelNotFound for an unknown model, Unauthorized without a key", async () => {
    const { key } = await h.gw.createKey();
    const over = await h.gql.data(SimulateDocument, { workload: { ...typed, horizonHours: 200 } }, { key });
    expect(over.simulate).toMatchObject({ __typename: "InvalidParams", code: "INVALID_PARAMS", issues: [{ field: "horizonHours", reason: expect.stringContaining("168") }] });
    const unknown = { ...typed, streams: [{ key: "images", request: { raw: { model: "gpt-image-9", params: {} } }, arrival: { kind: "FIXED" as const, perHour: 1 } }] };
    expect((await h.gql.data(SimulateDocument, { workload: unknown }, { key })).simulate).toMatchObject({ __typename: "ModelNotFound", code: "MODEL_NOT_FOUND" });
    expect((await h.gql.data(SimulateDocument, { workload: typed })).simulate).toMatchObject({ __typename: "Unauthorized" });
  });

  it("answers RateLimited (CONCURRENCY) to a key's third simultaneous simulation, and reports the two it runs", async () => {
    const { key } = await h.gw.createKey();
    expect(SIMULATIONS_PER_KEY).toBe(2);
    const answers = await Promise.all(Array.from({ length: SIMULATIONS_PER_KEY + 1 }, () => h.gql.data(SIMULATE_REFUSED, { workload: MILLION }, { key })));
    const types = answers.map((a) => a.simulate.__typename);
    expect(types.filter((t) => t === "SimulationReport")).toHaveLength(SIMULATIONS_PER_KEY);
    expect(answers.find((a) => a.simulate.__typename !== "SimulationReport")!.simulate).toEqual({ __typename: "RateLimited", code: "RATE_LIMITED", reason: "CONCURRENCY", retryAfterSeconds: 1 });
    // Once they are over, the key simulates again.
    expect((await h.gql.data(SIMULATE_REFUSED, { workload: typed }, { key })).simulate.__typename).toBe("SimulationReport");
  });

  it("names a bad latency by the fields the GraphQL input has, once", async () => {
    const { key } = await h.gw.createKey();
    const provider = { poolSize: 4, latency: [{ output: "IMAGE" as const, minSeconds: 5 }, { output: "VIDEO" as const, minSeconds: 0 }] };
    const answer = await h.gql.data(SimulateDocument, { workload: { ...typed, provider } }, { key });
    expect(answer.simulate).toMatchObject({ __typename: "InvalidParams", issues: [{ field: "provider.latency[1].minSeconds", reason: expect.stringMatching(/^must be a number from/) }] });
    const twice = { poolSize: 4, latency: [{ output: "IMAGE" as const, minSeconds: 5 }, { output: "IMAGE" as const, minSeconds: 0 }] };
    const refused = await h.gql.data(SimulateDocument, { workload: { ...typed, provider: twice } }, { key });
    expect(refused.simulate).toMatchObject({ __typename: "InvalidParams", issues: [{ field: "provider.latency[1].output", reason: "is the output kind of provider.latency[0]: one range per output kind" }] });
  });
});

// A model this gateway's configuration runs nowhere (vendor accounts for fal only, the simulation of
// other models off) is refused for a simulation as generate refuses it.
describe("simulate on a gateway that runs some models nowhere", () => {
  const h = {} as { fal: FakeFal; gw: TestGateway; gql: GraphQLHttp };
  beforeAll(async () => {
    h.fal = await startFakeFal({ keys: ["fal-a"] });
    h.gw = await startGateway({ env: { FAL_KEYS: "fal-a", GATEAI_FAL_URL: h.fal.url, GATEAI_SIMULATE_UNROUTED: "false" }, driver: { enabled: false } });
    h.gql = graphqlHttp(h.gw.url);
  }, 60_000);
  afterAll(async () => {
    await h.gw?.close();
    await h.fal?.close();
  });

  it("answers ModelUnavailable naming the model for a stream of a model nothing here runs", async () => {
    const { key } = await h.gw.createKey();
    const workload = { start: START, horizonHours: 1, keys: [{ id: "app" }], streams: [{ key: "app", request: { raw: { model: "kino-xl", params: { prompt: "a fox" } } }, arrival: { kind: "FIXED", perHour: 10 } }] };
    const { simulate } = await h.gql.data(SIMULATE_REFUSED, { workload }, { key });
    expect(simulate).toEqual({ __typename: "ModelUnavailable", code: "MODEL_UNAVAILABLE", model: "kino-xl", message: expect.stringContaining("kino-xl") });
  });
});
