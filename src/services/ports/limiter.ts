/**
 * Per-key admission limits: concurrency slots and a sliding request window.
 * One `acquire` is one atomic decision (a Lua script in Redis, a synchronous step in process),
 * so the limits stay exact under any concurrency and across processes sharing Redis.
 */
import { SPEC_CLOCKS_MS, SPEC_LIMITS } from "../../domain/generation-clocks.ts";

export interface LimitPolicy {
  /** Max slots held at once per key (spec: 5). */
  readonly maxConcurrent: number;
  /** A slot frees itself this long after it was taken, even if never released (spec: 10 min). */
  readonly slotTtlMs: number;
  /** Max admissions per key in any window of `windowMs` (spec: 5 per 30 s). */
  readonly windowMax: number;
  readonly windowMs: number;
}

/**
 * The spec's limits at time scale 1: the numbers are domain/generation-clocks.ts's, which the
 * workload simulator reads too, so the gateway's limiters and a simulated day keep one rule.
 */
export const specLimitPolicy: LimitPolicy = {
  maxConcurrent: SPEC_LIMITS.maxConcurrent,
  slotTtlMs: SPEC_CLOCKS_MS.slotTtl,
  windowMax: SPEC_LIMITS.windowMax,
  windowMs: SPEC_LIMITS.windowMs,
};

export type AcquireResult =
  | { readonly ok: true; readonly takenAt: number }
  | {
      readonly ok: false;
      readonly reason: "CONCURRENCY" | "WINDOW";
      /** How long until this key could be admitted again (ms, >= 1). */
      readonly retryAfterMs: number;
    };

export interface HeldSlot {
  readonly slotId: string;
  readonly takenAt: number;
  readonly expiresAt: number;
}

export interface LimitSnapshot {
  readonly slots: readonly HeldSlot[];
  /** Admissions counted in the current window. */
  readonly windowCount: number;
}

export interface Limiter {
  /**
   * Admit one request for `keyId` holding slot `slotId`: succeeds only if both a slot is free
   * and the window has room; then takes the slot and counts the request, atomically.
   */
  acquire(keyId: string, slotId: string, policy: LimitPolicy): Promise<AcquireResult>;
  /** Free the slot (idempotent). With `forgetRequest`, also un-count it from the window (the request was not accepted after all). */
  release(keyId: string, slotId: string, options?: { forgetRequest?: boolean }): Promise<void>;
  snapshot(keyId: string, policy: LimitPolicy): Promise<LimitSnapshot>;
  close(): Promise<void>;
}
