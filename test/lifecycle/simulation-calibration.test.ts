// Calibration of the workload simulator against a running gateway (issue 15): small workloads
// run both ways, simulated and for real over HTTP against a gateway with scaled clocks and the
// simulated provider (calibration-support.ts).
//
// The exact cases hold the simulator's copy of the task driver's rules (domain/generation-clocks.ts,
// services/task-driver.ts) to the gateway: with fixed latencies, and failures or stalls at rate 1,
// both sides must give the same accepted, downgraded and refused-by-reason counts, the same
// finished, failed, timed-out and refunded tasks, and the same spend to the micro-dollar, per key.
// Each workload is one whose totals turn on the rule it calibrates (a wrong rule in the simulator
// gives other totals), and on nothing the gateway adds to the simulator's exact instants: every
// exact case first checks that its totals stay the same when each attempt ends up to 300 ms late
// and every request comes 250 ms late.
//
// The random case holds the simulator's p5–p95 bands over replications to one real run whose
// totals depend on the latencies drawn.
import { afterAll, describe, expect, it } from "vitest";
import { createSimulatedProvider, SIMULATED_FAILURE } from "../../src/adapters/providers/simulated-provider.ts";
import { generationClocks } from "../../src/domain/generation-clocks.ts";
import { HARD_LIMIT_ERROR } from "../../src/services/task-driver.ts";
import type { Workload } from "../../src/simulation/workload.ts";
import { Cleanup, launch, usedMicros } from "./support.ts";
import {
  compared, COMPARED, disturbed, parsed, requestedCost, runForReal, sendAll, simulated, simulatedUsage,
  type Compared, type WorkloadJson,
} from "./calibration-support.ts";

/** 10 / 20 / 40 minutes are 30 / 60 / 120 s; the 30-second request window does not scale. */
const SCALE = 20;
const IMAGE = { model: "flux-schnell", params: { prompt: "a calibrated fox", width: 512, height: 512 } };
const VIDEO = { model: "seedance-2.0", params: { prompt: "a calibrated cat", width: 1280, height: 720, duration: 8 } };
/**
 * The simulated provider's outcomes and latencies, without drawing the output files: rendering is
 * the test gateway's own work (no upstream does it), and on a loaded machine it would add to every
 * attempt what the simulation rightly leaves out.
 */
const noFiles = async () => ({ files: [], result: [], glb: [] });

type Latencies = Partial<Record<"image" | "video" | "3d", readonly [number, number]>>;
/** Latency ranges as the provider takes them → as a workload says them. */
const rangesOf = (latency: Latencies) => Object.fromEntries(Object.entries(latency).map(([kind, [min, max]]) => [kind, { min, max }]));

/**
 * Gateways start one at a time, in the order of the cases: the gateways of this file share one
 * thread, and five starting together would each be ready only when all are (some 8 s). The case
 * that runs longest comes first.
 */
let launching: Promise<unknown> = Promise.resolve();

/** A gateway at `scale` with `poolSize` accounts, on the simulated provider with these rates and latencies. */
function gatewayFor(cleanup: Cleanup, scale: number, poolSize: number, provider: { failureRate: number; stallRate: number; latency?: Latencies }) {
  const started = launching.then(() =>
    launch(cleanup, {
      env: { GATEAI_TIME_SCALE: String(scale), GATEAI_POOL_SIZE: String(poolSize) },
      options: {
        provider: createSimulatedProvider({
          timeScale: scale, failureRate: provider.failureRate, stallRate: provider.stallRate, render: noFiles,
          ...(provider.latency ? { latencySeconds: provider.latency } : {}),
        }),
        driver: { tickMs: 20 },
      },
    }),
  );
  launching = started.catch(() => undefined);
  return started;
}

/** The workload's totals do not turn on what a gateway adds to the simulator's instants (see disturbed). */
function expectUndisturbed(workload: Workload, totals: Compared): void {
  for (const delayMs of [100, 300]) {
    for (let seed = 1; seed <= 5; seed++) expect(disturbed(workload, delayMs, 0, seed), `attempts up to ${delayMs} ms late (seed ${seed})`).toEqual(totals);
  }
  for (let seed = 1; seed <= 5; seed++) expect(disturbed(workload, 0, 250, seed), `each request up to 250 ms late (seed ${seed})`).toEqual(totals);
}

describe("workload simulator calibrated against a running gateway", { timeout: 90_000, concurrent: true }, () => {
  const cleanup = new Cleanup();
  afterAll(() => cleanup.run(), 60_000);

  it("gives the same totals, refunds and spend as the gateway with latencies beyond the slot's 10 minutes and the refund's 20", async () => {
    // Slot 10 s, refund 20 s, hard limit 40 s; videos take 32.5 s, images 1 s.
    const scale = 60;
    const latency = { image: [60, 60], video: [1950, 1950] } as const;
    const gateway = await gatewayFor(cleanup, scale, 12, { failureRate: 0, stallRate: 0, latency });
    const json: WorkloadJson = {
      start: new Date().toISOString(),
      horizonHours: 1,
      timeScale: scale,
      keys: [{ id: "videos", dailyLimitUsd: 100 }, { id: "one-video", dailyLimitUsd: requestedCost(VIDEO) / 1e6 }],
      streams: [
        { key: "videos", request: VIDEO, arrival: { kind: "LIST", atSeconds: [0, 0, 0, 0, 0] } },
        // At 5 s the five videos hold the slots (CONCURRENCY); at 15 s the slots are free, the
        // window is not (WINDOW); at 31.2 s the window is too, and a sixth task is admitted while
        // the five still run (without the 10-minute slot it would be refused until 32.5 s).
        { key: "videos", request: IMAGE, arrival: { kind: "LIST", atSeconds: [5, 15, 31.2] } },
        // The video takes the whole budget until it is refunded at 20 s, unfinished; it finishes
        // at 32.5 s and its result is kept for free.
        { key: "one-video", request: VIDEO, arrival: { kind: "LIST", atSeconds: [0] } },
        { key: "one-video", request: IMAGE, arrival: { kind: "LIST", atSeconds: [18, 22] } },
      ],
      provider: { poolSize: 12, failureRate: 0, stallRate: 0, latencySeconds: rangesOf(latency) },
    };
    const workload = parsed(json);
    const totals = compared(simulated(workload).first.totals);
    expect(totals).toMatchObject({ finished: totals.accepted, failed: 0, refunded: 6, spendMicros: 2 * requestedCost(IMAGE) });
    expect(totals.refusedConcurrency).toBeGreaterThan(0);
    expect(totals.refusedWindow).toBeGreaterThan(0);
    expect(totals.refusedBudget).toBeGreaterThan(0);
    expectUndisturbed(workload, totals);

    const real = await runForReal(gateway, json, 20_000);
    expect(real.totals).toEqual(totals);
    expect(real.usage).toEqual(simulatedUsage(json, simulated(workload).first.keyDays));
  });

  it("gives the same totals, refunds and spend as the gateway when every attempt fails: retries round the pool, accounts locked after 3 failures in a row, FAILED and refunded after 3 attempts", async () => {
    // Account cool-down 3 s, slot 6 s, refund 12 s, hard limit 24 s; an attempt fails after 1.15 s.
    const scale = 100;
    const latency = { image: [115, 115] } as const;
    const gateway = await gatewayFor(cleanup, scale, 3, { failureRate: 1, stallRate: 0, latency });
    const json: WorkloadJson = {
      start: new Date().toISOString(),
      horizonHours: 1,
      timeScale: scale,
      // "one": a budget of one image, given back when its task fails, so its requests are accepted
      // or refused by when the task before failed, which the retries and the locks decide.
      keys: [{ id: "images", dailyLimitUsd: 100 }, { id: "one", dailyLimitUsd: requestedCost(IMAGE) / 1e6 }],
      streams: [
        { key: "images", request: IMAGE, arrival: { kind: "LIST", atSeconds: [0, 4.8, 9.1] } },
        { key: "one", request: IMAGE, arrival: { kind: "LIST", atSeconds: [3, 5.9, 7.2, 9.5, 11.1, 15] } },
      ],
      provider: { poolSize: 3, failureRate: 1, stallRate: 0, latencySeconds: rangesOf(latency) },
    };
    // In the simulation: the first two tasks fail on accounts 1, 2, 3 in turn; the third's
    // failures are each account's third in a row, locking 1, 2 and 3 (at 5.95, 7.1 and 8.25 s), so
    // the task "one" sends at 7.2 s waits for account 1's cool-down (8.95 s) and fails, giving the
    // budget back, at 12.4 s; without the locks, before its request at 11.1 s.
    const workload = parsed(json);
    const totals = compared(simulated(workload).first.totals);
    expect(totals).toMatchObject({ failed: totals.accepted, refunded: totals.accepted, retriedAttempts: 2 * totals.accepted, timedOut: 0, spendMicros: 0 });
    expect(totals.refusedBudget).toBeGreaterThan(0);
    // The totals turn on the attempts per task and the pool's size.
    expect(compared(simulated({ ...workload, provider: { ...workload.provider, maxAttempts: 2 } }).first.totals)).not.toEqual(totals);
    expect(compared(simulated({ ...workload, provider: { ...workload.provider, poolSize: 2 } }).first.totals)).not.toEqual(totals);
    expect(compared(simulated({ ...workload, provider: { ...workload.provider, poolSize: 4 } }).first.totals)).not.toEqual(totals);
    expectUndisturbed(workload, totals);

    const real = await runForReal(gateway, json, 40_000);
    expect(real.totals).toEqual(totals);
    expect(real.usage).toEqual(simulatedUsage(json, simulated(workload).first.keyDays));
    expect(real.tasks.map((t) => [t.status, t.error, t.attempts])).toEqual(real.tasks.map(() => ["FAILED", SIMULATED_FAILURE, 3]));
    // The gateway locked accounts too (their lock stays written after it expires).
    const locked = await gateway.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM pool_accounts WHERE locked_until IS NOT NULL");
    expect(locked[0]!.n).toBeGreaterThan(0);
  });

  it("gives the same totals, refunds and spend as the gateway when every attempt stalls: slots freed at 10 minutes, refunds at 20, FAILED at the 40-minute hard limit", async () => {
    // Slot 3 s, refund 6 s, hard limit 12 s; two accounts, so most tasks wait QUEUED until their deadlines.
    const scale = 200;
    const gateway = await gatewayFor(cleanup, scale, 2, { failureRate: 0, stallRate: 1 });
    const json: WorkloadJson = {
      start: new Date().toISOString(),
      horizonHours: 1,
      timeScale: scale,
      keys: [{ id: "five", dailyLimitUsd: 100 }, { id: "two", dailyLimitUsd: (2 * requestedCost(IMAGE)) / 1e6 }],
      streams: [
        // Five stall; at 1.5 s they hold the key's five slots (CONCURRENCY); at 4.5 s the slots are
        // free (10 minutes) though the tasks still run, and the window refuses (WINDOW).
        { key: "five", request: IMAGE, arrival: { kind: "LIST", atSeconds: [0, 0, 0, 0, 0, 1.5, 4.5] } },
        // Two fill the budget; at 3.5 s nothing fits; at 7.2 s the first is refunded (20 minutes) and one fits again.
        { key: "two", request: IMAGE, arrival: { kind: "LIST", atSeconds: [0.5, 2, 3.5, 7.2] } },
      ],
      provider: { poolSize: 2, failureRate: 0, stallRate: 1 },
    };
    const workload = parsed(json);
    const totals = compared(simulated(workload).first.totals);
    expect(totals).toMatchObject({ finished: 0, failed: totals.accepted, timedOut: totals.accepted, refunded: totals.accepted, spendMicros: 0 });
    expect(totals.refusedConcurrency).toBeGreaterThan(0);
    expect(totals.refusedWindow).toBeGreaterThan(0);
    expect(totals.refusedBudget).toBeGreaterThan(0);
    expectUndisturbed(workload, totals);

    const real = await runForReal(gateway, json, 25_000);
    expect(real.totals).toEqual(totals);
    expect(real.usage).toEqual(simulatedUsage(json, simulated(workload).first.keyDays));
    // Each FAILED at its own hard limit, as the simulation ends it (at the driver's next pass: a
    // few ms, seconds on a loaded machine).
    const { hardLimitMs } = generationClocks(scale);
    for (const task of real.tasks) {
      expect(task.error).toBe(HARD_LIMIT_ERROR);
      expect(task.ms).toBeGreaterThanOrEqual(hardLimitMs);
      expect(task.ms).toBeLessThan(hardLimitMs + 4_000);
    }
  });

  it("keeps the real totals and spend inside the simulated p5–p95 bands, with random latencies and a pool small enough that queueing decides refunds and time-outs", async () => {
    // Refund 8 s, hard limit 16 s; an image takes 3–5 s (drawn per attempt); two accounts for ten images.
    //
    // Each account runs its tasks back to back: by the refund deadline it has finished 1 or 2
    // (S1 <= 5 < 8 < 9 <= S3, S2 in [6, 10]: even odds), by the hard limit 3 or 4 (S3 <= 15 < 16,
    // S4 in [12, 20]: even odds; S5 <= 16 has odds of 3e-4, less with the gateway's delays). So
    // refunded is 6, 7 or 8 (1/4, 1/2, 1/4), finished 6 to 8, timed out 2 to 4, spend 2 to 4
    // images: few values, each end with a quarter of the runs, so the p5–p95 of 100 replications
    // is the whole range a real run lands in (an end left out of the band has odds under 1e-4),
    // and the decisive instants keep 1 s from the deadlines for the gateway's own delays.
    // Measured with the simulator: none of 1,000 runs fell outside any of 200 bands (seeds
    // apart), none of 2,000 with every attempt up to 300 ms late. Yet the bands are narrow: with
    // one account more or less, or latencies 3 times as long, a run falls outside them every time.
    const scale = 150;
    const latency = { image: [450, 750] } as const;
    const gateway = await gatewayFor(cleanup, scale, 2, { failureRate: 0, stallRate: 0, latency });
    const json: WorkloadJson = {
      start: new Date().toISOString(),
      horizonHours: 1,
      timeScale: scale,
      replications: 100,
      keys: [{ id: "a", dailyLimitUsd: 100 }, { id: "b", dailyLimitUsd: 100 }],
      streams: [
        { key: "a", request: IMAGE, arrival: { kind: "BURST", atHour: 0, count: 5 } },
        { key: "b", request: IMAGE, arrival: { kind: "BURST", atHour: 0, count: 5 } },
      ],
      provider: { poolSize: 2, failureRate: 0, stallRate: 0, latencySeconds: rangesOf(latency) },
    };
    const report = simulated(parsed(json));
    const bands = new Map(report.bands.map((band) => [band.name, band]));
    // The totals vary with the latencies drawn.
    for (const name of ["finished", "timedOut", "refunded", "spendMicros"] as const) expect(bands.get(name)!.p95, name).toBeGreaterThan(bands.get(name)!.p5);

    const real = await runForReal(gateway, json, 20_000);
    const outside = COMPARED.filter((name) => real.totals[name] < bands.get(name)!.p5 || real.totals[name] > bands.get(name)!.p95).map(
      (name) => `${name} ${real.totals[name]} not in ${bands.get(name)!.p5}..${bands.get(name)!.p95}`,
    );
    expect(outside, JSON.stringify(real.totals)).toEqual([]);
    expect([...real.usage.values()].reduce((sum, used) => sum + used, 0)).toBe(real.totals.spendMicros);
  });

  it("gives the same accepted, downgraded and refused counts and the same spend as the gateway, with fixed latencies and no failures", async () => {
    // Videos run 27 s (below the 30 s slot and the 60 s refund), images 0.3 s.
    const latency = { image: [6, 6], video: [540, 540], "3d": [60, 60] } as const;
    const gateway = await gatewayFor(cleanup, SCALE, 12, { failureRate: 0, stallRate: 0, latency });
    // Key "budget": two videos fit, then a downgrade, then nothing fits (limit = 2.5 × the price, rounded to the cent).
    const videoLimitUsd = Math.round(2.5 * requestedCost(VIDEO) / 10_000) / 100;
    const json: WorkloadJson = {
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
      provider: { poolSize: 12, failureRate: 0, stallRate: 0, latencySeconds: rangesOf(latency) },
    };
    const report = simulated(parsed(json));
    const totals = report.first.totals;
    // The workload exercises every rule it calibrates.
    expect(totals.downgraded).toBeGreaterThan(0);
    expect(totals.refusedBudget).toBeGreaterThan(0);
    expect(totals.refusedConcurrency).toBeGreaterThan(0);
    expect(totals.refusedWindow).toBeGreaterThan(0);

    // Compared as soon as the last request is answered: spend is what acceptance charged.
    const real = await sendAll(gateway, json);
    const spend = [...real.charged.values()].reduce((sum, cost) => sum + cost, 0);
    expect({ accepted: real.accepted, downgraded: real.downgraded, refusedConcurrency: real.refusedConcurrency, refusedWindow: real.refusedWindow, refusedBudget: real.refusedBudget, spend }).toEqual({
      accepted: totals.accepted,
      downgraded: totals.downgraded,
      refusedConcurrency: totals.refusedConcurrency,
      refusedWindow: totals.refusedWindow,
      refusedBudget: totals.refusedBudget,
      spend: totals.spendMicros,
    });
    // Each key's day as the gateway books it.
    for (const day of report.first.keyDays) expect(await usedMicros(gateway.url, real.keys.get(day.key)!), day.key).toBe(day.spendMicros);
  });
});
