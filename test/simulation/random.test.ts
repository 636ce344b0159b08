import { describe, expect, it } from "vitest";
import { replicationSeed, SeededRandom } from "../../src/simulation/random.ts";

describe("SeededRandom", () => {
  it("draws sfc32's sequence for a seed: the same words every run", () => {
    const random = new SeededRandom(42);
    const words = Array.from({ length: 4 }, () => random.unit() * 2 ** 32);
    // The first words after seeding 42 through splitmix32 and 12 discarded rounds.
    expect(words).toEqual([1028872839, 2516511472, 400437680, 853279530]);
  });

  it("gives two generators of one seed the same draws, and of two seeds different ones", () => {
    const a = new SeededRandom(-7);
    const b = new SeededRandom(-7);
    const c = new SeededRandom(replicationSeed(-7, 1));
    const fromA = Array.from({ length: 1000 }, () => a.unit());
    expect(Array.from({ length: 1000 }, () => b.unit())).toEqual(fromA);
    expect(Array.from({ length: 1000 }, () => c.unit())).not.toEqual(fromA);
  });

  it("draws units in [0, 1) and exponential waits with the asked mean", () => {
    const random = new SeededRandom(3);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 200_000; i++) {
      const u = random.unit();
      if (!(u >= 0 && u < 1)) outside++;
      sum += random.exponential(2.5);
    }
    expect(outside).toBe(0);
    // The mean of 200,000 exponential draws of mean 2.5 is within 4 standard errors (2.5 / √200,000 each).
    expect(Math.abs(sum / 200_000 - 2.5)).toBeLessThan((4 * 2.5) / Math.sqrt(200_000));
  });
});
