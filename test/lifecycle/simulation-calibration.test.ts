// Calibration of the workload simulator against a running gateway (issue 15): small workloads
// run both ways, simulated and for real over HTTP against a gateway with scaled clocks and the
// simulated provider. With fixed latencies and no failures the accepted, downgraded and refused
// counts and the spend agree to the micro-dollar; with the provider's random latencies, the real
// tasks' median completion time falls inside the simulated p5–p95 band of completion times.
import { afterAll, describe, expect, it } from "vitest";
import { createSimulatedProvider } from "../../src/adapters/providers/simulated-provider.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { percentileOf } from "../../src/simulation/report.ts";
import { simulate } from "../../src/simulation/run.ts";
import { parseWorkload, type Workload } from "../../src/simulation/workload.ts";
import { Cleanup, call, launch, micros, sleep, usedMicros, waitForFinal } from "./support.ts";

/** 10 / 20 / 40 minutes are 30 / 60 / 120 s; the 30-second request window does not scale. */
const SCALE = 20;
const engine = createEngine();
const IMAGE = { model: "flux-schnell", params: { prompt: "a calibrated fox", width: 512, height: 512 } };
const VIDEO = { model: "seedance-2.0", params: { prompt: "a calibrated cat", width: 1280, height: 720, duration: 8 } };
/**
 * The simulated provider's outcomes and latencies, without drawing the output files: rendering is
 * the test gateway's own work (no upstream does it), and on a loaded machine it would add to every
 * attempt what the simulation rightly leaves out.
 */
const noFiles = async () => ({ files: [], result: [], glb: [] });
const requestedCost = (request: { model: string; params: object }) => {
  const quote = engine.quote(request, Number.MAX_SAFE_INTEGER);
  if (!quote.ok) throw new Error(quote.error.message);
  return quote.value.cost;
};

function parsed(json: Record<string, unknown>): Workload {
  const workload = parseWorkload(json, { startAt: Date.now(), dailyLimit: 1_000_000_000, poolSize: 12 });
  if (!workload.ok) throw new Error(JSON.stringify(workload.error));
  return workload.value;
}

/** Arrival instants (ms from the start) of each stream, in the order the simulator takes them. */
const listed = (json: { streams: { arrival: { kind: string; atSeconds?: number[]; count?: number } }[] }) =>
  json.streams.map((s) => (s.arrival.kind === "LIST" ? s.arrival.atSeconds!.map((t) => t * 1000) : new Array<number>(s.arrival.count!).fill(0)));

interface Outcome {
  accepted: number;
  downgraded: number;
  refusedConcurrency: number;
  refusedWindow: number;
  refusedBudget: number;
  spend: number;
  /** Accepted tasks and the raw key each was sent with. */
  tasks: { id: string; key: string }[];
}

/** Sends each stream's requests at their instants (streams side by side, each in order) to a gateway, with one key per workload key. */
async function runForReal(url: string, keys: Map<string, string>, json: any): Promise<Outcome> {
  const outcome: Outcome = { accepted: 0, downgraded: 0, refusedConcurrency: 0, refusedWindow: 0, refusedBudget: 0, spend: 0, tasks: [] };
  const t0 = Date.now();
  const times = listed(json);
  await Promise.all(
    json.streams.map(async (stream: any, s: number) => {
      for (const at of times[s]!) {
        const wait = t0 + at - Date.now();
        if (wait > 0) await sleep(wait);
        const reply = await call(url, "POST", "/api/generate", { key: keys.get(stream.key)!, body: stream.request });
        if (reply.status === 200) {
          outcome.accepted++;
          outcome.spend += micros(reply.body.cost);
          if (micros(reply.body.cost) < requestedCost(stream.request)) outcome.downgraded++;
          outcome.tasks.push({ id: reply.body.task_id, key: keys.get(stream.key)! });
        } else if (reply.body?.code === "RATE_LIMITED" && reply.body.reason === "CONCURRENCY") outcome.refusedConcurrency++;
        else if (reply.body?.code === "RATE_LIMITED" && reply.body.reason === "WINDOW") outcome.refusedWindow++;
        else if (reply.body?.code === "INSUFFICIENT_BUDGET") outcome.refusedBudget++;
        else throw new Error(`unexpected answer ${reply.status} ${reply.text}`);
      }
    }),
  );
  return outcome;
}

describe("workload simulator calibrated against a running gateway", { timeout: 90_000, concurrent: true }, () => {
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run(), 60_000);

  it("gives the same accepted, downgraded and refused counts and the same spend as the gateway, with fixed latencies and no failures", async () => {
    // Videos run 27 s (below the 30 s slot and the 60 s refund), images 0.3 s.
    const latency = { image: [6, 6], video: [540, 540], "3d": [60, 60] } as const;
    const gateway = await launch(cleanup, {
      env: { GATEAI_TIME_SCALE: String(SCALE) },
      options: { provider: createSimulatedProvider({ timeScale: SCALE, failureRate: 0, stallRate: 0, latencySeconds: latency, render: noFiles }), driver: { tickMs: 20 } },
    });
    // Key "budget": two videos fit, then a downgrade, then nothing fits (limit = 2.5 × the price, rounded to the cent).
    const videoLimitUsd = Math.round(2.5 * requestedCost(VIDEO) / 10_000) / 100;
    const json = {
      start: new Date().toISOString(),
      horizonHours: 1,
      timeScale: SCALE,
      keys: [{ id: "videos", dailyLimitUsd: 100 }, { id: "budget", dailyLimitUsd: videoLimitUsd }, { id: "images", dailyLimitUsd: 100 }],
      streams: [
        // 8 at once while each takes 27 s: 5 in flight, 3 refused for concurrency.
        { key: "videos", request: VIDEO, arrival: { kind: "BURST", atHour: 0, count: 8 } },
        { key: "budget", request: VIDEO, arrival: { kind: "BURST", atHour: 0, count: 4 } },
        // One every 2 s, each done in 0.1 s: the 6th and 7th within 30 s of five are refused for the window.
        { key: "images", request: IMAGE, arrival: { kind: "LIST", atSeconds: [0, 2, 4, 6, 8, 10, 12] } },
      ],
      provider: { failureRate: 0, stallRate: 0, latencySeconds: Object.fromEntries(Object.entries(latency).map(([k, [min, max]]) => [k, { min, max }])) },
    };
    const simulated = simulate(engine, parsed(json));
    if (!simulated.ok) throw new Error(simulated.error.message);
    const totals = simulated.value.first.totals;
    // The workload exercises every rule it calibrates.
    expect(totals.downgraded).toBeGreaterThan(0);
    expect(totals.refusedBudget).toBeGreaterThan(0);
    expect(totals.refusedConcurrency).toBeGreaterThan(0);
    expect(totals.refusedWindow).toBeGreaterThan(0);

    const keys = new Map<string, string>();
    for (const k of json.keys) keys.set(k.id, (await gateway.createKey(k.dailyLimitUsd)).key);
    const real = await runForReal(gateway.url, keys, json);
    expect({ accepted: real.accepted, downgraded: real.downgraded, refusedConcurrency: real.refusedConcurrency, refusedWindow: real.refusedWindow, refusedBudget: real.refusedBudget, spend: real.spend }).toEqual({
      accepted: totals.accepted,
      downgraded: totals.downgraded,
      refusedConcurrency: totals.refusedConcurrency,
      refusedWindow: totals.refusedWindow,
      refusedBudget: totals.refusedBudget,
      spend: totals.spendMicros,
    });
    // Each key's day as the gateway books it.
    for (const day of simulated.value.first.keyDays) expect(await usedMicros(gateway.url, keys.get(day.key)!), day.key).toBe(day.spendMicros);
  });

  it("finishes real tasks with a median completion time inside the simulated p5–p95 band, with the provider's random latencies", async () => {
    // Clocks slow enough that a loaded machine's own delays (HTTP, database, passes) stay small beside the latencies.
    const scale = SCALE;
    const gateway = await launch(cleanup, {
      env: { GATEAI_TIME_SCALE: String(scale), GATEAI_POOL_SIZE: "2" },
      options: { provider: createSimulatedProvider({ timeScale: scale, failureRate: 0, stallRate: 0, render: noFiles }), driver: { tickMs: 20 } },
    });
    const json = {
      start: new Date().toISOString(),
      horizonHours: 1,
      timeScale: scale,
      keys: [{ id: "a", dailyLimitUsd: 100 }, { id: "b", dailyLimitUsd: 100 }],
      streams: [
        { key: "a", request: IMAGE, arrival: { kind: "BURST", atHour: 0, count: 5 } },
        { key: "b", request: IMAGE, arrival: { kind: "BURST", atHour: 0, count: 5 } },
      ],
      provider: { poolSize: 2 },
    };
    // The band: every task's completion time (acceptance to FINISHED) over 200 simulated runs of this workload.
    const workload = parsed(json);
    const completions: number[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const run = simulate(engine, { ...workload, seed });
      if (!run.ok) throw new Error(run.error.message);
      expect(run.value.first.totals.accepted).toBe(10);
      completions.push(...run.value.first.completionTimes);
    }
    const sorted = Float64Array.from(completions).sort();
    const band = { p5: percentileOf(sorted, 5), p95: percentileOf(sorted, 95) };

    const keys = new Map<string, string>();
    for (const k of json.keys) keys.set(k.id, (await gateway.createKey(k.dailyLimitUsd)).key);
    const real = await runForReal(gateway.url, keys, json);
    expect(real.accepted).toBe(10);
    const durations: number[] = [];
    for (const task of real.tasks) {
      const final = await waitForFinal(gateway.url, task.key, task.id, 30_000);
      expect(final.status).toBe("FINISHED");
      const record = await gateway.prisma.$queryRawUnsafe<{ ms: number }[]>(
        "SELECT (extract(epoch FROM finished_at - created_at) * 1000)::float8 AS ms FROM tasks WHERE id = $1",
        task.id,
      );
      // Gateway ms: the simulation divides the same latencies by the same time scale.
      durations.push(Number(record[0]!.ms));
    }
    const median = percentileOf(Float64Array.from(durations).sort(), 50);
    expect(median).toBeGreaterThanOrEqual(band.p5);
    expect(median).toBeLessThanOrEqual(band.p95);
  });
});
