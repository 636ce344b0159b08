/**
 * In-process `Limiter`: the same decisions as the Redis adapter, for one process.
 * Every method body runs its decision without awaiting, so concurrent callers in the
 * event loop can never interleave inside a decision: the limits are exact.
 */
import type { AcquireResult, HeldSlot, LimitPolicy, LimitSnapshot, Limiter } from "../../services/ports/limiter.ts";
import type { Clock } from "../../kernel/clock.ts";

/** One counted admission. `slotId` is null once a reused slotId has been admitted again. */
interface WindowEntry {
  slotId: string | null;
  readonly admittedAt: number;
}

interface KeyState {
  /** slotId → takenAt. */
  readonly slots: Map<string, number>;
  /** Sorted by admittedAt, oldest first. */
  window: WindowEntry[];
  /** By then every entry is dead under the last policy seen (like the Redis keys' PEXPIRE). */
  idleAt: number;
}

/** Keys never touched again are swept at most this often (in clock time), so memory stays bounded. */
const SWEEP_EVERY_MS = 60_000;

export function createMemoryLimiter(clock: Clock): Limiter {
  const keys = new Map<string, KeyState>();
  let nextSweepAt = Number.NEGATIVE_INFINITY;

  function sweep(now: number): void {
    if (now < nextSweepAt) return;
    nextSweepAt = now + SWEEP_EVERY_MS;
    for (const [keyId, state] of keys) {
      if (state.idleAt <= now) keys.delete(keyId);
    }
  }

  /** Drops expired slots and window entries (a slot dies at takenAt+ttl, an admission at admittedAt+windowMs). */
  function trim(state: KeyState, now: number, policy: LimitPolicy): void {
    for (const [slotId, takenAt] of state.slots) {
      if (takenAt <= now - policy.slotTtlMs) state.slots.delete(slotId);
    }
    const firstLive = state.window.findIndex((e) => e.admittedAt > now - policy.windowMs);
    state.window = firstLive === -1 ? [] : state.window.slice(firstLive);
  }

  function forgetIfEmpty(keyId: string, state: KeyState): void {
    if (state.slots.size === 0 && state.window.length === 0) keys.delete(keyId);
  }

  function liveState(keyId: string, now: number, policy: LimitPolicy): KeyState | undefined {
    sweep(now);
    const state = keys.get(keyId);
    if (state === undefined) return undefined;
    trim(state, now, policy);
    return state;
  }

  function acquireNow(keyId: string, slotId: string, policy: LimitPolicy): AcquireResult {
    const now = clock.now();
    const state = liveState(keyId, now, policy) ?? { slots: new Map<string, number>(), window: [], idleAt: now };

    const heldSince = state.slots.get(slotId);
    if (heldSince !== undefined) return { ok: true, takenAt: heldSince };

    if (state.slots.size >= policy.maxConcurrent) {
      // The place frees when enough of the earliest slots have expired to get below the limit.
      const takenAts = [...state.slots.values()].sort((a, b) => a - b);
      const freeing = takenAts[state.slots.size - policy.maxConcurrent] ?? now;
      forgetIfEmpty(keyId, state);
      return { ok: false, reason: "CONCURRENCY", retryAfterMs: Math.max(1, freeing + policy.slotTtlMs - now) };
    }
    if (state.window.length >= policy.windowMax) {
      const freeing = state.window[state.window.length - policy.windowMax]?.admittedAt ?? now;
      forgetIfEmpty(keyId, state);
      return { ok: false, reason: "WINDOW", retryAfterMs: Math.max(1, freeing + policy.windowMs - now) };
    }

    state.slots.set(slotId, now);
    // A reused slotId that is still counted keeps counting as its own admission.
    for (const entry of state.window) {
      if (entry.slotId === slotId) entry.slotId = null;
    }
    insertSorted(state.window, { slotId, admittedAt: now });
    state.idleAt = Math.max(state.idleAt, now + Math.max(policy.slotTtlMs, policy.windowMs));
    keys.set(keyId, state);
    return { ok: true, takenAt: now };
  }

  return {
    async acquire(keyId, slotId, policy) {
      return acquireNow(keyId, slotId, policy);
    },

    async release(keyId, slotId, options) {
      sweep(clock.now());
      const state = keys.get(keyId);
      if (state === undefined) return;
      state.slots.delete(slotId);
      if (options?.forgetRequest === true) {
        state.window = state.window.filter((e) => e.slotId !== slotId);
      }
      forgetIfEmpty(keyId, state);
    },

    async snapshot(keyId, policy): Promise<LimitSnapshot> {
      const state = liveState(keyId, clock.now(), policy);
      if (state === undefined) return { slots: [], windowCount: 0 };
      const slots: HeldSlot[] = [...state.slots]
        .map(([slotId, takenAt]) => ({ slotId, takenAt, expiresAt: takenAt + policy.slotTtlMs }))
        .sort((a, b) => a.takenAt - b.takenAt || (a.slotId < b.slotId ? -1 : a.slotId > b.slotId ? 1 : 0));
      const windowCount = state.window.length;
      forgetIfEmpty(keyId, state);
      return { slots, windowCount };
    },

    async close() {
      keys.clear();
    },
  };
}

/** Keeps the window sorted even if the clock was set back; appends in the usual case. */
function insertSorted(window: WindowEntry[], entry: WindowEntry): void {
  let i = window.length;
  while (i > 0 && (window[i - 1]?.admittedAt ?? Number.NEGATIVE_INFINITY) > entry.admittedAt) i--;
  window.splice(i, 0, entry);
}
