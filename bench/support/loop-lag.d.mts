export interface LoopLag {
  /** Stops sampling: the worst lateness in ms per `windowMs` (100) from `fromEpochMs`. */
  stop(fromEpochMs: number, windowMs?: number): number[];
}
export function startLoopLag(intervalMs?: number): LoopLag;
