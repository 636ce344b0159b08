import type { ForegroundPressure } from "../../services/ports/foreground-pressure.ts";

export interface EventLoopPressure extends ForegroundPressure {
  /** Stops measuring (its timer). */
  close(): void;
}

/** How often the loop is sampled: the unref'd timer wakes an idle process this often. */
const RESOLUTION_MS = 10;

/**
 * Foreground pressure as the event loop shows it: a timer every RESOLUTION_MS notes how late it
 * fires, and a reading is the worst lateness since the last one, including the stall still going
 * on when the reading is taken (the driver reads from inside its own bursts), reported only when
 * `requestsArrived` (a count of requests and WebSocket events so far) moved since then.
 *
 * Not `perf_hooks.monitorEventLoopDelay`: its `reset()` also forgets when its timer last fired
 * (Node 20), so a stall under way at a reading is never recorded, and those are the bursts this
 * measures.
 */
export function createEventLoopPressure(requestsArrived: () => number): EventLoopPressure {
  let lastTick = performance.now();
  let worstMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worstMs = Math.max(worstMs, now - lastTick - RESOLUTION_MS);
    lastTick = now;
  }, RESOLUTION_MS);
  timer.unref();
  let seen = requestsArrived();
  return {
    delaySinceLastRead() {
      const delay = Math.max(0, worstMs, performance.now() - lastTick - RESOLUTION_MS);
      worstMs = 0;
      const arrived = requestsArrived();
      const felt = arrived !== seen;
      seen = arrived;
      return felt ? delay : 0;
    },
    close() {
      clearInterval(timer);
    },
  };
}
