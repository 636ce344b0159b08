import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { createLargeBodyLanes, hasLargeBody, LARGE_BODY_BYTES, type LaneEntry } from "../../src/http/large-body-lanes.ts";

const MB = 1024 * 1024;

/** A clock and a timer list the test moves by hand. */
function manualTime() {
  let now = 0;
  const timers: { at: number; open: () => void }[] = [];
  return {
    now: () => now,
    after: (ms: number, open: () => void) => void timers.push({ at: now + ms, open }),
    /** Moves time on by `ms`, running the timers due. */
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.open();
      }
    },
    pending: () => timers.map((t) => t.at - now),
  };
}

/** Whether `entry` has entered by the time pending callbacks and microtasks have run. */
async function hasEntered(entry: Promise<LaneEntry> | LaneEntry): Promise<boolean> {
  let done = false;
  void Promise.resolve(entry).then(() => (done = true));
  await new Promise<void>((resolve) => setImmediate(resolve));
  return done;
}

const entered = async (entry: Promise<LaneEntry> | LaneEntry): Promise<(bytesRead?: number) => void> => {
  const resolved = await entry;
  if (resolved.kind !== "entered") throw new Error("refused");
  return resolved.release;
};

describe("large-body lanes", () => {
  it("lets one request of an address in at once; the next enters when it is released, in arrival order", async () => {
    const lanes = createLargeBodyLanes();
    const first = await entered(lanes.enter("10.0.0.1"));
    const order: string[] = [];
    const second = Promise.resolve(lanes.enter("10.0.0.1")).then(async (e) => (order.push("second"), e));
    const third = Promise.resolve(lanes.enter("10.0.0.1")).then(async (e) => (order.push("third"), e));
    // Another address is not held back.
    const other = lanes.enter("10.0.0.2");
    expect("kind" in other && other.kind).toBe("entered");
    expect(order).toEqual([]);
    first();
    const releaseSecond = await entered(await second);
    expect(order).toEqual(["second"]);
    releaseSecond();
    (await entered(await third))();
    expect(order).toEqual(["second", "third"]);
    (await entered(other))();
    expect(lanes.busy).toBe(0);
  });

  it("refuses a request when its address already has the queue limit waiting", async () => {
    const lanes = createLargeBodyLanes({ queueLimit: 2 });
    const holder = await entered(lanes.enter("a"));
    const waiting = [lanes.enter("a"), lanes.enter("a")];
    expect(lanes.enter("a")).toEqual({ kind: "refused" });
    holder();
    for (const w of waiting) (await entered(w))();
    expect(lanes.busy).toBe(0);
  });

  it("gives the lane back once however many times a release is called", async () => {
    const lanes = createLargeBodyLanes();
    const release = await entered(lanes.enter("a"));
    const next = lanes.enter("a");
    release();
    release();
    const releaseNext = await entered(next);
    // The lane is still the second request's: a third waits.
    const third = lanes.enter("a");
    expect(third).toBeInstanceOf(Promise);
    releaseNext();
    (await entered(third))();
    expect(lanes.busy).toBe(0);
  });
});

describe("large-body lanes, paced by bytes", () => {
  it("keeps an address's lane closed after a 3 MB request until its bytes are paid for at the rate", async () => {
    const time = manualTime();
    const lanes = createLargeBodyLanes({ bytesPerSecond: 16 * MB, now: time.now, after: time.after });
    const first = await entered(lanes.enter("a"));
    const second = lanes.enter("a");
    time.advance(20);
    first(3 * MB);
    // 3 MB at 16 MB/s is 187.5 ms from the first request's entry, 20 of which have passed.
    expect(time.pending()).toEqual([167.5]);
    time.advance(167);
    expect(await hasEntered(second)).toBe(false);
    time.advance(1);
    expect(await hasEntered(second)).toBe(true);
    (await entered(second))(0);
    expect(lanes.busy).toBe(0);
  });

  it("holds the lane even when nothing waits, so the next large request of that address waits its turn", async () => {
    const time = manualTime();
    const lanes = createLargeBodyLanes({ bytesPerSecond: 10 * MB, now: time.now, after: time.after });
    (await entered(lanes.enter("a")))(5 * MB);
    expect(lanes.busy).toBe(1);
    const next = lanes.enter("a");
    expect(next).toBeInstanceOf(Promise);
    // Another address is not held back.
    expect(lanes.enter("b")).toMatchObject({ kind: "entered" });
    time.advance(500);
    expect(await hasEntered(next)).toBe(true);
  });

  it("opens at once when unpaced (0 or Infinity bytes a second): no timer is set", async () => {
    for (const bytesPerSecond of [0, Number.POSITIVE_INFINITY]) {
      const time = manualTime();
      const lanes = createLargeBodyLanes({ bytesPerSecond, now: time.now, after: time.after });
      const first = await entered(lanes.enter("a"));
      const next = lanes.enter("a");
      first(10 * MB);
      expect(time.pending()).toEqual([]);
      expect(await hasEntered(next)).toBe(true);
    }
  });

  it("waits no longer than a timer can: a wait beyond 2^31 - 1 ms is set at that bound, not fired at once", async () => {
    const time = manualTime();
    const lanes = createLargeBodyLanes({ bytesPerSecond: 1, now: time.now, after: time.after });
    (await entered(lanes.enter("a")))(10 * MB);
    expect(time.pending()).toEqual([2 ** 31 - 1]);
  });

  it("opens at once after a request that took longer than its bytes' time, or read nothing", async () => {
    const time = manualTime();
    const lanes = createLargeBodyLanes({ bytesPerSecond: 16 * MB, now: time.now, after: time.after });
    const slow = await entered(lanes.enter("a"));
    const next = lanes.enter("a");
    time.advance(1_000);
    slow(1 * MB);
    expect(time.pending()).toEqual([]);
    const unread = await entered(next);
    unread(0);
    expect(lanes.busy).toBe(0);
  });
});

describe("hasLargeBody", () => {
  const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
  it("is a declared length over the bound, or a body of unknown length", () => {
    expect(hasLargeBody(req({ "content-length": String(LARGE_BODY_BYTES) }))).toBe(false);
    expect(hasLargeBody(req({ "content-length": String(LARGE_BODY_BYTES + 1) }))).toBe(true);
    expect(hasLargeBody(req({ "transfer-encoding": "chunked" }))).toBe(true);
    expect(hasLargeBody(req({}))).toBe(false);
  });
});
