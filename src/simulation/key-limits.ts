/**
 * One key's admission limits as the simulator keeps them: concurrency slots that free themselves
 * `slotTtlMs` after they were taken, and a sliding window of `windowMax` admissions per
 * `windowMs`. The decisions (and Retry-After) are the in-process limiter's
 * (adapters/limits/memory-limiter.ts), held equal to it by a property test
 * (test/simulation/key-limits.test.ts); ids are numbers here, and the arrays stay as short as the
 * limits (5 and 5 in the spec), so a decision is a few comparisons.
 */

/** The limiter's policy (services/ports/limiter.ts `LimitPolicy`, same fields). */
export interface LimitRules {
  readonly maxConcurrent: number;
  readonly slotTtlMs: number;
  readonly windowMax: number;
  readonly windowMs: number;
}

export const ADMITTED = 0;
export const REFUSED_CONCURRENCY = 1;
export const REFUSED_WINDOW = 2;

export class KeyLimits {
  /** Held slots, oldest first: their ids and when each was taken (`slotCount` of them). */
  private readonly slotIds: Int32Array;
  private readonly slotAts: Float64Array;
  private slotCount = 0;
  /** Counted admissions, oldest first; an id of -1 once its slot id was admitted again. */
  private readonly windowIds: Int32Array;
  private readonly windowAts: Float64Array;
  private windowCount = 0;
  /** After a refusal: ms until the key could be admitted again (>= 1). */
  retryAfterMs = 0;
  /** The first instant at which a slot or an admission expires (nothing to trim before it). */
  private trimAt = Number.POSITIVE_INFINITY;

  constructor(private readonly rules: LimitRules) {
    // An admission needs fewer than the limit held (counted), so the arrays never hold more.
    this.slotIds = new Int32Array(rules.maxConcurrent + 1);
    this.slotAts = new Float64Array(rules.maxConcurrent + 1);
    this.windowIds = new Int32Array(rules.windowMax + 1);
    this.windowAts = new Float64Array(rules.windowMax + 1);
  }

  /** Admits `id` at `now` (takes a slot and counts it), or says why not (retryAfterMs set). */
  admit(id: number, now: number): number {
    const rules = this.rules;
    this.trim(now);
    const held = this.slotCount;
    for (let i = 0; i < held; i++) if (this.slotIds[i] === id) return ADMITTED;
    if (held >= rules.maxConcurrent) {
      // The place frees when enough of the earliest slots have expired to get below the limit.
      const freeing = this.slotAts[held - rules.maxConcurrent]!;
      this.retryAfterMs = Math.max(1, freeing + rules.slotTtlMs - now);
      return REFUSED_CONCURRENCY;
    }
    const counted = this.windowCount;
    if (counted >= rules.windowMax) {
      this.retryAfterMs = Math.max(1, this.windowAts[counted - rules.windowMax]! + rules.windowMs - now);
      return REFUSED_WINDOW;
    }
    this.slotCount = insertSorted(this.slotIds, this.slotAts, held, id, now);
    for (let i = 0; i < counted; i++) if (this.windowIds[i] === id) this.windowIds[i] = -1;
    this.windowCount = insertSorted(this.windowIds, this.windowAts, counted, id, now);
    this.updateTrimAt();
    return ADMITTED;
  }

  /** Frees `id`'s slot; with `forget`, un-counts its admission too (the request was not accepted). */
  release(id: number, forget: boolean): void {
    this.slotCount = removeWhere(this.slotIds, this.slotAts, this.slotCount, id);
    if (forget) this.windowCount = removeWhere(this.windowIds, this.windowAts, this.windowCount, id);
    this.updateTrimAt();
  }

  /** Slots held and admissions counted at `now`. */
  snapshot(now: number): { readonly slots: number; readonly windowCount: number } {
    this.trim(now);
    return { slots: this.slotCount, windowCount: this.windowCount };
  }

  /** Drops slots taken at or before now - slotTtlMs and admissions at or before now - windowMs. */
  private trim(now: number): void {
    if (now < this.trimAt) return;
    const slotCut = now - this.rules.slotTtlMs;
    let kept = 0;
    for (let i = 0; i < this.slotCount; i++) {
      if (this.slotAts[i]! > slotCut) {
        this.slotIds[kept] = this.slotIds[i]!;
        this.slotAts[kept++] = this.slotAts[i]!;
      }
    }
    this.slotCount = kept;
    const windowCut = now - this.rules.windowMs;
    let dead = 0;
    while (dead < this.windowCount && this.windowAts[dead]! <= windowCut) dead++;
    if (dead > 0) {
      const count = this.windowCount - dead;
      for (let i = 0; i < count; i++) {
        this.windowIds[i] = this.windowIds[i + dead]!;
        this.windowAts[i] = this.windowAts[i + dead]!;
      }
      this.windowCount = count;
    }
    this.updateTrimAt();
  }

  private updateTrimAt(): void {
    const slot = this.slotCount > 0 ? this.slotAts[0]! + this.rules.slotTtlMs : Number.POSITIVE_INFINITY;
    const admission = this.windowCount > 0 ? this.windowAts[0]! + this.rules.windowMs : Number.POSITIVE_INFINITY;
    this.trimAt = slot < admission ? slot : admission;
  }
}

/** Inserts (id, at) into the first `count` entries keeping `ats` sorted (appends when time moves forward); the new count. */
function insertSorted(ids: Int32Array, ats: Float64Array, count: number, id: number, at: number): number {
  let i = count;
  while (i > 0 && ats[i - 1]! > at) {
    ids[i] = ids[i - 1]!;
    ats[i] = ats[i - 1]!;
    i--;
  }
  ids[i] = id;
  ats[i] = at;
  return count + 1;
}

/** Removes the entries of `id` from the first `count`; the new count. */
function removeWhere(ids: Int32Array, ats: Float64Array, count: number, id: number): number {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    if (ids[i] !== id) {
      ids[kept] = ids[i]!;
      ats[kept++] = ats[i]!;
    }
  }
  return kept;
}
