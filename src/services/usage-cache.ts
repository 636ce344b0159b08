import type { Micros } from "../kernel/money.ts";
import type { Clock } from "../kernel/clock.ts";

/**
 * Recently read day-usage per key, for estimates only (they charge nothing; generate always
 * charges with one atomic statement). Entries live `ttlMs`; a charge made here raises the entry
 * at once, so an estimate after a generate in this process is never behind it. A refund, or a
 * charge in another process, shows within `ttlMs`.
 */
export interface UsageCache {
  get(keyId: string, day: string): Micros | undefined;
  /** Usage seen after a charge (usage only grows between refunds, so the larger value wins). */
  raise(keyId: string, day: string, used: Micros): void;
  set(keyId: string, day: string, used: Micros): void;
}

export function createUsageCache(clock: Clock, ttlMs = 1_000, maxEntries = 50_000): UsageCache {
  const entries = new Map<string, { day: string; used: Micros; expires: number }>();
  const put = (keyId: string, day: string, used: Micros) => {
    if (entries.size >= maxEntries) entries.clear();
    entries.set(keyId, { day, used, expires: clock.now() + ttlMs });
  };
  return {
    get(keyId, day) {
      const entry = entries.get(keyId);
      if (!entry || entry.day !== day || entry.expires <= clock.now()) return undefined;
      return entry.used;
    },
    raise(keyId, day, used) {
      const entry = entries.get(keyId);
      put(keyId, day, entry && entry.day === day && entry.expires > clock.now() ? Math.max(entry.used, used) : used);
    },
    set: put,
  };
}
