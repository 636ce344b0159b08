import { describe, expect, test } from "vitest";
import { authenticateKey } from "../../src/http/auth.ts";
import { createAuthThrottle } from "../../src/http/auth-throttle.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import type { ApiKeyRecord } from "../../src/services/keys.ts";

describe("failed-authentication throttle (a token bucket per client address)", () => {
  test("an address may fail `perMinute` times in a burst, then waits for a token; others are not concerned", () => {
    const clock = manualClock();
    const throttle = createAuthThrottle({ perMinute: 3, clock });
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterMs("1.2.3.4")).toBe(0);
      throttle.failed("1.2.3.4");
    }
    // One token comes back every 20 s (3 a minute).
    expect(throttle.retryAfterMs("1.2.3.4")).toBe(20_000);
    expect(throttle.retryAfterMs("5.6.7.8")).toBe(0);
    clock.advance(15_000);
    expect(throttle.retryAfterMs("1.2.3.4")).toBe(5_000);
    clock.advance(5_000);
    expect(throttle.retryAfterMs("1.2.3.4")).toBe(0);
    throttle.failed("1.2.3.4");
    expect(throttle.retryAfterMs("1.2.3.4")).toBe(20_000);
  });

  test("0 a minute turns it off", () => {
    const throttle = createAuthThrottle({ perMinute: 0, clock: manualClock() });
    for (let i = 0; i < 1000; i++) throttle.failed("1.2.3.4");
    expect(throttle.retryAfterMs("1.2.3.4")).toBe(0);
    expect(throttle.size).toBe(0);
  });

  test("keeps at most `maxAddresses` buckets: refilled ones go first, then the least recently failed", () => {
    const clock = manualClock();
    const throttle = createAuthThrottle({ perMinute: 2, clock, maxAddresses: 100 });
    for (let i = 0; i < 10_000; i++) throttle.failed(`10.0.${i >> 8}.${i & 255}`);
    expect(throttle.size).toBeLessThanOrEqual(100);
    // The most recent failures are still counted.
    throttle.failed("10.0.39.15");
    expect(throttle.retryAfterMs("10.0.39.15")).toBeGreaterThan(0);
    // A bucket that refilled is dropped to make room before one that has not.
    throttle.failed("9.9.9.9");
    throttle.failed("9.9.9.9");
    clock.advance(60_000);
    for (let i = 0; i < 200; i++) throttle.failed(`11.0.0.${i}`);
    expect(throttle.size).toBeLessThanOrEqual(100);
  });
});

describe("authenticateKey: the rule both faces share", () => {
  const record = { id: "k1" } as ApiKeyRecord;
  const keys = (known: Record<string, ApiKeyRecord | null>, lately: readonly string[] = []) => {
    const lookups: string[] = [];
    return {
      lookups,
      authenticateCached: (raw: string) => known[raw],
      validLately: (raw: string) => lately.includes(raw),
      authenticate: async (raw: string) => {
        lookups.push(raw);
        return raw === "sk-good" ? record : null;
      },
    };
  };

  test("a refused key counts against the address; once throttled, unknown keys are not looked up, but a cached valid key passes", async () => {
    const throttle = createAuthThrottle({ perMinute: 2, clock: manualClock() });
    const store = keys({ "sk-cached": record });
    expect(await authenticateKey(store, throttle, "sk-wrong-1", "a")).toEqual({ kind: "refused" });
    expect(await authenticateKey(store, throttle, "sk-wrong-2", "a")).toEqual({ kind: "refused" });
    expect(await authenticateKey(store, throttle, "sk-good", "a")).toMatchObject({ kind: "throttled", retryAfterMs: 30_000 });
    expect(store.lookups).toEqual(["sk-wrong-1", "sk-wrong-2"]);
    expect(authenticateKey(store, throttle, "sk-cached", "a")).toEqual({ kind: "key", key: record });
    expect(await authenticateKey(store, throttle, "sk-good", "b")).toEqual({ kind: "key", key: record });
    expect(authenticateKey(store, throttle, undefined, "a")).toEqual({ kind: "none" });
  });

  test("lookups sent at once each take their failure before they start: no more are looked up than the bucket holds, and a valid key gives its back", async () => {
    const throttle = createAuthThrottle({ perMinute: 3, clock: manualClock() });
    const store = keys({});
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => authenticateKey(store, throttle, `sk-wrong-${i}`, "a")));
    expect(store.lookups).toHaveLength(3);
    expect(answers.filter((a) => a.kind === "throttled")).toHaveLength(47);
    // A valid key on another address takes and gives back: its address is not held back after.
    for (let i = 0; i < 5; i++) expect(await authenticateKey(store, throttle, "sk-good", "b")).toMatchObject({ kind: "key" });
    expect(throttle.retryAfterMs("b")).toBe(0);
  });

  test("a key valid lately is looked up for an address held back, without giving the address's bucket anything back", async () => {
    const throttle = createAuthThrottle({ perMinute: 2, clock: manualClock() });
    const store = keys({}, ["sk-good"]);
    await authenticateKey(store, throttle, "sk-wrong-1", "a");
    await authenticateKey(store, throttle, "sk-wrong-2", "a");
    expect(await authenticateKey(store, throttle, "sk-good", "a")).toEqual({ kind: "key", key: record });
    expect(throttle.retryAfterMs("a")).toBeGreaterThan(0);
    expect(await authenticateKey(store, throttle, "sk-wrong-3", "a")).toMatchObject({ kind: "throttled" });
  });
});

describe("active(): whether any address failed within the last minute", () => {
  test("false at first, true after a failure, false again (buckets dropped) once every bucket is full", () => {
    const clock = manualClock();
    const throttle = createAuthThrottle({ perMinute: 60, clock });
    expect(throttle.active()).toBe(false);
    throttle.failed("a");
    clock.advance(500);
    throttle.failed("b");
    expect(throttle.active()).toBe(true);
    clock.advance(999);
    expect(throttle.active()).toBe(true);
    clock.advance(1);
    expect(throttle.active()).toBe(false);
    expect(throttle.size).toBe(0);
  });
});
