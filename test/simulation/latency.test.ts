// Observed latencies are drawn by the inverse CDF through their quantile points, piecewise
// linear: two points are the uniform range, equal points a constant, and a higher draw never
// gives a shorter latency. A kind with too few observed tasks keeps its range.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LATENCY_SECONDS } from "../../src/domain/provider-latency.ts";
import { latencyUses, MIN_OBSERVED_TASKS, OBSERVED_PROBABILITIES, sampleQuantiles } from "../../src/simulation/latency.ts";

const unit = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
/** Quantile points: probabilities 0 = p0 < ... < pn = 1, values never falling. */
const quantilePoints = fc
  .tuple(fc.uniqueArray(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { maxLength: 12 }), fc.array(fc.double({ min: 0, max: 600, noNaN: true }), { minLength: 14, maxLength: 14 }))
  .map(([inner, raw]) => {
    const probabilities = [0, ...inner.sort((a, b) => a - b), 1];
    const values = raw.slice(0, probabilities.length).sort((a, b) => a - b);
    return { probabilities, values };
  });

describe("sampleQuantiles", () => {
  it("with two points [0, 1] → [a, b] is the uniform draw a + u (b - a)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3600, noNaN: true }), fc.double({ min: 0, max: 3600, noNaN: true }), unit, (x, y, u) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(sampleQuantiles([0, 1], [a, b], u)).toBeCloseTo(a + u * (b - a), 9);
      }),
    );
  });

  it("is the constant when every quantile is the same", () => {
    fc.assert(
      fc.property(unit, (u) => {
        expect(sampleQuantiles(OBSERVED_PROBABILITIES, OBSERVED_PROBABILITIES.map(() => 42), u)).toBe(42);
      }),
    );
  });

  it("interpolates linearly within a segment and hits each quantile at its probability", () => {
    const p = [0, 0.5, 0.9, 1];
    const v = [10, 20, 60, 100];
    expect(sampleQuantiles(p, v, 0)).toBe(10);
    expect(sampleQuantiles(p, v, 0.25)).toBe(15);
    expect(sampleQuantiles(p, v, 0.5)).toBe(20);
    expect(sampleQuantiles(p, v, 0.7)).toBeCloseTo(40, 9);
    expect(sampleQuantiles(p, v, 0.9)).toBe(60);
    expect(sampleQuantiles(p, v, 0.95)).toBeCloseTo(80, 9);
    expect(sampleQuantiles(p, v, 1)).toBe(100);
  });

  it("never falls as the draw rises, and stays within the first and last quantile", () => {
    fc.assert(
      fc.property(quantilePoints, unit, unit, ({ probabilities, values }, u1, u2) => {
        const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
        const a = sampleQuantiles(probabilities, values, lo);
        const b = sampleQuantiles(probabilities, values, hi);
        expect(a).toBeLessThanOrEqual(b + 1e-9);
        expect(a).toBeGreaterThanOrEqual(values[0]! - 1e-9);
        expect(b).toBeLessThanOrEqual(values[values.length - 1]! + 1e-9);
      }),
      { numRuns: 500 },
    );
  });
});

describe("latencyUses", () => {
  const observed = (tasks: number, seconds = OBSERVED_PROBABILITIES.map((p) => 5 + 10 * p)) => ({ tasks, seconds });

  it("draws a kind from its observed tasks when there are enough, and keeps the range for a kind with too few or none", () => {
    const uses = latencyUses("OBSERVED", LATENCY_SECONDS, { image: observed(MIN_OBSERVED_TASKS), video: observed(MIN_OBSERVED_TASKS - 1) });
    expect(uses).toEqual([
      { output: "image", source: "OBSERVED", observedTasks: MIN_OBSERVED_TASKS, minSeconds: 5, medianSeconds: 10, maxSeconds: 15, quantiles: { probabilities: OBSERVED_PROBABILITIES, seconds: observed(0).seconds } },
      { output: "video", source: "RANGE", observedTasks: MIN_OBSERVED_TASKS - 1, minSeconds: 60, medianSeconds: 180, maxSeconds: 300, quantiles: null },
      { output: "3d", source: "RANGE", observedTasks: 0, minSeconds: 30, medianSeconds: 75, maxSeconds: 120, quantiles: null },
    ]);
  });

  it("ignores observations when the workload asks for ranges, and quantiles that fall or miss a point", () => {
    expect(latencyUses("RANGE", LATENCY_SECONDS, { image: observed(500) }).map((u) => [u.source, u.observedTasks])).toEqual([["RANGE", 0], ["RANGE", 0], ["RANGE", 0]]);
    const falling = observed(500, OBSERVED_PROBABILITIES.map((p) => 100 - p));
    const short = observed(500, [1, 2]);
    expect(latencyUses("OBSERVED", LATENCY_SECONDS, { image: falling, video: short }).map((u) => u.source)).toEqual(["RANGE", "RANGE", "RANGE"]);
  });
});
