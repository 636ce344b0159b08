// The signal of one vendor call: aborted by its time limit or by the caller, and cleared once the
// call is over.
import { afterEach, describe, expect, it, vi } from "vitest";
import { callDeadline } from "../../../src/adapters/providers/call-deadline.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("callDeadline", () => {
  it("aborts its signal with a TimeoutError once the time is up", async () => {
    const deadline = callDeadline(20);
    await new Promise((resolve) => deadline.signal.addEventListener("abort", resolve, { once: true }));
    expect(deadline.signal.reason).toMatchObject({ name: "TimeoutError" });
  });

  it("aborts its signal as soon as the caller's is, with the caller's reason", () => {
    const caller = new AbortController();
    const deadline = callDeadline(60_000, caller.signal);
    expect(deadline.signal.aborted).toBe(false);
    caller.abort(new Error("given up"));
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toEqual(new Error("given up"));
    deadline.done();
  });

  it("starts aborted when the caller's signal already is", () => {
    const caller = new AbortController();
    caller.abort("gone");
    expect(callDeadline(60_000, caller.signal).signal.reason).toBe("gone");
  });

  it("keeps nothing once done: neither its timer nor its link to the caller's signal aborts it", () => {
    vi.useFakeTimers();
    const caller = new AbortController();
    const deadline = callDeadline(1_000, caller.signal);
    deadline.done();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    caller.abort();
    expect(deadline.signal.aborted).toBe(false);
  });
});
