import type { Clock } from "../kernel/clock.ts";
import type { ForegroundPressure } from "./ports/foreground-pressure.ts";

/**
 * How many running tasks the driver polls and moves on at once, when requests share its process.
 * Additive increase, multiplicative decrease (as TCP paces a sender): every `everyMs` the driver
 * reads the delay requests felt; above `targetDelayMs` it halves how many tasks it drives at once,
 * never below `min`, otherwise it takes one more, up to `max`. A task's work arrives in bursts
 * (a poll's answer, its statements, a result's download and file), and thirty of them at once
 * hold every request accepted meanwhile behind them; the tasks themselves have minutes
 * (their 10/20/40-minute clocks) where a request has milliseconds. With no request arriving the
 * delay reads 0, so a driver alone climbs back to `max` in about 3 s of driving (30 calm
 * readings); after `STALE_READINGS` intervals without one (nothing was driven) it starts again
 * at `max`, its last reading too old to say anything about the requests now.
 */
export interface PaceRule {
  readonly min: number;
  readonly max: number;
  readonly targetDelayMs: number;
  readonly everyMs: number;
}

/** Intervals without a reading after which the pace starts afresh at its maximum. */
export const STALE_READINGS = 10;

/** The limit after one reading of the delay requests felt. */
export function nextLimit(limit: number, delayMs: number, rule: PaceRule): number {
  return delayMs > rule.targetDelayMs ? Math.max(rule.min, Math.floor(limit / 2)) : Math.min(rule.max, limit + 1);
}

export interface DriverPace {
  /** Resolves when one more task may be driven; pair each with one `leave`. */
  enter(): Promise<void>;
  /**
   * Counts work already under way (a result being stored beside the passes) as one task driven,
   * without waiting: tasks that `enter` afterwards wait while it and the others fill the limit.
   * Pair with one `leave`.
   */
  occupy(): void;
  leave(): void;
  /** Tasks that may be driven at once now. */
  readonly limit: number;
}

/**
 * A gate admitting `limit` tasks at once, its limit read again (nextLimit) at most every
 * `everyMs` of `clock`, as tasks enter and leave: no timer of its own, so an idle driver costs nothing.
 * Without `pressure` the limit stays at `max`.
 */
export function createDriverPace(options: { readonly rule: PaceRule; readonly clock: Clock; readonly pressure?: ForegroundPressure; readonly onLimit?: (limit: number) => void }): DriverPace {
  const { rule, clock, pressure } = options;
  let limit = rule.max;
  let active = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  const waiting: (() => void)[] = [];
  const admit = () => {
    while (active < limit && waiting.length > 0) {
      active++;
      waiting.shift()!();
    }
  };
  const reread = () => {
    if (!pressure) return;
    const now = clock.now();
    if (now - readAt < rule.everyMs) return;
    const stale = now - readAt > rule.everyMs * STALE_READINGS;
    readAt = now;
    let delay: number;
    try {
      delay = pressure.delaySinceLastRead();
    } catch {
      // A reading that fails says nothing: the pace goes on as if calm.
      delay = 0;
    }
    // After a pause the reading covers the whole pause: it is taken (to start the next afresh) and not used.
    const next = stale ? rule.max : nextLimit(limit, delay, rule);
    if (next === limit) return;
    limit = next;
    options.onLimit?.(limit);
  };
  return {
    enter() {
      reread();
      // In arrival order: a limit that just grew admits those already waiting first.
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        admit();
      });
    },
    occupy() {
      reread();
      active++;
    },
    leave() {
      active--;
      reread();
      admit();
    },
    get limit() {
      return limit;
    },
  };
}
