import { describe, expect, test } from "vitest";
import { authenticateKey } from "../../src/http/auth.ts";
import { createAuthThrottle, LOOKUPS_BEYOND_TOKENS } from "../../src/http/auth-throttle.ts";
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

describe("lookups under way (take / settled)", () => {
  test(`an address may have its tokens plus ${LOOKUPS_BEYOND_TOKENS} lookups out; a wrong key found spends a token, into debt, repaid at perMinute a minute`, () => {
    const clock = manualClock();
    const throttle = createAuthThrottle({ perMinute: 2, clock });
    for (let i = 0; i < 2 + LOOKUPS_BEYOND_TOKENS; i++) expect(throttle.take("a")).toBe(true);
    expect(throttle.take("a")).toBe(false);
    expect(throttle.take("b")).toBe(true);
    // Lookups out are not failures: the address is not held back for them.
    expect(throttle.retryAfterMs("a")).toBe(0);
    // A valid key's answer frees its place.
    throttle.settled("a", true);
    expect(throttle.retryAfterMs("a")).toBe(0);
    expect(throttle.take("a")).toBe(true);
    // Every one of them a wrong key: the debt is the most the lookups out may run up.
    for (let i = 0; i < 2 + LOOKUPS_BEYOND_TOKENS; i++) throttle.settled("a", false);
    // One token back every 30 s: from -100 to 1.
    expect(throttle.retryAfterMs("a")).toBe((1 + LOOKUPS_BEYOND_TOKENS) * 30_000);
    expect(throttle.take("a")).toBe(false);
    clock.advance((1 + LOOKUPS_BEYOND_TOKENS) * 30_000);
    expect(throttle.retryAfterMs("a")).toBe(0);
    expect(throttle.take("a")).toBe(true);
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

  test("wrong keys sent at once get no more lookups than the tokens plus the lookups beyond them, then the address owes their failures", async () => {
    const throttle = createAuthThrottle({ perMinute: 3, clock: manualClock() });
    const store = keys({});
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => authenticateKey(store, throttle, `sk-wrong-${i}`, "a")));
    expect(store.lookups).toHaveLength(3 + LOOKUPS_BEYOND_TOKENS);
    expect(answers.filter((a) => a.kind === "throttled")).toHaveLength(500 - 3 - LOOKUPS_BEYOND_TOKENS);
    expect(throttle.retryAfterMs("a")).toBe((1 + LOOKUPS_BEYOND_TOKENS) * 20_000);
    expect(await authenticateKey(store, throttle, "sk-wrong-later", "a")).toMatchObject({ kind: "throttled" });
    expect(store.lookups).toHaveLength(3 + LOOKUPS_BEYOND_TOKENS);
    // A valid key on another address: its lookups spend nothing.
    for (let i = 0; i < 5; i++) expect(await authenticateKey(store, throttle, "sk-good", "b")).toMatchObject({ kind: "key" });
    expect(throttle.retryAfterMs("b")).toBe(0);
  });

  test("valid keys sent at once, many more than the bucket holds, are all looked up and all accepted", async () => {
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
    const count = 3 + LOOKUPS_BEYOND_TOKENS;
    const answers = await Promise.all(Array.from({ length: count }, (_, i) => authenticateKey(store, throttle, `sk-valid-${i}`, "a")));
    expect(answers.filter((a) => a.kind === "key")).toHaveLength(count);
    expect(lookups).toHaveLength(count);
    expect(throttle.retryAfterMs("a")).toBe(0);
    // Their places are free again: as many more at once are looked up too.
    const again = await Promise.all(Array.from({ length: count }, (_, i) => authenticateKey(store, throttle, `sk-valid-again-${i}`, "a")));
    expect(again.filter((a) => a.kind === "key")).toHaveLength(count);
  });

  test("a lookup that fails (the store unreachable) counts as a wrong key: a failing store does not make lookups free", async () => {
    const throttle = createAuthThrottle({ perMinute: 2, clock: manualClock() });
    let reads = 0;
    const store = {
      authenticateCached: () => undefined,
      validLately: () => false,
      authenticate: async () => {
        reads++;
        throw new Error("connection refused");
      },
    };
    for (let i = 0; i < 5; i++) await Promise.resolve(authenticateKey(store, throttle, `sk-any-${i}`, "a")).catch(() => undefined);
    expect(reads).toBe(2);
    expect(throttle.retryAfterMs("a")).toBeGreaterThan(0);
  });

  test("at the lookup bound, a key valid lately is still looked up (outside the count); any other key waits", async () => {
    const throttle = createAuthThrottle({ perMinute: 1, clock: manualClock() });
    for (let i = 0; i < 1 + LOOKUPS_BEYOND_TOKENS; i++) expect(throttle.take("a")).toBe(true);
    const store = keys({}, ["sk-good"]);
    expect(await authenticateKey(store, throttle, "sk-good", "a")).toEqual({ kind: "key", key: record });
    expect(await authenticateKey(store, throttle, "sk-other", "a")).toEqual({ kind: "throttled", retryAfterMs: 1_000 });
    expect(store.lookups).toEqual(["sk-good"]);
  });

  test("a lookup that throws at once still has its answer counted: the address's places do not leak", async () => {
    const clock = manualClock();
    const throttle = createAuthThrottle({ perMinute: 1, clock });
    const store = {
      authenticateCached: () => undefined,
      validLately: () => false,
      authenticate: (): Promise<ApiKeyRecord | null> => {
        throw new Error("thrown before any promise");
      },
    };
    await expect(authenticateKey(store, throttle, "sk-any", "a")).rejects.toThrow("thrown before any promise");
    // Counted as a wrong key: once its token is back, every place is free.
    clock.advance(60_000);
    for (let i = 0; i < 1 + LOOKUPS_BEYOND_TOKENS; i++) expect(throttle.take("a")).toBe(true);
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
