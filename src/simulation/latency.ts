/**
 * Where a simulated attempt's latency comes from, by what the model makes: the workload's
 * uniform range (`latencySeconds`), or, with `latencyFrom: OBSERVED`, the latencies this
 * gateway's own FINISHED tasks took, given as quantiles at `OBSERVED_PROBABILITIES` and sampled
 * by their inverse CDF, piecewise linear between the points (one uniform draw per attempt, as
 * the range takes, so a seed gives the same day). A kind with fewer than `MIN_OBSERVED_TASKS`
 * observed tasks keeps its range: a handful of tasks says little about a distribution, and the
 * report names the source each kind used.
 */
import type { OutputKind } from "../catalog/types.ts";

export type LatencySource = "RANGE" | "OBSERVED";

export const OUTPUT_KINDS: readonly OutputKind[] = ["image", "video", "3d"];

/**
 * The probabilities the observed quantiles are taken at: the extremes (0 and 1, the fastest and
 * slowest task observed), deciles, and the tails at 1/5/95/99 %.
 */
export const OBSERVED_PROBABILITIES: readonly number[] = [0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1];

/** Fewer observed tasks of a kind than this: the kind keeps its range. */
export const MIN_OBSERVED_TASKS = 20;

/** What the gateway's FINISHED tasks of one kind took. */
export interface ObservedLatency {
  /** How many tasks the quantiles are of. */
  readonly tasks: number;
  /** Seconds at each of `OBSERVED_PROBABILITIES` (empty when `tasks` is 0). */
  readonly seconds: readonly number[];
}

export type ObservedLatencies = Readonly<Partial<Record<OutputKind, ObservedLatency>>>;

/** The latency one kind's attempts were drawn from, as the report tells it. */
export interface LatencyUse {
  readonly output: OutputKind;
  readonly source: LatencySource;
  /** FINISHED tasks of this kind observed (0 when the workload asked for ranges). */
  readonly observedTasks: number;
  /** The distribution drawn from, in seconds at time scale 1: the range's ends and middle, or the observed quantiles'. */
  readonly minSeconds: number;
  readonly medianSeconds: number;
  readonly maxSeconds: number;
  /** OBSERVED: the quantile points drawn from (probabilities and seconds); null for a range. */
  readonly quantiles: { readonly probabilities: readonly number[]; readonly seconds: readonly number[] } | null;
}

/**
 * The value of the piecewise-linear inverse CDF through (probabilities[i], values[i]) at `u` in
 * [0, 1]: probabilities rise strictly from 0 to 1, values never fall. Two points [0, 1] → [a, b]
 * are the uniform draw a + u (b - a).
 */
export function sampleQuantiles(probabilities: ArrayLike<number>, values: ArrayLike<number>, u: number): number {
  const last = probabilities.length - 1;
  if (u <= 0) return values[0]!;
  if (u >= 1) return values[last]!;
  // The segment [p[lo], p[lo + 1]] holding u: binary search over a handful of points.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (probabilities[mid]! <= u) lo = mid;
    else hi = mid;
  }
  const p0 = probabilities[lo]!;
  const v0 = values[lo]!;
  return v0 + ((u - p0) / (probabilities[hi]! - p0)) * (values[hi]! - v0);
}

/** Whether `observed` can be drawn from: enough tasks, one finite non-negative value per probability, never falling. */
export function usableObservation(observed: ObservedLatency | undefined): observed is ObservedLatency {
  if (!observed || observed.tasks < MIN_OBSERVED_TASKS || observed.seconds.length !== OBSERVED_PROBABILITIES.length) return false;
  return observed.seconds.every((s, i) => Number.isFinite(s) && s >= 0 && (i === 0 || s >= observed.seconds[i - 1]!));
}

/** Which distribution each kind's attempts are drawn from, given the workload's provider settings. */
export function latencyUses(
  latencyFrom: LatencySource,
  ranges: Readonly<Record<OutputKind, readonly [number, number]>>,
  observed: ObservedLatencies | undefined,
): LatencyUse[] {
  return OUTPUT_KINDS.map((output) => {
    const seen = latencyFrom === "OBSERVED" ? observed?.[output] : undefined;
    const observedTasks = seen?.tasks ?? 0;
    if (usableObservation(seen)) {
      const seconds = seen.seconds;
      return {
        output,
        source: "OBSERVED",
        observedTasks,
        minSeconds: seconds[0]!,
        medianSeconds: sampleQuantiles(OBSERVED_PROBABILITIES, seconds, 0.5),
        maxSeconds: seconds[seconds.length - 1]!,
        quantiles: { probabilities: OBSERVED_PROBABILITIES, seconds },
      };
    }
    const [min, max] = ranges[output];
    return { output, source: "RANGE", observedTasks, minSeconds: min, medianSeconds: (min + max) / 2, maxSeconds: max, quantiles: null };
  });
}
