/**
 * What a simulation answers: totals, spend per key and UTC day with the moment each budget ran
 * out, a per-model breakdown, wait and completion percentiles, and time series. Money is integer
 * micro-dollars here (the faces print dollars); times are epoch ms.
 */
import type { LatencyUse } from "./latency.ts";
import type { SeriesStep } from "./workload.ts";

export interface SimulationTotals {
  /** Requests the streams sent (a client's retry of a refused request is the same request). */
  readonly requests: number;
  /** HTTP calls: requests plus client retries after RATE_LIMITED. */
  readonly calls: number;
  readonly accepted: number;
  /** Accepted with a downgrade to fit the day's budget. */
  readonly downgraded: number;
  /** What the downgrades saved: the requested cost minus the charged cost. */
  readonly savedMicros: number;
  /** Refused in the end (after any client retries), by reason. */
  readonly refusedConcurrency: number;
  readonly refusedWindow: number;
  readonly refusedBudget: number;
  /** RATE_LIMITED answers, each client retry counted. */
  readonly rateLimitedCalls: number;
  readonly finished: number;
  /** FAILED: out of attempts, or the 40-minute hard limit. */
  readonly failed: number;
  readonly timedOut: number;
  /** Upstream attempts that failed and were queued again. */
  readonly retriedAttempts: number;
  readonly refunded: number;
  readonly refundedMicros: number;
  /** Charged minus refunded. */
  readonly spendMicros: number;
}

export const TOTAL_NAMES = [
  "requests", "calls", "accepted", "downgraded", "savedMicros", "refusedConcurrency", "refusedWindow", "refusedBudget",
  "rateLimitedCalls", "finished", "failed", "timedOut", "retriedAttempts", "refunded", "refundedMicros", "spendMicros",
] as const satisfies readonly (keyof SimulationTotals)[];

export interface KeyDay {
  readonly key: string;
  /** YYYY-MM-DD (UTC). */
  readonly day: string;
  readonly dailyLimitMicros: number;
  /** Net of refunds, charged to this day. */
  readonly spendMicros: number;
  readonly accepted: number;
  readonly refusedBudget: number;
  /** The first request of the day refused INSUFFICIENT_BUDGET (epoch ms), or null. */
  readonly exhaustedAt: number | null;
}

export interface ModelUse {
  readonly model: string;
  readonly requests: number;
  readonly accepted: number;
  readonly downgraded: number;
  readonly spendMicros: number;
  readonly savedMicros: number;
}

/** p5 … p99 of a duration in ms; null when nothing was measured. */
export interface Percentiles {
  readonly count: number;
  readonly p5: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
}

/**
 * The time series, one entry per step (a minute or an hour) from the first instant until the
 * last task ended: the shape the console plots and the CLI writes as CSV. Arrays are parallel.
 */
export interface TimeSeries {
  readonly step: SeriesStep;
  readonly stepMs: number;
  /** Epoch ms of each step's start. */
  readonly at: readonly number[];
  /** Net micro-dollars charged in the step (charges minus refunds). */
  readonly spendMicros: readonly number[];
  readonly accepted: readonly number[];
  /** Requests refused in the end in the step (any reason). */
  readonly refused: readonly number[];
  /** The most tasks queued or processing at once in the step. */
  readonly inFlight: readonly number[];
  /** The most tasks queued at once in the step. */
  readonly queueDepth: readonly number[];
}

/** One run of the workload. */
export interface ReplicationResult {
  readonly seed: number;
  readonly totals: SimulationTotals;
  readonly keyDays: readonly KeyDay[];
  readonly models: readonly ModelUse[];
  /** From acceptance to an account taking the task (first attempt). */
  readonly queueWait: Percentiles;
  /** From acceptance to FINISHED. */
  readonly completion: Percentiles;
  /** Every FINISHED task's time from acceptance, in no order (for bands over replications; not presented). */
  readonly completionTimes: Float64Array;
  readonly series: TimeSeries;
  /** Events the run processed. */
  readonly events: number;
}

/** p5 / p50 / p95 of one total across replications. */
export interface Band {
  readonly name: keyof SimulationTotals;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

export interface SimulationReport {
  readonly startAt: number;
  readonly horizonMs: number;
  readonly replications: number;
  /** The first replication in full (its seed is the workload's). */
  readonly first: ReplicationResult;
  /** Every total's p5 / p50 / p95 over the replications (equal to the first's with one). */
  readonly bands: readonly Band[];
  /** By output kind: the latency its attempts were drawn from (a range, or the gateway's observed tasks). */
  readonly latency: readonly LatencyUse[];
}

/** Nearest-rank percentile of sorted values. */
export function percentileOf(sorted: ArrayLike<number>, p: number): number {
  return sorted[rankOf(sorted.length, p)]!;
}

const rankOf = (n: number, p: number) => Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));

/**
 * p5 … p99 (nearest rank) of `values` and `zeros` more zeros, the values being non-negative;
 * `values` is reordered: each rank is found by selection (Hoare's quickselect, expected linear
 * time), not by sorting them all, and a rank among the zeros needs no selection at all.
 */
export function percentiles(values: Float64Array, zeros = 0): Percentiles {
  const n = values.length + zeros;
  if (n === 0) return { count: 0, p5: null, p50: null, p90: null, p95: null, p99: null };
  // Ranks in increasing order: each selection leaves the ones below it in place, so the next starts above.
  let from = 0;
  const at = (p: number) => {
    const rank = rankOf(n, p) - zeros;
    if (rank < 0) return 0;
    select(values, from, values.length - 1, rank);
    from = rank;
    return values[rank]!;
  };
  return { count: n, p5: at(5), p50: at(50), p90: at(90), p95: at(95), p99: at(99) };
}

/** Reorders values[lo..hi] so that values[k] is the one a sort would put there, smaller ones before it. */
function select(values: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const x = values[i]!;
        values[i++] = values[j]!;
        values[j--] = x;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

export function bandsOf(results: readonly ReplicationResult[]): Band[] {
  return TOTAL_NAMES.map((name) => {
    const sorted = Float64Array.from(results, (r) => r.totals[name]).sort();
    return { name, p5: percentileOf(sorted, 5), p50: percentileOf(sorted, 50), p95: percentileOf(sorted, 95) };
  });
}
