import type { LimitPolicy } from "./ports/limiter.ts";
import { specLimitPolicy } from "./ports/limiter.ts";
import { generationClocks } from "../domain/generation-clocks.ts";

/** The spec's clocks, divided by GATEAI_TIME_SCALE. */
export interface Timing {
  readonly timeScale: number;
  /** A concurrency slot frees itself this long after it was taken (spec: 10 min). */
  readonly slotTtlMs: number;
  /** Unfinished by then: the charge is refunded, the generation goes on (spec: 20 min). */
  readonly refundAfterMs: number;
  /** Unfinished by then: FAILED, "Generation timed out (40 min hard limit)" (spec: 40 min). */
  readonly hardLimitMs: number;
  readonly limits: LimitPolicy;
}

/** The clocks of domain/generation-clocks.ts, which the workload simulator reads too. */
export function timingFor(timeScale: number): Timing {
  const { slotTtlMs, refundAfterMs, hardLimitMs } = generationClocks(timeScale);
  return {
    timeScale,
    slotTtlMs,
    refundAfterMs,
    hardLimitMs,
    // The 30-second request window is a rate, not a generation clock: it does not scale.
    limits: Object.assign({}, specLimitPolicy, { slotTtlMs }),
  };
}
