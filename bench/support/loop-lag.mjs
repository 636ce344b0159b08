// How late this thread's event loop runs, per time window: a timer due every `intervalMs` records
// how late it fired. A server or load generator whose loop is held (a GC pause, a long task, a
// thread the OS did not schedule) shows it here; a slow answer while both loops kept time was
// waiting on something else (PostgreSQL, Redis, the network). Plain JavaScript: the load
// generator's worker thread imports it without tsx's loader.
import { performance } from "node:perf_hooks";

/** Starts sampling; `stop()` returns the worst lateness (ms) per `windowMs` from `fromEpochMs`. */
export function startLoopLag(intervalMs = 5) {
  const at = [];
  const late = [];
  let due = performance.now() + intervalMs;
  const timer = setInterval(() => {
    const now = performance.now();
    at.push(performance.timeOrigin + now);
    late.push(Math.max(0, now - due));
    due = now + intervalMs;
  }, intervalMs);
  return {
    stop(fromEpochMs, windowMs = 100) {
      clearInterval(timer);
      const windows = [];
      for (let i = 0; i < at.length; i++) {
        if (at[i] < fromEpochMs) continue;
        // A late tick reports a pause that began when it was due: charge it to that window.
        const window = Math.max(0, Math.floor((at[i] - late[i] - fromEpochMs) / windowMs));
        windows[window] = Math.max(windows[window] ?? 0, late[i]);
      }
      return Array.from(windows, (ms) => ms ?? 0);
    },
  };
}
