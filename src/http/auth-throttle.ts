import type { Clock } from "../kernel/clock.ts";

/**
 * Failed authentications per client address, the throttle both faces share: a token bucket per
 * address holding `perMinute` failures, refilled at `perMinute` a minute. A presented API key (or
 * admin token) that fails takes a token; once an address has none left, every request from it
 * that presents credentials not already known good is refused (REST 429 with Retry-After, GraphQL
 * HTTP 429 `RATE_LIMITED`) without looking them up, until a token is back. Guessing keys then
 * costs a minute per `perMinute` guesses, and a flood of wrong keys no database reads.
 *
 * Key lookups under way are counted apart from the tokens (`take`, `settled`): an address may
 * have as many lookups out at once as it has tokens plus LOOKUPS_BEYOND_TOKENS, and a wrong key
 * found by one spends a token then, into debt if need be (down to -(perMinute + LOOKUPS_BEYOND_TOKENS)), which
 * the address repays at `perMinute` a minute before it may try again. So wrong keys sent at once
 * get at most that many database reads and the long-run rate stays `perMinute`, while a client
 * sending many valid keys the gateway has not seen yet at once (a backend serving its users' keys
 * from one address, after a restart) has them looked up instead of refused for their number.
 *
 * In-process: each gateway process keeps its own buckets (a client spreading guesses over N
 * processes gets N times the rate, still bounded). At most `maxAddresses` buckets are kept: when
 * full, full buckets (the same as none) are dropped first, then the least recently failed.
 */
export interface AuthThrottle {
  /** Milliseconds until `address` may try again, or 0 when it may now. */
  retryAfterMs(address: string): number;
  /** Records a failed authentication from `address`. */
  failed(address: string): void;
  /**
   * Counts a key lookup from `address` as under way, or false when the address has as many out as
   * its tokens (debt counted) plus LOOKUPS_BEYOND_TOKENS allow. Pair each true with one `settled`.
   */
  take(address: string): boolean;
  /** A lookup `take` counted has its answer: a key not valid (or no answer) is a failed authentication. */
  settled(address: string, valid: boolean): void;
  /**
   * False when no address has failed within the last minute (every bucket is full again, and the
   * buckets are dropped): callers can skip reading the client's address at all.
   */
  active(): boolean;
  /** Addresses with a bucket (for tests and metrics). */
  readonly size: number;
}

export interface AuthThrottleOptions {
  /** Failures an address may make per minute (and in a burst); 0 turns the throttle off. */
  readonly perMinute: number;
  readonly clock: Clock;
  /** Buckets kept at most (default 10,000). */
  readonly maxAddresses?: number;
}

interface Bucket {
  /** Below 0: failures owed (lookups out when the tokens ran out found wrong keys). */
  tokens: number;
  at: number;
}

/**
 * Lookups an address may have out at once beyond its tokens, and the debt its wrong keys may run
 * up: the most a burst of wrong keys costs in database reads beyond the bucket, and the most valid
 * keys new to the gateway a client may send at once beyond it.
 */
export const LOOKUPS_BEYOND_TOKENS = 100;

const MINUTE_MS = 60_000;

export function createAuthThrottle(options: AuthThrottleOptions): AuthThrottle {
  const { perMinute, clock } = options;
  const maxAddresses = options.maxAddresses ?? 10_000;
  const buckets = new Map<string, Bucket>();
  const ratePerMs = perMinute / MINUTE_MS;
  /** When every bucket will be full again. */
  let allFullAt = 0;

  /** The bucket's tokens now (refilled since it was last touched). */
  const tokensOf = (bucket: Bucket, now: number): number => Math.min(perMinute, bucket.tokens + (now - bucket.at) * ratePerMs);

  const makeRoom = (now: number) => {
    for (const [address, bucket] of buckets) if (tokensOf(bucket, now) >= perMinute) buckets.delete(address);
    // Still full: the least recently failed go (Map order is insertion order; `failed` re-inserts).
    for (const address of buckets.keys()) {
      if (buckets.size < maxAddresses) break;
      buckets.delete(address);
    }
  };

  /** Lookups under way per address (none: no entry). */
  const lookupsOut = new Map<string, number>();

  const fail = (address: string) => {
    const now = clock.now();
    const bucket = buckets.get(address);
    const tokens = bucket ? tokensOf(bucket, now) : perMinute;
    if (bucket) buckets.delete(address);
    else if (buckets.size >= maxAddresses) makeRoom(now);
    // The lookups out may all find wrong keys, and other failures come meanwhile (admin tokens).
    const left = Math.max(-(perMinute + LOOKUPS_BEYOND_TOKENS), tokens - 1);
    buckets.set(address, { tokens: left, at: now });
    allFullAt = Math.max(allFullAt, now + Math.ceil((perMinute - left) / ratePerMs));
  };

  if (perMinute <= 0) return { retryAfterMs: () => 0, failed: () => undefined, take: () => true, settled: () => undefined, active: () => false, size: 0 };

  return {
    retryAfterMs(address) {
      const bucket = buckets.get(address);
      if (!bucket) return 0;
      const tokens = tokensOf(bucket, clock.now());
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / ratePerMs);
    },
    failed: fail,
    take(address) {
      const bucket = buckets.get(address);
      const tokens = bucket ? tokensOf(bucket, clock.now()) : perMinute;
      const out = lookupsOut.get(address) ?? 0;
      if (out >= tokens + LOOKUPS_BEYOND_TOKENS) return false;
      lookupsOut.set(address, out + 1);
      return true;
    },
    settled(address, valid) {
      const out = lookupsOut.get(address) ?? 0;
      if (out <= 1) lookupsOut.delete(address);
      else lookupsOut.set(address, out - 1);
      if (!valid) fail(address);
    },
    active() {
      if (buckets.size === 0) return false;
      if (clock.now() < allFullAt) return true;
      buckets.clear();
      return false;
    },
    get size() {
      return buckets.size;
    },
  };
}

/** The message of a refusal, with the wait in whole seconds. */
export const authThrottledMessage = (retryAfterMs: number): string =>
  `Too many failed authentications from this address: retry in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`;
