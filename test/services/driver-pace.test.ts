// The driver's pace: how many running tasks it drives at once while requests share its process.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDriverPace, nextLimit, STALE_READINGS, type PaceRule } from "../../src/services/driver-pace.ts";

const RULE: PaceRule = { min: 2, max: 32, targetDelayMs: 10, everyMs: 100 };

describe("the driver's pace rule", () => {
  it("halves the tasks driven at once when requests felt more than the target delay, never below the minimum", () => {
    expect(nextLimit(32, 11, RULE)).toBe(16);
    expect(nextLimit(5, 50, RULE)).toBe(2);
    expect(nextLimit(2, 500, RULE)).toBe(2);
  });

  it("takes one more at or below the target delay, never above the maximum", () => {
    expect(nextLimit(2, 10, RULE)).toBe(3);
    expect(nextLimit(16, 0, RULE)).toBe(17);
    expect(nextLimit(32, 0, RULE)).toBe(32);
  });

  it("stays within its bounds whatever the delays, and is back at the maximum after max - min calm readings", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1_000, noNaN: true }), { maxLength: 200 }), (delays) => {
        let limit = RULE.max;
        for (const delay of delays) {
          limit = nextLimit(limit, delay, RULE);
          expect(limit).toBeGreaterThanOrEqual(RULE.min);
          expect(limit).toBeLessThanOrEqual(RULE.max);
        }
        for (let i = 0; i < RULE.max - RULE.min; i++) limit = nextLimit(limit, 0, RULE);
        expect(limit).toBe(RULE.max);
      }),
    );
  });
});

describe("the driver's pace gate", () => {
  /** A pace over a clock moved by hand and a pressure reporting `delay` (the readings are counted). */
  const paced = (rule: PaceRule = RULE) => {
    const state = { now: 0, delay: 0, readings: 0, limits: [] as number[] };
    const pace = createDriverPace({
      rule,
      clock: { now: () => state.now },
      pressure: { delaySinceLastRead: () => (state.readings++, state.delay) },
      onLimit: (limit) => state.limits.push(limit),
    });
    return { pace, state };
  };
  /** Enters `n` times; the entries' resolutions are counted in `admitted`. */
  const enterTimes = (pace: ReturnType<typeof createDriverPace>, n: number, admitted: { count: number }) => {
    for (let i = 0; i < n; i++) void pace.enter().then(() => admitted.count++);
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it("admits up to its limit at once; each leave admits the next waiting, in arrival order", async () => {
    const { pace } = paced({ ...RULE, max: 3 });
    const order: number[] = [];
    for (let i = 0; i < 5; i++) void pace.enter().then(() => order.push(i));
    await settle();
    expect(order).toEqual([0, 1, 2]);
    pace.leave();
    await settle();
    expect(order).toEqual([0, 1, 2, 3]);
    pace.leave();
    await settle();
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it("counts work occupying a place without waiting: tasks entering after it wait while the places are full, and its leave admits the next", async () => {
    const { pace } = paced({ ...RULE, max: 2 });
    await pace.enter();
    // Under way already (a result being stored): it takes its place even past the limit.
    pace.occupy();
    pace.occupy();
    const order: number[] = [];
    for (let i = 0; i < 2; i++) void pace.enter().then(() => order.push(i));
    await settle();
    expect(order).toEqual([]);
    pace.leave();
    pace.leave();
    await settle();
    expect(order).toEqual([0]);
    pace.leave();
    await settle();
    expect(order).toEqual([0, 1]);
  });

  /** A pace whose first reading (which covers everything before it, and is not used) is behind it. */
  const pacedAfterFirstReading = async (rule: PaceRule = RULE) => {
    const first = paced(rule);
    await first.pace.enter();
    first.pace.leave();
    first.state.now += rule.everyMs;
    return first;
  };

  it("reads the pressure at most once per interval of its clock, and halves its limit when requests felt the delay", async () => {
    const { pace, state } = await pacedAfterFirstReading();
    expect(state.readings).toBe(1);
    state.delay = 50;
    const admitted = { count: 0 };
    enterTimes(pace, 40, admitted);
    await settle();
    // One reading at the first entry of the interval: 32 → 16 before any was admitted.
    expect(state.readings).toBe(2);
    expect(pace.limit).toBe(16);
    expect(admitted.count).toBe(16);
    // Leaving within the same interval reads nothing and admits one for one.
    for (let i = 0; i < 4; i++) pace.leave();
    await settle();
    expect(state.readings).toBe(2);
    expect(admitted.count).toBe(20);
    // The next interval: 16 → 8. Fifteen still run after this leave, so none is admitted until fewer than 8 do.
    state.now += 100;
    pace.leave();
    await settle();
    expect(state.readings).toBe(3);
    expect(state.limits).toEqual([16, 8]);
    expect(admitted.count).toBe(20);
  });

  it("climbs back one task per interval once requests feel no delay, admitting those waiting", async () => {
    const { pace, state } = await pacedAfterFirstReading({ ...RULE, max: 8 });
    state.delay = 50;
    const admitted = { count: 0 };
    enterTimes(pace, 10, admitted);
    await settle();
    expect(pace.limit).toBe(4);
    state.delay = 0;
    for (let step = 5; step <= 8; step++) {
      state.now += 100;
      // A reading comes with an entry or a leave: here an entry, queued behind the others.
      enterTimes(pace, 1, admitted);
      await settle();
      expect(pace.limit).toBe(step);
      expect(admitted.count).toBe(step);
    }
  });

  it("does not use a reading that covers a pause: its first, and the first after an interval without any, start again at the maximum", async () => {
    const { pace, state } = paced();
    state.delay = 50;
    const admitted = { count: 0 };
    enterTimes(pace, 1, admitted);
    await settle();
    expect([state.readings, pace.limit]).toEqual([1, 32]);
    for (let i = 0; i < 4; i++) {
      state.now += RULE.everyMs;
      pace.leave();
      enterTimes(pace, 1, admitted);
      await settle();
    }
    expect(pace.limit).toBe(2);
    // Nothing driven for longer than STALE_READINGS intervals: the reading is taken, and the pace starts afresh.
    state.now += RULE.everyMs * (STALE_READINGS + 1);
    pace.leave();
    expect([state.readings, pace.limit]).toEqual([6, 32]);
    expect(state.limits).toEqual([16, 8, 4, 2, 32]);
  });

  it("goes on as if calm when a reading fails", async () => {
    let calls = 0;
    let now = 0;
    const pace = createDriverPace({
      rule: RULE,
      clock: { now: () => now },
      pressure: {
        delaySinceLastRead: () => {
          calls++;
          throw new Error("no reading");
        },
      },
    });
    const admitted = { count: 0 };
    enterTimes(pace, 40, admitted);
    await settle();
    now += RULE.everyMs;
    pace.leave();
    await settle();
    expect(calls).toBe(2);
    expect(pace.limit).toBe(32);
    expect(admitted.count).toBe(33);
  });

  it("stays at its maximum without a pressure to read", async () => {
    const pace = createDriverPace({ rule: RULE, clock: { now: () => 0 } });
    const admitted = { count: 0 };
    enterTimes(pace, 40, admitted);
    await settle();
    expect(admitted.count).toBe(32);
    expect(pace.limit).toBe(32);
  });
});
