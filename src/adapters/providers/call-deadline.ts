/**
 * The signal that ends a vendor call (or a result's downloads): aborted `ms` after it is made, or
 * as soon as `cancelled` is. `done()` clears both once the call is over, so nothing of it
 * outlives the call.
 *
 * One AbortController and one unref'd timer, not `AbortSignal.timeout` (and `AbortSignal.any`
 * with a caller's signal): on Node 20 each of those registers a weak reference and a finalizer,
 * several times the controller's cost, and every task a vendor runs makes four or five calls
 * (the A/B is in bench/README.md, bench:providers).
 */
export interface CallDeadline {
  readonly signal: AbortSignal;
  /** The call is over: the timer and the link to `cancelled` are cleared. */
  done(): void;
}

export function callDeadline(ms: number, cancelled?: AbortSignal): CallDeadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`the call took more than ${ms} ms`, "TimeoutError")), ms);
  timer.unref();
  if (!cancelled) return { signal: controller.signal, done: () => clearTimeout(timer) };
  const cancel = () => controller.abort(cancelled.reason);
  if (cancelled.aborted) cancel();
  else cancelled.addEventListener("abort", cancel, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      cancelled.removeEventListener("abort", cancel);
    },
  };
}
