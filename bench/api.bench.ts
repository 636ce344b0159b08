/**
 * API throughput on this machine: `npm run bench:api` (not a test: it prints a table).
 *
 *  1. baseline: a bare node:http JSON endpoint (read a small JSON body, answer a small JSON);
 *  2. POST /api/estimate (REST) and `estimate` (GraphQL) against a gateway with the embedded
 *     defaults (PGlite under a temporary data dir, in-process limits): requests/s and the ratio
 *     to the baseline (targets: REST >= 0.5, GraphQL >= 0.25). Baseline, REST and GraphQL run in
 *     interleaved rounds, each ratio against its own round's baseline; the median is reported.
 *     `npm run bench:api` sets NODE_ENV=production, as `npm start` does (graphql-js then skips its
 *     development-only checks, about 10% of a small query).
 *  3. POST /api/generate with PostgreSQL + Redis, twice: (a) sustained: --rate generations/s
 *     (default 1,000) offered on a fixed schedule for --seconds (open loop, latency from each
 *     request's due time): every one accepted, p99 < 50 ms; (b) capacity: accepted/s with
 *     --concurrency clients in a closed loop (>= 1,000/s). In a closed loop with 64 clients the
 *     mean latency is 64 / throughput, so its p99 measures the queue the clients build, not the
 *     gateway: the latency target is read at the offered rate. Limits are per key (5 slots, 5 per 30 s), so the
 *     load is spread over many keys created through the key service, each sending <= 5
 *     generations, with a large daily limit: every request should be accepted.
 *
 * Servers run on the main thread; the load generator (undici Pool, keep-alive, fixed
 * concurrency) runs in a worker thread. Each phase warms up first and is bounded in time.
 * PostgreSQL/Redis: TEST_DATABASE_URL / TEST_REDIS_URL, else postgresql://postgres@127.0.0.1:5432/postgres
 * and redis://127.0.0.1:6379; a fresh database is created and dropped.
 *
 * Options: --seconds=N (measurement per throughput phase, default 5), --rounds=N (interleaved rounds
 * of baseline, REST and GraphQL, default 3: ratios are per round, the median is reported), --concurrency=N (64),
 * --rate=N (sustained generations/s, 1000), --keys=N (2000, capacity run), --phases=baseline,rest,graphql,reads,generate (default all), --cpu-prof-dir=DIR
 * (a CPU profile of the server thread during each measured phase, warm-up excluded, and over --drain),
 * --count-io (PostgreSQL statements and Redis commands per generation, by kind; over --drain, per completed task; and
 * the round trips' p50 / p99, from the call to the answer, of the kinds most called during the sustained run's measurement),
 * --driver=off (generate phase without the task driver, to see its share), --driver-yield=MS|off
 * (GATEAI_DRIVER_YIELD_MS: the delay requests may feel before the driver drives fewer tasks at once;
 * off never yields), --metrics=off (GATEAI_METRICS=0),
 * --cpu-breakdown (Linux: CPU ms per generation by server thread, load generator, PostgreSQL, Redis; the WAL written),
 * --timeline (the sustained run's slowest answer per 100 ms: a start-up stall or a pause shows
 * as a few slow windows, steady queueing as many; beside it the event-loop lag of the server
 * thread and of the load generator, to tell a held loop from a wait on PostgreSQL or Redis),
 * --upstream=fal (the generate phase against a fake fal queue in a child process instead of the
 * simulation: `flux-schnell` requests, which route to fal; the gateway gets one pool account per
 * fake key, --accounts=N (1000), each request completing --upstream-latency=MS (200) after its
 * submit, and no simulation behind it; the phase then also prints what the fake saw: tasks
 * submitted and completed, requests by kind, polls per running task per 100 ms),
 * --upstream=paired (--pairs=N, default 1: the generate phase N times with the simulation and N
 * times with the fake fal, in pairs whose order alternates (simulation first, then fake fal first),
 * all with the same `flux-schnell` requests; then the ratio
 * of each pair: what a vendor behind the pool costs accepted generations, at this run's machine
 * speed), --drain=N (with a fake fal upstream: after the capacity run, N seconds more with no
 * request sent while the driver works through the tasks accepted; tasks completed per second and
 * CPU per completed task of every process: the driver's own cost, accepts apart).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { createGateway, type Gateway } from "../src/app/gateway.ts";
import { loadConfig, type Config } from "../src/app/config.ts";
import { startBaseline } from "./support/baseline.ts";
import type { FakeFalStats } from "./support/fake-fal-server.ts";
import { createBenchDatabase } from "./support/database.ts";
import { runLoad, share, type LoadOptions, type LoadResult, type RequestSpec } from "./support/loadgen.ts";
import { cpuPerRequest, sampleCpu } from "./support/cpu.ts";
import { clearRoundTrips, installIoCounters, ioPerRequest, roundTripsBetween, snapshotIo } from "./support/io-counters.ts";
import { profiled } from "./support/profile.ts";
import { startLoopLag } from "./support/loop-lag.mjs";

const arg = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SECONDS = Number(arg("seconds", "5"));
const ROUNDS = Math.max(1, Number(arg("rounds", "3")));
const RATE = Number(arg("rate", "1000"));
const CONCURRENCY = Number(arg("concurrency", "64"));
const KEYS = Number(arg("keys", "2000"));
const WARMUP_KEYS = Math.max(50, Math.round(KEYS / 10));
const PHASES = new Set(arg("phases", "baseline,rest,graphql,reads,generate").split(","));
const PROFILE_DIR = arg("cpu-prof-dir", "") || undefined;
const COUNT_IO = process.argv.includes("--count-io");
const DRIVER = arg("driver", "on") !== "off";
const CPU_BREAKDOWN = process.argv.includes("--cpu-breakdown");
/** The load generator's HTTP client (support/raw-http-pool.mjs, or undici). */
const CLIENT = arg("client", "raw");
if (CLIENT !== "raw" && CLIENT !== "undici") throw new Error(`--client=${CLIENT}: raw or undici`);
const load = (options: LoadOptions): Promise<LoadResult> => runLoad(Object.assign({}, options, { client: CLIENT }));
/** --driver-yield=MS: the delay requests may feel before the driver drives fewer tasks at once (GATEAI_DRIVER_YIELD_MS; off = 0, never). */
const DRIVER_YIELD = arg("driver-yield", "");
const TIMELINE = process.argv.includes("--timeline");
type Upstream = "simulation" | "fal";
const UPSTREAM_ARG = arg("upstream", "simulation");
if (UPSTREAM_ARG !== "simulation" && UPSTREAM_ARG !== "fal" && UPSTREAM_ARG !== "paired") throw new Error(`--upstream=${UPSTREAM_ARG}: expected simulation, fal or paired`);
const PAIRS = UPSTREAM_ARG === "paired" ? Number(arg("pairs", "1")) : 0;
if (UPSTREAM_ARG === "paired" && !(Number.isInteger(PAIRS) && PAIRS >= 1)) throw new Error(`--pairs=${arg("pairs", "1")}: expected a positive integer`);
/**
 * The generate phase's runs, in order. Pairs run in alternating order (simulation first, then fake
 * fal first): on this machine the second of two runs in a row is the faster whatever it runs
 * (figures: bench/README.md).
 */
const UPSTREAMS: readonly Upstream[] =
  UPSTREAM_ARG === "paired"
    ? Array.from({ length: PAIRS * 2 }, (_, i) => ((i % 2 === 1) === (Math.floor(i / 2) % 2 === 0) ? "fal" : "simulation"))
    : [UPSTREAM_ARG];
const upstreamLabel = (upstream: Upstream) => (upstream === "fal" ? "fake fal" : "simulation");
const UPSTREAM_LATENCY_MS = Number(arg("upstream-latency", "200"));
const ACCOUNTS = Number(arg("accounts", "1000"));
/** --drain=N: seconds of the driver alone after the runs (fake fal only). */
const DRAIN_SECONDS = Number(arg("drain", "0"));
/** The driver's pass interval: what "one upstream request per running task per poll interval" counts against. */
const POLL_INTERVAL_MS = 100;
const DATABASE_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
const TARGETS = { rest: 0.5, graphql: 0.25, acceptedPerSecond: 1_000, p99Ms: 50 };

// The whole run is bounded: a hung phase must not hold the machine.
const WATCHDOG_S = 170 + 80 * Math.max(0, UPSTREAMS.length - 1);
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_S} s, giving up`);
  process.exit(2);
}, WATCHDOG_S * 1000);
watchdog.unref();

const ESTIMATE_BODY = JSON.stringify({
  model: "gpt-image-2",
  type: "text-to-image",
  params: { prompt: "A serene mountain lake at sunrise", width: 1024, height: 1024, quality: "high" },
});
const GRAPHQL_BODY = JSON.stringify({
  query: "query Estimate($input: GenerateInput!) { estimate(input: $input) { __typename ... on Estimate { cost fitsInBudget } } }",
  variables: { input: { gptImage2: { prompt: "A serene mountain lake at sunrise", width: 1024, height: 1024, quality: "HIGH" } } },
});
// gpt-image-2 routes to OpenAI (one synchronous call, no polling); flux-schnell routes to fal
// first. Paired runs send flux-schnell to both upstreams, so the pair differs only in the upstream.
const GENERATE_BODY =
  UPSTREAM_ARG !== "simulation"
    ? JSON.stringify({ model: "flux-schnell", type: "text-to-image", params: { prompt: "A cheap bench image", width: 512, height: 512, quantity: 1 } })
    : JSON.stringify({ model: "gpt-image-2", type: "text-to-image", params: { prompt: "A cheap bench image", quality: "low" } });

const json = (key?: string): Record<string, string> => ({
  "content-type": "application/json",
  ...(key ? { authorization: `Bearer ${key}` } : {}),
});

/** --metrics=off: the gateway without /metrics and its reports (GATEAI_METRICS=0), to see their cost. */
const METRICS = arg("metrics", "on") !== "off";

function config(env: Record<string, string>): Config {
  const loaded = loadConfig({
    PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", GATEAI_METRICS: METRICS ? "1" : "0",
    ...(DRIVER_YIELD ? { GATEAI_DRIVER_YIELD_MS: DRIVER_YIELD === "off" ? "0" : DRIVER_YIELD } : {}),
    ...env,
  });
  if (!loaded.ok) throw new Error(`bench config: ${loaded.errors.join("; ")}`);
  return loaded.config;
}

/** Sends one request and checks the answer before loading the endpoint (a fast 4xx is no result). */
async function probe(url: string, spec: RequestSpec, check: (status: number, body: string) => boolean): Promise<void> {
  const response = await fetch(url + spec.path, { method: spec.method, headers: spec.headers, ...(spec.body ? { body: spec.body } : {}) });
  const body = await response.text();
  if (!check(response.status, body)) throw new Error(`probe of ${spec.path} failed: ${response.status} ${body.slice(0, 300)}`);
}

/** Warm-up, then the measured run (profiled when asked: the warm-up runs outside the profile). */
async function measured(name: string, options: LoadOptions): Promise<LoadResult> {
  const { warmup } = options;
  if (!PROFILE_DIR) return load(options);
  if (warmup.requests === 0) return profiled(PROFILE_DIR, name, () => load(options));
  // Separate warm-up run, so the profile holds only the measurement.
  if (options.once) {
    await load({ ...options, requests: options.requests.slice(0, warmup.requests), measure: { requests: warmup.requests, ms: warmup.ms }, warmup: { requests: 0, ms: 0 } });
    return profiled(PROFILE_DIR, name, () => load({ ...options, requests: options.requests.slice(warmup.requests), warmup: { requests: 0, ms: 0 } }));
  }
  await load({ ...options, measure: warmup, warmup: { requests: 0, ms: 0 } });
  return profiled(PROFILE_DIR, name, () => load({ ...options, warmup: { requests: 0, ms: 0 } }));
}

const throughputOptions = (origin: string, spec: RequestSpec): LoadOptions => ({
  origin,
  requests: [spec],
  concurrency: CONCURRENCY,
  warmup: { requests: Number.MAX_SAFE_INTEGER, ms: 1_000 },
  measure: { requests: Number.MAX_SAFE_INTEGER, ms: SECONDS * 1000 },
});
const throughput = (name: string, origin: string, spec: RequestSpec): Promise<LoadResult> => measured(name, throughputOptions(origin, spec));
const throughputUnprofiled = (origin: string, spec: RequestSpec): Promise<LoadResult> => load(throughputOptions(origin, spec));

interface Row {
  readonly phase: string;
  readonly result?: LoadResult;
  readonly metric: string;
  readonly target: string;
  readonly met: boolean | null;
  readonly note?: string;
}

const rows: Row[] = [];
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "-");

async function main(): Promise<void> {
  console.log(`GateAI API bench — ${new Date().toISOString()}, node ${process.version}, concurrency ${CONCURRENCY}, ${SECONDS} s per phase`);
  // The 2 cores may be shared with other work (test runs): say so, the numbers depend on it.
  console.log(`load average (1 min) at start: ${loadavg()[0]!.toFixed(2)}\n`);
  let baseline: LoadResult | undefined;
  if (["baseline", "rest", "graphql", "reads"].some((p) => PHASES.has(p))) baseline = await throughputPhases();

  if (PHASES.has("generate")) {
    // By slot: a run that could not be made leaves its slot empty, so pairs stay as they were run.
    const runs: (GenerateRun | undefined)[] = [];
    for (const upstream of UPSTREAMS) runs.push(await generatePhase(upstream));
    if (PAIRS > 0) pairRows(runs);
  }

  printTable(baseline);
}

interface ThroughputPhase {
  readonly name: "baseline" | "rest" | "graphql" | "reads";
  readonly label: string;
  readonly origin: string;
  readonly spec: RequestSpec;
  readonly target?: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Baseline, REST and GraphQL estimates in ROUNDS interleaved rounds. This machine's speed drifts
 * by a factor of up to 2 between minutes (shared cores), so each round's ratios are taken to the
 * baseline of the same round, and the median round is reported.
 */
async function throughputPhases(): Promise<LoadResult | undefined> {
  const baselineServer = await startBaseline();
  const dataDir = await mkdtemp(join(tmpdir(), "gateai-bench-"));
  let gateway: Gateway | undefined;
  try {
    const phases: ThroughputPhase[] = [];
    const baselineSpec: RequestSpec = { method: "POST", path: "/estimate", headers: json(), body: ESTIMATE_BODY };
    await probe(baselineServer.url, baselineSpec, (status) => status === 200);
    if (PHASES.has("baseline")) phases.push({ name: "baseline", label: "baseline node:http JSON", origin: baselineServer.url, spec: baselineSpec });
    if (PHASES.has("rest") || PHASES.has("graphql") || PHASES.has("reads")) {
      gateway = await createGateway(config({ GATEAI_DATA_DIR: dataDir }));
      const { url } = await gateway.listen(0, "127.0.0.1");
      const key = gateway.bootstrapKey ?? (await gateway.services.keys.create({ label: "bench" })).key;
      if (PHASES.has("rest")) {
        const spec: RequestSpec = { method: "POST", path: "/api/estimate", headers: json(key), body: ESTIMATE_BODY };
        await probe(url, spec, (status, body) => status === 200 && JSON.parse(body).fits_in_budget === true);
        phases.push({ name: "rest", label: "REST POST /api/estimate (PGlite)", origin: url, spec, target: TARGETS.rest });
      }
      if (PHASES.has("graphql")) {
        const spec: RequestSpec = { method: "POST", path: "/graphql", headers: json(key), body: GRAPHQL_BODY };
        await probe(url, spec, (status, body) => status === 200 && JSON.parse(body).data?.estimate?.__typename === "Estimate");
        phases.push({ name: "graphql", label: "GraphQL estimate (PGlite)", origin: url, spec, target: TARGETS.graphql });
      }
      if (PHASES.has("reads")) {
        // The key's dashboard: the database's reads, no target (what embedded PGlite serves).
        const spec: RequestSpec = { method: "GET", path: "/credits", headers: json(key) };
        await probe(url, spec, (status) => status === 200);
        phases.push({ name: "reads", label: "REST GET /credits (PGlite reads)", origin: url, spec });
      }
    }
    console.log(`• ${ROUNDS} rounds of: ${phases.map((p) => p.label).join(", ")} (embedded gateway: PGlite, in-process limits)`);

    const results = new Map<string, LoadResult[]>(phases.map((p) => [p.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const line: string[] = [];
      for (const phase of phases) {
        // Profiles (--cpu-prof-dir) of the first round only.
        const result = await (round === 0 ? throughput(`${phase.name}-estimate`, phase.origin, phase.spec) : throughputUnprofiled(phase.origin, phase.spec));
        results.get(phase.name)!.push(result);
        line.push(`${phase.name} ${fmt(result.rps)} req/s`);
      }
      console.log(`  round ${round + 1}: ${line.join(", ")}`);
    }

    const baselines = results.get("baseline");
    const ratiosOf = (name: string) => (baselines ? results.get(name)!.map((r, i) => r.rps / baselines[i]!.rps) : []);
    for (const phase of phases) {
      const runs = results.get(phase.name)!;
      const medianRps = median(runs.map((r) => r.rps));
      const middle = runs.reduce((best, r) => (Math.abs(r.rps - medianRps) < Math.abs(best.rps - medianRps) ? r : best));
      if (phase.target === undefined) {
        rows.push({ phase: phase.label, result: middle, metric: `${fmt(medianRps)} req/s (median)`, target: "-", met: null });
        continue;
      }
      const ratios = ratiosOf(phase.name);
      const ratio = ratios.length ? median(ratios) : NaN;
      const allOk = runs.every((r) => share(r, 200) === 1);
      rows.push({
        phase: phase.label,
        result: middle,
        metric: `${fmt(medianRps)} req/s = ${fmt(ratio, 2)} x baseline (rounds: ${ratios.map((r) => fmt(r, 2)).join(", ") || "-"})`,
        target: `>= ${phase.target} x baseline`,
        met: allOk ? ratio >= phase.target : false,
        ...(allOk ? {} : { note: `non-200 answers: ${JSON.stringify(runs.map((r) => r.statuses))}` }),
      });
    }
    return baselines ? baselines.find((r) => r.rps === median(baselines.map((b) => b.rps))) ?? baselines[0] : undefined;
  } finally {
    await gateway?.close();
    await baselineServer.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface FakeUpstream {
  readonly url: string;
  stats(): Promise<FakeFalStats>;
  close(): void;
}

/** The fake fal queue in a child process (its CPU is not this process's), with ACCOUNTS keys. */
async function startFakeFal(): Promise<FakeUpstream> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", new URL("./support/fake-fal-server.ts", import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    env: Object.assign({}, process.env, { FAKE_FAL_KEYS: String(ACCOUNTS), COMPLETE_AFTER_MS: String(UPSTREAM_LATENCY_MS) }),
  });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`the fake fal exited (code ${String(code)})`);
  });
  const [url] = (await Promise.race([once(createInterface({ input: child.stdout! }), "line"), exited])) as [string];
  exited.catch(() => undefined);
  return {
    url,
    async stats() {
      child.send("stats");
      const [stats] = (await once(child, "message")) as [FakeFalStats];
      return stats;
    },
    close: () => void child.kill("SIGTERM"),
  };
}

/** What the fake saw and the driver did between two snapshots, as a line. */
function upstreamWindow(name: string, before: FakeFalStats, after: FakeFalStats, passes: number, ms: number, sent: number): string {
  const perSecond = (n: number) => fmt((n / ms) * 1000);
  return `${name} (${fmt(ms / 1000, 1)} s, warm-up included): ${perSecond(after.completed - before.completed)} tasks completed/s at the fake while ${perSecond(sent)} generations/s were sent; ${perSecond(after.submitted - before.submitted)} submits/s; driver ${perSecond(passes)} passes/s`;
}

/** One generate phase's two figures, for the pairs. */
interface GenerateRun {
  readonly upstream: Upstream;
  readonly sustainedP99: number;
  readonly acceptedPerSecond: number;
}

/**
 * Each pair's fake fal run against its simulation run (before or after it, the order alternating
 * from pair to pair): sustained p99 and capacity as ratios, and their medians. Both runs of a pair
 * see the machine at about the same speed, so the ratio is what the vendor costs, whatever this
 * machine's speed that minute.
 */
function pairRows(runs: readonly (GenerateRun | undefined)[]): void {
  const p99Ratios: number[] = [];
  const capacityRatios: number[] = [];
  for (let i = 0; i + 1 < runs.length; i += 2) {
    const pair = [runs[i], runs[i + 1]];
    const sim = pair.find((run) => run?.upstream === "simulation");
    const fal = pair.find((run) => run?.upstream === "fal");
    if (!sim || !fal) continue;
    p99Ratios.push(fal.sustainedP99 / sim.sustainedP99);
    capacityRatios.push(fal.acceptedPerSecond / sim.acceptedPerSecond);
    console.log(
      `  - pair ${p99Ratios.length}: sustained p99 ${fmt(sim.sustainedP99, 1)} ms (simulation), ${fmt(fal.sustainedP99, 1)} ms (fake fal); ` +
        `capacity ${fmt(sim.acceptedPerSecond)} and ${fmt(fal.acceptedPerSecond)} accepted/s`,
    );
  }
  if (!p99Ratios.length) return;
  const list = (values: readonly number[]) => values.map((v) => fmt(v, 2)).join(", ");
  rows.push({ phase: "paired: sustained p99, fake fal ÷ simulation (median of pairs)", metric: `${fmt(median(p99Ratios), 2)} (pairs: ${list(p99Ratios)})`, target: "-", met: null });
  rows.push({ phase: "paired: capacity, fake fal ÷ simulation (median of pairs)", metric: `${fmt(median(capacityRatios), 2)} (pairs: ${list(capacityRatios)})`, target: "-", met: null });
}

async function generatePhase(upstream: Upstream): Promise<GenerateRun | undefined> {
  const UPSTREAM_LABEL = upstreamLabel(upstream);
  console.log(`• gateway with PostgreSQL + Redis, upstream: ${UPSTREAM_LABEL}`);
  let database: { url: string; drop(): Promise<void> };
  try {
    database = await createBenchDatabase(DATABASE_URL);
  } catch (error) {
    rows.push({ phase: "POST /api/generate (PostgreSQL + Redis)", metric: "-", target: "-", met: null, note: `skipped: PostgreSQL unreachable at ${DATABASE_URL} (${(error as Error).message})` });
    return undefined;
  }
  const prefix = `bench:${randomUUID()}:`;
  let gateway: Gateway | undefined;
  let fake: FakeUpstream | undefined;
  const dataDir = await mkdtemp(join(tmpdir(), "gateai-bench-"));
  try {
    if (COUNT_IO) installIoCounters();
    const env: Record<string, string> = { DATABASE_URL: database.url, REDIS_URL, GATEAI_DAILY_LIMIT: "1000000", GATEAI_DATA_DIR: dataDir };
    if (upstream === "fal") {
      fake = await startFakeFal();
      // One pool account per key; no simulation behind it, so a request fal does not run fails the probe.
      Object.assign(env, {
        FAL_KEYS: Array.from({ length: ACCOUNTS }, (_, i) => `bench-key-${i + 1}`).join(","),
        GATEAI_FAL_URL: fake.url,
        GATEAI_SIMULATE_UNROUTED: "false",
      });
      console.log(`  - fake fal at ${fake.url} (child process): ${ACCOUNTS} accounts, each request completing ${UPSTREAM_LATENCY_MS} ms after its submit`);
    }
    gateway = await createGateway(config(env), { redisPrefix: prefix, ...(DRIVER ? {} : { driver: { enabled: false } }) });
    const { url } = await gateway.listen(0, "127.0.0.1");
    const ready = await gateway.services.ready();
    if (!ready.ok) throw new Error(`gateway not ready: ${JSON.stringify(ready.checks)}`);

    // Keys through the key service, a few at a time.
    const started = performance.now();
    const keys: string[] = [];
    // Each key sends exactly 5 generations (its whole window).
    const perKey = 5;
    const sustainedKeys = Math.ceil((RATE * SECONDS) / (perKey - 1));
    const total = WARMUP_KEYS + sustainedKeys + KEYS;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (keys.length < total) {
          keys.push("");
          const index = keys.length - 1;
          keys[index] = (await gateway!.services.keys.create({ label: `bench-${index}` })).key;
        }
      }),
    );
    console.log(`  - created ${keys.length} keys in ${fmt(performance.now() - started)} ms`);

    // Round-robin over the keys, so a key's 5 requests are spread over the run.
    const specsFor = (list: readonly string[], rounds = perKey): RequestSpec[] => {
      const specs: RequestSpec[] = [];
      for (let round = 0; round < rounds; round++)
        for (const key of list) specs.push({ method: "POST", path: "/api/generate", headers: json(key), body: GENERATE_BODY });
      return specs;
    };
    // The sustained run measures a gateway in its steady state, where the keys sending requests
    // have been seen within the key cache's minute: the warm-up sends each of its keys' first
    // request (a key's first request reads the key from the database; a pass over thousands of
    // new keys at once is a burst no steady traffic has). The capacity run includes that pass.
    const sustainedKeyList = keys.slice(WARMUP_KEYS, WARMUP_KEYS + sustainedKeys);
    const warmupSpecs = [...specsFor(keys.slice(0, WARMUP_KEYS)), ...specsFor(sustainedKeyList, 1)];
    const sustainedSpecs = specsFor(sustainedKeyList, perKey - 1);
    const measuredSpecs = specsFor(keys.slice(WARMUP_KEYS + sustainedKeys));
    await probe(url, measuredSpecs[0]!, (status) => status === 200);
    // The probe used one of the first key's 5: drop that key's last request.
    const firstKeyHeader = measuredSpecs[0]!.headers.authorization;
    const lastOfFirst = measuredSpecs.map((s) => s.headers.authorization).lastIndexOf(firstKeyHeader);
    measuredSpecs.splice(lastOfFirst, 1);

    console.log(`  - POST /api/generate: ${warmupSpecs.length} warm-up, then ${measuredSpecs.length} measured (${KEYS} keys x ${perKey}, at most ${SECONDS * 6} s)`);
    const ioBefore = snapshotIo();
    const statsRedis = CPU_BREAKDOWN ? new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }) : undefined;
    // Sampled around the whole run (warm-up included: the requests counted below include it).
    const cpuBefore = CPU_BREAKDOWN ? await sampleCpu(database.url, statsRedis) : undefined;
    // 1. Sustained: RATE generations/s offered on a fixed schedule (open loop), after the warm-up.
    const serverLag = TIMELINE ? startLoopLag() : undefined;
    const fakeBefore = await fake?.stats();
    const passesBefore = gateway.driver.passes;
    const sustainedBegan = performance.now();
    if (COUNT_IO) clearRoundTrips();
    const sustained = await load({
      origin: url,
      requests: [...warmupSpecs, ...sustainedSpecs],
      once: true,
      concurrency: CONCURRENCY,
      rate: RATE,
      warmup: { requests: warmupSpecs.length, ms: 10_000 },
      measure: { requests: sustainedSpecs.length, ms: SECONDS * 1_000 },
      timeline: TIMELINE,
    });
    if (COUNT_IO) for (const line of roundTripsBetween(sustained.beginEpochMs, sustained.beginEpochMs + sustained.elapsedMs, "called during the sustained run's measurement")) console.log(`  - ${line}`);
    if (sustained.slowestPer100ms) {
      const line = (values: readonly number[]) => values.map((ms) => ms.toFixed(0)).join(" ");
      console.log(`  - sustained run, per 100 ms (ms): slowest answer, then event-loop lag of the server and of the load generator`);
      console.log(`      answer  ${line(sustained.slowestPer100ms)}`);
      console.log(`      server  ${line(serverLag!.stop(sustained.beginEpochMs).slice(0, sustained.slowestPer100ms.length))}`);
      console.log(`      loadgen ${line((sustained.loadgenLagPer100ms ?? []).slice(0, sustained.slowestPer100ms.length))}`);
    }
    const fakeSustained = await fake?.stats();
    const passesSustained = gateway.driver.passes;
    const capacityBegan = performance.now();
    const sustainedAccepted = sustained.statuses["200"] ?? 0;
    rows.push({
      phase: `POST /api/generate at ${fmt(RATE)}/s offered (PostgreSQL + Redis, upstream: ${UPSTREAM_LABEL}${DRIVER ? "" : ", driver off"}${DRIVER_YIELD ? `, driver yield ${DRIVER_YIELD}` : ""})`,
      result: sustained,
      metric: `${fmt(sustainedAccepted)} of ${fmt(sustained.completed)} accepted, p99 ${fmt(sustained.p99, 1)} ms`,
      target: `all of >= ${fmt(TARGETS.acceptedPerSecond)}/s accepted, p99 < ${TARGETS.p99Ms} ms`,
      met: RATE >= TARGETS.acceptedPerSecond && sustainedAccepted === sustained.completed && sustained.completed > 0 && sustained.p99 < TARGETS.p99Ms,
      ...(sustainedAccepted < sustained.completed ? { note: `answers ${JSON.stringify(sustained.statuses)}` } : {}),
    });

    // 2. Capacity: as many as CONCURRENCY clients get through (closed loop).
    const result = await measured("generate", {
      origin: url,
      requests: measuredSpecs,
      once: true,
      concurrency: CONCURRENCY,
      warmup: { requests: 0, ms: 0 },
      measure: { requests: measuredSpecs.length, ms: SECONDS * 6_000 },
    });
    const fakeAfter = await fake?.stats();
    const passesAfter = gateway.driver.passes;
    const capacityEnded = performance.now();
    const accepted = result.statuses["200"] ?? 0;
    const acceptedPerSecond = (accepted / result.elapsedMs) * 1000;
    // With --count-io and no separate warm-up run, the counts include the warm-up requests.
    const sent = result.completed + warmupSpecs.length + sustained.completed;
    if (COUNT_IO) for (const line of ioPerRequest(ioBefore, snapshotIo(), sent)) console.log(`  ${line}`);
    if (cpuBefore) {
      for (const line of cpuPerRequest(cpuBefore, await sampleCpu(database.url, statsRedis), sent)) console.log(`  ${line}`);
      statsRedis?.disconnect();
    }
    // The driver alone: no request is sent, the tasks accepted above are polled to their end.
    if (fake && DRAIN_SECONDS > 0) {
      const drainRedis = new Redis(REDIS_URL);
      const fakeBegan = await fake.stats();
      const cpuBegan = await sampleCpu(database.url, drainRedis);
      const ioBegan = COUNT_IO ? snapshotIo() : undefined;
      // The closing readings inside the profile: its stop and file write stay out of the figures.
      const { fakeEnded, cpuEnded, ioEnded } = await profiled(PROFILE_DIR, "generate-drain", async () => {
        await new Promise((resolve) => setTimeout(resolve, DRAIN_SECONDS * 1_000));
        const io = COUNT_IO ? snapshotIo() : undefined;
        return { fakeEnded: await fake!.stats(), cpuEnded: await sampleCpu(database.url, drainRedis), ioEnded: io };
      });
      drainRedis.disconnect();
      const completed = fakeEnded.completed - fakeBegan.completed;
      console.log(
        `  - the driver alone for ${DRAIN_SECONDS} s after the runs: ${fmt(completed / DRAIN_SECONDS)} tasks completed/s at the fake; ` +
          `the fake's CPU ${completed ? fmt((fakeEnded.cpuMicros - fakeBegan.cpuMicros) / completed) : "-"} µs per completed task`,
      );
      if (completed > 0) for (const line of cpuPerRequest(cpuBegan, cpuEnded, completed, "completed task")) console.log(`    ${line}`);
      if (ioBegan && ioEnded && completed > 0) for (const line of ioPerRequest(ioBegan, ioEnded, completed)) console.log(`    ${line.replace(/per request/g, "per completed task")}`);
    }
    let pollingRow: Row | undefined;
    if (fakeBefore && fakeSustained && fakeAfter) {
      console.log(`  - ${upstreamWindow("sustained run", fakeBefore, fakeSustained, passesSustained - passesBefore, capacityBegan - sustainedBegan, warmupSpecs.length + sustained.completed)}`);
      console.log(`  - ${upstreamWindow("capacity run", fakeSustained, fakeAfter, passesAfter - passesSustained, capacityEnded - capacityBegan, result.completed)}`);
      const acceptedAll = 1 + warmupSpecs.length + sustainedAccepted + accepted;
      const done = fakeAfter.completed;
      const per = (n: number) => (done ? fmt(n / done, 2) : "-");
      console.log(`  - at the end: ${fmt(fakeAfter.submitted)} submitted to the fake, ${fmt(done)} completed, of about ${fmt(acceptedAll)} accepted (warm-up counted as accepted; the rest queued or running)`);
      console.log(
        `  - fake fal requests over the phase: ${fmt(fakeAfter.calls.submit)} submit, ${fmt(fakeAfter.calls.status)} status, ${fmt(fakeAfter.calls.result)} result, ${fmt(fakeAfter.calls.files)} file; ` +
          `per completed task: ${per(fakeAfter.completedPolls)} polls (submit + status), ${per(fakeAfter.completedRunningMs)} ms from submit to COMPLETED; ` +
          `the fake's own CPU during the runs ${fmt((fakeAfter.cpuMicros - fakeBefore.cpuMicros) / 1000)} ms (not in the gateway's figures)`,
      );
      // Each completed task ran completedRunningMs / POLL_INTERVAL_MS intervals, plus the pass that submitted it.
      const intervals = fakeAfter.completedRunningMs / POLL_INTERVAL_MS + done;
      const pollsPerInterval = done ? fakeAfter.completedPolls / intervals : Number.NaN;
      pollingRow = {
        phase: `upstream polls per running task per ${POLL_INTERVAL_MS} ms (fake fal, whole phase)`,
        metric: `${fmt(pollsPerInterval, 2)} (${fmt(fakeAfter.completedPolls)} submit + status requests of ${fmt(done)} completed tasks over ${fmt(intervals)} task-intervals)`,
        target: "<= 1",
        met: done > 0 && pollsPerInterval <= 1,
      };
    }
    rows.push({
      phase: `POST /api/generate, ${CONCURRENCY} clients (capacity, upstream: ${UPSTREAM_LABEL})`,
      result,
      metric: `${fmt(acceptedPerSecond)} accepted/s`,
      target: `>= ${fmt(TARGETS.acceptedPerSecond)}/s`,
      met: acceptedPerSecond >= TARGETS.acceptedPerSecond,
      note: `${accepted} of ${result.completed} accepted${accepted < result.completed ? `; answers ${JSON.stringify(result.statuses)}` : ""}`,
    });
    if (pollingRow) rows.push(pollingRow);
    return { upstream, sustainedP99: sustained.p99, acceptedPerSecond };
  } finally {
    // A driver pass still working through a backlog may hold the close: the bench goes on after 15 s.
    const closing = gateway?.close().then(() => true);
    const closed = await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 15_000, false).unref())]);
    if (closed === false) {
      closing?.catch(() => undefined);
      console.error("bench: the gateway did not close within 15 s (a task-driver pass was still running); going on without it");
    }
    fake?.close();
    await database.drop().catch((error: unknown) => console.error(`bench: could not drop the database: ${String(error)}`));
    await rm(dataDir, { recursive: true, force: true });
    await cleanRedis(prefix);
  }
}

async function cleanRedis(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      if (found.length) await redis.del(...found);
      cursor = next;
    } while (cursor !== "0");
  } catch {
    // best effort: the limiter's keys expire on their own
  } finally {
    redis.disconnect();
  }
}

function printTable(baseline: LoadResult | undefined): void {
  const header = ["phase", "requests", "req/s", "p50 ms", "p99 ms", "result", "target", "met"];
  const body = rows.map((row) => [
    row.phase,
    row.result ? fmt(row.result.completed) : "-",
    row.result ? fmt(row.result.rps) : "-",
    row.result ? fmt(row.result.p50, 2) : "-",
    row.result ? fmt(row.result.p99, 2) : "-",
    row.metric,
    row.target,
    row.met === null ? "-" : row.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of body) console.log(line(r));
  for (const row of rows) if (row.note) console.log(`  ${row.phase}: ${row.note}`);
  for (const row of rows) if (row.result?.errors) console.log(`  ${row.phase}: ${row.result.errors} transport errors`);
  if (!baseline && rows.some((r) => r.phase.includes("PGlite"))) console.log("  (no baseline phase: ratios unavailable)");
  console.log(`  load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)} (2 cores; above ~1.5 before the run, other processes compete for them)`);
  const missed = rows.filter((r) => r.met === false).map((r) => r.phase);
  console.log(missed.length ? `\nTargets missed: ${missed.join("; ")}` : "\nAll measured targets met.");
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
