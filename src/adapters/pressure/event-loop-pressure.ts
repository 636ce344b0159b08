import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import type { ForegroundPressure } from "../../services/ports/foreground-pressure.ts";

export interface EventLoopPressure extends ForegroundPressure {
  /** Stops measuring (its timer). */
  close(): void;
}

/** How often the monitor samples the loop: its unref'd timer wakes an idle process this often. */
const RESOLUTION_MS = 10;

/**
 * Foreground pressure as Node measures it: the event-loop delay histogram of `perf_hooks`
 * (https://nodejs.org/docs/latest-v20.x/api/perf_hooks.html#perf_hooksmonitoreventloopdelayoptions),
 * its maximum since the last read, reported only when `requestsArrived` (a count of requests and
 * WebSocket messages so far) moved since then.
 */
export function createEventLoopPressure(requestsArrived: () => number): EventLoopPressure {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let seen = requestsArrived();
  return {
    delaySinceLastRead() {
      const arrived = requestsArrived();
      // The histogram records, in nanoseconds, the time between its timer's ticks: the resolution
      // plus the delay (an empty one reports 0).
      const worstMs = Math.max(0, histogram.max / 1e6 - RESOLUTION_MS);
      histogram.reset();
      const felt = arrived !== seen;
      seen = arrived;
      return felt ? worstMs : 0;
    },
    close() {
      histogram.disable();
    },
  };
}
