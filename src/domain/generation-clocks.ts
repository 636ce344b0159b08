/**
 * The spec's generation clocks and the task driver's pool rules, as data: the task driver
 * (services/task-driver.ts, services/timing.ts) and the workload simulator (src/simulation) both
 * read them here, so a simulated day keeps the rules the gateway runs.
 *
 * Spec ("Personal Dashboard" → "Generation timeouts", and the rate-limit paragraph): 10 minutes
 * frees the concurrency slot while the generation goes on, 20 minutes refunds an unfinished
 * generation, 40 minutes fails it. Every clock is divided by the time scale
 * (GATEAI_TIME_SCALE); the 30-second request window is a rate, not a generation clock, and does
 * not scale.
 */

const MINUTE = 60_000;

/** The generation clocks at time scale 1, in ms. */
export const SPEC_CLOCKS_MS = {
  slotTtl: 10 * MINUTE,
  refundAfter: 20 * MINUTE,
  hardLimit: 40 * MINUTE,
  /** An upstream account locked after repeated failures rests this long. */
  accountCooldown: 5 * MINUTE,
} as const;

/** Per-key admission limits (spec: 5 in flight, 5 per 30 s): the gateway's limiters (services/ports/limiter.ts `specLimitPolicy`) and the simulator read them here. */
export const SPEC_LIMITS = { maxConcurrent: 5, windowMax: 5, windowMs: 30_000 } as const;

/** The driver's pool rules: attempts per task before a retryable failure is final; failures in a row that lock an account. */
export const DRIVER_RULES = { maxAttempts: 3, accountFailureThreshold: 3 } as const;

export interface GenerationClocks {
  readonly slotTtlMs: number;
  readonly refundAfterMs: number;
  readonly hardLimitMs: number;
  readonly accountCooldownMs: number;
}

/** The generation clocks at `timeScale` (> 0). */
export function generationClocks(timeScale: number): GenerationClocks {
  return {
    slotTtlMs: SPEC_CLOCKS_MS.slotTtl / timeScale,
    refundAfterMs: SPEC_CLOCKS_MS.refundAfter / timeScale,
    hardLimitMs: SPEC_CLOCKS_MS.hardLimit / timeScale,
    accountCooldownMs: SPEC_CLOCKS_MS.accountCooldown / timeScale,
  };
}
