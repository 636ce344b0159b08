import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PoissonArrivals } from "../../src/simulation/poisson-arrivals.ts";
import { SeededRandom } from "../../src/simulation/random.ts";

const HOUR = 3_600_000;

/** Every arrival until there is none: [instant, stream] pairs. */
function arrivals(process: PoissonArrivals, max = 1_000_000): [number, number][] {
  const out: [number, number][] = [];
  while (process.at !== Number.POSITIVE_INFINITY && out.length < max) {
    out.push([process.at, process.stream]);
    process.next();
  }
  return out;
}

describe("PoissonArrivals", () => {
  it("gives each of five streams its own rate, over windows that overlap", () => {
    // Rates 50..250 an hour; windows 0-100 h but for stream 2 (20-80 h) and stream 4 (50-100 h).
    const perHour = [50, 100, 150, 200, 250];
    const from = [0, 0, 20, 0, 50].map((h) => h * HOUR);
    const until = [100, 100, 80, 100, 100].map((h) => h * HOUR);
    const ids = [10, 11, 12, 13, 14];
    const all = arrivals(new PoissonArrivals(new SeededRandom(7), ids, perHour.map((r) => r / HOUR), from, until));
    for (const [i, id] of ids.entries()) {
      const expected = (perHour[i]! * (until[i]! - from[i]!)) / HOUR;
      const count = all.filter(([, stream]) => stream === id).length;
      // Poisson counts: mean λT, standard deviation √(λT); 5 deviations either side.
      expect(Math.abs(count - expected), `stream ${id}: ${count} for ${expected}`).toBeLessThan(5 * Math.sqrt(expected));
    }
  });

  it("draws exponential gaps within each stream of several: mean 1/rate, a tenth of the gaps under 0.105/rate", () => {
    const perHour = [60, 20, 120];
    const all = arrivals(new PoissonArrivals(new SeededRandom(3), [0, 1, 2], perHour.map((r) => r / HOUR), [0, 0, 0], [500 * HOUR, 500 * HOUR, 500 * HOUR]));
    for (const [s, rate] of perHour.entries()) {
      const times = all.filter(([, stream]) => stream === s).map(([at]) => at);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      const meanGap = HOUR / rate;
      const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
      expect(Math.abs(mean - meanGap) / meanGap, `stream ${s}`).toBeLessThan(0.05);
      // P(gap < x) = 1 - e^(-x·rate): 10 % below -ln(0.9)/rate.
      const below = gaps.filter((g) => g < -Math.log(0.9) * meanGap).length / gaps.length;
      expect(Math.abs(below - 0.1), `stream ${s}`).toBeLessThan(0.02);
    }
  });

  it("keeps each stream inside its window and skips a stretch where no stream is open", () => {
    const all = arrivals(new PoissonArrivals(new SeededRandom(1), [0, 1], [1_000 / HOUR, 1_000 / HOUR], [0, 5 * HOUR], [2 * HOUR, 6 * HOUR]));
    const of = (s: number) => all.filter(([, stream]) => stream === s).map(([at]) => at);
    expect(of(0).length).toBeGreaterThan(1_800);
    expect(of(1).length).toBeGreaterThan(900);
    expect(Math.max(...of(0))).toBeLessThan(2 * HOUR);
    expect(Math.min(...of(1))).toBeGreaterThanOrEqual(5 * HOUR);
    expect(Math.max(...of(1))).toBeLessThan(6 * HOUR);
  });

  it("never sends a stream with an empty window or no rate beside one that arrives, and has nothing once every window is over", () => {
    const process = new PoissonArrivals(new SeededRandom(1), [0, 1, 2, 3], [10 / HOUR, 0, 10 / HOUR, 100 / HOUR], [HOUR, 0, 0, 0], [HOUR, HOUR, 0, 2 * HOUR]);
    const all = arrivals(process);
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map(([, stream]) => stream))).toEqual(new Set([3]));
    expect([process.at, process.stream]).toEqual([Number.POSITIVE_INFINITY, -1]);
    process.next();
    expect([process.at, process.stream]).toEqual([Number.POSITIVE_INFINITY, -1]);
    expect(new PoissonArrivals(new SeededRandom(1), [], [], [], []).at).toBe(Number.POSITIVE_INFINITY);
  });

  it("sends arrivals in time order, each inside its own stream's window, the same ones for the same seed", () => {
    const window = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 50 }));
    fc.assert(
      fc.property(fc.array(window, { minLength: 1, maxLength: 6 }), fc.integer(), (streams, seed) => {
        const from = streams.map(([a, b]) => Math.min(a, b) * HOUR);
        const until = streams.map(([a, b]) => Math.max(a, b) * HOUR);
        const make = () => new PoissonArrivals(new SeededRandom(seed), streams.map((_, i) => i), streams.map(([, , perHour]) => perHour / HOUR), from, until);
        const all = arrivals(make());
        const misplaced = all.filter(([at, s], i) => (i > 0 && at < all[i - 1]![0]) || at < from[s]! || at >= until[s]!);
        expect(misplaced).toEqual([]);
        expect(arrivals(make())).toEqual(all);
      }),
      { numRuns: 60 },
    );
  });
});
