// Percentiles by selection answer what nearest rank over the sorted values answers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentileOf, percentiles } from "../../src/simulation/report.ts";

describe("percentiles", () => {
  // (Durations are never -0; `v + 0` keeps -0, which sorts apart from 0 but compares equal to it, out.)
  it("equal nearest-rank percentiles of the sorted values, for any values (duplicates included)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => v + 0)), { minLength: 1, maxLength: 300 }), (values) => {
        const sorted = Float64Array.from(values).sort();
        const expected = { count: values.length, p5: percentileOf(sorted, 5), p50: percentileOf(sorted, 50), p90: percentileOf(sorted, 90), p95: percentileOf(sorted, 95), p99: percentileOf(sorted, 99) };
        expect(percentiles(Float64Array.from(values))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("of non-negative values and a count of zeros kept apart equal those of all the values together", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }).filter((v) => v > 0), { maxLength: 200 }), fc.nat(300), (positive, zeros) => {
        fc.pre(positive.length + zeros > 0);
        const all = Float64Array.from([...positive, ...new Array<number>(zeros).fill(0)]);
        expect(percentiles(Float64Array.from(positive), zeros)).toEqual(percentiles(all));
      }),
      { numRuns: 500 },
    );
  });

  it("are null with nothing measured", () => {
    expect(percentiles(new Float64Array(0))).toEqual({ count: 0, p5: null, p50: null, p90: null, p95: null, p99: null });
  });
});
