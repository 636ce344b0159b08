/**
 * Workload simulation throughput, beside the engine's estimates measured in the same run
 * (bench/engine.bench.ts calls `simulationBench` after its own measurements). Both sides are
 * measured in CPU time of this process (process.cpuUsage), once warmed up, so other work on the
 * machine does not tilt the ratios; the elapsed times are printed beside them.
 * The engine's estimates are timed here again the same way, over the engine bench's requests, in
 * batches of 2,000 (for (a), the median of 15 batches in a row; for (b), in pairs, below):
 *
 * (a) simulated requests/s: a one-day, one-million-request workload (100 keys, 100 streams of
 *     mixed models from the engine bench's requests, Poisson arrivals, half the clients retrying
 *     after Retry-After, 2% upstream failures, a pool of 50) run by the pure simulator on this
 *     thread: the median of DAY_RUNS runs after a first whole run (itself printed beside), so the
 *     day is measured at V8's steady state as the estimates are. Target: at least twice the
 *     engine's estimates/s.
 * (b) a GraphQL `simulate` of a 10,000-request day (10 such keys and streams), executed in process:
 *     parsed and validated once, as the gateway's caches treat a document they have seen, then
 *     graphql-js `execute` (variables coerced, the simulation service's slices, the presented
 *     report; not the gateway's per-request plugins nor the answer's serialization), against the
 *     time of 2,000 engine estimates: PAIRS pairs of one query and one batch, in alternating order,
 *     the median of the pairs' ratios. Target: ≤ 1.
 * The estimates and the GraphQL simulate are measured after the same warm-up: WARM_UP_MS of
 * their own runs (at least 20); the million-request day after one simulated hour of it and one
 * whole run.
 */
import { execute, parse, validate, type ExecutionResult } from "graphql";
import type { Engine, GenerationRequest } from "../src/engine/engine.ts";
import { buildSchema } from "../src/graphql/schema.ts";
import { systemClock } from "../src/kernel/clock.ts";
import type { GatewayServices } from "../src/services/gateway-services.ts";
import type { ApiKeyRecord } from "../src/services/keys.ts";
import { createSimulationService } from "../src/services/simulation.ts";
import { simulate } from "../src/simulation/run.ts";
import { parseWorkload } from "../src/simulation/workload.ts";

const DEFAULTS = { startAt: Date.UTC(2026, 11, 7), dailyLimit: 100_000_000, poolSize: 50 };

/** `keys` keys with one stream each, `total` requests over a day (Poisson), cycling through `requests`. */
export function dayOf(requests: readonly GenerationRequest[], keys: number, total: number) {
  return {
    seed: 42,
    horizonHours: 24,
    seriesStep: "HOUR",
    keys: Array.from({ length: keys }, (_, k) => ({ id: `key-${k}`, dailyLimitUsd: 50 + ((k * 37) % 10) * 50 })),
    streams: Array.from({ length: keys }, (_, k) => ({
      name: `stream-${k}`,
      key: `key-${k}`,
      request: requests[(k * 7) % requests.length],
      arrival: { kind: "POISSON", perHour: total / keys / 24 },
      onRefusal: k % 2 === 0 ? "RETRY" : "DROP",
    })),
    provider: { poolSize: 50, failureRate: 0.02 },
  };
}

/** Each side's warm-up, in its own runs: the same time for both, so both are measured at V8's steady state. */
const WARM_UP_MS = 1_000;
const MIN_WARM_UPS = 20;
/** Pairs of (2,000 estimates, one GraphQL simulate) measured for the second ratio. */
const PAIRS = 31;
/** Runs of the million-request day measured after its first run (their median). */
const DAY_RUNS = 3;

async function warmUp(run: () => unknown): Promise<void> {
  const until = performance.now() + WARM_UP_MS;
  for (let i = 0; i < MIN_WARM_UPS || performance.now() < until; i++) await run();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

const processCpuNs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
};

/**
 * CPU ms of this process spent in `run` (process.cpuUsage: V8's background compiler and GC
 * threads included, which is why both sides of a ratio are measured after the same warm-up), and
 * the elapsed ms, reported beside it.
 */
async function cpuMs(run: () => unknown): Promise<{ cpu: number; elapsed: number }> {
  const cpu0 = processCpuNs();
  const elapsed0 = performance.now();
  await run();
  const elapsed = performance.now() - elapsed0;
  return { cpu: (processCpuNs() - cpu0) / 1e6, elapsed };
}

export async function simulationBench(engine: Engine, requests: readonly GenerationRequest[]): Promise<void> {
  // The baseline: 2,000 estimates (quote within $100) over the engine bench's requests.
  let next = 0;
  const twoThousandEstimates = () => {
    let checksum = 0;
    for (let i = 0; i < 2_000; i++) {
      const q = engine.quote(requests[next]!, 100_000_000);
      checksum += q.ok ? q.value.cost : 1;
      if (++next === requests.length) next = 0;
    }
    return checksum;
  };
  await warmUp(twoThousandEstimates);
  const batches: { cpu: number; elapsed: number }[] = [];
  for (let i = 0; i < 15; i++) batches.push(await cpuMs(twoThousandEstimates));
  const estimatesMs = median(batches.map((b) => b.cpu));
  const estimatesElapsedMs = median(batches.map((b) => b.elapsed));
  const estimatesPerSecond = 2_000 / (estimatesMs / 1000);

  // (b) GraphQL simulate of a 10,000-request day, in process; measured before (a), whose garbage
  // (a million requests' tasks) would otherwise be collected during these runs.
  const schema = buildSchema(engine);
  const key = { id: "bench", dailyLimit: 100_000_000 } as ApiKeyRecord;
  const simulation = createSimulationService({ engine, clock: systemClock, poolSize: 12 });
  const contextValue = { services: { engine, simulation } as unknown as GatewayServices, key, isAdmin: false, baseUrl: "http://bench" };
  const small = dayOf(requests, 10, 10_000);
  const source = /* GraphQL */ `query ($workload: WorkloadInput!) { simulate(workload: $workload) { __typename ... on SimulationReport { totals { requests accepted downgraded refusedBudget refusedWindow refusedConcurrency spendUsd } keyDays { key day spendUsd exhaustedAt } } ... on Error { code message } } }`;
  const variableValues = {
    workload: { ...small, streams: small.streams.map(({ request, ...s }) => ({ ...s, request: { raw: request } })) },
  };
  // Parsed and validated once, as the gateway treats a document it has seen (Yoga's parse cache,
  // plugins/valid-documents.ts): each request coerces its variables, executes and presents.
  const document = parse(source);
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw new Error(invalid.map((e) => e.message).join("; "));
  const runQuery = async () => {
    let result!: ExecutionResult;
    const ms = await cpuMs(async () => (result = await execute({ schema, document, variableValues, contextValue })));
    const answer = (result.data as { simulate?: { __typename?: string; totals?: { requests: number } } } | null)?.simulate;
    if (answer?.__typename !== "SimulationReport") throw new Error(`simulate answered ${JSON.stringify(result.errors ?? answer)}`);
    return { ms, requests: answer.totals!.requests };
  };
  await warmUp(runQuery);
  // In pairs, one estimates batch and one query, the order alternating, each pair's ratio taken:
  // a change of the machine's speed during the measurement then weighs on both sides of a ratio alike.
  const pairs: { query: { cpu: number; elapsed: number }; estimates: { cpu: number; elapsed: number } }[] = [];
  let smallRequests = 0;
  for (let i = 0; i < PAIRS; i++) {
    const first = i % 2 === 0 ? await cpuMs(twoThousandEstimates) : undefined;
    const { ms, requests: n } = await runQuery();
    pairs.push({ query: ms, estimates: first ?? (await cpuMs(twoThousandEstimates)) });
    smallRequests = n;
  }
  const graphqlMs = median(pairs.map((p) => p.query.cpu));
  const graphqlElapsedMs = median(pairs.map((p) => p.query.elapsed));
  const pairedEstimatesMs = median(pairs.map((p) => p.estimates.cpu));
  const budgetRatio = median(pairs.map((p) => p.query.cpu / p.estimates.cpu));
  const budgetElapsedRatio = median(pairs.map((p) => p.query.elapsed / p.estimates.elapsed));

  // (a) one million requests in a day: the median of DAY_RUNS runs after a first whole run, at
  // V8's steady state as the estimates are; the first run's figure is printed beside it.
  const big = parseWorkload(dayOf(requests, 100, 1_000_000), DEFAULTS);
  if (!big.ok) throw new Error(big.error.message);
  simulate(engine, Object.assign({}, big.value, { horizonMs: 3_600_000 })); // warm-up: the first hour
  let report!: ReturnType<typeof simulate>;
  const firstDay = await cpuMs(() => (report = simulate(engine, big.value)));
  const days: { cpu: number; elapsed: number }[] = [];
  for (let i = 0; i < DAY_RUNS; i++) days.push(await cpuMs(() => (report = simulate(engine, big.value))));
  const bigCpu = { cpu: median(days.map((d) => d.cpu)), elapsed: median(days.map((d) => d.elapsed)) };
  const seconds = bigCpu.cpu / 1000;
  if (!report.ok) throw new Error(report.error.message);
  const { totals, events } = report.value.first;
  const simulated = totals.requests / seconds;

  console.log("");
  console.log("workload simulation (same run, CPU time of this process)");
  console.log(`engine estimates/s (2,000 a batch, median of 15): ${fmt(estimatesPerSecond)}`);
  console.log(
    `one-day workload: ${fmt(totals.requests)} requests (${fmt(totals.accepted)} accepted, ${fmt(totals.downgraded)} downgraded, ` +
      `${fmt(totals.refusedBudget + totals.refusedConcurrency + totals.refusedWindow)} refused), ${fmt(events)} events in ${seconds.toFixed(2)} s of CPU`,
  );
  console.log(
    `elapsed time: estimates ${estimatesElapsedMs.toFixed(2)} ms a batch, the day ${(bigCpu.elapsed / 1000).toFixed(2)} s, ` +
      `the GraphQL simulate ${graphqlElapsedMs.toFixed(2)} ms (÷ estimates: ${(totals.requests / (bigCpu.elapsed / 1000) / (2_000 / (estimatesElapsedMs / 1000))).toFixed(2)} and, in pairs, ${budgetElapsedRatio.toFixed(2)})`,
  );
  console.log(`${"measurement".padEnd(48)} ${"value".padStart(12)} ${"target".padStart(12)}  met`);
  const ratio = simulated / estimatesPerSecond;
  console.log(`${"simulated requests/s".padEnd(48)} ${fmt(simulated).padStart(12)} ${fmt(2 * estimatesPerSecond).padStart(12)}  ${ratio >= 2 ? "yes" : "NO"}`);
  console.log(`${"  ÷ engine estimates/s (target ≥ 2)".padEnd(48)} ${ratio.toFixed(2).padStart(12)}`);
  console.log(
    `${"  the first run of the day alone, ÷ estimates/s".padEnd(48)} ${(totals.requests / (firstDay.cpu / 1000) / estimatesPerSecond).toFixed(2).padStart(12)}` +
      `  (${(firstDay.cpu / 1000).toFixed(2)} s of CPU; the ${DAY_RUNS} after it: ${days.map((d) => (d.cpu / 1000).toFixed(2)).join(", ")} s)`,
  );
  console.log(`${`GraphQL simulate, ${fmt(smallRequests)}-request day (median CPU ms)`.padEnd(48)} ${graphqlMs.toFixed(2).padStart(12)}`);
  console.log(`${"  2,000 engine estimates beside it (median CPU ms)".padEnd(48)} ${pairedEstimatesMs.toFixed(2).padStart(12)}`);
  console.log(`${"  median of the pairs' ratios (target ≤ 1)".padEnd(48)} ${budgetRatio.toFixed(2).padStart(12)} ${"1.00".padStart(12)}  ${budgetRatio <= 1 ? "yes" : "NO"}`);
}
