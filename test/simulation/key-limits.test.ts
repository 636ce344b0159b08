// The simulator's per-key limits (src/simulation/key-limits.ts) decide as the in-process limiter
// (src/adapters/limits/memory-limiter.ts) does: for any sequence of admissions, releases (with and
// without un-counting) and clock moves, the same admitted/refused answers, the same reasons, the
// same Retry-After, and the same slots and window counts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMemoryLimiter } from "../../src/adapters/limits/memory-limiter.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { specLimitPolicy, type LimitPolicy } from "../../src/services/ports/limiter.ts";
import { timingFor } from "../../src/services/timing.ts";
import { ADMITTED, KeyLimits, REFUSED_CONCURRENCY, REFUSED_WINDOW } from "../../src/simulation/key-limits.ts";

type Op =
  | { readonly kind: "admit"; readonly id: number }
  | { readonly kind: "release"; readonly id: number; readonly forget: boolean }
  | { readonly kind: "advance"; readonly ms: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("admit" as const), id: fc.integer({ min: 0, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("release" as const), id: fc.integer({ min: 0, max: 12 }), forget: fc.boolean() }) },
  // Small steps, steps across the 30 s window and steps across the slot's lifetime.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("advance" as const), ms: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(30_000, 600_000, 2_000)) }) },
);

const REASONS: Record<number, string> = { [REFUSED_CONCURRENCY]: "CONCURRENCY", [REFUSED_WINDOW]: "WINDOW" };

async function bothAgree(policy: LimitPolicy, ops: readonly Op[]): Promise<void> {
  const clock = manualClock(Date.UTC(2026, 11, 7, 9));
  const limiter = createMemoryLimiter(clock);
  const model = new KeyLimits(policy);
  for (const [step, o] of ops.entries()) {
    if (o.kind === "advance") clock.advance(o.ms);
    else if (o.kind === "release") {
      await limiter.release("k", String(o.id), { forgetRequest: o.forget });
      model.release(o.id, o.forget);
    } else {
      const real = await limiter.acquire("k", String(o.id), policy);
      const simulated = model.admit(o.id, clock.now());
      const seen = simulated === ADMITTED ? { ok: true } : { ok: false, reason: REASONS[simulated], retryAfterMs: model.retryAfterMs };
      expect(seen, `step ${step}`).toEqual(real.ok ? { ok: true } : { ok: false, reason: real.reason, retryAfterMs: real.retryAfterMs });
    }
    const snapshot = await limiter.snapshot("k", policy);
    expect(model.snapshot(clock.now()), `step ${step}`).toEqual({ slots: snapshot.slots.length, windowCount: snapshot.windowCount });
  }
}

describe("the simulator's key limits and the in-process limiter", () => {
  it("answer every sequence of admissions, releases and clock moves alike under the spec's policy", async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { maxLength: 80 }), (ops) => bothAgree(specLimitPolicy, ops)), { numRuns: 300 });
  });

  it("answer alike under a time-scaled policy (the slot freed after 10 min / scale)", async () => {
    const scaled = timingFor(300).limits;
    await fc.assert(fc.asyncProperty(fc.array(op, { maxLength: 80 }), (ops) => bothAgree(scaled, ops)), { numRuns: 200 });
  });

  it("answer alike under other limits (1..7 in flight, 1..7 per window)", async () => {
    const policy = fc.record({ maxConcurrent: fc.integer({ min: 1, max: 7 }), windowMax: fc.integer({ min: 1, max: 7 }), windowMs: fc.constantFrom(1_000, 30_000), slotTtlMs: fc.constantFrom(2_000, 600_000) });
    await fc.assert(fc.asyncProperty(policy, fc.array(op, { maxLength: 60 }), (p, ops) => bothAgree(p, ops)), { numRuns: 200 });
  });
});
