// The simulation service runs a workload in bounded slices, giving the event loop its turn
// between them, and lets each key run only a few simulations at once.
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import type { FinishedLatencyQuery } from "../../src/services/ports/task-repo.ts";
import { createSimulationService, OBSERVED_TASKS, OBSERVED_WINDOW_MS } from "../../src/services/simulation.ts";
import { createWorkloadRun } from "../../src/simulation/run.ts";
import { parseWorkload } from "../../src/simulation/workload.ts";
import { OBSERVED_PROBABILITIES } from "../../src/simulation/latency.ts";
import type { ApiKeyRecord } from "../../src/services/keys.ts";

const key = (id: string): ApiKeyRecord => ({ id, prefix: "sk-test", label: null, dailyLimitOverride: null, dailyLimit: 50_000_000, createdAt: new Date(0), revokedAt: null }) as ApiKeyRecord;
const workload = (perHour: number) => ({
  horizonHours: 2,
  keys: [{ id: "app" }],
  streams: [{ key: "app", request: { model: "gpt-image-2", params: { prompt: "a fox" } }, arrival: { kind: "POISSON", perHour } }],
});

describe("simulation service", () => {
  it("runs a large workload in slices of at most sliceEvents events, yielding between them", async () => {
    let turns = 0;
    const service = createSimulationService({ engine: createEngine(), clock: manualClock(), poolSize: 12, sliceEvents: 500, yieldToLoop: async () => void turns++ });
    const result = await service.simulate(key("k1"), workload(3_000));
    if (!result.ok) throw new Error(result.error.message);
    const events = result.value.first.events;
    expect(events).toBeGreaterThan(5_000);
    expect(turns).toBeGreaterThanOrEqual(Math.floor(events / 500));
  });

  it("sizes its slices by the time they take: slow slices shrink to a few milliseconds of work, fast ones grow to sliceEvents", async () => {
    /** Turns given to the event loop, and the run's events, when every slice takes `msPerSlice` of `elapsed`. */
    const run = async (msPerSlice: number, perHour: number) => {
      let now = 0;
      let turns = 0;
      const service = createSimulationService({
        engine: createEngine(),
        clock: manualClock(),
        poolSize: 12,
        sliceMs: 5,
        // Read once before a slice and once after it: each reading moves on by msPerSlice.
        elapsed: () => (now += msPerSlice),
        yieldToLoop: async () => void turns++,
      });
      const result = await service.simulate(key("k1"), workload(perHour));
      if (!result.ok) throw new Error(result.error.message);
      return { turns, events: result.value.first.events };
    };
    /** Turns between slices of these sizes (the last repeated) over `events`. */
    const turnsFor = (events: number, sizes: readonly number[]) => {
      let slices = 0;
      for (let done = 0; done < events; slices++) done += sizes[Math.min(slices, sizes.length - 1)]!;
      return slices - 1;
    };
    // 50 ms for the first slice's 1,000 events: every later slice gets the fewest events, 100.
    const slow = await run(50, 3_000);
    expect(slow.events).toBeGreaterThan(5_000);
    expect(slow.turns).toBe(turnsFor(slow.events, [1_000, 100]));
    // 0.1 ms a slice: each next one four times larger, up to the default's most (20,000).
    const fast = await run(0.1, 30_000);
    expect(fast.events).toBeGreaterThan(41_000);
    expect(fast.turns).toBe(turnsFor(fast.events, [1_000, 4_000, 16_000, 20_000]));
    // No time measured at all (a coarse clock): four times larger each time, as fast.
    expect((await run(0, 30_000)).turns).toBe(fast.turns);
  });

  it("starts a simulation at the slice size the process's last slices came to: a warm process runs a small workload in one slice", async () => {
    let turns = 0;
    const service = createSimulationService({ engine: createEngine(), clock: manualClock(), poolSize: 12, sliceMs: 5, elapsed: (() => { let now = 0; return () => (now += 0.1); })(), yieldToLoop: async () => void turns++ });
    const first = await service.simulate(key("k1"), workload(3_000));
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.first.events).toBeGreaterThan(5_000);
    expect(first.value.first.events).toBeLessThan(16_000);
    // Cold: 1,000 events, then 4,000, then the rest.
    expect(turns).toBe(2);
    turns = 0;
    const again = await service.simulate(key("k1"), workload(3_000));
    if (!again.ok) throw new Error(again.error.message);
    expect(turns).toBe(0);
  });

  it("starts a workload without `start` at today's UTC midnight and gives its keys the caller's daily limit", async () => {
    const clock = manualClock(Date.UTC(2026, 11, 7, 15, 30));
    const service = createSimulationService({ engine: createEngine(), clock, poolSize: 12 });
    const result = await service.simulate(key("k1"), workload(60));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.startAt).toBe(Date.UTC(2026, 11, 7));
    expect(result.value.first.keyDays[0]!.dailyLimitMicros).toBe(50_000_000);
  });

  it("refuses a key's third simulation at once (RATE_LIMITED, CONCURRENCY) while another key runs", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const service = createSimulationService({ engine: createEngine(), clock: manualClock(), poolSize: 12, sliceEvents: 100, yieldToLoop: () => gate });
    const running = [service.simulate(key("busy"), workload(3_000)), service.simulate(key("busy"), workload(3_000))];
    const third = await service.simulate(key("busy"), workload(3_000));
    expect(third).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", reason: "CONCURRENCY" } });
    const other = service.simulate(key("other"), workload(60));
    release();
    expect((await Promise.all([...running, other])).map((r) => r.ok)).toEqual([true, true, true]);
    // Once they are over, the key may simulate again.
    expect((await service.simulate(key("busy"), workload(60))).ok).toBe(true);
  });

  it("refuses a simulation over the process's own limit, whatever the key, and takes one again when one ends", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const service = createSimulationService({ engine: createEngine(), clock: manualClock(), poolSize: 12, sliceEvents: 100, processConcurrent: 2, yieldToLoop: () => gate });
    const running = [service.simulate(key("a"), workload(3_000)), service.simulate(key("b"), workload(3_000))];
    expect(await service.simulate(key("c"), workload(3_000))).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", reason: "CONCURRENCY" } });
    release();
    expect((await Promise.all(running)).map((r) => r.ok)).toEqual([true, true]);
    expect((await service.simulate(key("c"), workload(60))).ok).toBe(true);
  });

  it("answers a workload over a bound with INVALID_PARAMS, and a model that does not exist with MODEL_NOT_FOUND", async () => {
    const service = createSimulationService({ engine: createEngine(), clock: manualClock(), poolSize: 12 });
    expect(await service.simulate(key("k"), { ...workload(60), horizonHours: 1000 })).toMatchObject({ ok: false, error: { code: "INVALID_PARAMS", issues: [{ field: "horizonHours" }] } });
    const unknown = { ...workload(60), streams: [{ key: "app", request: { model: "gpt-image-9" }, arrival: { kind: "FIXED", perHour: 1 } }] };
    expect(await service.simulate(key("k"), unknown)).toMatchObject({ ok: false, error: { code: "MODEL_NOT_FOUND" } });
  });

  it("refuses a workload with a model this gateway does not run (MODEL_UNAVAILABLE), as generate would, rather than simulate it accepted", async () => {
    const availability = (model: string) => (model === "gpt-image-2" ? { available: false, via: null } : { available: true, via: "simulation" as const });
    const service = createSimulationService({ engine: createEngine(), clock: manualClock(), poolSize: 12, availability });
    expect(await service.simulate(key("k"), workload(60))).toMatchObject({ ok: false, error: { code: "MODEL_UNAVAILABLE", model: "gpt-image-2" } });
    const other = Object.assign(workload(60), { streams: [{ key: "app", request: { model: "flux-schnell", params: { prompt: "x" } }, arrival: { kind: "FIXED", perHour: 60 } }] });
    expect((await service.simulate(key("k"), other)).ok).toBe(true);
  });

  it("reads observed latencies through the TaskRepo for a workload that asks for them, and draws its images from them", async () => {
    const queries: FinishedLatencyQuery[] = [];
    const tasks = {
      finishedLatency: async (query: FinishedLatencyQuery) => {
        queries.push(query);
        // Images took exactly 42 s; 5 videos are too few to draw from.
        return [
          { output: "image" as const, tasks: 300, seconds: query.probabilities.map(() => 42) },
          { output: "video" as const, tasks: 5, seconds: query.probabilities.map(() => 99) },
          { output: "3d" as const, tasks: 0, seconds: [] },
        ];
      },
    };
    const now = Date.UTC(2026, 11, 7, 15, 30);
    const service = createSimulationService({ engine: createEngine(), clock: manualClock(now), poolSize: 12, tasks });
    const observed = await service.simulate(key("k1"), Object.assign(workload(60), { provider: { latencyFrom: "OBSERVED" } }));
    if (!observed.ok) throw new Error(observed.error.message);
    expect(queries).toEqual([{ outputs: ["image", "video", "3d"], since: now - OBSERVED_WINDOW_MS, until: now, perOutput: OBSERVED_TASKS, probabilities: OBSERVED_PROBABILITIES }]);
    expect(observed.value.first.completion).toMatchObject({ p5: 42_000, p99: 42_000 });
    expect(observed.value.latency.map((l) => [l.output, l.source, l.observedTasks])).toEqual([["image", "OBSERVED", 300], ["video", "RANGE", 5], ["3d", "RANGE", 0]]);
    // A workload that does not ask reads nothing.
    expect((await service.simulate(key("k1"), workload(60))).ok).toBe(true);
    expect(queries).toHaveLength(1);
    // On a gateway at time scale 10, its tasks' 42 s are 420 s at scale 1, as a workload's latencies are.
    const scaled = createSimulationService({ engine: createEngine(), clock: manualClock(now), poolSize: 12, tasks, timeScale: 10 });
    const fromScaled = await scaled.simulate(key("k1"), Object.assign(workload(60), { provider: { latencyFrom: "OBSERVED" } }));
    if (!fromScaled.ok) throw new Error(fromScaled.error.message);
    expect(fromScaled.value.first.completion).toMatchObject({ p5: 420_000, p99: 420_000 });
  });

  it("stops a simulation past its events bound with INVALID_PARAMS naming it: retries and attempts add events the requests bound cannot see", async () => {
    const engine = createEngine();
    const parsed = parseWorkload(
      Object.assign(workload(3_600), { replications: 3, streams: [{ key: "app", request: { model: "gpt-image-2", params: { prompt: "x" } }, arrival: { kind: "FIXED", perHour: 3_600 }, onRefusal: "RETRY", maxRetries: 10 }], provider: { failureRate: 0.9, maxAttempts: 10 } }),
      { startAt: Date.UTC(2026, 11, 7), dailyLimit: 10_000_000_000, poolSize: 12 },
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const whole = createWorkloadRun(engine, parsed.value);
    if (!whole.ok) throw new Error(whole.error.message);
    while (!whole.value.step(10_000));
    expect(whole.value.stoppedBy()).toBeUndefined();
    const events = whole.value.report().first.events;
    const bounded = createWorkloadRun(engine, parsed.value, events * 2);
    if (!bounded.ok) throw new Error(bounded.error.message);
    while (!bounded.value.step(10_000));
    expect(bounded.value.stoppedBy()).toMatchObject({ code: "INVALID_PARAMS", issues: [{ field: "workload", reason: expect.stringContaining(`at most ${events * 2}`) }] });
  });
});
