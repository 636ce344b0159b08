import { describe, expect, test } from "vitest";
import { authenticateKey } from "../../src/http/auth.ts";
import { createAuthThrottle, MAX_WAITING_LOOKUPS } from "../../src/http/auth-throttle.ts";
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

describe("lookups take their token before they start (take / settled)", () => {
  test("with no token left, a lookup waits while others are out: a valid key's token goes to it, and once none can come back the rest are refused", async () => {
    const throttle = createAuthThrottle({ perMinute: 2, clock: manualClock() });
    expect(throttle.take("a")).toBe(true);
    expect(throttle.take("a")).toBe(true);
    expect(throttle.retryAfterMs("a")).toBe(0);
    const third = throttle.take("a");
    const fourth = throttle.take("a");
    expect(third).toBeInstanceOf(Promise);
    throttle.settled("a", true);
    expect(await third).toBe(true);
    throttle.settled("a", false);
    throttle.settled("a", false);
    expect(await fourth).toBe(false);
    expect(throttle.retryAfterMs("a")).toBe(30_000);
    expect(throttle.take("a")).toBe(false);
  });

  test(`at most ${MAX_WAITING_LOOKUPS} lookups of an address wait; past them, refused at once`, () => {
    const throttle = createAuthThrottle({ perMinute: 1, clock: manualClock() });
    expect(throttle.take("a")).toBe(true);
    for (let i = 0; i < MAX_WAITING_LOOKUPS; i++) expect(throttle.take("a")).toBeInstanceOf(Promise);
    expect(throttle.retryAfterMs("a")).toBeGreaterThan(0);
    expect(throttle.take("a")).toBe(false);
  });

  test("a bucket with lookups out is not dropped to make room, nor by active()", async () => {
    const clock = manualClock();
    const throttle = createAuthThrottle({ perMinute: 1, clock, maxAddresses: 2 });
    expect(throttle.take("a")).toBe(true);
    const waiting = throttle.take("a");
    for (let i = 0; i < 10; i++) throttle.failed(`b${i}`);
    clock.advance(120_000);
    expect(throttle.active()).toBe(true);
    throttle.settled("a", true);
    expect(await waiting).toBe(true);
    throttle.settled("a", true);
    clock.advance(60_000);
    expect(throttle.active()).toBe(false);
    expect(throttle.size).toBe(0);
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

  test("valid keys sent at once, more than the bucket holds, are all looked up and all accepted", async () => {
    const throttle = createAuthThrottle({ perMinute: 3, clock: manualClock() });
    const lookups: string[] = [];
    const store = {
      authenticateCached: () => undefined,
      validLately: () => false,
      authenticate: async (raw: string) => {
        lookups.push(raw);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return raw.startsWith("sk-valid-") ? ({ id: raw } as ApiKeyRecord) : null;
      },
    };
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => authenticateKey(store, throttle, `sk-valid-${i}`, "a")));
    expect(answers.every((a) => a.kind === "key")).toBe(true);
    expect(lookups).toHaveLength(50);
    expect(throttle.retryAfterMs("a")).toBe(0);
    // Wrong keys among them spend their tokens: at most 3 are looked up, as before.
    const mixed = await Promise.all(Array.from({ length: 20 }, (_, i) => authenticateKey(store, throttle, `sk-wrong-${i}`, "b")));
    expect(mixed.filter((a) => a.kind === "refused")).toHaveLength(3);
    expect(mixed.filter((a) => a.kind === "throttled")).toHaveLength(17);
    expect(lookups.filter((raw) => raw.startsWith("sk-wrong-"))).toHaveLength(3);
  });

  test("a lookup that fails (the store unreachable) gives its token back: it says nothing about the key", async () => {
    const throttle = createAuthThrottle({ perMinute: 1, clock: manualClock() });
    const store = {
      authenticateCached: () => undefined,
      validLately: () => false,
      authenticate: async () => {
        throw new Error("connection refused");
      },
    };
    await expect(authenticateKey(store, throttle, "sk-any", "a")).rejects.toThrow("connection refused");
    expect(throttle.retryAfterMs("a")).toBe(0);
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
