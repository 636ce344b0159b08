// The workload simulator keeps the gateway's rules: the engine's quote and downgrade, the per-key
// limits, the daily budget per UTC day with its refunds, and the task driver's pool and clocks.
// Expected figures come from the engine (planBudget, quote) and the spec's clocks, not from the
// simulator itself.
import { describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine/engine.ts";
import { planBudget } from "../../src/engine/whatif.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import { utcDay } from "../../src/kernel/utc-day.ts";
import { SPEC_CLOCKS_MS } from "../../src/domain/generation-clocks.ts";
import { MIN_OBSERVED_TASKS, OBSERVED_PROBABILITIES, type ObservedLatencies } from "../../src/simulation/latency.ts";
import type { SimulationReport } from "../../src/simulation/report.ts";
import { simulate } from "../../src/simulation/run.ts";
import { parseWorkload } from "../../src/simulation/workload.ts";

const engine = createEngine();
const START = Date.UTC(2026, 11, 7);
const IMAGE = { model: "gpt-image-2", params: { prompt: "a fox", width: 1024, height: 1024 } };
const VIDEO = { model: "seedance-2.0", params: { prompt: "a cat", width: 1280, height: 720, duration: 8 } };
/** Image attempts of exactly `seconds`. */
const fixedImages = (seconds: number) => ({ latencySeconds: { image: { min: seconds, max: seconds }, video: { min: seconds, max: seconds } } });

function run(workload: Record<string, unknown>, using: Engine = engine): SimulationReport {
  const parsed = parseWorkload({ start: new Date(START).toISOString(), ...workload }, { startAt: START, dailyLimit: usdToMicros(100), poolSize: 12 });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const report = simulate(using, parsed.value);
  if (!report.ok) throw new Error(JSON.stringify(report.error));
  return report.value;
}

/** The minute of each acceptance, from the minute series. */
const acceptedAtMinutes = (result: SimulationReport["first"]): number[] => result.series.accepted.flatMap((n, minute) => new Array<number>(n).fill(minute));

const price = (request: typeof IMAGE, remaining = usdToMicros(1000)) => {
  const quote = engine.quote(request, remaining);
  if (!quote.ok) throw new Error(quote.error.message);
  return quote.value.cost;
};

describe("workload simulator", () => {
  it("admits 5 of a burst of 8 while their tasks run (5 in flight per key) and charges each the engine's price", () => {
    const { first } = run({
      horizonHours: 1,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "BURST", atHour: 0, count: 8 } }],
      provider: fixedImages(20),
    });
    expect(first.totals).toMatchObject({ requests: 8, accepted: 5, refusedConcurrency: 3, refusedWindow: 0, finished: 5, spendMicros: 5 * price(IMAGE) });
  });

  it("refuses the 6th and 7th request of 30 s for the window when each task ends before the next request", () => {
    const { first } = run({
      horizonHours: 1,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "LIST", atSeconds: [0, 2, 4, 6, 8, 10, 12, 31] } }],
      provider: fixedImages(1),
    });
    // 0..8 admitted; 10 and 12 within 30 s of five admissions; 31 after the first left the window.
    expect(first.totals).toMatchObject({ requests: 8, accepted: 6, refusedWindow: 2, refusedConcurrency: 0 });
  });

  it("downgrades then refuses as the day's budget runs out, and starts afresh after UTC midnight", () => {
    const limit = usdToMicros(3);
    // One video an hour from 20:00 to 04:00 the next day: 4 on the first day, 4 on the second.
    const report = run({
      start: new Date(START + 20 * 3_600_000).toISOString(),
      horizonHours: 8,
      keys: [{ id: "video", dailyLimitUsd: 3 }],
      streams: [{ key: "video", request: VIDEO, arrival: { kind: "FIXED", perHour: 1 } }],
      provider: fixedImages(60),
    });
    const day = planBudget(engine, [VIDEO, VIDEO, VIDEO, VIDEO], limit);
    const okSteps = day.steps.filter((s) => s.result.ok);
    const downgrades = okSteps.filter((s) => s.result.ok && s.result.value.cost < s.result.value.requestedCost).length;
    const refusals = day.steps.length - okSteps.length;
    expect(downgrades + refusals, "the workload must exercise the budget").toBeGreaterThan(0);
    const { totals, keyDays } = report.first;
    expect(totals).toMatchObject({ accepted: 2 * okSteps.length, downgraded: 2 * downgrades, refusedBudget: 2 * refusals, spendMicros: 2 * day.totalCost });
    expect(keyDays.map((d) => [d.day, d.spendMicros, d.accepted])).toEqual([
      ["2026-12-07", day.totalCost, okSteps.length],
      ["2026-12-08", day.totalCost, okSteps.length],
    ]);
    if (refusals > 0) {
      const firstRefused = day.steps.findIndex((s) => !s.result.ok);
      expect(keyDays[0]!.exhaustedAt).toBe(START + (20 + firstRefused) * 3_600_000);
      expect(keyDays[1]!.exhaustedAt).toBe(START + (24 + firstRefused) * 3_600_000);
    }
    const saved = day.steps.reduce((sum, s) => sum + (s.result.ok ? s.result.value.requestedCost - s.result.value.cost : 0), 0);
    expect(totals.savedMicros).toBe(2 * saved);
  });

  it("refunds a stalled task at 20 minutes and fails it at 40, giving the charge back to its day", () => {
    const { first } = run({
      horizonHours: 1,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "LIST", atSeconds: [0, 60] } }],
      provider: { stallRate: 1 },
    });
    expect(first.totals).toMatchObject({ accepted: 2, refunded: 2, refundedMicros: 2 * price(IMAGE), failed: 2, timedOut: 2, finished: 0, spendMicros: 0 });
    expect(first.keyDays[0]!.spendMicros).toBe(0);
    // The spend series shows the charge at acceptance and the refund 20 minutes later.
    const minute = (m: number) => first.series.spendMicros[m]!;
    expect([minute(0), minute(1), minute(SPEC_CLOCKS_MS.refundAfter / 60_000), minute(SPEC_CLOCKS_MS.refundAfter / 60_000 + 1)]).toEqual([price(IMAGE), price(IMAGE), -price(IMAGE), -price(IMAGE)]);
    // Both in flight until the first hard limit; the series ends with the second's minute.
    expect(first.series.inFlight[SPEC_CLOCKS_MS.hardLimit / 60_000 - 1]).toBe(2);
    expect(first.series.at.length).toBe(SPEC_CLOCKS_MS.hardLimit / 60_000 + 2);
  });

  it("retries a failed attempt up to maxAttempts, then fails the task and refunds it", () => {
    const { first } = run({
      horizonHours: 1,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "LIST", atSeconds: [0, 10, 20] } }],
      provider: { failureRate: 1, maxAttempts: 3, ...fixedImages(5) },
    });
    expect(first.totals).toMatchObject({ accepted: 3, retriedAttempts: 6, failed: 3, timedOut: 0, refunded: 3, spendMicros: 0 });
  });

  it("runs one task per account: with one account, each task waits for the ones before it", () => {
    const { first } = run({
      horizonHours: 1,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "BURST", atHour: 0, count: 5 } }],
      provider: { poolSize: 1, ...fixedImages(20) },
    });
    // Waits 0, 20, 40, 60, 80 s; completions 20 … 100 s (nearest rank).
    expect(first.queueWait).toMatchObject({ count: 5, p5: 0, p50: 40_000, p95: 80_000 });
    expect(first.completion).toMatchObject({ count: 5, p5: 20_000, p50: 60_000, p95: 100_000 });
    expect(Math.max(...first.series.queueDepth)).toBe(4);
  });

  it("sends a refused request again after Retry-After when the client retries", () => {
    const { first } = run({
      horizonHours: 1,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "BURST", atHour: 0, count: 6 }, onRefusal: "RETRY" }],
      provider: fixedImages(20),
    });
    // The 6th waits for the first slot to free itself (10 min), then is admitted.
    expect(first.totals).toMatchObject({ requests: 6, calls: 7, rateLimitedCalls: 1, accepted: 6, refusedConcurrency: 0 });
    expect(first.queueWait.count).toBe(6);
  });

  it("locks an account after 3 failures in a row: the next task waits out the cooldown", () => {
    const { first } = run({
      horizonHours: 1,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "LIST", atSeconds: [0, 60] } }],
      provider: { poolSize: 1, failureRate: 1, maxAttempts: 3, ...fixedImages(5) },
    });
    // The first task fails at 5, 10 and 15 s on the only account, which then rests; the second, accepted at 60 s, starts when it is back.
    const lockedUntil = 3 * 5_000 + SPEC_CLOCKS_MS.accountCooldown;
    expect(first.totals).toMatchObject({ accepted: 2, failed: 2, retriedAttempts: 4 });
    expect(first.queueWait).toMatchObject({ count: 2, p5: 0, p95: lockedUntil - 60_000 });
  });

  it("gives the same answer for the same seed, and other Poisson arrivals for another", () => {
    const workload = (seed: number) => ({
      seed,
      horizonHours: 2,
      keys: [{ id: "app", dailyLimitUsd: 5 }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "POISSON", perHour: 600 }, onRefusal: "RETRY" }],
      provider: { failureRate: 0.1 },
    });
    expect(run(workload(1))).toEqual(run(workload(1)));
    expect(run(workload(2)).first.totals.requests).not.toBe(run(workload(1)).first.totals.requests);
  });

  it("reports every total's p5 ≤ p50 ≤ p95 over replications, and the first replication as a single run", () => {
    const workload = {
      seed: 9,
      horizonHours: 1,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "POISSON", perHour: 300 } }],
    };
    const many = run({ ...workload, replications: 20 });
    const one = run(workload);
    expect(many.first).toEqual(one.first);
    const requests = many.bands.find((b) => b.name === "requests")!;
    expect(requests.p5).toBeLessThan(requests.p95);
    for (const band of many.bands) expect(band.p5 <= band.p50 && band.p50 <= band.p95, band.name).toBe(true);
  });

  it("adds its series up to its totals", () => {
    const { first } = run({
      horizonHours: 3,
      keys: [{ id: "a", dailyLimitUsd: 2 }, { id: "b" }],
      streams: [
        { key: "a", request: VIDEO, arrival: { kind: "POISSON", perHour: 30 } },
        { key: "b", request: IMAGE, arrival: { kind: "FIXED", perHour: 900 }, onRefusal: "RETRY", maxRetries: 2 },
      ],
      provider: { failureRate: 0.2, stallRate: 0.05 },
    });
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(first.series.accepted)).toBe(first.totals.accepted);
    expect(sum(first.series.refused)).toBe(first.totals.refusedBudget + first.totals.refusedConcurrency + first.totals.refusedWindow);
    expect(sum(first.series.spendMicros)).toBe(first.totals.spendMicros);
    expect(sum(first.keyDays.map((d) => d.spendMicros))).toBe(first.totals.spendMicros);
    expect(sum(first.models.map((m) => m.spendMicros))).toBe(first.totals.spendMicros);
  });

  it("keeps a week (168 h) as one key-day per key and UTC day, each day's budget afresh, an hourly series over every hour, totals the key-days' sums", () => {
    const HOUR = 3_600_000;
    const from = START + 15 * HOUR; // 15:00 on Monday: a 9-hour first day, six whole days, a 15-hour last one
    const keys = [
      { id: "video", request: VIDEO, perHour: 1, dailyLimitUsd: 3 },
      { id: "images", request: IMAGE, perHour: 30, dailyLimitUsd: 1 },
    ];
    const { first } = run({
      start: new Date(from).toISOString(),
      horizonHours: 168,
      keys: keys.map(({ id, dailyLimitUsd }) => ({ id, dailyLimitUsd })),
      streams: keys.map(({ id, request, perHour }) => ({ key: id, request, arrival: { kind: "FIXED", perHour } })),
      provider: fixedImages(1),
    });
    // Each UTC day of each key, as the engine plans that day's arrivals against a whole daily limit.
    const expected = keys.flatMap(({ id, request, perHour, dailyLimitUsd }) => {
      const byDay = new Map<string, number[]>();
      for (let i = 0; i < 168 * perHour; i++) {
        const at = from + (i * HOUR) / perHour;
        const day = utcDay(new Date(at));
        byDay.set(day, [...(byDay.get(day) ?? []), at]);
      }
      return [...byDay].map(([day, arrivals]) => {
        const plan = planBudget(engine, arrivals.map(() => request), usdToMicros(dailyLimitUsd));
        const accepted = plan.steps.filter((step) => step.result.ok).length;
        const firstRefused = plan.steps.findIndex((step) => !step.result.ok);
        return { key: id, day, dailyLimitMicros: usdToMicros(dailyLimitUsd), spendMicros: plan.totalCost, accepted, refusedBudget: arrivals.length - accepted, exhaustedAt: firstRefused === -1 ? null : arrivals[firstRefused]! };
      });
    });
    const week = Array.from({ length: 8 }, (_, d) => utcDay(new Date(START + d * 24 * HOUR)));
    expect(expected.map((d) => d.day)).toEqual([...week, ...week]);
    // The budget must run out on most days (not the images' short first one) for the reset to show.
    expect(expected.filter((d) => d.exhaustedAt !== null)).toHaveLength(15);
    expect(first.keyDays).toEqual(expected);
    for (const d of first.keyDays) {
      expect(d.spendMicros, `${d.key} ${d.day}`).toBeLessThanOrEqual(d.dailyLimitMicros);
      if (d.exhaustedAt !== null) expect(utcDay(new Date(d.exhaustedAt)), `${d.key} ${d.day}`).toBe(d.day);
    }
    // An hour a step, from the start to the horizon's last hour: every hour's 31 requests accepted or refused in it.
    const { series } = first;
    expect(series.step).toBe("HOUR");
    expect(series.at).toEqual(Array.from({ length: 168 }, (_, h) => from + h * HOUR));
    expect(series.at.map((_, h) => series.accepted[h]! + series.refused[h]!)).toEqual(new Array(168).fill(31));
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(first.totals).toMatchObject({
      requests: 168 * 31,
      accepted: sum(first.keyDays.map((d) => d.accepted)),
      refusedBudget: sum(first.keyDays.map((d) => d.refusedBudget)),
      spendMicros: sum(first.keyDays.map((d) => d.spendMicros)),
    });
  });

  it("sends a stream's FIXED arrivals from its fromHour, the first at it, and none at or after its untilHour", () => {
    const { first } = run({
      horizonHours: 6,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "FIXED", perHour: 4 }, fromHour: 1.5, untilHour: 4 }],
      provider: fixedImages(1),
    });
    // Every 15 minutes from minute 90; the 11th would fall at minute 240, the stream's end.
    expect(first.totals).toMatchObject({ requests: 10, accepted: 10 });
    expect(acceptedAtMinutes(first)).toEqual(Array.from({ length: 10 }, (_, i) => 90 + 15 * i));
  });

  it("drops a LIST stream's instants before its fromHour and at or after its untilHour", () => {
    const { first } = run({
      horizonHours: 6,
      keys: [{ id: "app" }],
      streams: [{ key: "app", request: IMAGE, arrival: { kind: "LIST", atSeconds: [0, 5_399, 5_400, 7_200, 14_399.5, 14_400, 20_000] }, fromHour: 1.5, untilHour: 4 }],
      provider: fixedImages(1),
    });
    expect(first.totals).toMatchObject({ requests: 3, accepted: 3 });
    expect(acceptedAtMinutes(first)).toEqual([90, 120, 239]);
  });

  it("prices a stream once and fits it again only when its key's remaining budget changed", () => {
    const calls = { price: 0, quote: 0 };
    const counting: Engine = {
      ...engine,
      price: (profile, params) => (calls.price++, engine.price(profile, params)),
      quoteNormalized: (request, remaining) => (calls.quote++, engine.quoteNormalized(request, remaining)),
    };
    // $1 a day for $0.0x images, 100 an hour for 10 hours: the budget is gone early, then every request is refused.
    const { first } = run(
      { horizonHours: 10, keys: [{ id: "app", dailyLimitUsd: 1 }], streams: [{ key: "app", request: IMAGE, arrival: { kind: "FIXED", perHour: 100 } }], provider: fixedImages(1) },
      counting,
    );
    expect(first.totals.refusedBudget).toBeGreaterThan(500);
    expect(calls.price).toBe(1);
    // The quote against the whole limit once, and one fit per distinct remaining budget (at most one per acceptance).
    expect(calls.quote).toBeLessThanOrEqual(2 + first.totals.accepted);
  });
});

describe("workload simulator with observed latencies", () => {
  /** Image tasks observed taking 100 to 200 s, evenly (quantiles of a uniform distribution). */
  const observedImages = (tasks: number) => ({ image: { tasks, seconds: OBSERVED_PROBABILITIES.map((p) => 100 + 100 * p) } });
  // One image every 5 minutes for a day: no task waits for another, so completion is the attempt's latency.
  const spaced = { horizonHours: 24, keys: [{ id: "app" }], streams: [{ key: "app", request: IMAGE, arrival: { kind: "FIXED", perHour: 12 } }], provider: { latencyFrom: "OBSERVED" } };

  function runObserved(workload: Record<string, unknown>, observed: ObservedLatencies): SimulationReport {
    const parsed = parseWorkload({ start: new Date(START).toISOString(), ...workload }, { startAt: START, dailyLimit: usdToMicros(100), poolSize: 12 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const report = simulate(engine, Object.assign({}, parsed.value, { provider: Object.assign({}, parsed.value.provider, { observed }) }));
    if (!report.ok) throw new Error(JSON.stringify(report.error));
    return report.value;
  }

  it("draws each attempt from the observed quantiles of its kind, and says so in the report", () => {
    const report = runObserved(spaced, observedImages(MIN_OBSERVED_TASKS));
    const { completion } = report.first;
    expect(completion.count).toBe(288);
    expect(completion.p5).toBeGreaterThanOrEqual(100_000);
    expect(completion.p99).toBeLessThanOrEqual(200_000);
    expect(completion.p50).toBeGreaterThan(135_000);
    expect(completion.p50).toBeLessThan(165_000);
    expect(report.latency.map((l) => [l.output, l.source, l.observedTasks])).toEqual([["image", "OBSERVED", MIN_OBSERVED_TASKS], ["video", "RANGE", 0], ["3d", "RANGE", 0]]);
  });

  it("makes every attempt as long as a constant observation", () => {
    const constant = { image: { tasks: 50, seconds: OBSERVED_PROBABILITIES.map(() => 37) } };
    const { first } = runObserved({ horizonHours: 1, keys: [{ id: "app" }], streams: [{ key: "app", request: IMAGE, arrival: { kind: "BURST", atHour: 0, count: 5 } }], provider: { latencyFrom: "OBSERVED" } }, constant);
    expect(first.completion).toMatchObject({ count: 5, p5: 37_000, p99: 37_000 });
  });

  it("keeps the range for a kind with fewer observed tasks than the minimum, naming how many there were", () => {
    const report = runObserved(Object.assign({}, spaced, { provider: { latencyFrom: "OBSERVED", latencySeconds: { image: { min: 10, max: 30 } } } }), observedImages(MIN_OBSERVED_TASKS - 1));
    expect(report.first.completion.p99).toBeLessThanOrEqual(30_000);
    expect(report.latency[0]).toMatchObject({ output: "image", source: "RANGE", observedTasks: MIN_OBSERVED_TASKS - 1, minSeconds: 10, maxSeconds: 30 });
  });

  it("gives the same answer for the same seed, and ignores observations when the workload asks for ranges", () => {
    const a = runObserved(Object.assign({}, spaced, { seed: 9 }), observedImages(100));
    const b = runObserved(Object.assign({}, spaced, { seed: 9 }), observedImages(100));
    expect(b.first.completion).toEqual(a.first.completion);
    const ranges = runObserved(Object.assign({}, spaced, { provider: {} }), observedImages(100));
    expect(ranges.first.completion.p99).toBeLessThanOrEqual(30_000);
    expect(ranges.latency.every((l) => l.source === "RANGE")).toBe(true);
  });
});
