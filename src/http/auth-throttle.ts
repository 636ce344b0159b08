import type { Clock } from "../kernel/clock.ts";

/**
 * Failed authentications per client address, the throttle both faces share: a token bucket per
 * address holding `perMinute` failures, refilled at `perMinute` a minute. A presented API key (or
 * admin token) that fails takes a token; once an address has none left, every request from it
 * that presents credentials not already known good is refused (REST 429 with Retry-After, GraphQL
 * HTTP 429 `RATE_LIMITED`) without looking them up, until a token is back. Guessing keys then
 * costs a minute per `perMinute` guesses, and a flood of wrong keys no database reads.
 *
 * A key lookup takes its token before it starts (`take`) and a valid key gives it back
 * (`settled`), so lookups sent at once are never more than the tokens left. A lookup that finds no
 * token while others of the address are out waits for one of them to give its token back instead
 * of being refused: a client sending more keys at once than the bucket holds (a backend serving
 * many users' keys from one address, after a restart) has them all looked up, while a flood of
 * wrong keys waits only as long as the lookups out take, then is refused.
 *
 * In-process: each gateway process keeps its own buckets (a client spreading guesses over N
 * processes gets N times the rate, still bounded). At most `maxAddresses` buckets are kept: when
 * full, full buckets (the same as none) are dropped first, then the least recently failed.
 */
export interface AuthThrottle {
  /**
   * Milliseconds until `address` may try again, or 0 when it may now: a token is left, or lookups
   * of the address are still out and may give theirs back (`take` then waits for them).
   */
  retryAfterMs(address: string): number;
  /** Records a failed authentication from `address` (a token spent without a lookup). */
  failed(address: string): void;
  /**
   * Takes a token for a key lookup from `address`: true when one was left; when none is but
   * lookups of the address are out, a promise that waits for one of them to give its token back
   * (true) or for none to be able to any more (false); false when neither.
   */
  take(address: string): boolean | Promise<boolean>;
  /** A lookup `take` let out has its answer: a valid key gives its token back (to the next lookup waiting, if any). */
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
  tokens: number;
  at: number;
  /** Lookups out, each holding a token it gives back if its key is valid. */
  out: number;
  /** Lookups waiting for a token one of those may give back, first come first served. */
  waiting: ((took: boolean) => void)[];
}

/**
 * Lookups of one address that may wait for a token at once; past it they are refused at once. A
 * client with this many keys the gateway has not seen in a minute, sent at once, is not one we
 * expect; a flood of wrong keys waits no longer than the lookups out take.
 */
export const MAX_WAITING_LOOKUPS = 1_000;

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

  /** A bucket with lookups out or waiting is kept whatever its tokens: they settle against it. */
  const idle = (bucket: Bucket) => bucket.out === 0 && bucket.waiting.length === 0;

  const makeRoom = (now: number) => {
    for (const [address, bucket] of buckets) if (idle(bucket) && tokensOf(bucket, now) >= perMinute) buckets.delete(address);
    // Still full: the least recently failed go (Map order is insertion order; `failed` re-inserts).
    for (const [address, bucket] of buckets) {
      if (buckets.size < maxAddresses) break;
      if (idle(bucket)) buckets.delete(address);
    }
  };

  /** The bucket of `address`, made full when it has none (room made first when the map is full). */
  const bucketOf = (address: string, now: number): Bucket => {
    let bucket = buckets.get(address);
    if (!bucket) {
      if (buckets.size >= maxAddresses) makeRoom(now);
      bucket = { tokens: perMinute, at: now, out: 0, waiting: [] };
      buckets.set(address, bucket);
    }
    return bucket;
  };

  /** Spends one of the bucket's tokens (it has one, or is let run below one by `failed`). */
  const spend = (bucket: Bucket, now: number) => {
    const left = Math.max(0, tokensOf(bucket, now) - 1);
    bucket.tokens = left;
    bucket.at = now;
    allFullAt = Math.max(allFullAt, now + Math.ceil((perMinute - left) / ratePerMs));
  };

  if (perMinute <= 0) return { retryAfterMs: () => 0, failed: () => undefined, take: () => true, settled: () => undefined, active: () => false, size: 0 };

  return {
    retryAfterMs(address) {
      const bucket = buckets.get(address);
      if (!bucket) return 0;
      const tokens = tokensOf(bucket, clock.now());
      if (tokens >= 1 || (bucket.out > 0 && bucket.waiting.length < MAX_WAITING_LOOKUPS)) return 0;
      return Math.max(1, Math.ceil((1 - tokens) / ratePerMs));
    },
    failed(address) {
      const now = clock.now();
      const bucket = bucketOf(address, now);
      // Re-inserted: the map's order is the order of the last failure (makeRoom drops the oldest).
      buckets.delete(address);
      buckets.set(address, bucket);
      spend(bucket, now);
    },
    take(address) {
      const now = clock.now();
      const bucket = bucketOf(address, now);
      if (tokensOf(bucket, now) >= 1) {
        spend(bucket, now);
        bucket.out++;
        return true;
      }
      if (bucket.out === 0 || bucket.waiting.length >= MAX_WAITING_LOOKUPS) return false;
      return new Promise<boolean>((resolve) => bucket.waiting.push(resolve));
    },
    settled(address, valid) {
      const bucket = buckets.get(address);
      if (!bucket) return;
      const now = clock.now();
      bucket.out--;
      if (valid) {
        bucket.tokens = Math.min(perMinute, tokensOf(bucket, now) + 1);
        bucket.at = now;
      }
      // The next lookups waiting take the tokens there are; once none is left and none is out to
      // give one back, the rest are refused.
      while (bucket.waiting.length > 0 && tokensOf(bucket, now) >= 1) {
        spend(bucket, now);
        bucket.out++;
        bucket.waiting.shift()!(true);
      }
      if (bucket.out === 0) for (const resolve of bucket.waiting.splice(0)) resolve(false);
    },
    active() {
      if (buckets.size === 0) return false;
      if (clock.now() < allFullAt) return true;
      for (const [address, bucket] of buckets) if (idle(bucket)) buckets.delete(address);
      return buckets.size > 0;
    },
    get size() {
      return buckets.size;
    },
  };
}

/** The message of a refusal, with the wait in whole seconds. */
export const authThrottledMessage = (retryAfterMs: number): string =>
  `Too many failed authentications from this address: retry in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`;
