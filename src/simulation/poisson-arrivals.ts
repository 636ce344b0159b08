/**
 * Every Poisson stream's arrivals as one process: the superposition of independent Poisson
 * processes is a Poisson process at the sum of their rates, and each of its arrivals belongs to
 * stream i with probability rate_i / sum. So the simulator keeps one pending instant for all of
 * them, outside its event heap, instead of one heap event per stream and arrival. Streams start
 * and stop at their own instants: between two such instants (a segment) the set of open streams
 * and their summed rate are fixed, and a draw that passes the segment's end restarts from it
 * (an exponential wait is memoryless, so this is exact).
 *
 * Pure: the chance comes from the caller's generator, time is the caller's.
 */
import type { SeededRandom } from "./random.ts";

export class PoissonArrivals {
  /** The next arrival's instant (+Infinity once there is none). */
  at = Number.POSITIVE_INFINITY;
  /** The stream of the next arrival (its index as the caller gave it). */
  stream = -1;

  /** Segment j runs from bounds[j] to bounds[j + 1]. */
  private readonly bounds: Float64Array;
  /** Per segment: its open streams and their cumulative rates, in `open`/`cumulative` from offset[j] to offset[j + 1]. */
  private readonly offset: Int32Array;
  private readonly open: Int32Array;
  private readonly cumulative: Float64Array;
  private segment = 0;

  /**
   * Streams `ids[i]`, each `perMs[i]` arrivals a millisecond on average from `from[i]` (included)
   * until `until[i]` (excluded). The first arrival is drawn at once.
   */
  constructor(
    private readonly random: SeededRandom,
    ids: readonly number[],
    perMs: readonly number[],
    from: readonly number[],
    until: readonly number[],
  ) {
    const live = ids.map((_, i) => i).filter((i) => until[i]! > from[i]! && perMs[i]! > 0);
    this.bounds = Float64Array.from(new Set(live.flatMap((i) => [from[i]!, until[i]!]))).sort();
    const segments = Math.max(0, this.bounds.length - 1);
    this.offset = new Int32Array(segments + 1);
    const open: number[] = [];
    const cumulative: number[] = [];
    for (let j = 0; j < segments; j++) {
      let sum = 0;
      for (const i of live) {
        if (from[i]! <= this.bounds[j]! && until[i]! >= this.bounds[j + 1]!) {
          sum += perMs[i]!;
          open.push(ids[i]!);
          cumulative.push(sum);
        }
      }
      this.offset[j + 1] = open.length;
    }
    this.open = Int32Array.from(open);
    this.cumulative = Float64Array.from(cumulative);
    if (segments > 0) this.draw(this.bounds[0]!);
  }

  /** Draws the arrival after the current one. */
  next(): void {
    this.draw(this.at);
  }

  /** The first arrival after `t` (t within the current segment or at its start). */
  private draw(t: number): void {
    const bounds = this.bounds;
    const last = bounds.length - 1;
    while (this.segment < last) {
      const first = this.offset[this.segment]!;
      const end = this.offset[this.segment + 1]!;
      const segmentEnd = bounds[this.segment + 1]!;
      if (end > first) {
        const total = this.cumulative[end - 1]!;
        const at = t + this.random.exponential(1 / total);
        if (at < segmentEnd) {
          this.at = at;
          this.stream = end - first === 1 ? this.open[first]! : this.open[this.pick(first, end, this.random.unit() * total)]!;
          return;
        }
      }
      // Nothing in this segment after t: the wait starts again at its end.
      t = segmentEnd;
      this.segment++;
    }
    this.at = Number.POSITIVE_INFINITY;
    this.stream = -1;
  }

  /** The first index in [first, end) whose cumulative rate exceeds `x` (x below the segment's total). */
  private pick(first: number, end: number, x: number): number {
    const cumulative = this.cumulative;
    let lo = first;
    let hi = end - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
