// What the simulator does per request, beyond its answer (Simulation.work()): the rules that keep
// a day of traffic cheap to simulate. Each test fails if its rule is undone; none measures time.
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import { createSimulation, prepareStreams, type Simulation } from "../../src/simulation/simulator.ts";
import { parseWorkload } from "../../src/simulation/workload.ts";

const engine = createEngine();
const START = Date.UTC(2026, 11, 7);
const IMAGE = { model: "gpt-image-2", params: { prompt: "a fox", width: 1024, height: 1024 } };
const VIDEO = { model: "seedance-2.0", params: { prompt: "a cat", width: 1280, height: 720, duration: 8 } };

function simulation(workload: Record<string, unknown>): Simulation {
  const parsed = parseWorkload(workload, { startAt: START, dailyLimit: usdToMicros(1_000), poolSize: 12 });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const prepared = prepareStreams(engine, parsed.value);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
  const run = createSimulation(engine, parsed.value, prepared.value, parsed.value.seed);
  while (!run.step(Number.POSITIVE_INFINITY));
  return run;
}

/** A day of images and videos from two keys, 2% failures, a pool that keeps up. */
const day = {
  horizonHours: 24,
  seriesStep: "HOUR",
  keys: [{ id: "a" }, { id: "b" }],
  streams: [
    { key: "a", request: IMAGE, arrival: { kind: "POISSON", perHour: 100 }, onRefusal: "RETRY" },
    { key: "b", request: VIDEO, arrival: { kind: "POISSON", perHour: 40 } },
  ],
  provider: { poolSize: 50, failureRate: 0.02 },
};

describe("simulator work per request", () => {
  it("holds no list of a burst's instants: a burst of a million requests costs nothing before they come", () => {
    const parsed = parseWorkload(
      { horizonHours: 2, keys: [{ id: "a" }], streams: [{ key: "a", request: IMAGE, arrival: { kind: "BURST", atHour: 1, count: 1_000_000, overSeconds: 3_000 } }] },
      { startAt: START, dailyLimit: usdToMicros(1_000), poolSize: 12 },
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const prepared = prepareStreams(engine, parsed.value);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
    const before = process.memoryUsage().arrayBuffers;
    const run = createSimulation(engine, parsed.value, prepared.value, 1);
    // A list of the million instants would be 8 MB of typed array; the run's own arrays are far less.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4 * 1024 * 1024);
    run.step(10);
    expect(run.work().events).toBe(10);
  });

  it("looks for a due refund deadline or hard limit about once per refund period of each task still open, not at every event", () => {
    const run = simulation(day);
    const { events, deadlineLooks } = run.work();
    const { accepted } = run.result().totals;
    expect(accepted).toBeGreaterThan(2_000);
    // Every task here ends within 5 minutes; a look at every event would make this `events`.
    expect(deadlineLooks).toBeLessThan(accepted / 10);
    expect(events).toBeGreaterThan(2 * accepted);
  });

  it("stores no queue wait of a task that started at once: the percentiles count them as zeros", () => {
    const run = simulation(day);
    const first = run.result();
    expect(run.work().storedWaits).toBe(0);
    expect(first.queueWait).toMatchObject({ count: first.totals.accepted, p5: 0, p99: 0 });
  });

  it("stores only the waits that were not zero when tasks queue for the pool", () => {
    const run = simulation({
      horizonHours: 1,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "BURST", atHour: 0, count: 5 } }],
      provider: { poolSize: 1, latencySeconds: { image: { min: 20, max: 20 } } },
    });
    expect(run.work().storedWaits).toBe(4);
    expect(run.result().queueWait).toMatchObject({ count: 5, p5: 0, p50: 40_000, p95: 80_000 });
  });

  it("reads the workload's streams and keys and the engine's quotes while it prepares, not per request", () => {
    const parsed = parseWorkload(day, { startAt: START, dailyLimit: usdToMicros(1_000), poolSize: 12 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    let stepping = false;
    let reads = 0;
    const watched = <T extends object>(target: T): T => new Proxy(target, { get: (t, name, receiver) => ((reads += stepping ? 1 : 0), Reflect.get(t, name, receiver)) });
    const workload = Object.assign({}, parsed.value, {
      streams: parsed.value.streams.map((s) => watched(Object.assign({}, s, { arrival: watched(s.arrival) }))),
      keys: parsed.value.keys.map(watched),
    });
    const quoting = Object.assign(Object.create(engine) as typeof engine, { quoteNormalized: (...args: Parameters<typeof engine.quoteNormalized>) => watched(engine.quoteNormalized(...args)) });
    const prepared = prepareStreams(engine, workload);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
    const run = createSimulation(quoting, workload, prepared.value, workload.seed);
    stepping = true;
    while (!run.step(Number.POSITIVE_INFINITY));
    stepping = false;
    // No key ran short of budget here (no fit was needed): every request was charged its stream's quote.
    expect(run.result().totals).toMatchObject({ downgraded: 0, refusedBudget: 0 });
    expect(run.result().totals.accepted).toBeGreaterThan(2_000);
    expect(reads).toBe(0);
  });

  it("takes the task arrays a finished simulation gave back, answers as with fresh ones, and never shares them", () => {
    const fresh = simulation(day);
    const answer = JSON.stringify(fresh.result());
    const again = simulation(day);
    expect(again.work().reusedTaskArrays).toBe(true);
    expect(JSON.stringify(again.result())).toBe(answer);
    // Two simulations at once: at most one takes the spare arrays.
    const parsed = parseWorkload(day, { startAt: START, dailyLimit: usdToMicros(1_000), poolSize: 12 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const prepared = prepareStreams(engine, parsed.value);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
    const [first, second] = [createSimulation(engine, parsed.value, prepared.value, 1), createSimulation(engine, parsed.value, prepared.value, 1)];
    expect([first.work().reusedTaskArrays, second.work().reusedTaskArrays]).toEqual([true, false]);
    // Stepped in turns, as the service runs simulations in slices.
    let over = [false, false];
    while (!over[0] || !over[1]) over = [over[0] || first.step(500), over[1] || second.step(500)];
    expect(JSON.stringify(first.result())).toBe(JSON.stringify(second.result()));
  });

  it("takes Poisson arrivals from one process beside its heap: the heap holds task ends, not requests", () => {
    const poisson = simulation(day);
    const { events, heapEvents } = poisson.work();
    const { requests, accepted } = poisson.result().totals;
    // Every task here ends within 5 minutes: no deadline is due, so each event is an arrival or from the heap.
    expect(heapEvents).toBe(events - requests);
    expect(heapEvents).toBeLessThan(1.2 * accepted);
    // FIXED arrivals are heap events, one per request: the count above is not the heap's whole work by construction.
    const fixed = simulation(Object.assign({}, day, { streams: day.streams.map((s) => Object.assign({}, s, { arrival: { kind: "FIXED", perHour: s.arrival.perHour } })) }));
    expect(fixed.work().heapEvents).toBe(fixed.work().events);
  });

  it("makes its percentiles and its series when first read, once", () => {
    const first = simulation(day).result();
    for (const part of ["queueWait", "completion", "series"] as const) {
      expect(typeof Object.getOwnPropertyDescriptor(first, part)?.get, part).toBe("function");
      expect(first[part], part).toBe(first[part]);
    }
  });
});
