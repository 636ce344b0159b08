/**
 * One contract, both adapters: the in-process limiter and the Redis limiter must make the same
 * decisions, exactly, including under concurrency. The Redis suite needs TEST_REDIS_URL.
 */
import fc from "fast-check";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AcquireResult, LimitPolicy, LimitSnapshot, Limiter } from "../../../src/services/ports/limiter.ts";
import { specLimitPolicy } from "../../../src/services/ports/limiter.ts";
import { createMemoryLimiter } from "../../../src/adapters/limits/memory-limiter.ts";
import { createRedisLimiter } from "../../../src/adapters/limits/redis-limiter.ts";
import type { Clock } from "../../../src/kernel/clock.ts";
import { manualClock } from "../../../src/kernel/clock.ts";
import { requireService, testRedisUrl, uniquePrefix } from "../../support/services.ts";

interface LimiterFactory {
  readonly name: string;
  readonly available: boolean;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A fresh, empty limiter reading `clock` (Redis: the server's TIME when no clock is given). */
  create(clock?: Clock): Limiter;
  /** Limiters that share state but not a connection: separate "processes". */
  createPeers?(): [Limiter, Limiter];
}

function memoryFactory(): LimiterFactory {
  return {
    name: "memory",
    available: true,
    async setUp() {},
    async tearDown() {},
    create: (clock = manualClock()) => createMemoryLimiter(clock),
  };
}

function redisFactory(): LimiterFactory {
  // Every limiter gets its own namespace under one root, so teardown can delete them all at once.
  const root = uniquePrefix();
  let namespaces = 0;
  const namespace = () => `${root}${namespaces++}:`;
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(testRedisUrl as string);
    connections.push(redis);
    return redis;
  };
  let shared: Redis | undefined;
  return {
    name: "redis",
    available: requireService("redis"),
    async setUp() {
      shared = connect();
      await shared.ping();
    },
    async tearDown() {
      // Keys written with a manual clock outlive the test (see INJECTED_CLOCK_MIN_KEY_TTL_MS).
      let cursor = "0";
      do {
        const [next, keys] = await (shared as Redis).scan(cursor, "MATCH", `${root}*`, "COUNT", 1_000);
        if (keys.length > 0) await (shared as Redis).unlink(...keys);
        cursor = next;
      } while (cursor !== "0");
      await Promise.all(connections.map((c) => c.quit()));
    },
    create: (clock) => createRedisLimiter(shared as Redis, { clock, prefix: namespace() }),
    createPeers() {
      const prefix = namespace();
      return [createRedisLimiter(connect(), { prefix }), createRedisLimiter(connect(), { prefix })];
    },
  };
}

const policy = (overrides: Partial<LimitPolicy>): LimitPolicy => ({ ...specLimitPolicy, ...overrides });
/** Concurrency limited only: the window never binds. */
const slotsOnly = policy({ maxConcurrent: 5, windowMax: 1_000 });
/** Window limited only: slots never bind. */
const windowOnly = policy({ maxConcurrent: 1_000, windowMax: 5, windowMs: 30_000 });

describe.each([memoryFactory(), redisFactory()])("$name limiter", (factory) => {
  describe.skipIf(!factory.available)("contract", () => {
    beforeAll(() => factory.setUp());
    afterAll(() => factory.tearDown());

    function setUp() {
      const clock = manualClock();
      return { clock, limiter: factory.create(clock), t0: clock.now() };
    }

    describe("concurrency slots", () => {
      it("refuses the 6th concurrent slot with CONCURRENCY and retryAfter = time left until the earliest slot expires", async () => {
        const { clock, limiter, t0 } = setUp();
        for (let i = 0; i < 5; i++) {
          expect(await limiter.acquire("k", `s${i}`, slotsOnly)).toEqual({ ok: true, takenAt: clock.now() });
          clock.advance(1_000);
        }
        expect(await limiter.acquire("k", "s5", slotsOnly)).toEqual({
          ok: false,
          reason: "CONCURRENCY",
          retryAfterMs: t0 + slotsOnly.slotTtlMs - clock.now(),
        });
      });

      it("admits under clocks a time scale made fractional (600,000 / 7 ms): the slot is held, then released", async () => {
        // Without an injected clock: the Redis limiter reads the server's time and gives its keys the policy's TTLs.
        const limiter = factory.create();
        const scaled = policy({ slotTtlMs: 600_000 / 7, windowMs: 30_000 / 7 });
        expect((await limiter.acquire("scaled", "a", scaled)).ok).toBe(true);
        expect((await limiter.snapshot("scaled", scaled)).slots.map((s) => s.slotId)).toEqual(["a"]);
        await limiter.release("scaled", "a", { forgetRequest: true });
        expect(await limiter.snapshot("scaled", scaled)).toEqual({ slots: [], windowCount: 0 });
      });

      it("gives the place of a released slot to the next acquire", async () => {
        const { limiter } = setUp();
        for (let i = 0; i < 5; i++) await limiter.acquire("k", `s${i}`, slotsOnly);
        expect((await limiter.acquire("k", "s5", slotsOnly)).ok).toBe(false);
        await limiter.release("k", "s2");
        expect((await limiter.acquire("k", "s5", slotsOnly)).ok).toBe(true);
        expect((await limiter.acquire("k", "s6", slotsOnly)).ok).toBe(false);
      });

      it("frees a never-released slot exactly at takenAt + slotTtl (held at ttl - 1 ms)", async () => {
        const { clock, limiter, t0 } = setUp();
        const one = policy({ maxConcurrent: 1, windowMax: 1_000 });
        await limiter.acquire("k", "a", one);
        clock.set(t0 + one.slotTtlMs - 1);
        expect(await limiter.acquire("k", "b", one)).toEqual({ ok: false, reason: "CONCURRENCY", retryAfterMs: 1 });
        expect((await limiter.snapshot("k", one)).slots.map((s) => s.slotId)).toEqual(["a"]);
        clock.set(t0 + one.slotTtlMs);
        expect(await limiter.acquire("k", "b", one)).toEqual({ ok: true, takenAt: t0 + one.slotTtlMs });
      });

      it("treats re-acquiring a held slotId as the same admission: ok, original takenAt, counted once", async () => {
        const { clock, limiter, t0 } = setUp();
        const single = policy({ maxConcurrent: 1, windowMax: 1 });
        await limiter.acquire("k", "a", single);
        clock.advance(5_000);
        // Both limits are full, yet the holder of the slot is still admitted.
        expect(await limiter.acquire("k", "a", single)).toEqual({ ok: true, takenAt: t0 });
        expect(await limiter.snapshot("k", single)).toEqual({
          slots: [{ slotId: "a", takenAt: t0, expiresAt: t0 + single.slotTtlMs }],
          windowCount: 1,
        });
      });

      it("ignores the release of a slot that is not held", async () => {
        const { limiter } = setUp();
        await limiter.release("k", "nothing", { forgetRequest: true });
        await limiter.acquire("k", "a", slotsOnly);
        await limiter.release("k", "other");
        expect((await limiter.snapshot("k", slotsOnly)).slots).toHaveLength(1);
      });
    });

    describe("sliding window", () => {
      it("refuses the 6th admission at t with WINDOW until exactly t + 30 s, then admits", async () => {
        const { clock, limiter, t0 } = setUp();
        for (let i = 0; i < 5; i++) expect((await limiter.acquire("k", `s${i}`, windowOnly)).ok).toBe(true);
        expect(await limiter.acquire("k", "s5", windowOnly)).toEqual({ ok: false, reason: "WINDOW", retryAfterMs: 30_000 });
        clock.set(t0 + 30_000 - 1);
        expect(await limiter.acquire("k", "s5", windowOnly)).toEqual({ ok: false, reason: "WINDOW", retryAfterMs: 1 });
        clock.set(t0 + 30_000);
        expect(await limiter.acquire("k", "s5", windowOnly)).toEqual({ ok: true, takenAt: t0 + 30_000 });
      });

      it("counts each admission for exactly 30 s (staggered 0, 10, 20 s: refused at 29.999 s, admitted at 30 s) — a two-bucket window fails this", async () => {
        const { clock, limiter, t0 } = setUp();
        const three = policy({ maxConcurrent: 1_000, windowMax: 3, windowMs: 30_000 });
        for (const at of [0, 10_000, 20_000]) {
          clock.set(t0 + at);
          expect((await limiter.acquire("k", `at${at}`, three)).ok).toBe(true);
        }
        clock.set(t0 + 29_999);
        expect(await limiter.acquire("k", "x", three)).toEqual({ ok: false, reason: "WINDOW", retryAfterMs: 1 });
        clock.set(t0 + 30_000);
        expect(await limiter.acquire("k", "x", three)).toEqual({ ok: true, takenAt: t0 + 30_000 });
        // Now 10, 20, 30 s are counted: the next place opens when the 10 s admission leaves.
        expect(await limiter.acquire("k", "y", three)).toEqual({ ok: false, reason: "WINDOW", retryAfterMs: 10_000 });
        clock.set(t0 + 39_999);
        expect((await limiter.acquire("k", "y", three)).ok).toBe(false);
        clock.set(t0 + 40_000);
        expect((await limiter.acquire("k", "y", three)).ok).toBe(true);
        expect((await limiter.snapshot("k", three)).windowCount).toBe(3);
      });

      it("un-counts a request released with forgetRequest, but not one released plainly", async () => {
        const { limiter } = setUp();
        const two = policy({ maxConcurrent: 1_000, windowMax: 2 });
        await limiter.acquire("k", "a", two);
        await limiter.acquire("k", "b", two);
        await limiter.release("k", "a");
        expect(await limiter.acquire("k", "c", two)).toMatchObject({ ok: false, reason: "WINDOW" });
        await limiter.release("k", "b", { forgetRequest: true });
        expect((await limiter.acquire("k", "c", two)).ok).toBe(true);
        expect(await limiter.snapshot("k", two)).toMatchObject({ windowCount: 2 });
      });

      it("counts a slotId admitted again after its release as a second request", async () => {
        const { limiter } = setUp();
        const two = policy({ maxConcurrent: 1_000, windowMax: 2 });
        await limiter.acquire("k", "a", two);
        await limiter.release("k", "a");
        expect((await limiter.acquire("k", "a", two)).ok).toBe(true);
        expect((await limiter.snapshot("k", two)).windowCount).toBe(2);
        expect(await limiter.acquire("k", "b", two)).toMatchObject({ ok: false, reason: "WINDOW" });
        // forgetRequest un-counts only the latest admission of that slotId.
        await limiter.release("k", "a", { forgetRequest: true });
        expect((await limiter.snapshot("k", two)).windowCount).toBe(1);
      });
    });

    it("keeps keys independent", async () => {
      const { limiter } = setUp();
      const one = policy({ maxConcurrent: 1, windowMax: 1 });
      expect((await limiter.acquire("k1", "a", one)).ok).toBe(true);
      expect((await limiter.acquire("k2", "a", one)).ok).toBe(true);
      expect((await limiter.acquire("k1", "b", one)).ok).toBe(false);
      await limiter.release("k2", "a", { forgetRequest: true });
      expect((await limiter.acquire("k1", "b", one)).ok).toBe(false);
      expect(await limiter.snapshot("k2", one)).toEqual({ slots: [], windowCount: 0 });
    });

    it("snapshots held slots with their expiry, oldest first, and the window count, dropping what expired", async () => {
      const { clock, limiter, t0 } = setUp();
      const p = policy({ slotTtlMs: 60_000, windowMs: 30_000, windowMax: 10, maxConcurrent: 10 });
      await limiter.acquire("k", "b", p);
      clock.advance(20_000);
      await limiter.acquire("k", "a", p);
      expect(await limiter.snapshot("k", p)).toEqual({
        slots: [
          { slotId: "b", takenAt: t0, expiresAt: t0 + 60_000 },
          { slotId: "a", takenAt: t0 + 20_000, expiresAt: t0 + 80_000 },
        ],
        windowCount: 2,
      });
      clock.set(t0 + 60_000);
      expect(await limiter.snapshot("k", p)).toEqual({
        slots: [{ slotId: "a", takenAt: t0 + 20_000, expiresAt: t0 + 80_000 }],
        windowCount: 0,
      });
    });

    describe("under concurrency", () => {
      it.each([
        { maxConcurrent: 5, windowMax: 5, admitted: 5, refusedFor: "CONCURRENCY" },
        { maxConcurrent: 50, windowMax: 7, admitted: 7, refusedFor: "WINDOW" },
      ])(
        "admits exactly $admitted of 200 simultaneous acquires (maxConcurrent $maxConcurrent, windowMax $windowMax)",
        async ({ maxConcurrent, windowMax, admitted, refusedFor }) => {
          const { limiter } = setUp();
          const p = policy({ maxConcurrent, windowMax });
          const results = await Promise.all(Array.from({ length: 200 }, (_, i) => limiter.acquire("k", `s${i}`, p)));
          expect(results.filter((r) => r.ok)).toHaveLength(admitted);
          expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === refusedFor)).toBe(true);
          const snapshot = await limiter.snapshot("k", p);
          expect(snapshot.slots).toHaveLength(admitted);
          expect(snapshot.windowCount).toBe(admitted);
        },
      );

      it.runIf(factory.createPeers !== undefined)(
        "stays exact when two processes (separate connections, server time) race on one key",
        async () => {
          const [a, b] = factory.createPeers!();
          const p = policy({ maxConcurrent: 50, windowMax: 7 });
          const results = await Promise.all(
            Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).acquire("k", `s${i}`, p)),
          );
          expect(results.filter((r) => r.ok)).toHaveLength(7);
          expect((await a.snapshot("k", p)).windowCount).toBe(7);
          expect((await b.snapshot("k", p)).slots).toHaveLength(7);
        },
      );
    });

    it.runIf(factory.name === "redis")("takes time from the Redis server when no clock is given", async () => {
      const limiter = factory.create();
      const p = policy({ maxConcurrent: 1, slotTtlMs: 300, windowMax: 1_000 });
      const before = Date.now();
      const first = await limiter.acquire("k", "a", p);
      expect(first.ok).toBe(true);
      // The server's clock is this machine's here; elsewhere it may be skewed, which is the point.
      if (first.ok) expect(Math.abs(first.takenAt - before)).toBeLessThan(5_000);
      const refused = await limiter.acquire("k", "b", p);
      expect(refused).toMatchObject({ ok: false, reason: "CONCURRENCY" });
      if (!refused.ok) expect(refused.retryAfterMs).toBeLessThanOrEqual(300);
      // Asked again until the slot has expired on the server's clock: it frees no sooner than
      // 300 ms of that clock after it was taken.
      const second = await vi.waitFor(
        async () => {
          const result = await limiter.acquire("k", "b", p);
          if (!result.ok) throw new Error(`still refused: ${JSON.stringify(result)}`);
          return result;
        },
        { timeout: 5_000, interval: 20 },
      );
      if (first.ok) expect(second.takenAt - first.takenAt).toBeGreaterThanOrEqual(300);
    });

    describe("model-based property", () => {
      type Op =
        | { kind: "acquire"; key: string; slot: string }
        | { kind: "release"; key: string; slot: string; forget: boolean }
        | { kind: "advance"; ms: number }
        | { kind: "snapshot"; key: string };

      const keyArb = fc.constantFrom("k1", "k2");
      const slotArb = fc.constantFrom("s0", "s1", "s2", "s3", "s4");
      const opArb: fc.Arbitrary<Op> = fc.oneof(
        { weight: 5, arbitrary: fc.record({ kind: fc.constant("acquire" as const), key: keyArb, slot: slotArb }) },
        {
          weight: 2,
          arbitrary: fc.record({ kind: fc.constant("release" as const), key: keyArb, slot: slotArb, forget: fc.boolean() }),
        },
        {
          weight: 3,
          arbitrary: fc.record({
            kind: fc.constant("advance" as const),
            ms: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(1, 99, 100, 199, 200, 250)),
          }),
        },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant("snapshot" as const), key: keyArb }) },
      );
      const policyArb = fc.record({
        maxConcurrent: fc.integer({ min: 1, max: 4 }),
        slotTtlMs: fc.constantFrom(50, 100, 200, 600),
        windowMax: fc.integer({ min: 1, max: 4 }),
        windowMs: fc.constantFrom(50, 100, 200),
      });

      it("decides every acquire, release and snapshot as the reference model does, and never exceeds either limit", async () => {
        await fc.assert(
          fc.asyncProperty(policyArb, fc.array(opArb, { minLength: 10, maxLength: 60, size: "max" }), async (p, ops) => {
            const clock = manualClock();
            const limiter = factory.create(clock);
            const model = new ReferenceLimiter();
            /** Admissions not forgotten, per key, to check the window invariant independently. */
            const admissions = new Map<string, { slot: string; at: number }[]>();
            for (const op of ops) {
              const now = clock.now();
              if (op.kind === "advance") {
                clock.advance(op.ms);
              } else if (op.kind === "acquire") {
                const wasHeld = model.holds(op.key, op.slot, now, p);
                const expected = model.acquire(op.key, op.slot, now, p);
                expect(await limiter.acquire(op.key, op.slot, p)).toEqual(expected);
                if (expected.ok && !wasHeld) {
                  const log = admissions.get(op.key) ?? [];
                  log.push({ slot: op.slot, at: now });
                  admissions.set(op.key, log);
                  expect(log.filter((a) => a.at > now - p.windowMs).length).toBeLessThanOrEqual(p.windowMax);
                }
              } else if (op.kind === "release") {
                model.release(op.key, op.slot, op.forget);
                await limiter.release(op.key, op.slot, { forgetRequest: op.forget });
                if (op.forget) {
                  const log = admissions.get(op.key) ?? [];
                  const latest = log.map((a) => a.slot).lastIndexOf(op.slot);
                  if (latest !== -1) log.splice(latest, 1);
                }
              } else {
                const snapshot = await limiter.snapshot(op.key, p);
                expect(snapshot).toEqual(model.snapshot(op.key, now, p));
                expect(snapshot.slots.length).toBeLessThanOrEqual(p.maxConcurrent);
              }
            }
          }),
          { numRuns: 500 },
        );
      });
    });
  });
});

/** The spec's rules written out plainly, with no concern for speed: what every adapter must decide. */
class ReferenceLimiter {
  private readonly slots = new Map<string, { slot: string; takenAt: number }[]>();
  /** Every admission ever; `slot` is null once forgotten or superseded by a newer admission of that slot. */
  private readonly admissions = new Map<string, { slot: string | null; at: number }[]>();

  private liveSlots(key: string, now: number, p: LimitPolicy) {
    return (this.slots.get(key) ?? []).filter((s) => s.takenAt > now - p.slotTtlMs);
  }

  private liveAdmissions(key: string, now: number, p: LimitPolicy) {
    return (this.admissions.get(key) ?? []).filter((a) => a.at > now - p.windowMs);
  }

  holds(key: string, slot: string, now: number, p: LimitPolicy): boolean {
    return this.liveSlots(key, now, p).some((s) => s.slot === slot);
  }

  acquire(key: string, slot: string, now: number, p: LimitPolicy): AcquireResult {
    const slots = this.liveSlots(key, now, p);
    const held = slots.find((s) => s.slot === slot);
    if (held) return { ok: true, takenAt: held.takenAt };
    if (slots.length >= p.maxConcurrent) {
      const byAge = slots.map((s) => s.takenAt).sort((a, b) => a - b);
      const freeing = byAge[slots.length - p.maxConcurrent] as number;
      return { ok: false, reason: "CONCURRENCY", retryAfterMs: Math.max(1, freeing + p.slotTtlMs - now) };
    }
    const window = this.liveAdmissions(key, now, p);
    if (window.length >= p.windowMax) {
      const byAge = window.map((a) => a.at).sort((a, b) => a - b);
      const freeing = byAge[window.length - p.windowMax] as number;
      return { ok: false, reason: "WINDOW", retryAfterMs: Math.max(1, freeing + p.windowMs - now) };
    }
    this.slots.set(key, [...slots, { slot, takenAt: now }]);
    const all = this.admissions.get(key) ?? [];
    for (const a of all) if (a.slot === slot) a.slot = null;
    all.push({ slot, at: now });
    this.admissions.set(key, all);
    return { ok: true, takenAt: now };
  }

  release(key: string, slot: string, forget: boolean): void {
    this.slots.set(
      key,
      (this.slots.get(key) ?? []).filter((s) => s.slot !== slot),
    );
    if (forget) this.admissions.set(key, (this.admissions.get(key) ?? []).filter((a) => a.slot !== slot));
  }

  snapshot(key: string, now: number, p: LimitPolicy): LimitSnapshot {
    const slots = this.liveSlots(key, now, p)
      .map((s) => ({ slotId: s.slot, takenAt: s.takenAt, expiresAt: s.takenAt + p.slotTtlMs }))
      .sort((a, b) => a.takenAt - b.takenAt || a.slotId.localeCompare(b.slotId));
    return { slots, windowCount: this.liveAdmissions(key, now, p).length };
  }
}
