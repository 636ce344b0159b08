// `simulate` presents only what the query selects: a query for the totals makes no time series,
// no percentiles, no bands and no per-model breakdown (present.ts makes them when first read).
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { buildSchema } from "../../src/graphql/schema.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import type { ApiKeyRecord } from "../../src/services/keys.ts";
import type { SimulationReport } from "../../src/simulation/report.ts";
import { simulate } from "../../src/simulation/run.ts";
import { parseWorkload } from "../../src/simulation/workload.ts";

// The schema's own graphql module (under vitest the ESM import would be a second copy).
const { graphql } = createRequire(import.meta.url)("graphql") as typeof import("graphql");
const engine = createEngine();
const schema = buildSchema(engine);
const START = Date.UTC(2026, 11, 7);
const workload = {
  horizonHours: 3,
  seriesStep: "HOUR",
  keys: [{ id: "app" }],
  streams: [{ key: "app", request: { model: "gpt-image-2", params: { prompt: "a fox" } }, arrival: { kind: "FIXED", perHour: 100 } }],
};
const parsed = parseWorkload(workload, { startAt: START, dailyLimit: usdToMicros(10), poolSize: 12 });
if (!parsed.ok) throw new Error(parsed.error.message);
const simulated = simulate(engine, parsed.value);
if (!simulated.ok) throw new Error(simulated.error.message);

/** The report, with each part a query may leave out counting its reads. */
function countingReport(reads: Record<string, number>): SimulationReport {
  const count = <T extends object>(target: T, parts: readonly (keyof T & string)[]): T => {
    const copy = Object.create(target) as T;
    for (const part of parts) Object.defineProperty(copy, part, { get: () => ((reads[part] = (reads[part] ?? 0) + 1), target[part]) });
    return copy;
  };
  const report = simulated.ok ? simulated.value : (undefined as never);
  return count(Object.assign({}, report, { first: count(report.first, ["series", "queueWait", "completion", "models"]) }), ["bands", "latency"]);
}

async function query(selection: string, reads: Record<string, number>) {
  const simulation = { simulate: async () => ({ ok: true as const, value: countingReport(reads) }) };
  const contextValue = { services: { engine, simulation }, key: { id: "k", dailyLimit: usdToMicros(10) } as ApiKeyRecord, isAdmin: false, baseUrl: "http://test" };
  const source = `query ($workload: WorkloadInput!) { simulate(workload: $workload) { __typename ... on SimulationReport { ${selection} } } }`;
  const variableValues = { workload: Object.assign({}, workload, { streams: workload.streams.map((s) => Object.assign({}, s, { request: { raw: s.request } })) }) };
  const result = await graphql({ schema, source, variableValues, contextValue });
  expect(result.errors).toBeUndefined();
  return (result.data as { simulate: Record<string, unknown> }).simulate;
}

describe("simulate presents what the query selects", () => {
  it("makes no series, percentiles, bands, models or latency for a query of the totals and key days", async () => {
    const reads: Record<string, number> = {};
    const answer = await query("totals { requests accepted spendUsd } keyDays { key spendUsd }", reads);
    expect(answer).toMatchObject({ __typename: "SimulationReport", totals: { requests: simulated.ok ? simulated.value.first.totals.requests : -1 } });
    expect(reads).toEqual({});
  });

  it("makes the series once when the query selects it", async () => {
    const reads: Record<string, number> = {};
    const answer = await query("series { step points { at accepted } }", reads);
    expect((answer.series as { points: unknown[] }).points.length).toBeGreaterThan(0);
    expect(reads).toEqual({ series: 1 });
  });
});
